import { sql, type RawBuilder } from 'kysely'
import { termWords, type SearchQuery, type Term } from '../search/query.js'
import type { Db, DialectName } from './db.js'

/**
 * The one place where SQL differs between SQLite and PostgreSQL: full-text
 * search. Everything else in the store is portable Kysely.
 */

export async function indexArticleText(db: Db, dialect: DialectName, id: string, title: string, text: string): Promise<void> {
  if (dialect !== 'sqlite') return // PostgreSQL: the articles row's generated search_vector (migration 0009).
  await unindexRows(db, 'articles_fts', id)
  await sql`INSERT INTO articles_fts (article_id, title, body_text) VALUES (${id}, ${title}, ${text})`.execute(db)
}

export async function unindexArticleText(db: Db, dialect: DialectName, id: string): Promise<void> {
  if (dialect !== 'sqlite') return
  await unindexRows(db, 'articles_fts', id)
  await unindexRows(db, 'quotes_fts', id)
}

/**
 * Deletes an article's rows from one of the full-text tables. MATCH finds
 * them through the index (article_id is an indexed column: migrations 0004
 * and 0005); the equality keeps exactly this id.
 */
async function unindexRows(db: Db, table: 'articles_fts' | 'quotes_fts', articleId: string): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)} WHERE article_id MATCH ${ftsPhrase(articleId)} AND article_id = ${articleId}`.execute(db)
}

/**
 * Rebuilds an article's rows in quotes_fts from its stored quotes; call it
 * after the quotes are written, in the same transaction. PostgreSQL indexes
 * the quotes rows themselves (expression index).
 */
export async function indexArticleQuotes(db: Db, dialect: DialectName, articleId: string): Promise<void> {
  if (dialect !== 'sqlite') return
  await unindexRows(db, 'quotes_fts', articleId)
  await sql`INSERT INTO quotes_fts (quote_id, article_id, text) SELECT id, article_id, text FROM quotes WHERE article_id = ${articleId}`.execute(db)
}

/** A string as one FTS5 phrase, so it is never read as query syntax. */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/**
 * A condition on `quotes` rows: the quote matches the parsed query (every
 * group by one of its terms, no excluded term), word for word: whole words,
 * any case, accents kept, no stemming. Served by quotes_fts on SQLite and by
 * the stored quotes.search_vector and its GIN index on PostgreSQL (migration
 * 0015; ASCII punctuation read as spaces there, so "U.S." is u + s as the
 * search service reads it). On SQLite only the `window` matches
 * indexed last are read (FTS5 rowids grow with every write, and reading a
 * match's quote_id costs a row lookup), so a word found in every quote costs
 * no more than a rare one.
 */
export function quoteMatches(dialect: DialectName, query: SearchQuery, window: number): RawBuilder<boolean> {
  if (query.all.length === 0) return sql<boolean>`1 = 0`
  if (dialect === 'sqlite') {
    return sql<boolean>`quotes.id IN (SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ${ftsMatch(query, 'text')} ORDER BY rowid DESC LIMIT ${window})`
  }
  return sql<boolean>`quotes.search_vector @@ (${tsQuery(query, 'simple')})`
}

/**
 * On PostgreSQL, how many matches are ranked together: the newest
 * RANK_TIER matches best first, then the next RANK_TIER, and so on, so a
 * page reads at most this many stored vectors (a few kB each, compressed out
 * of line) however broad the search ('police OR army', a question's
 * any-word fallback: thousands of matches at 30,000 articles). A search with
 * fewer matches than this is ranked whole, as on SQLite.
 */
export const RANK_TIER = 1000

/**
 * Ids of the articles matching a parsed search query, best first. SQLite
 * ranks every match (FTS5's bm25 is cheap); PostgreSQL ranks tier by tier
 * (RANK_TIER), so pages are slices of one fixed order whatever their size.
 */
export async function searchArticleIds(db: Db, dialect: DialectName, query: SearchQuery, limit: number, offset = 0, tier = RANK_TIER): Promise<string[]> {
  if (dialect === 'sqlite') return readIds(db, dialect, query, limit, offset)
  const first = Math.floor(offset / tier)
  const last = Math.floor((offset + limit - 1) / tier)
  const found: string[] = []
  for (let t = first; t <= last; t++) {
    const rows = await matchByIndex(db, (trx) => readIds(trx, dialect, query, tier, t * tier))
    found.push(...rows)
    if (rows.length < tier) break
  }
  const start = offset - first * tier
  return found.slice(start, start + limit)
}

async function readIds(db: Db, dialect: DialectName, query: SearchQuery, limit: number, offset: number): Promise<string[]> {
  const search = articleSearch(dialect, query, limit, offset)
  return search ? (await search.execute(db)).rows.map((r) => r.id) : []
}

/**
 * Runs a PostgreSQL search with sequential scans priced out. The planner
 * does not count reading a stored vector out of line, so when many articles
 * match it reads every article's vector to test it (0.3 s at 30,000
 * articles) instead of asking the GIN index, which answers without reading
 * any (exactly, but for phrases, which it rechecks on the matches only); and
 * it hashes every article to join a few thousand matching quotes.
 */
export async function matchByIndex<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return run(db)
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx)
    return run(trx)
  })
}

/**
 * The search query itself (exported for tests that read its plan). SQLite
 * ranks with bm25 over articles_fts: a page of every match ranked. On
 * PostgreSQL a read is one tier: the matches from the `offset`th newest,
 * `limit` of them, best first. Its matches are found by the GIN index on the
 * stored articles.search_vector (migration 0009) and ranked on it, never
 * recomputing a vector. User words only ever reach the database as bound
 * values: on SQLite inside double-quoted FTS5 strings of a MATCH expression
 * built here, on PostgreSQL as the text of plainto_tsquery/phraseto_tsquery,
 * combined with && || !!.
 */
export function articleSearch(dialect: DialectName, query: SearchQuery, limit: number, offset = 0): RawBuilder<{ id: string }> | null {
  if (query.all.length === 0) return null
  if (dialect === 'sqlite') {
    return sql<{ id: string }>`
      SELECT article_id AS id FROM articles_fts WHERE articles_fts MATCH ${ftsMatch(query, '{title body_text}')} ORDER BY bm25(articles_fts, 0, 5, 1), rowid LIMIT ${limit} OFFSET ${offset}`
  }
  // In byte order ("C"), no index gives the tier's order: the matches come from the GIN index, never from walking idx_articles_created_at.
  const q = sql`(SELECT ${tsQuery(query, 'english')} AS query) AS q`
  return sql<{ id: string }>`
    SELECT tier.id FROM (
      SELECT id, search_vector FROM articles, ${q} WHERE search_vector @@ q.query
      ORDER BY created_at COLLATE "C" DESC, id COLLATE "C" DESC LIMIT ${limit} OFFSET ${offset}
    ) AS tier, ${q}
    ORDER BY ts_rank(tier.search_vector, q.query) DESC, tier.id`
}

/** The FTS5 MATCH expression of a query on some columns: every term a quoted string, operators from the parse. */
function ftsMatch(query: SearchQuery, columns: string): string {
  const term = (t: Term) => ftsPhrase(termWords(t).join(' '))
  const groups = query.all.map((g) => (g.length === 1 ? term(g[0] as Term) : `(${g.map(term).join(' OR ')})`))
  const excluded = query.none.map((t) => ` NOT ${term(t)}`).join('')
  return `${columns} : ((${groups.join(' AND ')})${excluded})`
}

/** The tsquery of a query in a text search configuration, built in SQL from one bound value per term. */
function tsQuery(query: SearchQuery, config: 'english' | 'simple'): RawBuilder<unknown> {
  const c = sql.lit(config)
  const term = (t: Term) => (t.kind === 'word' ? sql`plainto_tsquery(${c}, ${t.word})` : sql`phraseto_tsquery(${c}, ${t.words.join(' ')})`)
  const groups = query.all.map((g) => sql`(${sql.join(g.map(term), sql` || `)})`)
  const excluded = query.none.map((t) => sql` && !!${term(t)}`)
  return sql`(${sql.join(groups, sql` && `)})${sql.join(excluded, sql``)}`
}

/** A write refused by a unique index, on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string }
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505' || /UNIQUE constraint failed/.test(e.message ?? '')
}

const LOCK_KEYS = { articles: 7_400_100, accounts: 7_400_200 } as const

/**
 * Serialises one kind of write across processes on PostgreSQL (a transaction
 * that reads, then writes: people and relations of an article, the first
 * account). SQLite transactions already begin IMMEDIATE, holding the
 * database's single write lock.
 */
export async function lockForWrite(db: Db, dialect: DialectName, what: keyof typeof LOCK_KEYS): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${LOCK_KEYS[what]})`.execute(db)
}
