import { personKey } from '../analyse/people.js'
import { articleText } from '../domain/index.js'
import { duplicatesOf, hiddenCopies, similarArticles, type SimilarPost } from '../search/similar.js'
import { countQuotesOfPerson, entitiesOfArticle, quotesOfArticle, quotesOfPerson, type PersonQuote, type StoredEntity, type StoredQuote } from '../store/repos/analysis-repo.js'
import { getArticle, listArticles, type ArticleSummary, type StoredArticle } from '../store/repos/article-repo.js'
import { getPerson, listQuotedPeople, type Person, type PersonSummary } from '../store/repos/people-repo.js'
import type { ServiceDeps } from './deps.js'

export interface ArticleView {
  stored: StoredArticle
  quotes: StoredQuote[]
  entities: StoredEntity[]
  similar: SimilarPost[]
  duplicates: { id: string; title: string; url: string | null }[]
}

/** Everything the article page and `GET /api/articles/:id` show. */
export async function viewArticle(deps: ServiceDeps, id: string, similarLimit = 8): Promise<ArticleView | null> {
  const { db, dialect } = deps.store
  const stored = await getArticle(db, id)
  if (!stored) return null
  const [quotes, entities, similar, duplicates] = await Promise.all([
    quotesOfArticle(db, id),
    entitiesOfArticle(db, id),
    similarArticles(db, dialect, id, similarLimit),
    duplicatesOf(db, id),
  ])
  return { stored, quotes, entities, similar, duplicates }
}

/** An article view as plain data for JSON (API and CLI): the article with its text, quotes with offsets, Similar Posts. */
export function articleDetail(view: ArticleView) {
  const { stored } = view
  return {
    article: {
      id: stored.id,
      url: stored.url,
      ...stored.article,
      text: articleText(stored.article),
      createdAt: stored.createdAt,
      collection: stored.collection,
      externalId: stored.externalId,
    },
    quotes: view.quotes.map(({ articleId: _a, ...q }) => q),
    entities: view.entities,
    similar: view.similar,
    duplicates: view.duplicates,
  }
}

export async function similarTo(deps: ServiceDeps, id: string, limit: number): Promise<SimilarPost[] | null> {
  const { db, dialect } = deps.store
  const stored = await getArticle(db, id)
  if (!stored) return null
  return similarArticles(db, dialect, id, limit)
}

export interface ArticlePage {
  items: ArticleSummary[]
  /** Cursor for the next (older) page, or null at the end. */
  next: string | null
}

/** The latest articles, one copy per story, keyset-paginated. */
export async function latestArticles(deps: ServiceDeps, options: { limit: number; cursor?: string | null }): Promise<ArticlePage> {
  const limit = Math.min(Math.max(options.limit, 1), 100)
  let before = decodeCursor(options.cursor)
  const items: ArticleSummary[] = []
  // Hidden wire copies are skipped, so read on until the page is full (a few rounds at most).
  for (let round = 0; round < 5; round++) {
    const rows = await listArticles(deps.store.db, { limit: limit + 1, before })
    const more = rows.length > limit
    const batch = rows.slice(0, limit)
    const hidden = await hiddenCopies(deps.store.db, batch.map((r) => r.id))
    for (const row of batch) {
      if (items.length === limit) return { items, next: encodeCursor(items[items.length - 1] as ArticleSummary) }
      if (!hidden.has(row.id)) items.push(row)
    }
    const last = batch[batch.length - 1]
    if (!more || !last) return { items, next: null }
    before = { createdAt: last.createdAt, id: last.id }
    if (items.length === limit) return { items, next: encodeCursor(last) }
  }
  return { items, next: before ? encodeCursor(before) : null }
}

function encodeCursor(s: { createdAt: string; id: string }): string {
  return Buffer.from(`${s.createdAt}|${s.id}`).toString('base64url')
}

function decodeCursor(cursor: string | null | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  return createdAt && id && extra === undefined && !Number.isNaN(Date.parse(createdAt)) ? { createdAt, id } : null
}

/** Is this a cursor latestArticles handed out? (Anything else would silently restart at the first page.) */
export function isPageCursor(cursor: string): boolean {
  return decodeCursor(cursor) !== null
}

/** Drops the items whose article is a hidden copy of a story shown elsewhere. */
export async function withoutCopies<T>(deps: ServiceDeps, items: T[], articleOf: (item: T) => string): Promise<T[]> {
  const hidden = await hiddenCopies(deps.store.db, [...new Set(items.map(articleOf))])
  return items.filter((item) => !hidden.has(articleOf(item)))
}

export interface PersonProfile {
  person: Person
  /** A page of the person's quotes, newest article first. */
  quotes: PersonQuote[]
  /** All the person's quotes across the desk (a wire copy's once). */
  quoteCount: number
  /** The offset of the next page of quotes, or null on the last one. */
  next: number | null
}

/** How deep a person's quotes page (offset). */
export const MAX_QUOTES_OFFSET = 100_000

/** A person with a page of their quotes across the desk (100 from the newest when no page is asked for). */
export async function personProfile(deps: ServiceDeps, id: string, page: { limit: number; offset: number } = { limit: 100, offset: 0 }): Promise<PersonProfile | null> {
  const person = await getPerson(deps.store.db, id)
  if (!person) return null
  const [quotes, quoteCount] = await Promise.all([quotesOfPerson(deps.store.db, id, page), countQuotesOfPerson(deps.store.db, id)])
  const next = page.offset + quotes.length
  return { person, quotes, quoteCount, next: next < quoteCount && quotes.length === page.limit && next <= MAX_QUOTES_OFFSET ? next : null }
}

export async function quotedPeople(deps: ServiceDeps, limit = 50): Promise<PersonSummary[]> {
  return listQuotedPeople(deps.store.db, { limit })
}

/** How deep the people list pages (offset): past it, a name narrows the list. */
export const MAX_PEOPLE_OFFSET = 100_000

export interface PeoplePage {
  items: PersonSummary[]
  /** The offset of the next page, or null on the last one. */
  next: number | null
}

/** A page of the desk's people, most quoted first; with a name, everyone whose name contains it (quoted or only named). */
export async function findPeople(deps: ServiceDeps, options: { name?: string; limit: number; offset?: number }): Promise<PeoplePage> {
  const offset = options.offset ?? 0
  const nameKey = options.name ? personKey(options.name) : ''
  if (options.name && !nameKey) return { items: [], next: null }
  const rows = await listQuotedPeople(deps.store.db, { limit: options.limit + 1, offset, nameKey: nameKey || undefined })
  const items = rows.slice(0, options.limit)
  const next = offset + items.length
  return { items, next: rows.length > options.limit && next <= MAX_PEOPLE_OFFSET ? next : null }
}
