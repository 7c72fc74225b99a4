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
 * PostgreSQL's words of a quote, exactly as migration 0004 indexes them
 * (ASCII punctuation read as spaces); any difference and the index is not used.
 */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
const QUOTE_WORDS = sql`to_tsvector('simple', translate(quotes.text, ${sql.lit(PUNCTUATION)}, ${sql.lit(' '.repeat(PUNCTUATION.length))}))`

/**
 * A condition on `quotes` rows: the quote matches the parsed query (every
 * group by one of its terms, no excluded term), word for word: whole words,
 * any case, accents kept, no stemming. Served by quotes_fts on SQLite and by
 * idx_quotes_search on PostgreSQL. On SQLite only the `window` matches
 * indexed last are read (FTS5 rowids grow with every write, and reading a
 * match's quote_id costs a row lookup), so a word found in every quote costs
 * no more than a rare one.
 */
export function quoteMatches(dialect: DialectName, query: SearchQuery, window: number): RawBuilder<boolean> {
  if (query.all.length === 0) return sql<boolean>`1 = 0`
  if (dialect === 'sqlite') {
    return sql<boolean>`quotes.id IN (SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ${ftsMatch(query, 'text')} ORDER BY rowid DESC LIMIT ${window})`
  }
  return sql<boolean>`${QUOTE_WORDS} @@ (${tsQuery(query, 'simple')})`
}

/** Ids of the articles matching a parsed search query, best first. */
export async function searchArticleIds(db: Db, dialect: DialectName, query: SearchQuery, limit: number, offset = 0): Promise<string[]> {
  const search = articleSearch(dialect, query, limit, offset)
  if (!search) return []
  const rows = await search.execute(db)
  return rows.rows.map((r) => r.id)
}

/**
 * The search query itself (exported for tests that read its plan). SQLite
 * ranks with bm25 over articles_fts; PostgreSQL matches and ranks on the
 * stored articles.search_vector (migration 0009), never recomputing a vector.
 * User words only ever reach the database as bound values: on SQLite inside
 * double-quoted FTS5 strings of a MATCH expression built here, on PostgreSQL
 * as the text of plainto_tsquery/phraseto_tsquery, combined with && || !!.
 */
export function articleSearch(dialect: DialectName, query: SearchQuery, limit: number, offset = 0): RawBuilder<{ id: string }> | null {
  if (query.all.length === 0) return null
  if (dialect === 'sqlite') {
    return sql<{ id: string }>`
      SELECT article_id AS id FROM articles_fts WHERE articles_fts MATCH ${ftsMatch(query, '{title body_text}')} ORDER BY bm25(articles_fts, 0, 5, 1), rowid LIMIT ${limit} OFFSET ${offset}`
  }
  return sql<{ id: string }>`
    SELECT id FROM articles, (SELECT ${tsQuery(query, 'english')} AS query) AS q
    WHERE search_vector @@ q.query
    ORDER BY ts_rank(search_vector, q.query) DESC, id
    LIMIT ${limit} OFFSET ${offset}`
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
