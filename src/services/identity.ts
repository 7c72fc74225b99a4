import type { Article } from '../domain/index.js'
import { normaliseUrlOrNull } from '../relate/url.js'
import type { Db } from '../store/db.js'
import { articlesMatching, type ExternalRef } from '../store/repos/article-repo.js'

/** Sources whose URL is known first-hand: the page was fetched from it, or the desk's operator imported it. */
const TRUSTED_URL_SOURCES = new Set(['url', 'feed', 'import'])

/** An http(s) URL normalised for identity, or null for anything else (javascript:, data:, junk). */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url.trim())) return null
  return normaliseUrlOrNull(url)
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^(www|amp|m)\./, '')
}

/** Same site: equal hosts, or one a subdomain of the other. */
export function sameSite(a: string, b: string): boolean {
  const x = hostOf(a)
  const y = hostOf(b)
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`)
}

/**
 * The canonical URL to file an article under. A page's own <link rel=canonical>
 * counts only when it is on the same site as the address it came from and is
 * not the site's home page (many sites point every page there).
 */
export function chooseCanonicalUrl(article: Article, inputUrl: string | null | undefined): string | null {
  const given = httpUrl(inputUrl)
  const claimed = httpUrl(article.canonicalUrl)
  if (claimed && new URL(claimed).pathname.replace(/\/+$/, '') !== '' && (!given || sameSite(given, claimed))) return claimed
  return given
}

export interface Identity {
  /** The stored article this one is, or null for a new article. */
  existingId: string | null
  /** The canonical URL to store; null keeps the stored one (or none, when it belongs to another article). */
  canonicalUrl: string | null
  /** Found by its external id: a new version of the same record, whose details replace the stored ones. */
  sameRecord: boolean
  /** The same record with the same text: nothing to update. */
  unchanged: boolean
  /** A record whose new text is already another article's: it cannot take that text. */
  conflictId: string | null
}

/**
 * Decides whether an incoming article is one already stored. Same text is the
 * same article. Same URL is the same article only when the URL is first-hand
 * (fetched or imported): anybody else's text under a stored article's address
 * becomes a new article instead of overwriting it. Import's skip-if-stored
 * and the write itself both ask here, so they agree. An imported record's
 * external id (with its collection) comes first: the same record again is
 * the same article, whatever its text or URL now.
 */
export async function resolveIdentity(db: Db, source: string, canonicalUrl: string | null, hash: string, external: ExternalRef | null = null): Promise<Identity> {
  const { byHash, byUrl, byExternal } = await articlesMatching(db, canonicalUrl, hash, external)
  const found = (id: string | null, url: string | null): Identity => ({ existingId: id, canonicalUrl: url, sameRecord: false, unchanged: false, conflictId: null })
  if (byExternal) {
    const id = byExternal.id
    const url = byUrl && byUrl !== id ? null : canonicalUrl
    return { ...found(id, url), sameRecord: true, unchanged: byExternal.contentHash === hash, conflictId: byHash && byHash !== id ? byHash : null }
  }
  if (byHash) return found(byHash, byUrl && byUrl !== byHash ? null : canonicalUrl)
  if (byUrl) return TRUSTED_URL_SOURCES.has(source) ? found(byUrl, canonicalUrl) : found(null, null)
  return found(null, canonicalUrl)
}
