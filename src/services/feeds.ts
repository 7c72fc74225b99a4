/**
 * The feeds area: following, listing and unfollowing feeds here; their
 * settings (`feed-settings.ts`) and polling (`feed-polling.ts`) beside it,
 * re-exported so callers import one module.
 */
import { fail, ok, type Result } from '../domain/index.js'
import { discoverFeedUrl, parseFeed } from '../ingest/feeds/index.js'
import type { ParsedFeed } from '../ingest/feeds/index.js'
import { newId } from '../lib/ids.js'
import { FEED_TYPES } from '../pipeline/feed-refresh.js'
import type { FetchDocument } from '../pipeline/feed-refresh.js'
import * as entries from '../store/repos/feed-entry-status-repo.js'
import type { StoredEntry } from '../store/repos/feed-entry-repo.js'
import type { EntryCounts } from '../store/repos/feed-entry-status-repo.js'
import * as repo from '../store/repos/feed-repo.js'
import type { StoredFeed } from '../store/repos/feed-repo.js'
import { feedFetcher, type FeedDeps } from './feed-deps.js'
import { applyEdit, checkFeedUrl, checkInterval, DEFAULT_INTERVAL_MINUTES } from './feed-settings.js'

export type { StoredFeed } from '../store/repos/feed-repo.js'
export type { FetchDocument } from '../pipeline/feed-refresh.js'
export type { FeedDeps } from './feed-deps.js'
export * from './feed-settings.js'
export * from './feed-polling.js'

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
    const found = await verifyFeed(feedFetcher(deps), url)
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

async function verifyFeed(fetch: FetchDocument, url: string, depth = 0): Promise<Result<{ url: string; feed: ParsedFeed }>> {
  const doc = await fetch(url, { acceptTypes: FEED_TYPES })
  if (!doc.ok) return doc
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
