import type { FeedEntry } from '../ingest/feeds/index.js'
import { samePage } from '../relate/url.js'

/** What the desk remembers of an entry it has seen. */
export interface SeenEntry {
  url: string | null
  title: string | null
  publishedAt: string | null
  /** The version last stored: its updated date, else its published date. */
  entryUpdatedAt: string | null
  /** null while the entry waits for its first outcome. */
  status: string | null
}

/**
 * How a known entry differs from what was remembered: 'date' (a newer
 * version by its date) or 'link' (it points elsewhere) are worth fetching
 * again; 'noted' only refreshes the remembered fields (a new title, or a
 * version first seen, e.g. after an upgrade); 'none' when nothing differs.
 */
export type EntryChange = 'date' | 'link' | 'noted' | 'none'

/** The entry's version: when it was last updated, or published when the feed gives no update date. */
export const entryVersion = (entry: Pick<FeedEntry, 'updatedAt' | 'publishedAt'>): string | null => entry.updatedAt ?? entry.publishedAt

export function entryChange(seen: SeenEntry, entry: FeedEntry): EntryChange {
  if (seen.status === null) return 'none'
  const version = entryVersion(entry)
  if (seen.url !== null && entry.url !== null && !samePage(entry.url, seen.url)) return 'link'
  if (seen.entryUpdatedAt !== null && version !== null && version !== seen.entryUpdatedAt) return 'date'
  const differs = (seen.entryUpdatedAt === null && version !== null) || entry.title !== seen.title || entry.publishedAt !== seen.publishedAt || (seen.url === null && entry.url !== null)
  return differs ? 'noted' : 'none'
}

/**
 * Some feeds stamp every entry with the time of the request, or give every
 * link a fresh session parameter: when more than half of a feed's entries (and
 * more than three) change by date or link in one fetch, the changes say
 * nothing and those entries are not fetched again.
 */
export function changesAreStamps(changes: EntryChange[], listed: number): boolean {
  const changed = changes.filter((c) => c === 'date' || c === 'link').length
  return changed > 3 && changed > listed / 2
}
