import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

// Every ASCII punctuation character, and as many spaces (as in 0004: the words the search service sees).
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
const SPACES = ' '.repeat(PUNCTUATION.length)

/**
 * PostgreSQL: quotes.search_vector, a quote's words (as 0004's expression
 * index read them) stored once per write as a generated column, with a GIN
 * index; 0004's expression index goes. With the expression index, a search
 * whose matches are neither rare nor everywhere ('police OR army': 3,800 of
 * 238,000 quotes) was planned as a walk through the newest articles that
 * recomputed `to_tsvector` of each of their quotes: 2.2 s at 30,000 articles.
 * A stored vector makes that test cheap (20 times faster), whichever plan is
 * chosen. Adding the column fills it for the quotes already stored (a rewrite
 * of the table, once). SQLite searches quotes_fts: nothing to do.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`ALTER TABLE quotes ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', translate(text, ${sql.lit(PUNCTUATION)}, ${sql.lit(SPACES)}))) STORED`.execute(db)
  await sql`CREATE INDEX idx_quotes_search_vector ON quotes USING gin (search_vector)`.execute(db)
  await sql`DROP INDEX IF EXISTS idx_quotes_search`.execute(db)
}
