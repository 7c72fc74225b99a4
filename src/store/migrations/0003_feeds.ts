import type { Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * Feeds, the entries already seen in each feed, and the job queue.
 * feed_entries remembers every guid a feed has shown, so an entry becomes
 * an article once even when it stays in the feed for weeks. The queue's
 * claim is a compare-and-set on locked_until/locked_by, which is safe for
 * several workers on PostgreSQL and needs no dialect-specific SQL.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('site_url', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('next_check_at', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_feeds_url').unique().on('feeds').column('url').execute()
  await db.schema.createIndex('idx_feeds_next_check_at').on('feeds').column('next_check_at').execute()

  await db.schema
    .createTable('feed_entries')
    .addColumn('feed_id', 'text', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('title', 'text')
    .addColumn('article_id', 'text')
    /** page (the article page was fetched) | feed-content (the feed's own text was kept) | failed */
    .addColumn('status', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_feed_entries', ['feed_id', 'guid'])
    .execute()

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    /** queued | dead (gave up after its last attempt; kept to be seen) */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_jobs_due').on('jobs').columns(['status', 'run_at']).execute()
}
