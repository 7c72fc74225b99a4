import type { Logger } from 'pino'
import type { Kysely } from 'kysely'
import { claimDueFeeds } from '../store/repos/feed-repo.js'
import type { Database } from '../store/schema/index.js'
import type { JobQueue } from './queue.js'
import { leaseEnd } from './schedule-policy.js'
import { sleep } from './worker.js'

export const REFRESH_FEED = 'feed.refresh'
export const STORE_ENTRY = 'feed.entry'

export interface SchedulerOptions {
  now?: () => Date
  /** How long a claimed feed waits for its refresh job before it is due again (default 30 min). */
  leaseMs?: number
  /** Feeds claimed per tick (default 100). */
  batch?: number
  log?: Logger
}

/**
 * Finds the feeds whose next check is due and queues one refresh job for
 * each. The refresh itself sets the feed's real next check (interval, TTL,
 * Cache-Control, Retry-After, back-off): see schedule-policy.ts.
 */
export async function scheduleDueFeeds(db: Kysely<Database>, queue: JobQueue, options: SchedulerOptions = {}): Promise<number> {
  const now = (options.now ?? (() => new Date()))()
  const feeds = await claimDueFeeds(db, now.toISOString(), leaseEnd(now, options.leaseMs ?? 30 * 60_000), options.batch ?? 100)
  for (const feed of feeds) await queue.enqueue(REFRESH_FEED, { feedId: feed.id })
  if (feeds.length > 0) options.log?.info({ feeds: feeds.length }, 'feeds due: refresh queued')
  return feeds.length
}

/** Ticks scheduleDueFeeds every `everyMs` until the signal aborts. */
export async function runScheduler(db: Kysely<Database>, queue: JobQueue, options: SchedulerOptions & { everyMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  while (options.signal?.aborted !== true) {
    await scheduleDueFeeds(db, queue, options).catch((err: unknown) => options.log?.error({ err }, 'feed scheduling failed'))
    await sleep(options.everyMs ?? 30_000, options.signal)
  }
}
