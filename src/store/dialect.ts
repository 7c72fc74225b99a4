import { sql } from 'kysely'
import type { Db, DialectName } from './db.js'

/**
 * The one place where SQL differs between SQLite and PostgreSQL: full-text
 * search. Everything else in the store is portable Kysely.
 */

export async function indexArticleText(db: Db, dialect: DialectName, id: string, title: string, text: string): Promise<void> {
  if (dialect !== 'sqlite') return // PostgreSQL indexes the articles row itself (expression index).
  await sql`DELETE FROM articles_fts WHERE article_id = ${id}`.execute(db)
  await sql`INSERT INTO articles_fts (article_id, title, body_text) VALUES (${id}, ${title}, ${text})`.execute(db)
}

export async function unindexArticleText(db: Db, dialect: DialectName, id: string): Promise<void> {
  if (dialect !== 'sqlite') return
  await sql`DELETE FROM articles_fts WHERE article_id = ${id}`.execute(db)
}

/** Ids of the articles matching a user's search words, best first. */
export async function searchArticleIds(db: Db, dialect: DialectName, query: string, limit: number): Promise<string[]> {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return []
  if (dialect === 'sqlite') {
    // Quote every word so user input is never read as FTS5 syntax.
    const match = words.map((w) => `"${w}"`).join(' ')
    const rows = await sql<{ article_id: string }>`
      SELECT article_id FROM articles_fts WHERE articles_fts MATCH ${match} ORDER BY bm25(articles_fts, 0, 5, 1) LIMIT ${limit}`.execute(db)
    return rows.rows.map((r) => r.article_id)
  }
  const rows = await sql<{ id: string }>`
    SELECT id FROM articles
    WHERE to_tsvector('english', title || ' ' || body_text) @@ plainto_tsquery('english', ${words.join(' ')})
    ORDER BY ts_rank(to_tsvector('english', title || ' ' || body_text), plainto_tsquery('english', ${words.join(' ')})) DESC
    LIMIT ${limit}`.execute(db)
  return rows.rows.map((r) => r.id)
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
