import { serve } from '@hono/node-server'
import { Command } from 'commander'
import type { Hono } from 'hono'
import type { AppEnv } from '../../http/env.js'
import type { ServiceDeps } from '../../services/deps.js'
import { EXIT, type CliContext } from '../context.js'

/** What the composition root hands `serve`: the app, and the background work (feed scheduler + job worker). */
export interface ServerParts {
  buildApp(deps: ServiceDeps): Hono<AppEnv>
  startBackground(deps: ServiceDeps): { stop(): Promise<void> }
}

/** `newsdesk serve`: the web app and API, with feeds polled in the same process unless --no-worker. */
export function serveCommand(ctx: CliContext, defaults: { host: string; port: number }, parts: ServerParts): Command {
  return new Command('serve')
    .description('serve the web app and the API (and poll feeds, unless --no-worker)')
    .option('-p, --port <port>', 'port to listen on', String(defaults.port))
    .option('--host <host>', 'address to listen on', defaults.host)
    .option('--no-worker', 'do not poll feeds or run jobs here (run `newsdesk feed run` elsewhere)')
    .action(async (opts: { port: string; host: string; worker: boolean }) => {
      const port = Number(opts.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        ctx.stderr.write(`newsdesk serve: --port must be a number from 0 to 65535, not "${opts.port}"\n`)
        process.exit(EXIT.usage)
      }
      const deps = await ctx.open()
      const app = parts.buildApp(deps)
      let background: { stop(): Promise<void> } | null = null
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        background = opts.worker ? parts.startBackground(deps) : null
        ctx.stdout.write(`newsdesk serving http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${info.port}\n`)
      })
      server.once('error', (err: NodeJS.ErrnoException) => {
        ctx.stderr.write(`newsdesk serve: cannot listen on ${opts.host}:${port}: ${err.code === 'EADDRINUSE' ? 'the port is in use' : err.message}\n`)
        void ctx.close().finally(() => process.exit(EXIT.failed))
      })
      const stop = () => {
        server.close()
        void ((background as { stop(): Promise<void> } | null)?.stop() ?? Promise.resolve())
          .then(() => ctx.close())
          .finally(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      await new Promise(() => undefined)
    })
}
