import { fail, ok, type Result } from '../domain/index.js'
import { checkHostWithoutDns, checkUrl, parseAllowList } from '../ingest/fetch/index.js'
import * as repo from '../store/repos/feed-repo.js'
import type { StoredFeed } from '../store/repos/feed-repo.js'
import type { FeedDeps } from './feed-deps.js'

export const DEFAULT_INTERVAL_MINUTES = 60
/** The polling intervals a desk may choose: five minutes to a week. */
export const MIN_INTERVAL_MINUTES = 5
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60
export const INTERVAL_RULE = `a whole number of minutes from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES} (a week)`

/** A polling interval as given, or why it cannot be one. */
export function checkInterval(minutes: number): Result<number> {
  if (Number.isInteger(minutes) && minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES) return ok(minutes)
  return fail('bad_interval', `the interval must be ${INTERVAL_RULE}${Number.isFinite(minutes) ? `, not ${minutes}` : ''}`)
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

/** What a desk may change of a feed it follows; a field left undefined stays as it is. */
export interface FeedEdit {
  /** A title of the desk's own; empty or null goes back to the feed's title at its next check. */
  title?: string | null | undefined
  /** A new address, checked as when adding (without fetching it); the feed is checked there at once. */
  url?: string | undefined
  intervalMinutes?: number | undefined
}

/**
 * Changes a feed's title, address or polling interval; the feed is named by
 * its id or its URL. The one edit the CLI, the feeds page and the API make.
 * Every problem with the edit is named in one message; an address another
 * feed has is a conflict.
 */
export async function editFeed(deps: FeedDeps, idOrUrl: string, edit: FeedEdit): Promise<Result<StoredFeed>> {
  const checked = checkEdit(deps, edit)
  if (!checked.ok) return checked
  const feed = await findFeed(deps, idOrUrl)
  if (feed === null) return fail('not_found', `no feed with id or URL ${idOrUrl}`)
  const url = checked.value.url
  if (url !== undefined && url !== feed.url) {
    const other = await repo.findFeedByUrl(deps.store.db, url)
    if (other !== null) return addressTaken(url, other)
  }
  try {
    return ok(await applyEdit(deps, feed, checked.value))
  } catch (err) {
    // Two edits racing for one address: the unique index lets one win.
    const other = url === undefined ? null : await repo.findFeedByUrl(deps.store.db, url)
    if (url !== undefined && other !== null && other.id !== feed.id) return addressTaken(url, other)
    throw err
  }
}

const addressTaken = (url: string, other: StoredFeed): Result<never> =>
  fail('conflict', `another feed (${other.title ?? other.id}) already has the address ${url}`)

/** The longest title of the desk's own a feed may have, on every front door. */
export const MAX_FEED_TITLE = 500

/** The edit with its address as it will be stored, or every reason it cannot be made. */
function checkEdit(deps: FeedDeps, edit: FeedEdit): Result<FeedEdit> {
  const problems: { code: string; message: string }[] = []
  let url: string | undefined
  if (edit.url !== undefined) {
    const checked = checkFeedUrl(deps, edit.url)
    if (checked.ok) url = checked.value
    else problems.push({ code: checked.error.code, message: `the address: ${checked.error.message}` })
  }
  if (edit.intervalMinutes !== undefined) {
    const interval = checkInterval(edit.intervalMinutes)
    if (!interval.ok) problems.push(interval.error)
  }
  if ((edit.title?.trim().length ?? 0) > MAX_FEED_TITLE) problems.push({ code: 'invalid_request', message: `the title is at most ${MAX_FEED_TITLE} characters` })
  const [first] = problems
  if (first !== undefined) return fail(first.code, problems.map((p) => p.message).join('; '))
  return ok({ ...edit, ...(url === undefined ? {} : { url }) })
}

/**
 * Applies an edit already checked. A shorter interval brings the next check
 * forward; a new address forgets the old one's validators and errors and is
 * due at once.
 */
export async function applyEdit(deps: FeedDeps, feed: StoredFeed, edit: FeedEdit): Promise<StoredFeed> {
  const patch: repo.FeedPatch = {}
  if (edit.title !== undefined) patch.title = edit.title?.trim() || null
  if (edit.intervalMinutes !== undefined && edit.intervalMinutes !== feed.intervalMinutes) {
    patch.intervalMinutes = edit.intervalMinutes
    const sooner = feed.lastCheckedAt === null ? null : new Date(Date.parse(feed.lastCheckedAt) + edit.intervalMinutes * 60_000).toISOString()
    if (sooner !== null && sooner < feed.nextCheckAt) patch.nextCheckAt = sooner
  }
  if (edit.url !== undefined && edit.url !== feed.url) {
    Object.assign(patch, { url: edit.url, etag: null, lastModified: null, lastError: null, errorCount: 0, lastWarning: null })
    patch.nextCheckAt = deps.now().toISOString()
  }
  await repo.updateFeed(deps.store.db, feed.id, patch)
  return { ...feed, ...patch }
}
