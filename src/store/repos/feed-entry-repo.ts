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
  /** When the try its run holds started (see startClaimedTry); null when no try runs. */
  tryStartedAt: string | null
}

/** A claim on an entry for one try: the token its job must start with, and the lease it holds the entry until. */
export interface EntryClaim {
  token: string
  leaseUntil: string
}

export const toEntry = (r: FeedEntriesTable): StoredEntry => ({
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
  tryStartedAt: r.try_started_at,
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
  claim?: EntryClaim | null
}

/** Records an entry guid; true when the feed had not shown it before. */
export async function rememberEntry(db: Db, entry: NewEntry): Promise<boolean> {
  const result = await db
    .insertInto('feed_entries')
    .values({
      feed_id: entry.feedId, guid: entry.guid, url: entry.url, title: entry.title, published_at: entry.publishedAt ?? null,
      entry_updated_at: entry.entryUpdatedAt ?? null,
      article_id: null, status: null, error: null, attempts: 0, tried_at: null, created_at: entry.createdAt,
      retry_at: entry.claim?.leaseUntil ?? null, claim_token: entry.claim?.token ?? null, try_started_at: null,
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
  fetchAgain: EntryClaim | null
}

/** Remembers what the feed now says of a known entry. */
export async function reviseEntry(db: Db, feedId: string, guid: string, revision: EntryRevision): Promise<void> {
  await db
    .updateTable('feed_entries')
    .set({
      url: revision.url, title: revision.title, published_at: revision.publishedAt, entry_updated_at: revision.entryUpdatedAt,
      // The old version's error goes with it; its article and status stay until the new version's try settles.
      ...(revision.fetchAgain ? { attempts: 0, error: null, retry_at: revision.fetchAgain.leaseUntil, claim_token: revision.fetchAgain.token, try_started_at: null } : {}),
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
export async function claimUnsettledEntry(db: Db, feedId: string, guid: string, claim: EntryClaim): Promise<boolean> {
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
 * retry whose job dies before it starts is due again after the lease, and
 * the job of a claim that ran out finds its token gone and does nothing. A
 * try that started and stopped is recorded first (see stoppedTries); one
 * claimed here all the same stays counted, and no longer runs.
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
      .set({ retry_at: leaseUntil, claim_token: claim, try_started_at: null })
      .where('feed_id', '=', feedId)
      .where('guid', '=', row.guid)
      .where('retry_at', '=', row.retry_at)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...toEntry({ ...row, retry_at: leaseUntil, try_started_at: null }), claimToken: claim })
  }
  return claimed
}

/** A try's run: its token, when it started, and the lease it holds the entry under. */
export interface TryRun {
  token: string
  startedAt: string
  leaseUntil: string
}

/**
 * Starts the try a claim was made for, exclusively, and counts it: the
 * claim's token is swapped for the run's own (compare-and-set), the lease
 * extended, so no refresh offers the entry again while it runs, and
 * `attempts` goes up by one, so a try that never settles (its process
 * stopped) is counted too (see stoppedTries). Returns the try's number, or
 * null when the claim is no longer there to take: its lease ran out and a
 * later refresh claimed the entry again, the entry was settled or revised
 * since, or another worker runs the same job.
 */
export async function startClaimedTry(db: Db, feedId: string, guid: string, claim: string, run: TryRun): Promise<number | null> {
  const started = await db
    .updateTable('feed_entries')
    .set((eb) => ({ claim_token: run.token, retry_at: run.leaseUntil, try_started_at: run.startedAt, attempts: eb('attempts', '+', 1) }))
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
    .where('claim_token', '=', claim)
    .returning('attempts')
    .executeTakeFirst()
  return started === undefined ? null : Number(started.attempts)
}

/** Gives a started try's claim back to its job (the job failed and the queue runs it again); the try stays counted. */
export async function handBackClaim(db: Db, feedId: string, guid: string, run: string, claim: string): Promise<void> {
  await db
    .updateTable('feed_entries')
    .set({ claim_token: claim, try_started_at: null })
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
    .where('claim_token', '=', run)
    .execute()
}

/**
 * This feed's tries that started and whose lease ran out at `now` without
 * an outcome: their process stopped (a crash, a kill) or they outlived the
 * lease. Each is counted already; its run's token is the entry's claim.
 */
export async function stoppedTries(db: Db, feedId: string, now: string): Promise<(StoredEntry & { claimToken: string })[]> {
  const rows = await db
    .selectFrom('feed_entries')
    .selectAll()
    .where('feed_id', '=', feedId)
    .where('try_started_at', 'is not', null)
    .where('claim_token', 'is not', null)
    .where('retry_at', '<=', now)
    .orderBy('retry_at')
    .execute()
  return rows.flatMap((r) => (r.claim_token === null ? [] : [{ ...toEntry(r), claimToken: r.claim_token }]))
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
      try_started_at: null,
    })
    .where('feed_id', '=', feedId)
    .where('guid', '=', guid)
  if (typeof outcome.claim === 'string') update = update.where('claim_token', '=', outcome.claim)
  const result = await update.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
