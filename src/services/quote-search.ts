import { anyTerm, groupsMatched, isEmptyQuery, parseQuery, requiresSeveral, textMatches, type SearchQuery } from '../search/query.js'
import { quotesMatchingQuery, type PersonQuote } from '../store/repos/analysis-repo.js'
import type { ServiceDeps } from './deps.js'
import { withoutCopies } from './reading.js'

/** How many quotes a search shows, and how many index matches it reads to find them (newest first). */
const QUOTES_SHOWN = 30
const CANDIDATES = 500

export interface QuoteResults {
  /** 'all': newest first, every one matches the whole query; 'any': none did, these have some of its terms, most first. */
  quotes: PersonQuote[]
  match: 'all' | 'any'
}

/**
 * Who said it: the quotes a search finds, with the search box's language
 * (search/query.ts: words, "phrases", OR, -word), word for word (no
 * stemming), one copy per story. When no quote matches every term, the
 * quotes holding any of them are given instead, those holding the most
 * first, and `match` says so, as article search does.
 */
export async function quotesMatching(deps: ServiceDeps, text: string): Promise<QuoteResults> {
  const query = parseQuery(text)
  const quotes = await findQuotes(deps, query)
  if (quotes.length > 0 || !requiresSeveral(query)) return { quotes: quotes.slice(0, QUOTES_SHOWN), match: 'all' }
  const some = await findQuotes(deps, anyTerm(query))
  // Stable sort: among quotes holding as many terms, the newest stay first.
  const ranked = some.sort((a, b) => groupsMatched(query, b.text) - groupsMatched(query, a.text))
  return { quotes: ranked.slice(0, QUOTES_SHOWN), match: 'any' }
}

/**
 * The quotes matching a query, newest first: the index finds them, and each
 * quote's own words decide (the one check: where the index's tokenizer reads
 * a word differently, both engines still agree with search/query.ts).
 */
async function findQuotes(deps: ServiceDeps, query: SearchQuery): Promise<PersonQuote[]> {
  if (isEmptyQuery(query)) return []
  const candidates = await quotesMatchingQuery(deps.store.db, deps.store.dialect, query, CANDIDATES)
  const matching = candidates.filter((q) => textMatches(query, q.text))
  return withoutCopies(deps, matching, (q) => q.articleId)
}
