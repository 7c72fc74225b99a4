import type { Kysely } from 'kysely'
import type { Result } from '../domain/index.js'
import { fragmentText } from '../extract/index.js'
import type { FeedEntry } from '../ingest/feeds/index.js'
import { escapeHtml } from '../ingest/feeds/text.js'
import type { RawInput } from '../ingest/import-source.js'
import { newId } from '../lib/ids.js'
import { getEntry, handBackClaim, startClaimedTry } from '../store/repos/feed-entry-repo.js'
import type { StoredEntry } from '../store/repos/feed-entry-repo.js'
import type { Database } from '../store/schema/index.js'
import { settleOutcome, settleUnfinishedTry } from './entry-tries.js'
import type { Settled, TryAt } from './entry-tries.js'
import type { FetchDocument } from './feed-refresh.js'
import { ENTRY_RETRY_LEASE_MS, isTransientPageFailure, leaseEnd, nextEntryRetry } from './schedule-policy.js'

export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain']

/**
 * Stores one document as an article (the services' addArticle, passed in so
 * the pipeline does not depend on services). `replaceId`: the article an
 * earlier try at the same entry stored, updated in place.
 */
export type StoreArticle = (input: RawInput & { source: string; replaceId?: string | null }) => Promise<Result<{ id: string }>>

export interface EntryContext {
  db: Kysely<Database>
  /** Absent when the desk may not fetch pages: the feed's own content is then kept. */
  fetch: FetchDocument | null
  store: StoreArticle
  now: () => Date
}

/**
 * What became of an entry; `retryAt` is when its page is tried again (null:
 * never). `skipped`: a try whose claim had passed to a later refresh (or
 * was settled meanwhile) was not made, or its outcome not recorded (a try
 * that outlived its lease is recorded as stopped), so no try is counted twice.
 */
export type EntryOutcome =
  | { status: 'page' | 'feed-content'; articleId: string; note: string | null; retryAt: string | null }
  | { status: 'failed'; error: string; retryAt: string | null }
  | { status: 'skipped'; reason: string; retryAt: null }

type Meta = { title: string | null; publishedAt: string | null; externalId: string }
type PageTry = { ok: true; articleId: string } | { ok: false; why: string; transient: boolean }

/**
 * Turns a feed entry into an article: the full page when it can be fetched
 * and extracted, otherwise the feed's own content, stored with source
 * "feed-content" so the desk can tell it apart. A page that failed for a
 * reason that may pass is tried again later (see schedule-policy.ts), and
 * an entry tried again updates the article its earlier try stored. Store
 * errors throw (the job is retried); a page or entry that cannot be used does not.
 * A try runs only while it holds the `claim` its refresh made, so an entry
 * claimed twice (its lease ran out in a busy queue) is tried, and counted, once.
 * It is counted when it starts: a try whose process stops before it settles
 * is recorded as failed by a later refresh (see settleStoppedTries).
 */
export async function storeFeedEntry(ctx: EntryContext, feedId: string, entry: FeedEntry, claim: string | null = null): Promise<EntryOutcome> {
  if (claim === null) return tryEntry(ctx, feedId, entry, null)
  const now = ctx.now()
  const run = { token: newId(), startedAt: now.toISOString(), leaseUntil: leaseEnd(now, ENTRY_RETRY_LEASE_MS) }
  const attempts = await startClaimedTry(ctx.db, feedId, entry.guid, claim, run)
  if (attempts === null) return { status: 'skipped', reason: 'its retry was claimed again by a later refresh, or settled meanwhile', retryAt: null }
  const held = { run: run.token, attempts }
  try {
    return await tryEntry(ctx, feedId, entry, held)
  } catch (err) {
    // A try that throws (a page that trips a bug, a failing write) is a failed try: an entry whose every try
    // throws is tried again on the entry schedule and given up after MAX_ENTRY_ATTEMPTS, like a failing page.
    // When even that cannot be recorded, the queue runs the job again with the same claim.
    const recorded = await settleThrownTry(ctx, { feedId, guid: entry.guid, ...held }, err).catch(() => false)
    if (!recorded) await handBackClaim(ctx.db, feedId, entry.guid, run.token, claim).catch(() => undefined)
    throw err
  }
}

/** Records a try that threw as a failed try; true when recorded (the run still held the entry). */
async function settleThrownTry(ctx: EntryContext, at: TryAt, err: unknown): Promise<boolean> {
  const prior = await getEntry(ctx.db, at.feedId, at.guid)
  return settleUnfinishedTry(ctx, at, prior, `the try failed: ${err instanceof Error ? err.message : String(err)}`)
}

/**
 * One try at an entry; `held`: the run holding its claim and the try's number
 * (counted when it started). A try without a claim (a job queued before
 * claims) is counted here, from the row.
 */
async function tryEntry(ctx: EntryContext, feedId: string, entry: FeedEntry, held: { run: string; attempts: number } | null): Promise<EntryOutcome> {
  const prior = await getEntry(ctx.db, feedId, entry.guid)
  const attempts = held?.attempts ?? (prior?.attempts ?? 0) + 1
  const meta: Meta = { title: entry.title, publishedAt: entry.publishedAt, externalId: entry.guid }
  const page = await tryPage(ctx, entry, meta, prior?.articleId ?? null)
  const settle = (outcome: Settled): Promise<EntryOutcome> => settleOutcome(ctx, { feedId, guid: entry.guid, attempts, run: held?.run ?? null }, outcome)
  if (page.ok) return settle({ status: 'page', articleId: page.articleId, note: null, retryAt: null })
  const retry = page.transient ? nextEntryRetry(ctx.now(), attempts) : null
  const why = page.transient && retry === null ? `${page.why} (gave up after ${attempts} tries)` : page.why
  return keepWhatThereIs(ctx, entry, meta, { prior, why, retryAt: retry?.toISOString() ?? null }, settle)
}

/** Why an entry's page fell short, when it is tried again, and what an earlier try left. */
type Shortfall = { prior: StoredEntry | null; why: string; retryAt: string | null }

/** The page failed: keep a page stored before, else the feed's own content (new, or from an earlier try), else fail. */
async function keepWhatThereIs(ctx: EntryContext, entry: FeedEntry, meta: Meta, short: Shortfall, settle: (o: Settled) => Promise<EntryOutcome>): Promise<EntryOutcome> {
  const { prior, why, retryAt } = short
  const earlier = prior?.articleId ?? null
  if (earlier !== null && prior?.status === 'page') return settle({ status: 'page', articleId: earlier, note: why, retryAt })
  const own = ownContent(entry)
  if (own === null) {
    if (earlier !== null && prior?.status === 'feed-content') return settle({ status: 'feed-content', articleId: earlier, note: why, retryAt })
    return settle({ status: 'failed', error: `${why}; the entry has no content of its own`, retryAt })
  }
  const input = { ...meta, url: entry.url, source: 'feed-content', replaceId: earlier }
  let stored = await ctx.store({ ...input, body: feedContentPage(entry.title, own), contentType: 'text/html; charset=utf-8' })
  // A short fragment may not pass the extractor's page rules: its plain text still makes an article.
  if (!stored.ok) stored = await ctx.store({ ...input, body: fragmentText(own), contentType: 'text/plain; charset=utf-8' })
  if (!stored.ok) return settle({ status: 'failed', error: `${why}; the feed content was unusable: ${stored.error.message}`, retryAt })
  return settle({ status: 'feed-content', articleId: stored.value.id, note: why, retryAt })
}

/**
 * Most of an entry's own content read, in characters: a long article is
 * some 100 KB of HTML. A feed may be 10 MB; what is past this is dropped.
 */
const MAX_CONTENT_CHARS = 1_000_000

function ownContent(entry: FeedEntry): string | null {
  return (entry.contentHtml ?? entry.summary)?.slice(0, MAX_CONTENT_CHARS) ?? null
}

async function tryPage(ctx: EntryContext, entry: FeedEntry, meta: Meta, replaceId: string | null): Promise<PageTry> {
  if (entry.url === null) return { ok: false, why: 'the entry has no link', transient: false }
  if (ctx.fetch === null) return { ok: false, why: 'fetching pages is not enabled', transient: false }
  const page = await ctx.fetch(entry.url, { acceptTypes: PAGE_TYPES })
  if (!page.ok) return { ok: false, why: `the page could not be fetched: ${page.error.message}`, transient: isTransientPageFailure(page.error) }
  const stored = await ctx.store({ ...meta, body: page.value.body, contentType: page.value.contentType, url: page.value.url, source: 'feed', replaceId })
  if (stored.ok) return { ok: true, articleId: stored.value.id }
  // The page loaded but is no article (an error page, no text): trying again would find the same.
  return { ok: false, why: `the page could not be extracted: ${stored.error.message}`, transient: false }
}

/** The feed's HTML fragment as a small page with its title, so the extractor reads it like any article. */
export function feedContentPage(title: string | null, html: string): string {
  const t = title === null ? '' : escapeHtml(title)
  return `<!doctype html><html><head><meta charset="utf-8"><title>${t}</title></head><body><article>${t === '' ? '' : `<h1>${t}</h1>`}\n${html}\n</article></body></html>`
}
