import { parseFeed as parseAnyFeed } from 'feedsmith'
import type { AnyFeed } from 'feedsmith'
import type { Result } from '../../domain/index.js'
import { decodeFeedBytes } from './decode.js'
import { draftFeed } from './formats.js'
import type { DraftEntry } from './formats.js'
import { absoluteUrl, isoDate, nonEmpty, plainText } from './text.js'
import type { FeedEntry, ParsedFeed } from './types.js'

export interface ParseFeedOptions {
  /** The feed's own URL: relative links resolve against it. */
  url?: string | null
  contentType?: string | null
  /** Most entries kept (newest-first order of the feed is kept). */
  maxEntries?: number
}

/**
 * Parses RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed into one ParsedFeed.
 * Entries that cannot be used are listed in `skipped` and the rest kept; a
 * document cut short keeps the entries before the damage. Only a document
 * that is no feed at all is a failure.
 */
export function parseFeed(body: string | Uint8Array, options: ParseFeedOptions = {}): Result<ParsedFeed> {
  const text = decodeFeedBytes(body, options.contentType)
  if (text.trim() === '') return { ok: false, error: { code: 'empty_input', message: 'the feed is empty' } }
  const parsed = parseDocument(text)
  if (!parsed.ok) return parsed
  return { ok: true, value: normalise(parsed.value.feed, parsed.value.salvaged, options) }
}

type Parsed = { feed: AnyFeed<string>; salvaged: boolean }

function parseDocument(text: string): Result<Parsed> {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{')) {
    let json: unknown
    try {
      json = JSON.parse(trimmed)
    } catch (err) {
      return { ok: false, error: { code: 'malformed_feed', message: `the JSON feed is not valid JSON: ${(err as Error).message}` } }
    }
    return attempt(json, false)
  }
  const first = attempt(trimmed, false)
  if (first.ok || first.error.code !== 'malformed_feed') return first
  const cut = salvageXml(trimmed)
  if (cut === null) return first
  const salvaged = attempt(cut, true)
  return salvaged.ok ? salvaged : first
}

function attempt(value: unknown, salvaged: boolean): Result<Parsed> {
  try {
    return { ok: true, value: { feed: parseAnyFeed(value), salvaged } }
  } catch (err) {
    const e = err as Error
    if (e.name === 'DetectError') return { ok: false, error: { code: 'not_a_feed', message: 'this is not an RSS, Atom, RDF or JSON feed' } }
    return { ok: false, error: { code: 'malformed_feed', message: `the feed is malformed: ${e.message}` } }
  }
}

const CLOSERS: [RegExp, string][] = [
  [/<rss[\s>]/i, '</channel></rss>'],
  [/<rdf:RDF[\s>]/, '</rdf:RDF>'],
  [/<feed[\s>]/i, '</feed>'],
]

/** Cuts a broken XML feed after its last complete entry and closes the document, so earlier entries survive. */
export function salvageXml(text: string): string | null {
  const end = Math.max(text.lastIndexOf('</item>') + 7, text.lastIndexOf('</entry>') + 8)
  if (end < 8) return null
  const closer = CLOSERS.find(([root]) => root.test(text))?.[1]
  return closer === undefined ? null : text.slice(0, end) + closer
}

function normalise(parsed: AnyFeed<string>, salvaged: boolean, options: ParseFeedOptions): ParsedFeed {
  const draft = draftFeed(parsed)
  const base = absoluteUrl(options.url ?? null, null)
  const siteUrl = absoluteUrl(draft.siteUrl, base)
  const feed: ParsedFeed = { format: parsed.format, title: plainText(draft.title), siteUrl, entries: [], skipped: [], salvaged }
  if (draft.ttlMinutes !== null) feed.ttlMinutes = draft.ttlMinutes
  const seen = new Set<string>()
  draft.items.forEach((item, index) => {
    if (options.maxEntries !== undefined && feed.entries.length >= options.maxEntries) return
    const entry = toEntry(item, index, draft.toDraft, base ?? siteUrl)
    if ('reason' in entry) feed.skipped.push(entry)
    else if (seen.has(entry.guid)) feed.skipped.push({ index, reason: `duplicate guid ${entry.guid}` })
    else {
      seen.add(entry.guid)
      feed.entries.push(entry)
    }
  })
  return feed
}

function toEntry(item: unknown, index: number, toDraft: (i: unknown) => DraftEntry, base: string | null): FeedEntry | { index: number; reason: string } {
  if (typeof item !== 'object' || item === null) return { index, reason: 'not an entry' }
  let draft: DraftEntry
  try {
    draft = toDraft(item)
  } catch (err) {
    return { index, reason: `unreadable entry: ${(err as Error).message}` }
  }
  const url = absoluteUrl(draft.link, base) ?? (draft.guid !== null && /^https?:\/\//i.test(draft.guid) ? absoluteUrl(draft.guid, null) : null)
  const guid = nonEmpty(draft.guid) ?? url
  if (guid === null) return { index, reason: 'entry has neither an id nor a link' }
  const title = plainText(draft.title)
  if (url === null && title === null && draft.contentHtml === null) return { index, reason: 'entry has no link, title or content' }
  return {
    guid,
    url,
    title,
    publishedAt: isoDate(draft.date),
    updatedAt: isoDate(draft.updated),
    contentHtml: draft.contentHtml,
    summary: draft.summary,
    author: plainText(draft.author),
  }
}
