import type { ExpressionBuilder } from 'kysely'
import type { Database } from '../schema/index.js'
import type { Db } from '../db.js'
import { toEntry, type StoredEntry } from './feed-entry-repo.js'

/** What the desk shows of a feed's entries: those that fell short, and counts per feed. */

/**
 * Whether a try at the entry has ended: a first try waiting in the queue (no
 * try counted yet, also for a new version of an entry that failed) or
 * running (counted when it started) has not fallen short; one whose process
 * stopped has, once the next refresh recorded it (see stoppedTries).
 */
function endedTry(eb: ExpressionBuilder<Database, 'feed_entries'>) {
  return eb.or([eb('attempts', '>', 1), eb.and([eb('attempts', '=', 1), eb('try_started_at', 'is', null)])])
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
    .where(endedTry)
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
      // A first try's lease (waiting for its job, or running) is no retry.
      eb.fn.count<number | string | bigint>(eb.case().when(endedTry(eb)).then(eb.ref('retry_at')).end()).as('retrying'),
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
