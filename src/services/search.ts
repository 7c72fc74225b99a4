import { anyTerm, parseQuery, requiresSeveral, type SearchQuery } from '../search/query.js'
import { searchArticleIds } from '../store/dialect.js'
import { listArticles, type ArticleSummary } from '../store/repos/article-repo.js'
import { clusterLeaders } from '../store/repos/relate-repo.js'
import type { ServiceDeps } from './deps.js'

/** How far search pages go: enough for anyone reading results, bounded work per request. */
export const MAX_SEARCH_OFFSET = 1000

export interface SearchResults {
  items: ArticleSummary[]
  /** Offset of the next page, or null when this page is the last. */
  next: number | null
  /** 'all': the articles have every term; 'any': none had them all, these have some (best first). */
  match: 'all' | 'any'
}

/**
 * Full-text search over titles and text, one result per story: a match in a
 * hidden copy (a wire copy folded into another article) shows the article
 * that represents its story, once, at the rank of its best copy. Pages are
 * cut after folding, so a page holds `limit` stories when that many match.
 * When no article has every term, the articles with any of them are given
 * instead, ranked, and `match` says so. The query language: search/query.ts.
 */
/** Stories a page of results holds unless asked otherwise. */
export const SEARCH_PAGE_SIZE = 30

export async function searchArticles(deps: ServiceDeps, query: string, options: { limit?: number; offset?: number } = {}): Promise<SearchResults> {
  const limit = Math.min(Math.max(options.limit ?? SEARCH_PAGE_SIZE, 1), 100)
  const offset = Math.min(Math.max(options.offset ?? 0, 0), MAX_SEARCH_OFFSET)
  const parsed = parseQuery(query)
  let match: SearchResults['match'] = 'all'
  let ids = await storiesMatching(deps, parsed, offset + limit + 1)
  // ids are read from the first match on: none means no article has every term.
  if (ids.length === 0 && requiresSeveral(parsed)) {
    match = 'any'
    ids = await storiesMatching(deps, anyTerm(parsed), offset + limit + 1)
  }
  const page = ids.slice(offset, offset + limit)
  const rows = await listArticles(deps.store.db, { limit: page.length || 1, ids: page })
  const rank = new Map(page.map((id, i) => [id, i]))
  const items = rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
  const more = ids.length > offset + limit && offset + limit <= MAX_SEARCH_OFFSET
  return { items, next: more ? offset + limit : null, match }
}

/**
 * The first `want` stories matching, best first: matches are read in growing
 * batches and each replaced by its story's visible article (by its own best
 * matching copy when the search excludes words).
 */
async function storiesMatching(deps: ServiceDeps, query: SearchQuery, want: number): Promise<string[]> {
  const { db, dialect } = deps.store
  const ids: string[] = []
  const seen = new Set<string>()
  let batch = Math.max(want * 2, 60)
  for (let read = 0, round = 0; round < 6; round++, read += batch, batch *= 2) {
    const matches = await searchArticleIds(db, dialect, query, batch, read)
    const leaders = await clusterLeaders(db, matches)
    // With words excluded, a story is shown by its best matching copy: its leader may hold an excluded word.
    const shown = query.none.length > 0 ? (id: string): string => id : (id: string): string => leaders.get(id) ?? id
    for (const id of matches) {
      const story = leaders.get(id) ?? id
      if (!seen.has(story)) ids.push(shown(id))
      seen.add(story)
    }
    if (matches.length < batch || ids.length >= want) return ids
  }
  return ids
}
