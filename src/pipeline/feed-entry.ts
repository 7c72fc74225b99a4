import type { Kysely } from 'kysely'
import type { Result } from '../domain/index.js'
import type { FeedEntry } from '../ingest/feeds/index.js'
import { decodeEntities, escapeHtml } from '../ingest/feeds/text.js'
import type { RawInput } from '../ingest/import-source.js'
import { settleEntry } from '../store/repos/feed-repo.js'
import type { Database } from '../store/schema/index.js'
import type { FetchDocument } from './feed-refresh.js'

export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain']

/** Stores one document as an article (the services' addArticle, passed in so the pipeline does not depend on services). */
export type StoreArticle = (input: RawInput & { source: string }) => Promise<Result<{ id: string }>>

export interface EntryContext {
  db: Kysely<Database>
  /** Absent when the desk may not fetch pages: the feed's own content is then kept. */
  fetch: FetchDocument | null
  store: StoreArticle
}

export type EntryOutcome = { status: 'page' | 'feed-content'; articleId: string; note: string | null } | { status: 'failed'; error: string }

/**
 * Turns a new feed entry into an article: the full page when it can be
 * fetched and extracted, otherwise the feed's own content, stored with
 * source "feed-content" so the desk can tell it apart. Store errors throw
 * (the job is retried); a page or entry that cannot be used does not.
 */
export async function storeFeedEntry(ctx: EntryContext, feedId: string, entry: FeedEntry): Promise<EntryOutcome> {
  const meta = { title: entry.title, publishedAt: entry.publishedAt, externalId: entry.guid }
  let why = entry.url === null ? 'the entry has no link' : 'fetching pages is not enabled'
  if (entry.url !== null && ctx.fetch !== null) {
    const page = await ctx.fetch(entry.url, { acceptTypes: PAGE_TYPES })
    if (page.ok) {
      const stored = await ctx.store({ ...meta, body: page.value.body, contentType: page.value.contentType, url: page.value.url, source: 'feed' })
      if (stored.ok) return settle(ctx, feedId, entry, { status: 'page', articleId: stored.value.id, note: null })
      why = `the page could not be extracted: ${stored.error.message}`
    } else why = `the page could not be fetched: ${page.error.message}`
  }
  const own = entry.contentHtml ?? entry.summary
  if (own === null) return settle(ctx, feedId, entry, { status: 'failed', error: `${why}; the entry has no content of its own` })
  let stored = await ctx.store({ ...meta, body: feedContentPage(entry.title, own), contentType: 'text/html; charset=utf-8', url: entry.url, source: 'feed-content' })
  // A short fragment may not pass the extractor's page rules: its plain text still makes an article.
  if (!stored.ok) stored = await ctx.store({ ...meta, body: htmlToText(own), contentType: 'text/plain; charset=utf-8', url: entry.url, source: 'feed-content' })
  if (!stored.ok) return settle(ctx, feedId, entry, { status: 'failed', error: `${why}; the feed content was unusable: ${stored.error.message}` })
  return settle(ctx, feedId, entry, { status: 'feed-content', articleId: stored.value.id, note: why })
}

/** The feed's HTML fragment as a small page with its title, so the extractor reads it like any article. */
export function feedContentPage(title: string | null, html: string): string {
  const t = title === null ? '' : escapeHtml(title)
  return `<!doctype html><html><head><meta charset="utf-8"><title>${t}</title></head><body><article>${t === '' ? '' : `<h1>${t}</h1>`}\n${html}\n</article></body></html>`
}

function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|tr)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(text).replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*/g, '\n\n').trim()
}

async function settle(ctx: EntryContext, feedId: string, entry: FeedEntry, outcome: EntryOutcome): Promise<EntryOutcome> {
  await settleEntry(ctx.db, feedId, entry.guid, outcome.status === 'failed'
    ? { articleId: null, status: 'failed', error: outcome.error.slice(0, 1000) }
    : { articleId: outcome.articleId, status: outcome.status, error: outcome.note?.slice(0, 1000) ?? null })
  return outcome
}
