import { newId } from '../../lib/ids.js'
import type { FeedEntriesTable } from '../schema/index.js'
import type { Db } from '../db.js'

/** One entry a feed has shown, with the outcome of its last try. */
export interface StoredEntry {
  feedId: string
  guid: string
  url: string | null
  title: string | null
  publishedAt: string | null
  /** The version last stored: the entry's updated date, else its published date. */
  entryUpdatedAt: string | null
  articleId: string | null
  /** page | feed-content | failed; null while the entry waits for its job. */
  status: string | null
  error: string | null
  attempts: number
  retryAt: string | null
  triedAt: string | null
  createdAt: string
  /** Who holds the entry's retry: the claiming refresh's token, then its job's run (see claimDueRetries). */
  claimToken: string | null
}

const toEntry = (r: FeedEntriesTable): StoredEntry => ({
  feedId: r.feed_id,
  guid: r.guid,
  url: r.url,
  title: r.title,
  publishedAt: r.published_at,
  entryUpdatedAt: r.entry_updated_at,
  articleId: r.article_id,
  status: r.status,
  error: r.error,
  attempts: r.attempts,
  retryAt: r.retry_at,
  triedAt: r.tried_at,
  createdAt: r.created_at,
  claimToken: r.claim_token,
})

export interface NewEntry {
  feedId: string
  guid: string
  url: string | null
  title: string | null
  publishedAt?: string | null
  entryUpdatedAt?: string | null
  createdAt: string
  /** The first try's claim and its lease (see claimDueRetries): its job must start with it. */
  claim?: { token: string; leaseUntil: string } | null
}

/** Records an entry guid; true when the feed had not shown it before. */
export async function rememberEntry(db: Db, entry: NewEntry): Promise<boolean> {
  const result = await db
    .insertInto('feed_entries')
    .values({
      feed_id: entry.feedId, guid: entry.guid, url: entry.url, title: entry.title, published_at: entry.publishedAt ?? null,
      entry_updated_at: entry.entryUpdatedAt ?? null,
      article_id: null, status: null, error: null, attempts: 0, tried_at: null, created_at: entry.createdAt,
      retry_at: entry.claim?.leaseUntil ?? null, claim_token: entry.claim?.token ?? null,
    })
    .onConflict((oc) => oc.columns(['feed_id', 'guid']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function getEntry(db: Db, feedId: string, guid: string): Promise<StoredEntry | null> {
  const row = await db.selectFrom('feed_entries').selectAll().where('feed_id', '=', feedId).where('guid', '=', guid).executeTakeFirst()
  return row ? toEntry(row) : null
}

/** The entries of a feed remembered under these guids. */
export async function entriesByGuid(db: Db, feedId: string, guids: string[]): Promise<Map<string, StoredEntry>> {
  if (guids.length === 0) return new Map()
  const rows = await db.selectFrom('feed_entries').selectAll().where('feed_id', '=', feedId).where('guid', 'in', guids).execute()
  return new Map(rows.map((r) => [r.guid, toEntry(r)]))
}

export interface EntryRevision {
  url: string | null
  title: string | null
  publishedAt: string | null
  entryUpdatedAt: string | null
  /**
   * A new version to fetch, under this claim: its tries start again and a
   * pending retry is dropped (the new version is fetched now). Null: nothing to fetch.
   */
  fetchAgain: { token: string; leaseUntil: string } | null
}

/** Remembers what the feed now says of a known entry. */
export async function reviseEntry(db: Db, feedId: string, guid: string, revision: EntryRevision): Promise<void> {
  await db
    .updateTable('feed_entries')
    .set({
      url: revision.url, title: revision.title, published_at: revision.publishedAt, entry_updated_at: revision.entryUpdatedAt,
      // The old version's error goes with it; its article and status stay until the new version's try settles.
      ...(revision.fetchAgain ? { attempts: 0, error: null, retry_at: revision.fetchAgain.leaseUntil, claim_token: revision.fetchAgain.token } : {}),
    })
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
    .execute()
}

/**
 * Guids remembered before `before` that never got an outcome and were never
 * claimed (remembered before first tries were claimed, and their job or
 * process died): worth another try, once claimed with claimUnsettledEntry.
 */
export async function unsettledGuids(db: Db, feedId: string, before: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('feed_entries')
    .select('guid')
    .where('feed_id', '=', feedId)
    .where('status', 'is', null)
    .where('claim_token', 'is', null)
    .where('retry_at', 'is', null)
    .where('created_at', '<', before)
    .execute()
  return new Set(rows.map((r) => r.guid))
}

/** Claims an unsettled entry for its one more try (compare-and-set: two refreshes never both take it). */
export async function claimUnsettledEntry(db: Db, feedId: string, guid: string, claim: { token: string; leaseUntil: string }): Promise<boolean> {
  const result = await db
    .updateTable('feed_entries')
    .set({ claim_token: claim.token, retry_at: claim.leaseUntil })
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
    .where('status', 'is', null)
    .where('claim_token', 'is', null)
    .where('retry_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Claims this feed's entries whose retry is due at `now` by moving their
 * retry to `leaseUntil` and giving each a fresh claim token (compare-and-set
 * on retry_at, so two refreshes never both take one). The token goes with
 * the entry's job, which must start with it (`startClaimedTry`): a claimed
 * retry whose job dies is due again after the lease, and the job of a claim
 * that ran out finds its token gone and does nothing.
 */
export async function claimDueRetries(db: Db, feedId: string, now: string, leaseUntil: string, limit: number): Promise<(StoredEntry & { claimToken: string })[]> {
  const due = await db
    .selectFrom('feed_entries')
    .selectAll()
    .where('feed_id', '=', feedId)
    .where('retry_at', '<=', now)
    .orderBy('retry_at')
    .limit(limit)
    .execute()
  const claimed: (StoredEntry & { claimToken: string })[] = []
  for (const row of due) {
    const claim = newId()
    const result = await db
      .updateTable('feed_entries')
      .set({ retry_at: leaseUntil, claim_token: claim })
      .where('feed_id', '=', feedId)
      .where('guid', '=', row.guid)
      .where('retry_at', '=', row.retry_at)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...toEntry({ ...row, retry_at: leaseUntil }), claimToken: claim })
  }
  return claimed
}

/**
 * Starts the try a claim was made for, exclusively: the claim's token is
 * swapped for the run's own (compare-and-set) and the lease extended to
 * `leaseUntil`, so no refresh offers the entry again while it runs. False
 * when the claim is no longer there to take: its lease ran out and a later
 * refresh claimed the entry again, the entry was settled or revised since,
 * or another worker runs the same job.
 */
export async function startClaimedTry(db: Db, feedId: string, guid: string, claim: string, run: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('feed_entries')
    .set({ claim_token: run, retry_at: leaseUntil })
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
    .where('claim_token', '=', claim)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Gives a started try's claim back to its job (the job failed and the queue runs it again). */
export async function handBackClaim(db: Db, feedId: string, guid: string, run: string, claim: string): Promise<void> {
  await db.updateTable('feed_entries').set({ claim_token: claim }).where('feed_id', '=', feedId).where('guid', '=', guid).where('claim_token', '=', run).execute()
}

export interface EntrySettlement {
  articleId: string | null
  status: string
  error: string | null
  attempts?: number
  retryAt?: string | null
  triedAt?: string | null
  /** The run that holds the entry's claim: the outcome is recorded only while it still does. */
  claim?: string | null
}

/** Records an entry's outcome and ends any claim on it; false when `claim` no longer holds the entry. */
export async function settleEntry(db: Db, feedId: string, guid: string, outcome: EntrySettlement): Promise<boolean> {
  let update = db
    .updateTable('feed_entries')
    .set({
      article_id: outcome.articleId, status: outcome.status, error: outcome.error,
      ...(outcome.attempts === undefined ? {} : { attempts: outcome.attempts }),
      retry_at: outcome.retryAt ?? null,
      ...(outcome.triedAt === undefined ? {} : { tried_at: outcome.triedAt }),
      claim_token: null,
    })
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
  if (typeof outcome.claim === 'string') update = update.where('claim_token', '=', outcome.claim)
  const result = await update.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * A feed's entries that fell short, latest try first: those that failed and
 * those whose page failed but will be tried again.
 */
export async function entryFailures(db: Db, feedId: string, limit: number): Promise<StoredEntry[]> {
  const rows = await db
    .selectFrom('feed_entries')
    .selectAll()
    .where('feed_id', '=', feedId)
    // A first try waiting in the queue (no try counted yet, also for a new version of an entry that failed) has not fallen short.
    .where('attempts', '>', 0)
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb('retry_at', 'is not', null)]))
    .orderBy((eb) => eb.fn.coalesce('tried_at', 'created_at'), 'desc')
    .orderBy('guid')
    .limit(limit)
    .execute()
  return rows.map(toEntry)
}

export interface EntryCounts {
  entries: number
  stored: number
  feedContent: number
  failed: number
  /** Entries whose page failed for a reason that may pass: they will be tried again. */
  retrying: number
}

export const NO_COUNTS: EntryCounts = { entries: 0, stored: 0, feedContent: 0, failed: 0, retrying: 0 }

/** Per feed: entries seen, stored from their page, kept from the feed's own content, failed, waiting for a retry. */
export async function entryCounts(db: Db): Promise<Map<string, EntryCounts>> {
  const rows = await db
    .selectFrom('feed_entries')
    .select((eb) => [
      'feed_id',
      'status',
      eb.fn.countAll<number | string | bigint>().as('n'),
      // A first try's lease (no try counted yet) is no retry.
      eb.fn.count<number | string | bigint>(eb.case().when('attempts', '>', 0).then(eb.ref('retry_at')).end()).as('retrying'),
    ])
    .groupBy(['feed_id', 'status'])
    .execute()
  const out = new Map<string, EntryCounts>()
  for (const r of rows) {
    const c = out.get(r.feed_id) ?? { ...NO_COUNTS }
    const n = Number(r.n)
    c.entries += n
    c.retrying += Number(r.retrying)
    if (r.status === 'page') c.stored += n
    else if (r.status === 'feed-content') c.feedContent += n
    else if (r.status === 'failed') c.failed += n
    out.set(r.feed_id, c)
  }
  return out
}
