import { serve } from '@hono/node-server'
import { Command } from 'commander'
import { createApp } from '../../http/app.js'
import type { CliContext } from '../context.js'

/** `newsdesk serve`: the web app and API. */
export function serveCommand(ctx: CliContext, defaults: { host: string; port: number }): Command {
  return new Command('serve')
    .description('serve the web app and the API')
    .option('-p, --port <port>', 'port to listen on', String(defaults.port))
    .option('--host <host>', 'address to listen on', defaults.host)
    .action(async (opts: { port: string; host: string }) => {
      const deps = await ctx.open()
      const app = createApp(deps)
      const server = serve({ fetch: app.fetch, port: Number(opts.port), hostname: opts.host }, (info) => {
        ctx.stdout.write(`newsdesk serving http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${info.port}\n`)
      })
      const stop = () => {
        server.close()
        void ctx.close().then(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      await new Promise(() => undefined)
    })
}
