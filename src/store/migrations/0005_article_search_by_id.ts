import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * SQLite: articles_fts rebuilt with `article_id` as an indexed column. As
 * UNINDEXED (migration 0001) every re-index or delete of one article read the
 * whole table (about 20 ms an article at 50,000 articles, growing with the
 * desk); indexed, the article's row is found through the full-text index.
 * Searches name their columns (title, body_text), so ids never match words.
 * PostgreSQL searches the articles rows themselves: nothing to do.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return
  await sql`DROP TABLE articles_fts`.execute(db)
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(article_id, title, body_text, tokenize = 'porter unicode61')`.execute(db)
  await sql`INSERT INTO articles_fts (article_id, title, body_text) SELECT id, title, body_text FROM articles ORDER BY created_at, id`.execute(db)
}
