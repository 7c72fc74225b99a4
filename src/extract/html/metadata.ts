import type { Article } from '../../domain/index.js'
import { plainText } from './plain.js'
import type { ScanResult } from './scan.js'

/** What the page says about itself in JSON-LD, OpenGraph, meta tags and <time>. */
export interface PageMetadata extends Pick<Article, 'authors' | 'publishedAt' | 'updatedAt' | 'outlet' | 'canonicalUrl' | 'lang'> {
  title: string | null
  description: string | null
  /** JSON-LD articleBody, for pages whose text is only there. */
  articleBody: string | null
  image: string | null
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|TechArticle|ScholarlyArticle|LiveBlogPosting|Report|SocialMediaPosting|WebPage|Blog|AdvertiserContentArticle|SatiricalArticle|MedicalScholarlyArticle)$/

type Json = Record<string, unknown>

/** Reads the page's metadata; JSON-LD first, then OpenGraph and meta tags, then <time>. */
export function readMetadata(scan: ScanResult): PageMetadata {
  const ld = findArticleLd(scan.jsonLd)
  const m = scan.metas
  const meta = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = m.get(k)?.trim()
      if (v) return v
    }
    return null
  }
  const ldAuthors = ld ? names(ld.author ?? ld.creator) : []
  const metaAuthors = (meta('author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator', 'byl', 'itemprop:author') ?? '')
    .split('\u0001')
    .map((a) => a.replace(/^by\s+/i, '').trim())
    .filter((a) => a && !/^https?:/.test(a))
  const publisher = ld ? names(ld.publisher)[0] ?? null : null
  const title = str(ld?.headline) ?? meta('og:title', 'twitter:title', 'sailthru.title', 'dc.title') ?? (scan.title || null)
  const description = str(ld?.description) ?? meta('og:description', 'description', 'twitter:description', 'dc.description')
  return {
    title: title ? clean(title) : null,
    description: description ? clean(description) : null,
    authors: dedupe((ldAuthors.length > 0 ? ldAuthors : metaAuthors).map(clean)),
    publishedAt: date(str(ld?.datePublished) ?? meta('article:published_time', 'og:article:published_time', 'datepublished', 'itemprop:datepublished', 'publishdate', 'pubdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date') ?? timeElement(scan, true)),
    updatedAt: date(str(ld?.dateModified) ?? meta('article:modified_time', 'og:updated_time', 'datemodified', 'itemprop:datemodified', 'last-modified')),
    outlet: cleanOrNull(publisher ?? meta('og:site_name', 'application-name', 'publisher', 'twitter:site')?.replace(/^@/, '') ?? null),
    canonicalUrl: scan.canonical ?? meta('og:url') ?? str(ld?.url) ?? null,
    lang: normaliseLang(scan.lang ?? meta('content-language', 'og:locale', 'language', 'dc.language') ?? str(ld?.inLanguage)),
    articleBody: str(ld?.articleBody) ?? str(ld?.text),
    image: meta('og:image', 'twitter:image'),
  }
}

function clean(s: string): string {
  return (/[<&]/.test(s) ? plainText(s) : s).replace(/\s+/g, ' ').trim()
}

function cleanOrNull(s: string | null): string | null {
  return s ? clean(s) || null : null
}

function findArticleLd(scripts: string[]): Json | null {
  let best: Json | null = null
  for (const raw of scripts) {
    let data: unknown
    try {
      data = JSON.parse(raw.trim().replace(/^<!--|-->$/g, '').replace(/[\u0000-\u001f]+/g, ' '))
    } catch {
      continue
    }
    // Walk arrays and @graph without recursion.
    const queue: unknown[] = [data]
    for (let i = 0; i < queue.length && i < 500; i++) {
      const node = queue[i]
      if (Array.isArray(node)) {
        queue.push(...node)
        continue
      }
      if (!node || typeof node !== 'object') continue
      const obj = node as Json
      if (Array.isArray(obj['@graph'])) queue.push(...(obj['@graph'] as unknown[]))
      const types = ([] as unknown[]).concat(obj['@type'] ?? [])
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) {
        const isPage = types.every((t) => t === 'WebPage' || t === 'Blog')
        if (!best || (!isPage && (best['@type'] === 'WebPage' || !best.headline))) best = obj
        else if (isPage && best && !best.headline) best = obj
      }
    }
  }
  return best
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null
  if (Array.isArray(v)) return str(v[0])
  if (v && typeof v === 'object' && '@value' in v) return str((v as Json)['@value'])
  return null
}

function names(v: unknown): string[] {
  const out: string[] = []
  for (const x of ([] as unknown[]).concat(v ?? [])) {
    if (typeof x === 'string') out.push(x)
    else if (x && typeof x === 'object') {
      const n = str((x as Json).name)
      if (n) out.push(n)
    }
  }
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0 && s.length < 120 && !/^https?:/.test(s))
}

function dedupe(xs: string[]): string[] {
  const seen = new Set<string>()
  return xs.filter((x) => {
    const k = x.toLowerCase()
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

function timeElement(scan: ScanResult, published: boolean): string | null {
  const pick = scan.times.find((t) => t.pubdate || (published && /publish|posted|date/i.test(t.cls))) ?? scan.times[0]
  return pick?.datetime ?? null
}

/** ISO 8601 when the value parses as a date; the raw value is kept otherwise. */
function date(v: string | null): string | null {
  if (!v) return null
  const t = v.trim()
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const d = new Date(t)
    return Number.isNaN(d.getTime()) ? t : d.toISOString()
  }
  const d = new Date(t)
  return Number.isNaN(d.getTime()) || d.getFullYear() < 1990 ? null : d.toISOString()
}

function normaliseLang(v: string | null): string | null {
  if (!v) return null
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?/i.exec(v.trim())
  if (!m) return null
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase()
}
