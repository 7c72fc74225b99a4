import type { FeedEntry } from '../ingest/feeds/index.js'
import { storeFeedEntry } from '../pipeline/feed-entry.js'
import type { EntryOutcome } from '../pipeline/feed-entry.js'
import { refreshStoredFeed } from '../pipeline/feed-refresh.js'
import { createStoreQueue, type JobQueue } from '../pipeline/queue.js'
import { REFRESH_FEED, STORE_ENTRY, runScheduler, scheduleDueFeeds } from '../pipeline/scheduler.js'
import { PermanentJobError, runWorker, type JobHandler } from '../pipeline/worker.js'
import { fail, ok, type Result } from '../domain/index.js'
import * as repo from '../store/repos/feed-repo.js'
import { addArticle } from './articles.js'
import { feedFetcher, type FeedDeps } from './feed-deps.js'

export interface RefreshReport {
  feedId: string
  url: string
  status: 'updated' | 'not_modified' | 'failed'
  error: string | null
  /** Updated, but something was wrong (the feed was damaged and read in part): not a failure. */
  warning: string | null
  newEntries: number
  /** Entries stored before that the feed has updated (new updated date or link): fetched again, their articles updated in place. */
  changed: number
  /** Entries seen before whose page is tried again. */
  retried: number
  /** Per entry, when stored inline (no queue). */
  entries: { guid: string; outcome: EntryOutcome }[]
  nextCheckAt: string
}

/** An entry to store, with the claim its job must hold (none in jobs queued before entries were claimed). */
interface EntryWork {
  entry: FeedEntry
  claim: string | null
}

/**
 * Polls one feed now; new entries become articles inline, or are queued when
 * deps.queue is set. A failed check is in the report, not in the log: the
 * caller says what it means (the CLI prints it, the worker logs it).
 */
export async function refreshFeed(deps: FeedDeps, id: string): Promise<Result<RefreshReport>> {
  const outcome = await refreshStoredFeed({ db: deps.store.db, fetch: feedFetcher(deps), now: deps.now }, id)
  if (outcome === null) return fail('not_found', `no feed with id ${id}`)
  const changed = outcome.status === 'updated' ? outcome.changedEntries : []
  const report: RefreshReport = {
    feedId: id,
    url: outcome.feed.url,
    status: outcome.status,
    error: outcome.status === 'failed' ? outcome.error : null,
    warning: outcome.status === 'updated' ? outcome.warning : null,
    newEntries: outcome.newEntries.length,
    changed: changed.length,
    retried: outcome.retryEntries.length,
    entries: [],
    nextCheckAt: outcome.feed.nextCheckAt,
  }
  for (const work of [...outcome.newEntries, ...changed, ...outcome.retryEntries]) {
    if (deps.queue) await deps.queue.enqueue(STORE_ENTRY, { feedId: id, ...work })
    else report.entries.push({ guid: work.entry.guid, outcome: await storeEntry(deps, id, work) })
  }
  return ok(report)
}

/**
 * Asks for a refresh without doing it in the caller's request: the feed
 * becomes due now and its refresh job is queued for the background worker.
 */
export async function requestRefresh(deps: FeedDeps, id: string): Promise<Result<{ id: string; nextCheckAt: string }>> {
  const feed = await repo.getFeed(deps.store.db, id)
  if (feed === null) return fail('not_found', `no feed with id ${id}`)
  const nextCheckAt = deps.now().toISOString()
  await repo.updateFeed(deps.store.db, id, { nextCheckAt })
  // Queue it at once rather than at the scheduler's next tick: the worker starts within a second.
  await scheduleDueFeeds(deps.store.db, deps.queue ?? createStoreQueue(deps.store.db, { now: deps.now }), { now: deps.now, log: deps.log })
  return ok({ id, nextCheckAt })
}

/** Refreshes every feed now (the CLI's `feed refresh` without an id). */
export async function refreshAllFeeds(deps: FeedDeps): Promise<RefreshReport[]> {
  const reports: RefreshReport[] = []
  for (const feed of await repo.listFeeds(deps.store.db)) {
    const r = await refreshFeed(deps, feed.id)
    if (r.ok) reports.push(r.value)
  }
  return reports
}

function storeEntry(deps: FeedDeps, feedId: string, work: EntryWork): Promise<EntryOutcome> {
  const ctx = { db: deps.store.db, fetch: feedFetcher(deps), store: (input: Parameters<typeof addArticle>[1]) => addArticle(deps, input), now: deps.now }
  return storeFeedEntry(ctx, feedId, work.entry, work.claim)
}

/** The queue's handlers for feed work, for a worker (in `serve` on SQLite, or `newsdesk worker`). */
export function feedJobHandlers(deps: FeedDeps): Record<string, JobHandler> {
  return {
    [REFRESH_FEED]: async (job) => {
      const feedId = (job.payload as { feedId?: unknown } | null)?.feedId
      if (typeof feedId !== 'string') throw new PermanentJobError('refresh job without a feed id')
      const result = await refreshFeed(deps, feedId)
      // A feed removed since it was scheduled is not an error worth retrying.
      if (!result.ok && result.error.code !== 'not_found') throw new Error(result.error.message)
      if (result.ok && result.value.status === 'failed') deps.log.warn({ feed_id: feedId, feed_url: result.value.url, err: result.value.error }, 'feed refresh failed')
    },
    [STORE_ENTRY]: async (job) => {
      const p = job.payload as { feedId?: unknown; entry?: { guid?: unknown }; claim?: unknown } | null
      if (typeof p?.feedId !== 'string' || typeof p.entry?.guid !== 'string') throw new PermanentJobError('entry job without a feed id or entry')
      // Jobs queued before claims existed carry none, and run as they did.
      await storeEntry(deps, p.feedId, { entry: p.entry as FeedEntry, claim: typeof p.claim === 'string' ? p.claim : null })
    },
  }
}

export interface FeedBackground {
  queue: JobQueue
  stop(): Promise<void>
}

/**
 * Runs the feed scheduler and a job worker in this process until stopped:
 * what `serve` does on SQLite, and what `newsdesk feed run` does alone. Jobs
 * run beside the web app, never inside a request.
 */
export function startFeedBackground(deps: FeedDeps, options: { everyMs?: number; idleMs?: number; concurrency?: number } = {}): FeedBackground {
  const queue = deps.queue ?? createStoreQueue(deps.store.db, { now: deps.now })
  const feedDeps: FeedDeps = { ...deps, queue }
  const controller = new AbortController()
  const running = Promise.all([
    runScheduler(deps.store.db, queue, { now: deps.now, log: deps.log, signal: controller.signal, ...(options.everyMs === undefined ? {} : { everyMs: options.everyMs }) }),
    runWorker(queue, feedJobHandlers(feedDeps), { log: deps.log, signal: controller.signal, concurrency: options.concurrency ?? 2, idleMs: options.idleMs ?? 1000 }),
  ])
  return {
    queue,
    stop: async () => {
      controller.abort()
      await running
    },
  }
}
