import type { Article, Block } from '../../domain/article.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { isFurniture } from '../lexicon.js'
import { cleanAuthors, pageCredits } from './byline.js'
import { findContent } from './content.js'
import { readMetadata, type PageMetadata } from './metadata.js'
import { plainText } from './plain.js'
import { scanHtml, type ScanResult, type TextBlock } from './scan.js'
import { dateFromUrl } from '../url-date.js'

export interface HtmlOptions {
  /** The page's address, for resolving relative links and as the fallback canonical URL. */
  url?: string | null
}

/**
 * HTML → Article: one streaming scan, metadata from JSON-LD/OpenGraph/meta,
 * main content by candidate scoring, blocks rebuilt as plain text. Pages
 * whose text is only in <noscript> or in JSON-LD articleBody still give an article.
 */
export function extractHtml(html: string, options: HtmlOptions = {}): Result<Article> {
  const scan = scanHtml(html)
  const meta = readMetadata(scan)
  let { blocks: found } = findContent(scan)
  if (textLength(found) < 100) {
    const noscript = scan.blocks.filter((b) => b.inNoscript)
    if (textLength(noscript) > textLength(found)) found = noscript
  }
  let blocks = toBlocks(found, scan, options.url ?? null)
  const ldBody = meta.articleBody ? plainText(meta.articleBody) : null
  if (ldBody && prefersLdBody(ldBody, found)) blocks = paragraphsOf(ldBody)
  const title = chooseTitle(meta, scan, found)
  blocks = trimBlocks(blocks, title)
  if (blocks.length === 0 && !title) return fail('no_content', 'the page has no readable text')
  if (blocks.length === 0 && meta.description) blocks = paragraphsOf(meta.description)
  const first = found.find((b) => b.tag !== 'h')
  const credits = pageCredits(scan, title, first ? scan.blocks.indexOf(first) : scan.blocks.length)
  meta.authors = meta.authors.length > 0 ? cleanAuthors(meta.authors) : credits.authors
  // A standfirst that opens the text is the dek, not the first paragraph.
  if (credits.dek && blocks[0]?.kind === 'paragraph' && blocks[0].text === credits.dek) {
    blocks = blocks.slice(1)
    meta.description = credits.dek
  }
  // The standfirst shown under the headline stands in for a missing or cut meta description.
  if (credits.dek && (!meta.description || (/(\.\.\.|…)$/.test(meta.description) && startsAlike(credits.dek, meta.description)))) meta.description = credits.dek
  return ok(buildArticle(meta, title, blocks, options.url ?? null))
}

/**
 * JSON-LD articleBody replaces the page text when the page shows nothing, or
 * only a part of it (a teaser cut by a paywall or lazy loading): it is much
 * longer and holds nearly every word the page shows.
 */
function prefersLdBody(ldBody: string, found: TextBlock[]): boolean {
  const shown = textLength(found)
  if (shown < 100) return ldBody.length > shown
  if (ldBody.length < shown * 1.3) return false
  const vocabulary = new Set(words(ldBody))
  const ours = words(found.map((b) => b.text).join(' '))
  const covered = ours.filter((w) => vocabulary.has(w)).length
  return covered >= ours.length * 0.9
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function buildArticle(meta: PageMetadata, title: string, blocks: Block[], url: string | null): Article {
  let dek = meta.description && meta.description.length > 20 ? clean(meta.description) : null
  if (dek && blocks[0] && startsAlike(blocks[0].text, dek)) dek = null
  const canonical = absolute(meta.canonicalUrl, url)
  return {
    title,
    dek,
    authors: meta.authors,
    publishedAt: meta.publishedAt ?? dateFromUrl(canonical) ?? dateFromUrl(url),
    updatedAt: meta.updatedAt,
    outlet: meta.outlet,
    canonicalUrl: canonical ?? url,
    lang: meta.lang,
    blocks,
  }
}

function startsAlike(a: string, b: string): boolean {
  const n = Math.min(60, a.length, b.length)
  return n > 20 && a.slice(0, n).toLowerCase() === b.slice(0, n).toLowerCase()
}

function textLength(blocks: { text: string }[]): number {
  let n = 0
  for (const b of blocks) n += b.text.length
  return n
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function paragraphsOf(text: string): Block[] {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map(clean)
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph', text: t }))
}

const TITLE_SEPARATORS = /\s+[|–—\-:·•»]\s+/

function chooseTitle(meta: PageMetadata, scan: ScanResult, found: TextBlock[]): string {
  const h1 = scan.blocks.find((b) => b.tag === 'h' && b.level === 1 && !b.inNoscript)?.text
  const candidates = [meta.title, h1, scan.title].filter((x): x is string => !!x).map(clean)
  let title = candidates[0] ?? found.find((b) => b.tag === 'h')?.text ?? ''
  if (h1 && title !== h1 && title.toLowerCase().includes(h1.toLowerCase()) && h1.length > 10) title = clean(h1)
  // Only the <title> tag, and a headline on the page telling the same story: the page shows the headline.
  else if (h1 && meta.title === (scan.title ? clean(scan.title) : null) && sameHeadline(h1, title)) title = clean(h1)
  else if (TITLE_SEPARATORS.test(title)) {
    const longest = longestPart(title)
    if (longest.split(' ').length >= 4) title = longest
  }
  return title
}

/** The longest of a title's parts between separators ("Bridge closes for repairs" of "… | City Times"); the title itself when it has none. */
function longestPart(title: string): string {
  return title.split(TITLE_SEPARATORS).reduce((a, b) => (b.length > a.length ? b : a), '')
}

/** A page headline that rewrites the <title>: most of the title's words are in it ("Old bridge closes for six months of repairs"). */
function sameHeadline(h1: string, title: string): boolean {
  const head = new Set(words(h1))
  const own = words(longestPart(title))
  return head.size >= 3 && own.length > 0 && own.filter((w) => head.has(w)).length >= own.length * 0.6
}

/** Groups scanned text blocks into article blocks: lists, quotes and captions become one block each. */
function toBlocks(found: TextBlock[], scan: ScanResult, url: string | null): Block[] {
  const out: Block[] = []
  let i = 0
  while (i < found.length) {
    const b = found[i]!
    if (b.tag === 'li') {
      const items: string[] = []
      let j = i
      while (j < found.length && found[j]!.tag === 'li' && found[j]!.group === b.group) items.push(clean(found[j++]!.text))
      out.push({ kind: 'list', text: items.join('\n'), items, ordered: b.ordered })
      i = j
      continue
    }
    if (b.inQuote >= 0 && b.tag !== 'h') {
      const parts: string[] = []
      let j = i
      while (j < found.length && found[j]!.inQuote === b.inQuote && found[j]!.tag !== 'h' && found[j]!.tag !== 'li') parts.push(clean(found[j++]!.text))
      out.push({ kind: 'blockquote', text: parts.join('\n') })
      i = j
      continue
    }
    i++
    if (b.tag === 'h') out.push({ kind: 'heading', text: clean(b.text), level: Math.max(2, Math.min(6, b.level)) })
    else if (b.tag === 'pre') out.push({ kind: 'preformatted', text: b.text })
    else if (b.tag === 'figcaption') out.push(caption(b, scan, url))
    else for (const part of b.text.split(/\n\s*\n/)) if (part.trim()) out.push({ kind: 'paragraph', text: clean(part) })
  }
  return out
}

const CREDIT = /\s*(?:\(|\b)((?:photo|image|picture|credit|foto|source)s?\s*(?:by|:)?\s*[^()]{2,80}|[^()]{2,60}\/(?:getty images|ap|afp|reuters|epa|shutterstock)[^()]*|(?:getty images|ap photo|afp|reuters|epa|shutterstock)[^()]{0,60})\)?\s*$/i

function caption(b: TextBlock, scan: ScanResult, url: string | null): Block {
  const text = clean(b.text)
  const block: Block = { kind: 'caption', text }
  const img = b.group >= 0 ? scan.figureImages.get(b.group) : undefined
  const abs = absolute(img ?? null, url)
  if (abs) block.imageUrl = abs
  const m = CREDIT.exec(text)
  if (m && m.index > 0) {
    block.credit = clean(m[1] ?? '')
    block.text = text.slice(0, m.index).trim()
  }
  return block
}

/** Only http(s) URLs are kept, resolved against the page address. */
function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null
  try {
    const u = base ? new URL(href, base) : new URL(href)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

/** Removes the title repeated as a block and trailing furniture. */
function trimBlocks(blocks: Block[], title: string): Block[] {
  const t = title.toLowerCase()
  // Blocks of invisible characters only (zero-width spaces) are dropped with the repeated title.
  let out = blocks.filter((b) => !(b.kind === 'heading' && b.text.toLowerCase() === t) && !/^[\s\u200b-\u200f\u2060\ufeff]*$/u.test(b.text))
  while (out.length > 0 && out[0]!.kind === 'paragraph' && out[0]!.text.toLowerCase() === t) out = out.slice(1)
  let end = out.length
  while (end > 0 && (isFurniture(out[end - 1]!.text) || out[end - 1]!.kind === 'heading')) end--
  return out.slice(0, end)
}

