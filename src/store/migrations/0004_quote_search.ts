import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

// Every ASCII punctuation character, and as many spaces (PostgreSQL's translate() maps one to one).
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
const SPACES = ' '.repeat(PUNCTUATION.length)

/**
 * "Who said it" without scanning every quote.
 *
 * SQLite: an FTS5 table beside `quotes`, one row per quote, filled here from
 * the quotes already stored, oldest article first. No stemming (matches are
 * whole words), case folded, accents kept. `article_id` is an indexed column,
 * not UNINDEXED, so an article's rows are found through the index when it is
 * re-analysed or deleted (a filter on an UNINDEXED column reads the whole table).
 *
 * PostgreSQL: a GIN index on the quote's words. ASCII punctuation is read as
 * spaces first, so the parser sees the words the search service sees: "U.S."
 * is u + s and "covid-19" covid + 19, not one host, number or compound token.
 * `QUOTE_WORDS` in store/dialect.ts repeats this expression exactly, or the
 * index is not used.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE quotes_fts USING fts5(quote_id UNINDEXED, article_id, text, tokenize = 'unicode61 remove_diacritics 0')`.execute(db)
    // Oldest article first: searches read the rows indexed last as the newest.
    await sql`
      INSERT INTO quotes_fts (quote_id, article_id, text)
      SELECT quotes.id, quotes.article_id, quotes.text FROM quotes JOIN articles ON articles.id = quotes.article_id
      ORDER BY articles.created_at, quotes.article_id, quotes.position`.execute(db)
  } else {
    await sql`CREATE INDEX idx_quotes_search ON quotes USING gin (to_tsvector('simple', translate(text, ${sql.lit(PUNCTUATION)}, ${sql.lit(SPACES)})))`.execute(db)
  }
}
