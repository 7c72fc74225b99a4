import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { addArticle, addArticleFromUrl, type AddArticleInput } from '../../services/articles.js'
import { EXIT, printJson, printText, unfetchableScheme, type CliContext } from '../context.js'
import { presentStored } from './show.js'

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

/** `newsdesk add <file|url|->`: extract, analyse and store one article. */
export function addCommand(ctx: CliContext): Command {
  return new Command('add')
    .description('add one article from a file, a URL or standard input (-)')
    .argument('<source>', 'a .html/.txt/.md file, an http(s) URL, or - for standard input')
    .option('--url <url>', 'the page address of a file or pasted text')
    .option('--json', 'print the stored article with its quotes as JSON')
    .addHelpText('after', '\nPrints "added <id>"; an article already stored (same text, or a fetched page at the same address)\nis updated: "updated <id>", or "unchanged <id>" when nothing of it changed.')
    .action(async (source: string, opts: { url?: string; json?: boolean }) => {
      const deps = await ctx.open()
      const isUrl = /^https?:\/\//i.test(source)
      // "file:///etc/passwd", "ftp://…": an address of another kind is refused as one, not read as a file name.
      const refused = unfetchableScheme(source)
      if (refused) {
        ctx.stderr.write(`newsdesk add: ${refused}\n`)
        process.exitCode = EXIT.usage
        return
      }
      let result
      if (isUrl) {
        result = await addArticleFromUrl(deps, source)
      } else {
        let input: AddArticleInput
        try {
          const body = source === '-' ? await readStdin() : new Uint8Array(await readFile(source))
          input = { body, fileName: source === '-' ? null : source, url: opts.url ?? null, source: source === '-' ? 'paste' : 'upload' }
        } catch (err) {
          ctx.stderr.write(`newsdesk add: cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`)
          process.exitCode = EXIT.failed
          return
        }
        result = await addArticle(deps, input)
      }
      if (!result.ok) {
        // The operator typed the address: they may know what it resolved to.
        printText(ctx.stderr, `newsdesk add: ${source}: ${result.error.detail ?? result.error.message} (${result.error.code})\n`)
        process.exitCode = EXIT.failed
        return
      }
      const added = result.value
      if (opts.json) {
        printJson(ctx, { ...added, ...(await presentStored(deps, added.id)) })
        return
      }
      const outcome = added.created ? 'added' : added.unchanged ? 'unchanged' : 'updated'
      printText(
        ctx.stdout,
        `${outcome} ${added.id}\n  title:    ${added.title}\n  quotes:   ${added.quoteCount}\n  speakers: ${added.speakers.length}${added.speakers.length ? ` (${added.speakers.join(', ')})` : ''}\n`,
      )
    })
}
