export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json'

/** One entry of a feed, in the same shape whatever the format. */
export interface FeedEntry {
  /** Stable identity: the guid/id when the feed gives one, else the entry URL. */
  guid: string
  /** Absolute http(s) URL of the article page, when the entry has one. */
  url: string | null
  title: string | null
  /** ISO 8601 (UTC) when the feed's date could be read. */
  publishedAt: string | null
  /** ISO 8601 (UTC): when the entry was last updated, when the feed says (Atom updated, JSON date_modified, RSS atom:updated/dcterms:modified). */
  updatedAt: string | null
  /** The entry's own full content as HTML (content:encoded, Atom content, JSON content_html). */
  contentHtml: string | null
  /** The short description or summary, as given (may contain HTML). */
  summary: string | null
  author: string | null
}

export interface ParsedFeed {
  format: FeedFormat
  title: string | null
  siteUrl: string | null
  entries: FeedEntry[]
  /** Polling hint from RSS <ttl> or sy:updatePeriod/updateFrequency, in minutes. */
  ttlMinutes?: number
  /** Entries left out because they could not be used, with why. */
  skipped: { index: number; reason: string }[]
  /** True when the document was cut short or broken and only the entries before the damage were read. */
  salvaged: boolean
}
