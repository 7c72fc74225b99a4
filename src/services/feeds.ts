import { fail, ok, type Result } from '../domain/index.js'
import { discoverFeedUrl, parseFeed } from '../ingest/feeds/index.js'
import type { ParsedFeed } from '../ingest/feeds/index.js'
import { checkHostWithoutDns, checkUrl, fetchUrl, parseAllowList } from '../ingest/fetch/index.js'
import { newId } from '../lib/ids.js'
import { storeFeedEntry } from '../pipeline/feed-entry.js'
import type { EntryOutcome } from '../pipeline/feed-entry.js'
import { FEED_TYPES, refreshStoredFeed } from '../pipeline/feed-refresh.js'
import type { FetchDocument } from '../pipeline/feed-refresh.js'
import { createStoreQueue, type JobQueue } from '../pipeline/queue.js'
import { REFRESH_FEED, STORE_ENTRY, runScheduler, scheduleDueFeeds } from '../pipeline/scheduler.js'
import { PermanentJobError, runWorker, type JobHandler } from '../pipeline/worker.js'
import * as entries from '../store/repos/feed-entry-repo.js'
import type { EntryCounts, StoredEntry } from '../store/repos/feed-entry-repo.js'
import * as repo from '../store/repos/feed-repo.js'
import type { StoredFeed } from '../store/repos/feed-repo.js'
import { addArticle } from './articles.js'
import type { ServiceDeps } from './deps.js'

export type { StoredFeed } from '../store/repos/feed-repo.js'
export type { FetchDocument } from '../pipeline/feed-refresh.js'

/** Services of the feeds area; fetchDocument defaults to the SSRF-safe fetcher with the desk's allow list. */
export interface FeedDeps extends ServiceDeps {
  fetchDocument?: FetchDocument
  /** When given, refreshes queue one job per new entry instead of storing entries inline. */
  queue?: JobQueue
}

export const DEFAULT_INTERVAL_MINUTES = 60
/** The polling intervals a desk may choose: five minutes to a week. */
export const MIN_INTERVAL_MINUTES = 5
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60
export const INTERVAL_RULE = `a whole number of minutes from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES} (a week)`

/** A polling interval as given, or why it cannot be one. */
export function checkInterval(minutes: number): Result<number> {
  if (Number.isInteger(minutes) && minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES) return ok(minutes)
  return fail('bad_interval', `the interval must be ${INTERVAL_RULE}, not ${String(minutes)}`)
}

function fetcher(deps: FeedDeps): FetchDocument {
  return deps.fetchDocument ?? ((url, options = {}) => fetchUrl(url, { ...options, allowPrivateHosts: deps.config.allowPrivateHosts }))
}

/** An entry that fell short: failed, or its page failed and will be tried again at `retryAt`. */
export interface EntryFailure {
  guid: string
  url: string | null
  title: string | null
  /** failed | feed-content (the feed's own content is kept meanwhile) | page (an update of it failed) */
  status: string | null
  error: string | null
  attempts: number
  triedAt: string | null
  retryAt: string | null
}

export interface FeedView extends StoredFeed {
  counts: EntryCounts
  /** The latest entries that fell short, latest first (`feed failures` lists them all). */
  failures: EntryFailure[]
}

/** Failures shown beside each feed in lists. */
const LATEST_FAILURES = 3

const toFailure = (e: StoredEntry): EntryFailure => ({
  guid: e.guid, url: e.url, title: e.title, status: e.status, error: e.error, attempts: e.attempts, triedAt: e.triedAt, retryAt: e.retryAt,
})

export async function listFeeds(deps: FeedDeps): Promise<FeedView[]> {
  const db = deps.store.db
  const [feeds, counts] = await Promise.all([repo.listFeeds(db), entries.entryCounts(db)])
  const views: FeedView[] = []
  for (const f of feeds) {
    const failures = (await entries.entryFailures(db, f.id, LATEST_FAILURES)).map(toFailure)
    views.push({ ...f, counts: counts.get(f.id) ?? entries.NO_COUNTS, failures })
  }
  return views
}

/** Every entry of one feed that fell short, latest first. */
export async function feedFailures(deps: FeedDeps, id: string, limit = 500): Promise<Result<EntryFailure[]>> {
  const feed = await repo.getFeed(deps.store.db, id)
  if (feed === null) return fail('not_found', `no feed with id ${id}`)
  return ok((await entries.entryFailures(deps.store.db, id, limit)).map(toFailure))
}

export async function getFeed(deps: FeedDeps, id: string): Promise<StoredFeed | null> {
  return repo.getFeed(deps.store.db, id)
}

export interface AddFeedInput {
  url: string
  title?: string | null
  intervalMinutes?: number
  /** Fetch the URL first to check it is a feed (and find the feed of an HTML page). Default true. */
  verify?: boolean
}

/**
 * Subscribes to a feed. The URL is fetched once to check it is a feed; a
 * web page's advertised feed (<link rel="alternate">) is followed. The new
 * feed is due at once, so the scheduler refreshes it on its next tick. A
 * feed already followed gets the title and interval given, if any.
 */
export async function addFeed(deps: FeedDeps, input: AddFeedInput): Promise<Result<{ feed: StoredFeed; created: boolean }>> {
  const interval = input.intervalMinutes === undefined ? ok(DEFAULT_INTERVAL_MINUTES) : checkInterval(input.intervalMinutes)
  if (!interval.ok) return interval
  const checked = checkFeedUrl(deps, input.url)
  if (!checked.ok) return checked
  let url = checked.value
  let parsed: ParsedFeed | null = null
  if (input.verify !== false) {
    const found = await verifyFeed(fetcher(deps), url)
    if (!found.ok) return found
    url = found.value.url
    parsed = found.value.feed
  }
  const existing = await repo.findFeedByUrl(deps.store.db, url)
  if (existing) {
    const edited = await applyEdit(deps, existing, { title: input.title ?? undefined, intervalMinutes: input.intervalMinutes })
    return ok({ feed: edited, created: false })
  }
  const now = deps.now().toISOString()
  const feed: StoredFeed = {
    id: newId(),
    url,
    title: input.title?.trim() || parsed?.title || null,
    siteUrl: parsed?.siteUrl ?? null,
    etag: null,
    lastModified: null,
    intervalMinutes: interval.value,
    nextCheckAt: now,
    lastCheckedAt: null,
    lastError: null,
    errorCount: 0,
    lastWarning: null,
    createdAt: now,
  }
  await repo.insertFeed(deps.store.db, feed)
  return ok({ feed, created: true })
}

export interface FeedEdit {
  /** A title of the desk's own; empty or null goes back to the feed's title at its next check. */
  title?: string | null | undefined
  intervalMinutes?: number | undefined
}

/** Changes a feed's title or polling interval; the feed is named by its id or its URL. */
export async function editFeed(deps: FeedDeps, idOrUrl: string, edit: FeedEdit): Promise<Result<StoredFeed>> {
  if (edit.intervalMinutes !== undefined) {
    const interval = checkInterval(edit.intervalMinutes)
    if (!interval.ok) return interval
  }
  const feed = await findFeed(deps, idOrUrl)
  if (feed === null) return fail('not_found', `no feed with id or URL ${idOrUrl}`)
  return ok(await applyEdit(deps, feed, edit))
}

/**
 * A feed URL as it will be stored, refused when it may never be fetched:
 * not http(s), credentials in it, or a private or loopback address not in
 * the desk's allow list (the same rules as the fetcher, without DNS).
 */
export function checkFeedUrl(deps: FeedDeps, raw: string): Result<string> {
  const checked = checkUrl(raw.trim())
  if (!checked.ok) return fail(checked.error.code, checked.error.message)
  const host = checkHostWithoutDns(checked.value, parseAllowList(deps.config.allowPrivateHosts))
  return host.ok ? ok(host.value.href) : fail(host.error.code, host.error.message)
}

export async function findFeed(deps: FeedDeps, idOrUrl: string): Promise<StoredFeed | null> {
  const byId = await repo.getFeed(deps.store.db, idOrUrl)
  if (byId !== null) return byId
  const url = checkUrl(idOrUrl.trim())
  return url.ok ? repo.findFeedByUrl(deps.store.db, url.value.href) : null
}

/** An interval already checked; a shorter one brings the next check forward. */
async function applyEdit(deps: FeedDeps, feed: StoredFeed, edit: FeedEdit): Promise<StoredFeed> {
  const patch: repo.FeedPatch = {}
  if (edit.title !== undefined) patch.title = edit.title?.trim() || null
  if (edit.intervalMinutes !== undefined && edit.intervalMinutes !== feed.intervalMinutes) {
    patch.intervalMinutes = edit.intervalMinutes
    const sooner = feed.lastCheckedAt === null ? null : new Date(Date.parse(feed.lastCheckedAt) + edit.intervalMinutes * 60_000).toISOString()
    if (sooner !== null && sooner < feed.nextCheckAt) patch.nextCheckAt = sooner
  }
  await repo.updateFeed(deps.store.db, feed.id, patch)
  return { ...feed, ...patch }
}

async function verifyFeed(fetch: FetchDocument, url: string, depth = 0): Promise<Result<{ url: string; feed: ParsedFeed }>> {
  const doc = await fetch(url, { acceptTypes: FEED_TYPES })
  if (!doc.ok) return fail(doc.error.code, doc.error.message)
  const parsed = parseFeed(doc.value.body, { url: doc.value.url, contentType: doc.value.contentType })
  if (parsed.ok) return ok({ url: doc.value.url, feed: parsed.value })
  const advertised = depth === 0 ? discoverFeedUrl(doc.value.body, doc.value.url) : null
  if (advertised !== null) return verifyFeed(fetch, advertised, depth + 1)
  // The caller names the address it gave; only the feed a page advertises is named here.
  return fail(parsed.error.code, depth === 0 ? parsed.error.message : `the feed the page advertises (${url}): ${parsed.error.message}`)
}

export async function removeFeed(deps: FeedDeps, id: string): Promise<Result<{ id: string }>> {
  const removed = await repo.deleteFeed(deps.store.db, id)
  return removed ? ok({ id }) : fail('not_found', `no feed with id ${id}`)
}

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

/** Polls one feed now; new entries become articles inline, or are queued when deps.queue is set. */
export async function refreshFeed(deps: FeedDeps, id: string): Promise<Result<RefreshReport>> {
  const outcome = await refreshStoredFeed({ db: deps.store.db, fetch: fetcher(deps), now: deps.now }, id)
  if (outcome === null) return fail('not_found', `no feed with id ${id}`)
  const report: RefreshReport = {
    feedId: id,
    url: outcome.feed.url,
    status: outcome.status,
    error: outcome.status === 'failed' ? outcome.error : null,
    warning: outcome.status === 'updated' ? outcome.warning : null,
    newEntries: outcome.newEntries.length,
    changed: outcome.status === 'updated' ? outcome.changedEntries.length : 0,
    retried: outcome.retryEntries.length,
    entries: [],
    nextCheckAt: outcome.feed.nextCheckAt,
  }
  const changed = outcome.status === 'updated' ? outcome.changedEntries : []
  for (const entry of [...outcome.newEntries, ...changed, ...outcome.retryEntries]) {
    if (deps.queue) await deps.queue.enqueue(STORE_ENTRY, { feedId: id, entry })
    else report.entries.push({ guid: entry.guid, outcome: await storeEntry(deps, id, entry) })
  }
  if (outcome.status === 'failed') deps.log.warn({ feed_id: id, feed_url: outcome.feed.url, err: outcome.error }, 'feed refresh failed')
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

function storeEntry(deps: FeedDeps, feedId: string, entry: Parameters<typeof storeFeedEntry>[2]): Promise<EntryOutcome> {
  return storeFeedEntry(
    { db: deps.store.db, fetch: fetcher(deps), store: (input) => addArticle(deps, input), now: deps.now },
    feedId,
    entry,
  )
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
    },
    [STORE_ENTRY]: async (job) => {
      const p = job.payload as { feedId?: unknown; entry?: { guid?: unknown } } | null
      if (typeof p?.feedId !== 'string' || typeof p.entry?.guid !== 'string') throw new PermanentJobError('entry job without a feed id or entry')
      await storeEntry(deps, p.feedId, p.entry as Parameters<typeof storeFeedEntry>[2])
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
