import type { Kysely } from 'kysely'
import type { Result } from '../domain/index.js'
import type { FetchError, FetchedDocument } from '../ingest/fetch/index.js'
import { parseFeed } from '../ingest/feeds/index.js'
import type { FeedEntry, ParsedFeed } from '../ingest/feeds/index.js'
import { claimDueRetries, claimUnsettledEntry, entriesByGuid, rememberEntry, reviseEntry, unsettledGuids } from '../store/repos/feed-entry-repo.js'
import type { EntryClaim, StoredEntry } from '../store/repos/feed-entry-repo.js'
import { getFeed, updateFeed } from '../store/repos/feed-repo.js'
import type { StoredFeed } from '../store/repos/feed-repo.js'
import type { Database } from '../store/schema/index.js'
import { changesAreStamps, entryChange, entryVersion } from './entry-version.js'
import { newId } from '../lib/ids.js'
import { settleStoppedTries } from './entry-tries.js'
import { ENTRY_FIRST_TRY_LEASE_MS, ENTRY_RETRY_LEASE_MS, leaseEnd, nextCheckAfterError, nextCheckAfterSuccess } from './schedule-policy.js'

/** Fetches a URL through the SSRF-safe fetcher, with validators for a conditional request. */
export type FetchDocument = (
  url: string,
  options?: { etag?: string | null; lastModified?: string | null; acceptTypes?: string[] },
) => Promise<Result<FetchedDocument, FetchError>>

export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/feed+json', 'application/json', 'text/plain', 'text/html']

export interface RefreshContext {
  db: Kysely<Database>
  fetch: FetchDocument
  now: () => Date
  /** Most entries taken from one fetch (newest first in the feed). */
  maxEntries?: number
}

/** An entry to try, with the claim its job must start with (see claimDueRetries and storeFeedEntry). */
export interface ClaimedEntry {
  entry: FeedEntry
  claim: string
}

/**
 * `changedEntries`: entries stored before that the feed has updated (a new
 * updated date or link); `retryEntries`: entries seen before whose page
 * failed for a reason that may pass, or whose try never finished, due for
 * another try. Every entry comes with its claim, so each is tried once.
 */
export type RefreshOutcome =
  | { status: 'updated'; feed: StoredFeed; newEntries: ClaimedEntry[]; changedEntries: ClaimedEntry[]; retryEntries: ClaimedEntry[]; skipped: number; warning: string | null }
  | { status: 'not_modified'; feed: StoredFeed; newEntries: []; retryEntries: ClaimedEntry[] }
  | { status: 'failed'; feed: StoredFeed; error: string; newEntries: []; retryEntries: [] }

/**
 * One poll of one feed: conditional fetch, parse, remember the entries not
 * seen before, and set the next check from the outcome. Returns the new
 * entries and the entries due for another try (also when the feed did not
 * change); turning them into articles is the caller's next step.
 */
export async function refreshStoredFeed(ctx: RefreshContext, feedId: string): Promise<RefreshOutcome | null> {
  const feed = await getFeed(ctx.db, feedId)
  if (feed === null) return null
  const fetched = await ctx.fetch(feed.url, { etag: feed.etag, lastModified: feed.lastModified, acceptTypes: FEED_TYPES })
  if (!fetched.ok) return recordError(ctx, feed, `${fetched.error.message} (${fetched.error.code})`, fetched.error.retryAfterSeconds)
  const doc = fetched.value
  if (doc.notModified) {
    const patch = { lastCheckedAt: ctx.now().toISOString(), lastError: null, errorCount: 0, nextCheckAt: nextCheckAfterSuccess(ctx.now(), feed.intervalMinutes, { maxAgeSeconds: doc.maxAgeSeconds }).toISOString() }
    await updateFeed(ctx.db, feed.id, patch)
    return { status: 'not_modified', feed: { ...feed, ...patch }, newEntries: [], retryEntries: await claimRetries(ctx, feed.id, []) }
  }
  const parsed = parseFeed(doc.body, { url: doc.url, contentType: doc.contentType, maxEntries: ctx.maxEntries ?? 100 })
  if (!parsed.ok) return recordError(ctx, feed, `${parsed.error.message} (${parsed.error.code})`)
  const updated = await recordSuccess(ctx, feed, doc, parsed.value)
  const { newEntries, changedEntries } = await rememberNew(ctx, feed.id, parsed.value.entries)
  const retryEntries = await claimRetries(ctx, feed.id, parsed.value.entries)
  return { status: 'updated', feed: updated, newEntries, changedEntries, retryEntries, skipped: parsed.value.skipped.length, warning: updated.lastWarning }
}

async function recordSuccess(ctx: RefreshContext, feed: StoredFeed, doc: FetchedDocument, parsed: ParsedFeed): Promise<StoredFeed> {
  const now = ctx.now()
  const patch = {
    title: feed.title ?? parsed.title,
    siteUrl: feed.siteUrl ?? parsed.siteUrl,
    etag: doc.etag,
    lastModified: doc.lastModified,
    lastCheckedAt: now.toISOString(),
    lastError: null,
    errorCount: 0,
    // A damaged feed read in part is a successful check with a warning, not an error.
    lastWarning: parsed.salvaged ? `the feed was damaged: ${countOf(parsed.entries.length)} read, those after the damage were not` : null,
    nextCheckAt: nextCheckAfterSuccess(now, feed.intervalMinutes, { ttlMinutes: parsed.ttlMinutes ?? null, maxAgeSeconds: doc.maxAgeSeconds }).toISOString(),
  }
  await updateFeed(ctx.db, feed.id, patch)
  return { ...feed, ...patch }
}

async function recordError(ctx: RefreshContext, feed: StoredFeed, message: string, retryAfterSeconds?: number): Promise<RefreshOutcome> {
  const now = ctx.now()
  const errorCount = feed.errorCount + 1
  const patch = {
    lastCheckedAt: now.toISOString(),
    lastError: message.slice(0, 1000),
    errorCount,
    nextCheckAt: nextCheckAfterError(now, feed.intervalMinutes, errorCount, retryAfterSeconds ?? null).toISOString(),
  }
  await updateFeed(ctx.db, feed.id, patch)
  return { status: 'failed', feed: { ...feed, ...patch }, error: message, newEntries: [], retryEntries: [] }
}

/** An entry remembered this long ago without an outcome or a claim was lost (crash, dead job): it is offered again. */
const UNSETTLED_RETRY_MS = 60 * 60_000

/**
 * The entries this feed had not shown before, oldest first so articles are
 * stored in publication order, each claimed for its first try (a first try
 * that never finishes is due again when its lease runs out); plus any
 * remembered, unclaimed, long ago whose storing never finished; and the
 * entries stored before that the feed has since updated.
 */
async function rememberNew(ctx: RefreshContext, feedId: string, entries: FeedEntry[]): Promise<{ newEntries: ClaimedEntry[]; changedEntries: ClaimedEntry[] }> {
  const newEntries: ClaimedEntry[] = []
  const now = ctx.now()
  const createdAt = now.toISOString()
  const lost = await unsettledGuids(ctx.db, feedId, new Date(now.getTime() - UNSETTLED_RETRY_MS).toISOString())
  const known = await entriesByGuid(ctx.db, feedId, entries.map((e) => e.guid))
  const oldestFirst = [...entries].reverse()
  for (const entry of oldestFirst.filter((e) => !known.has(e.guid) || lost.has(e.guid))) {
    const claim = firstTryClaim(now)
    const row = { feedId, guid: entry.guid, url: entry.url, title: entry.title, publishedAt: entry.publishedAt, entryUpdatedAt: entryVersion(entry), createdAt, claim }
    const taken = known.has(entry.guid) ? await claimUnsettledEntry(ctx.db, feedId, entry.guid, claim) : await rememberEntry(ctx.db, row)
    if (taken) newEntries.push({ entry, claim: claim.token })
  }
  return { newEntries, changedEntries: await reviseKnown(ctx, feedId, oldestFirst, known) }
}

function firstTryClaim(now: Date): EntryClaim {
  return { token: newId(), leaseUntil: leaseEnd(now, ENTRY_FIRST_TRY_LEASE_MS) }
}

/** Remembers what the feed now says of the entries it showed before; returns those worth fetching again. */
async function reviseKnown(ctx: RefreshContext, feedId: string, entries: FeedEntry[], known: Map<string, StoredEntry>): Promise<ClaimedEntry[]> {
  const changes = entries.map((e) => {
    const seen = known.get(e.guid)
    return seen === undefined ? 'none' : entryChange(seen, e)
  })
  const stamped = changesAreStamps(changes, entries.length)
  const changed: ClaimedEntry[] = []
  for (const [i, entry] of entries.entries()) {
    const change = changes[i]
    if (change === undefined || change === 'none') continue
    const fetchAgain = (change === 'link' || change === 'date') && !stamped ? firstTryClaim(ctx.now()) : null
    await reviseEntry(ctx.db, feedId, entry.guid, { url: entry.url, title: entry.title, publishedAt: entry.publishedAt, entryUpdatedAt: entryVersion(entry), fetchAgain })
    if (fetchAgain) changed.push({ entry, claim: fetchAgain.token })
  }
  return changed
}

/** Most retries taken in one refresh (the rest wait for the next). */
const RETRIES_PER_REFRESH = 20

/**
 * Claims the entries due for another try, once the tries whose process
 * stopped are recorded as failed (they are due on the entry schedule, or
 * given up). An entry the feed still lists is taken as the feed gives it
 * now (with its own content); one it no longer lists, or when the feed
 * answered 304, is rebuilt from what was remembered.
 */
async function claimRetries(ctx: RefreshContext, feedId: string, listed: FeedEntry[]): Promise<ClaimedEntry[]> {
  const now = ctx.now()
  await settleStoppedTries({ db: ctx.db, now: () => now }, feedId)
  const due = await claimDueRetries(ctx.db, feedId, now.toISOString(), leaseEnd(now, ENTRY_RETRY_LEASE_MS), RETRIES_PER_REFRESH)
  const byGuid = new Map(listed.map((e) => [e.guid, e]))
  return due.map((row) => ({ entry: byGuid.get(row.guid) ?? rememberedEntry(row), claim: row.claimToken }))
}

function rememberedEntry(row: StoredEntry): FeedEntry {
  return { guid: row.guid, url: row.url, title: row.title, publishedAt: row.publishedAt, updatedAt: row.entryUpdatedAt, contentHtml: null, summary: null, author: null }
}

const countOf = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'}`
