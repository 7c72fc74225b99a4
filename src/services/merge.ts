import type { Article, Block } from '../domain/index.js'
import { normaliseUrl, samePage } from '../relate/url.js'
import type { ExternalRef, StoredArticle } from '../store/repos/article-repo.js'

/** What the desk already holds of an article that comes in again. */
export interface StoredCopy {
  url: string | null
  article: Article
}

/**
 * The article to store when a copy of a stored one comes in again (same text,
 * same first-hand URL). The new copy's text wins, so a page that changed is
 * updated, but a detail the new copy lacks (dek, byline, outlet, language,
 * date) keeps its stored value, the earliest publication date is kept, and the
 * stored address is kept unless the new one is the same page without tracking
 * parameters. A new version of the same imported record (same external id)
 * or feed entry is a correction, taken whole: its details, date and address
 * replace the stored ones.
 */
export function mergeWithStored(
  stored: StoredCopy,
  incoming: Article,
  incomingUrl: string | null,
  options: { sameRecord?: boolean } = {},
): { article: Article; url: string | null } {
  const old = stored.article
  // A new version of the same record is a correction: it is taken whole (it may drop a dek), its address and date win.
  if (options.sameRecord === true) return { article: { ...incoming, canonicalUrl: incoming.canonicalUrl ?? old.canonicalUrl }, url: incomingUrl ?? stored.url }
  const article: Article = {
    ...incoming,
    dek: incoming.dek ?? old.dek,
    authors: incoming.authors.length > 0 ? incoming.authors : old.authors,
    publishedAt: earliest(old.publishedAt, incoming.publishedAt),
    updatedAt: latest(old.updatedAt, incoming.updatedAt),
    outlet: incoming.outlet ?? old.outlet,
    lang: incoming.lang ?? old.lang,
    canonicalUrl: old.canonicalUrl ?? incoming.canonicalUrl,
  }
  return { article, url: keptUrl(stored.url, incomingUrl) }
}

const time = (value: string): number => {
  const t = Date.parse(value)
  return Number.isNaN(t) ? Infinity : t
}

/** The earlier of two dates (either may be missing); a date that does not parse loses to one that does. */
export function earliest(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b
  return time(b) < time(a) ? b : a
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b
  return time(b) > time(a) && time(b) !== Infinity ? b : a
}

/** The address to keep: the stored one, unless there is none or the new one is the same page with fewer tracking parameters. */
export function keptUrl(stored: string | null, incoming: string | null): string | null {
  if (stored === null || incoming === null) return stored ?? incoming
  if (samePage(stored, incoming) && trackingParams(incoming) < trackingParams(stored)) return incoming
  return stored
}

/** How many query parameters normalisation drops from the address (utm_*, fbclid, …). */
function trackingParams(url: string): number {
  try {
    const all = [...new URL(url).searchParams.keys()].length
    const kept = [...new URL(normaliseUrl(url)).searchParams.keys()].length
    return all - kept
  } catch {
    return 0
  }
}

/** What an article is written as: its text and details, its address, where it came from and whose record it is. */
export interface ArticleVersion {
  article: Article
  url: string | null
  external: ExternalRef | null
  source: string
}

/**
 * Would writing `next` leave the stored article as it is? Its text, blocks
 * and details are the same, and so are its addresses (a missing one keeps the
 * stored one), its source and its record id.
 */
export function sameAsStored(stored: StoredArticle, next: ArticleVersion): boolean {
  const keeps = (old: string | null, incoming: string | null): boolean => incoming === null || incoming === old
  return (
    keeps(stored.url, next.url) &&
    keeps(stored.article.canonicalUrl, next.article.canonicalUrl) &&
    stored.source === next.source &&
    stored.collection === (next.external?.collection ?? null) &&
    stored.externalId === (next.external?.id ?? null) &&
    JSON.stringify(details(stored.article)) === JSON.stringify(details(next.article))
  )
}

/** The stored fields of an article, apart from its canonical URL. */
function details(a: Article): unknown[] {
  return [a.title, a.dek, a.authors, a.publishedAt, a.updatedAt, a.outlet, a.lang, a.blocks.map(blockFields)]
}

const blockFields = (b: Block): unknown[] => [b.kind, b.text, b.level ?? null, b.items ?? null, b.imageUrl ?? null, b.credit ?? null]
