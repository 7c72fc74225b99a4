import { Command } from 'commander'
import { quotesMatching } from '../../services/quote-search.js'
import { MAX_SEARCH_OFFSET, searchArticles } from '../../services/search.js'
import { EXIT, paged, printJson, printText, type CliContext } from '../context.js'

/** `newsdesk search <query>`: articles (one per story) and who said it, as the web search shows them. */
export function searchCommand(ctx: CliContext): Command {
  return paged(
    new Command('search')
      .description('search the desk: articles (one per story, best first) and the quotes that say it')
      .argument('<query...>', 'words (all must match), "a phrase", a OR b, -excluded'),
      'articles',
      { max: 100, fallback: 30 },
      MAX_SEARCH_OFFSET,
    )
    .option('--json', 'print JSON: items, next, match, quotes, quoteMatch')
    // "-word" excludes a word: it is part of the query, not an option ("--word" is a mistyped option: a usage error).
    .allowUnknownOption()
    .addHelpText('after', '\nExit code 1 when nothing matches.\nExample: newsdesk search \'"maximum pressure" OR sanctions -tariffs\' --json')
    .action(async (words: string[], opts: { limit: number; offset: number; json?: boolean }) => {
      const unknown = words.find((w) => w.startsWith('--'))
      const query = words.join(' ').trim()
      if (unknown !== undefined || query === '') {
        ctx.stderr.write(`newsdesk search: ${query === '' ? 'give words to search for' : `unknown option ${unknown} (a single dash excludes a word: -word)`}\n`)
        process.exitCode = EXIT.usage
        return
      }
      const deps = await ctx.open()
      const noQuotes = { quotes: [], match: 'all' as const }
      // Who said it is the first page's: later pages are more articles.
      const [results, quotes] = await Promise.all([searchArticles(deps, query, { limit: opts.limit, offset: opts.offset }), opts.offset === 0 ? quotesMatching(deps, query) : noQuotes])
      if (results.items.length === 0 && quotes.quotes.length === 0) process.exitCode = EXIT.failed
      if (opts.json) return printJson(ctx, { ...results, quotes: quotes.quotes, quoteMatch: quotes.match })
      const lines: string[] = []
      if (results.match === 'any') lines.push('No article has every word; these have some of them.')
      for (const a of results.items) lines.push(`${a.id}  ${a.title}${a.outlet || a.publishedAt ? `  (${[a.outlet, a.publishedAt?.slice(0, 10)].filter(Boolean).join(', ')})` : ''}`)
      if (results.items.length === 0) lines.push(opts.offset === 0 ? 'No article matches.' : 'No more articles.')
      if (results.next !== null) lines.push(`More: --offset ${results.next}`)
      if (quotes.quotes.length > 0) {
        lines.push('', quotes.match === 'any' ? 'Who said it (no quote has every word; these have some):' : 'Who said it:')
        for (const q of quotes.quotes) lines.push(`  - ${q.speakerName ?? 'unattributed'}: “${q.text}” (${q.articleTitle})`)
      }
      printText(ctx.stdout, `${lines.join('\n')}\n`)
    })
}
