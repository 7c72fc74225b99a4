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
  /** What the last successful check found wrong (a damaged feed read in part); not an error. */
  lastWarning: string | null
  createdAt: string
}

export type FeedPatch = Partial<Omit<StoredFeed, 'id' | 'createdAt'>>

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
  lastWarning: r.last_warning,
  createdAt: r.created_at,
})

function toRow(patch: FeedPatch): Partial<FeedsTable> {
  const row: Partial<FeedsTable> = {}
  if (patch.url !== undefined) row.url = patch.url
  if (patch.title !== undefined) row.title = patch.title
  if (patch.siteUrl !== undefined) row.site_url = patch.siteUrl
  if (patch.etag !== undefined) row.etag = patch.etag
  if (patch.lastModified !== undefined) row.last_modified = patch.lastModified
  if (patch.intervalMinutes !== undefined) row.interval_minutes = patch.intervalMinutes
  if (patch.nextCheckAt !== undefined) row.next_check_at = patch.nextCheckAt
  if (patch.lastCheckedAt !== undefined) row.last_checked_at = patch.lastCheckedAt
  if (patch.lastError !== undefined) row.last_error = patch.lastError
  if (patch.errorCount !== undefined) row.error_count = patch.errorCount
  if (patch.lastWarning !== undefined) row.last_warning = patch.lastWarning
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
      last_warning: feed.lastWarning,
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
