import { Command } from 'commander'
import type { ServiceDeps } from '../../services/deps.js'
import { articleDetail, viewArticle } from '../../services/reading.js'
import { hostOf, RELATION_LABEL } from '../../lib/wording.js'
import { EXIT, printJson, printText, type CliContext } from '../context.js'

/** The stored article as `show --json` and `add --json` print it. */
export async function presentStored(deps: ServiceDeps, id: string) {
  const view = await viewArticle(deps, id)
  return view ? articleDetail(view) : null
}

/** `newsdesk show <id>`: an article, its quotes and Similar Posts. */
export function showCommand(ctx: CliContext): Command {
  return new Command('show')
    .description('print a stored article with who said what and Similar Posts')
    .argument('<id>', 'article id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const deps = await ctx.open()
      const shown = await presentStored(deps, id)
      if (!shown) {
        ctx.stderr.write(`newsdesk show: no article ${id}\n`)
        process.exitCode = EXIT.failed
        return
      }
      if (opts.json) return printJson(ctx, shown)
      printText(ctx.stdout, formatShown(shown))
    })
}

/** The article as text: its body, its copies ("Also published as", as on the web page), who said what and Similar Posts. */
function formatShown(shown: ReturnType<typeof articleDetail>): string {
  const a = shown.article
  const lines = [a.title, a.dek ?? '', [a.outlet, a.publishedAt].filter(Boolean).join(' · '), '']
  for (const b of a.blocks) lines.push(b.kind === 'heading' ? `\n## ${b.text}\n` : b.kind === 'caption' ? `[${b.text}]` : b.text)
  // The article's copies, as the web page names them under its text.
  if (shown.duplicates.length > 0) lines.push('', 'Also published as:')
  for (const d of shown.duplicates) lines.push(`  - ${d.title} [${d.id}]${hostOf(d.url) ? ` (${hostOf(d.url)})` : ''}`)
  lines.push('', 'Who said what:')
  for (const q of shown.quotes) lines.push(`  - ${q.speakerName ?? 'unattributed'}${q.role ? ` (${q.role})` : ''}: “${q.text}”`)
  lines.push('', 'Similar Posts:')
  for (const s of shown.similar) lines.push(`  - ${s.title} [${s.id}] (${RELATION_LABEL[s.relation]})`)
  return `${lines.join('\n')}\n`
}
