import type { Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/** The part of feed_entries this migration reads and writes, as it is here (later migrations may add more). */
interface EntriesAt0008 {
  feed_entries: { url: string | null; status: string | null; error: string | null; attempts: number; retry_at: string | null }
  feeds: { last_error: string | null; last_warning: string | null; error_count: number }
}

/**
 * feeds.last_warning: what the last successful check found wrong (a damaged
 * feed read in part), apart from last_error, which is for failed checks
 * (a warning kept in last_error was shown as an error "0× in a row").
 *
 * feed_entries learns to try an entry again, and to see it change. `attempts` counts the tries at
 * the entry's page, `retry_at` is when a transient failure (a 404, a 5xx, a
 * timeout, a refused connection) may be tried again (null: nothing to retry),
 * `tried_at` when it was last tried, `published_at` the entry's date, kept so
 * a retry can run when the feed no longer lists the entry or answers 304,
 * and `entry_updated_at` the entry's updated date (its published date when
 * it has none), so an entry the feed updates is fetched again.
 * Entries that failed to load their page before this migration get one more
 * try (the old code never retried them and they may be lost articles).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  const typed = db as unknown as Kysely<EntriesAt0008>
  await db.schema.alterTable('feeds').addColumn('last_warning', 'text').execute()
  await typed
    .updateTable('feeds')
    .set((eb) => ({ last_warning: eb.ref('last_error'), last_error: null }))
    .where('error_count', '=', 0)
    .where('last_error', 'is not', null)
    .execute()
  await db.schema.alterTable('feed_entries').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('feed_entries').addColumn('retry_at', 'text').execute()
  await db.schema.alterTable('feed_entries').addColumn('tried_at', 'text').execute()
  await db.schema.alterTable('feed_entries').addColumn('published_at', 'text').execute()
  await db.schema.alterTable('feed_entries').addColumn('entry_updated_at', 'text').execute()
  await db.schema.createIndex('idx_feed_entries_retry_at').on('feed_entries').columns(['feed_id', 'retry_at']).execute()
  await typed
    .updateTable('feed_entries')
    .set({ attempts: 1, retry_at: new Date().toISOString() })
    .where('url', 'is not', null)
    .where('status', 'in', ['failed', 'feed-content'])
    .where('error', 'like', 'the page could not be fetched: %')
    .where('error', 'not like', '%refused%')
    .execute()
}
