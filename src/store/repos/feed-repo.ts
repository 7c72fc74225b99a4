import type { FeedsTable } from '../schema/index.js'
import type { Db } from '../db.js'

/** A subscribed feed, as services see it. */
export interface StoredFeed {
  id: string
  url: string
  title: string | null
  siteUrl: string | null
  etag: string | null
  lastModified: string | null
  intervalMinutes: number
  nextCheckAt: string
  lastCheckedAt: string | null
  lastError: string | null
  errorCount: number
  createdAt: string
}

export type FeedPatch = Partial<Omit<StoredFeed, 'id' | 'url' | 'createdAt'>>

const toFeed = (r: FeedsTable): StoredFeed => ({
  id: r.id,
  url: r.url,
  title: r.title,
  siteUrl: r.site_url,
  etag: r.etag,
  lastModified: r.last_modified,
  intervalMinutes: r.interval_minutes,
  nextCheckAt: r.next_check_at,
  lastCheckedAt: r.last_checked_at,
  lastError: r.last_error,
  errorCount: r.error_count,
  createdAt: r.created_at,
})

function toRow(patch: FeedPatch): Partial<FeedsTable> {
  const row: Partial<FeedsTable> = {}
  if (patch.title !== undefined) row.title = patch.title
  if (patch.siteUrl !== undefined) row.site_url = patch.siteUrl
  if (patch.etag !== undefined) row.etag = patch.etag
  if (patch.lastModified !== undefined) row.last_modified = patch.lastModified
  if (patch.intervalMinutes !== undefined) row.interval_minutes = patch.intervalMinutes
  if (patch.nextCheckAt !== undefined) row.next_check_at = patch.nextCheckAt
  if (patch.lastCheckedAt !== undefined) row.last_checked_at = patch.lastCheckedAt
  if (patch.lastError !== undefined) row.last_error = patch.lastError
  if (patch.errorCount !== undefined) row.error_count = patch.errorCount
  return row
}

export async function insertFeed(db: Db, feed: StoredFeed): Promise<void> {
  await db
    .insertInto('feeds')
    .values({
      id: feed.id,
      url: feed.url,
      title: feed.title,
      site_url: feed.siteUrl,
      etag: feed.etag,
      last_modified: feed.lastModified,
      interval_minutes: feed.intervalMinutes,
      next_check_at: feed.nextCheckAt,
      last_checked_at: feed.lastCheckedAt,
      last_error: feed.lastError,
      error_count: feed.errorCount,
      created_at: feed.createdAt,
    })
    .execute()
}

export async function getFeed(db: Db, id: string): Promise<StoredFeed | null> {
  const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toFeed(row) : null
}

export async function findFeedByUrl(db: Db, url: string): Promise<StoredFeed | null> {
  const row = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst()
  return row ? toFeed(row) : null
}

export async function listFeeds(db: Db): Promise<StoredFeed[]> {
  const rows = await db.selectFrom('feeds').selectAll().orderBy('created_at').orderBy('id').execute()
  return rows.map(toFeed)
}

export async function updateFeed(db: Db, id: string, patch: FeedPatch): Promise<void> {
  const row = toRow(patch)
  if (Object.keys(row).length === 0) return
  await db.updateTable('feeds').set(row).where('id', '=', id).execute()
}

export async function deleteFeed(db: Db, id: string): Promise<boolean> {
  await db.deleteFrom('feed_entries').where('feed_id', '=', id).execute()
  const result = await db.deleteFrom('feeds').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/**
 * Claims up to `limit` feeds due at `now` by moving their next check to
 * `leaseUntil` with a compare-and-set, so two schedulers never claim the same
 * feed; a claimed feed whose refresh never finishes is due again after the lease.
 */
export async function claimDueFeeds(db: Db, now: string, leaseUntil: string, limit: number): Promise<StoredFeed[]> {
  const due = await db.selectFrom('feeds').selectAll().where('next_check_at', '<=', now).orderBy('next_check_at').limit(limit).execute()
  const claimed: StoredFeed[] = []
  for (const row of due) {
    const result = await db
      .updateTable('feeds')
      .set({ next_check_at: leaseUntil })
      .where('id', '=', row.id)
      .where('next_check_at', '=', row.next_check_at)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 1) claimed.push(toFeed({ ...row, next_check_at: leaseUntil }))
  }
  return claimed
}

/** Records an entry guid; true when the feed had not shown it before. */
export async function rememberEntry(db: Db, entry: { feedId: string; guid: string; url: string | null; title: string | null; createdAt: string }): Promise<boolean> {
  const result = await db
    .insertInto('feed_entries')
    .values({ feed_id: entry.feedId, guid: entry.guid, url: entry.url, title: entry.title, article_id: null, status: null, error: null, created_at: entry.createdAt })
    .onConflict((oc) => oc.columns(['feed_id', 'guid']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Guids remembered before `before` that never got an outcome (their job or process died): worth another try. */
export async function unsettledGuids(db: Db, feedId: string, before: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('feed_entries')
    .select('guid')
    .where('feed_id', '=', feedId)
    .where('status', 'is', null)
    .where('created_at', '<', before)
    .execute()
  return new Set(rows.map((r) => r.guid))
}

export async function settleEntry(db: Db, feedId: string, guid: string, outcome: { articleId: string | null; status: string; error: string | null }): Promise<void> {
  await db
    .updateTable('feed_entries')
    .set({ article_id: outcome.articleId, status: outcome.status, error: outcome.error })
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
    .execute()
}

export interface EntryCounts {
  entries: number
  stored: number
  feedContent: number
  failed: number
}

/** Per feed: entries seen, stored from their page, kept from the feed's own content, failed. */
export async function entryCounts(db: Db): Promise<Map<string, EntryCounts>> {
  const rows = await db
    .selectFrom('feed_entries')
    .select((eb) => ['feed_id', 'status', eb.fn.countAll<number | string | bigint>().as('n')])
    .groupBy(['feed_id', 'status'])
    .execute()
  const out = new Map<string, EntryCounts>()
  for (const r of rows) {
    const c = out.get(r.feed_id) ?? { entries: 0, stored: 0, feedContent: 0, failed: 0 }
    const n = Number(r.n)
    c.entries += n
    if (r.status === 'page') c.stored += n
    else if (r.status === 'feed-content') c.feedContent += n
    else if (r.status === 'failed') c.failed += n
    out.set(r.feed_id, c)
  }
  return out
}
