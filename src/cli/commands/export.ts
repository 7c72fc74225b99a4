import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Command, Option } from 'commander'
import { exportArticles } from '../../services/export.js'
import type { CliContext } from '../context.js'

/** `newsdesk export`: every article with its quotes as JSONL (or only the quotes), for research tools. */
export function exportCommand(ctx: CliContext): Command {
  return new Command('export')
    .description('write every stored article with its quotes as JSONL (one article a line), or only the quotes')
    .addOption(new Option('--what <what>', 'articles (with quotes) or quotes (one quote a line)').choices(['articles', 'quotes']).default('articles'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (opts: { what: 'articles' | 'quotes'; output?: string }) => {
      const deps = await ctx.open()
      let n = 0
      async function* lines(): AsyncGenerator<string> {
        for await (const item of exportArticles(deps, opts.what)) {
          n++
          yield `${JSON.stringify(item)}\n`
        }
      }
      try {
        await pipeline(Readable.from(lines()), opts.output ? createWriteStream(opts.output) : ctx.stdout, { end: Boolean(opts.output) })
      } catch (err) {
        // A reader that stops early (`| head`) is not an error.
        if ((err as NodeJS.ErrnoException).code === 'EPIPE') return
        throw err
      }
      ctx.stderr.write(`exported ${n} ${opts.what}\n`)
    })
}
