import type { Kysely } from 'kysely'
import { settleEntry, stoppedTries } from '../store/repos/feed-entry-repo.js'
import type { StoredEntry } from '../store/repos/feed-entry-repo.js'
import type { Database } from '../store/schema/index.js'
import type { EntryOutcome } from './feed-entry.js'
import { nextEntryRetry } from './schedule-policy.js'

/** What recording a try needs of the desk. */
export interface TryDesk {
  db: Kysely<Database>
  now: () => Date
}

/** A try to record: its entry, the run that holds the entry (null: a try made without a claim), and the try's number. */
export interface TryAt {
  feedId: string
  guid: string
  run: string | null
  attempts: number
}

/** An outcome of a try that was made. */
export type Settled = Exclude<EntryOutcome, { status: 'skipped' }>

/** Why a try whose lease ran out without an outcome failed: its process crashed or was killed (a hostile page), or it hung. */
export const STOPPED_TRY = 'the try did not finish (the process stopped)'

/** Records a try's outcome while its run still holds the entry; `skipped` when it no longer does. */
export async function settleOutcome(desk: TryDesk, at: TryAt, outcome: Settled): Promise<EntryOutcome> {
  const tried = { attempts: at.attempts, retryAt: outcome.retryAt, triedAt: desk.now().toISOString(), claim: at.run }
  const recorded = await settleEntry(desk.db, at.feedId, at.guid, outcome.status === 'failed'
    ? { ...tried, articleId: null, status: 'failed', error: outcome.error.slice(0, 1000) }
    : { ...tried, articleId: outcome.articleId, status: outcome.status, error: outcome.note?.slice(0, 1000) ?? null })
  // The try outlived its lease and a later refresh claimed the entry again: that try's outcome is the one kept.
  if (!recorded) return { status: 'skipped', reason: 'its lease ran out while it ran and a later try took the entry over', retryAt: null }
  return outcome
}

/**
 * Records a try that ended without an outcome of its own (it threw, or its
 * process stopped) as a failed try, tried again on the entry schedule and
 * given up after the last; an article an earlier try stored stays, the
 * reason noted beside it. True when recorded (the run still held the entry).
 */
export async function settleUnfinishedTry(desk: TryDesk, at: TryAt, prior: StoredEntry | null, reason: string): Promise<boolean> {
  const retry = nextEntryRetry(desk.now(), at.attempts)
  const retryAt = retry?.toISOString() ?? null
  const why = `${reason}${retry === null ? ` (gave up after ${at.attempts} tries)` : ''}`
  const kept = prior?.status === 'page' || prior?.status === 'feed-content' ? prior.status : null
  const outcome: Settled = kept && prior?.articleId ? { status: kept, articleId: prior.articleId, note: why, retryAt } : { status: 'failed', error: why, retryAt }
  return (await settleOutcome(desk, at, outcome)).status !== 'skipped'
}

/**
 * Records this feed's tries that started and never settled before their
 * lease ran out as failed tries (each was counted when it started): a page
 * that stops the process every time is given up after the last try, like
 * one that fails. A refresh does this before it claims the retries due.
 */
export async function settleStoppedTries(desk: TryDesk, feedId: string): Promise<number> {
  let settled = 0
  for (const row of await stoppedTries(desk.db, feedId, desk.now().toISOString())) {
    const at = { feedId, guid: row.guid, run: row.claimToken, attempts: row.attempts }
    if (await settleUnfinishedTry(desk, at, row, STOPPED_TRY)) settled++
  }
  return settled
}
