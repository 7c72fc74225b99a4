import { isAside, isFurniture, isInterruption } from '../lexicon.js'
import { FLAG_CHROME, FLAG_HIDDEN, type ScanResult, type TextBlock } from './scan.js'

/**
 * Finds the main content of a scanned page: boilerplate elements are marked
 * by class/id/role and tag, paragraphs score their ancestors (the
 * Readability idea), the best container and its worthy siblings are kept,
 * and the blocks inside them are filtered for link lists and furniture.
 */

const NEGATIVE = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'comments?', 'commentlist', 'comment-list', 'disqus', 'respond', 'replies', 'share', 'sharing', 'shares', 'social',
      'socials', 'sharebar', 'share-bar', 'related', 'recommended', 'recommendations', 'newsletter', 'subscribe',
      'subscription', 'signup', 'cookie', 'cookies', 'consent', 'gdpr', 'banner', 'ad', 'ads', 'adv', 'advert',
      'advertisement', 'advertising', 'dfp', 'gpt', 'sponsor', 'sponsored', 'promo', 'promoted', 'outbrain', 'taboola',
      'breadcrumb', 'breadcrumbs', 'nav', 'navbar', 'navigation', 'menu', 'footer', 'sidebar', 'widget', 'widgets',
      'popup', 'modal', 'overlay', 'masthead', 'toolbar', 'tags', 'tag-list', 'tagcloud', 'pagination', 'pager',
      'skip', 'sr-only', 'visually-hidden', 'screen-reader-text', 'hidden', 'rail', 'trending', 'popular',
      'most-read', 'mostread', 'paywall', 'byline', 'author-bio', 'bio', 'dateline', 'timestamp', 'meta', 'post-meta',
      'entry-meta', 'article-meta', 'caption-credit', 'credit', 'print', 'complementary', 'contentinfo', 'header',
      'site-header', 'topbar', 'jump-link', 'next-article', 'more-stories', 'read-more', 'readmore', 'newsletter-signup',
      'inline-newsletter', 'author-info', 'about-author', 'post-navigation', 'nav-links', 'supplemental', 'utility',
      'video', 'search', 'login', 'alert',
    ].join('|') +
    ')(?:$|[\\s_-])',
)
const POSITIVE = /(?:^|[\s_-])(?:article|articlebody|article-body|article-content|body|content|entry|entry-content|hentry|h-entry|main|post|post-body|post-content|story|story-body|text|blog|prose|rich-text|richtext)(?:$|[\s_-])/
const KEEP_TAGS = new Set(['#root', 'html', 'body', 'main', 'article'])

interface Tables {
  scan: ScanResult
  dropped: Uint8Array
  chars: Float64Array
  linkChars: Float64Array
  good: Float64Array
  /** Good text that survives boilerplate removal. */
  kept: Float64Array
  lastDesc: Int32Array
}

export interface ContentResult {
  blocks: TextBlock[]
  /** The chosen container, or -1 when the page had no scorable text. */
  root: number
}

export function findContent(scan: ScanResult): ContentResult {
  const t = tables(scan)
  const root = bestCandidate(t)
  if (root < 0) return { blocks: [], root }
  const keep = withSiblings(t, root)
  const inside = (b: TextBlock): boolean => keep.some((k) => b.elem >= k && b.elem <= t.lastDesc[k]!)
  const chosen = scan.blocks.map((b) => !b.inNoscript && !t.dropped[b.elem] && inside(b))
  const blocks = scan.blocks.filter((_, i) => chosen[i])
  return { blocks: filterBlocks(blocks), root }
}

function isGood(b: TextBlock): boolean {
  return b.text.length >= 25 && b.linkChars < b.text.length * 0.5 && b.tag !== 'h' && b.tag !== 'figcaption'
}

function tables(scan: ScanResult): Tables {
  const n = scan.count
  const { parent, names, tags, flags } = scan
  const chars = new Float64Array(n)
  const linkChars = new Float64Array(n)
  const good = new Float64Array(n)
  const lastDesc = new Int32Array(n)
  for (const b of scan.blocks) if (!b.inNoscript && isGood(b)) good[b.elem]! += b.text.length
  for (let i = 0; i < n; i++) lastDesc[i] = i
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!
    if (p < 0) continue
    good[p]! += good[i]!
    if (lastDesc[i]! > lastDesc[p]!) lastDesc[p] = lastDesc[i]!
  }
  let total = 0
  for (let i = 0; i < n; i++) if (parent[i]! < 0) total += good[i]!
  const dropped = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const p = parent[i]!
    if (p >= 0 && dropped[p]) {
      dropped[i] = 1
      continue
    }
    const f = flags[i]!
    const tag = tags[i]!
    if (KEEP_TAGS.has(tag)) continue
    const negative = (f & (FLAG_HIDDEN | FLAG_CHROME)) !== 0 || (NEGATIVE.test(names[i]!) && !POSITIVE_STRONG.test(names[i]!) && !EMBED.test(names[i]!))
    // A wrapper flagged by a stray class that holds most of the page's text is kept.
    if (negative && good[i]! < total * 0.5) dropped[i] = 1
  }
  // Text and link totals count only what survives, so a dropped menu does not dilute its container.
  const kept = new Float64Array(n)
  for (const b of scan.blocks) {
    if (b.inNoscript || dropped[b.elem]) continue
    chars[b.elem]! += b.text.length
    linkChars[b.elem]! += b.linkChars
    if (isGood(b)) kept[b.elem]! += b.text.length
  }
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!
    if (p < 0) continue
    chars[p]! += chars[i]!
    linkChars[p]! += linkChars[i]!
    kept[p]! += kept[i]!
  }
  return { scan, dropped, chars, linkChars, good, kept, lastDesc }
}

/** Embedded posts (tweets, Instagram) quoted by the article are part of it. */
const EMBED = /(?:^|[\s_-])(?:twitter-tweet|tweet|instagram-media|embed|embedded|social-media-embed|media-embed)(?:$|[\s_-])/
const POSITIVE_STRONG = /(?:^|\s)(?:article-?body|article-?content|entry-content|post-content|post-body|story-body|story-content|main-content|articlebody)(?:$|\s)/

function bestCandidate(t: Tables): number {
  const { scan, dropped } = t
  const score = new Map<number, number>()
  for (const b of scan.blocks) {
    if (b.inNoscript || dropped[b.elem] || !isGood(b) || b.tag === 'li') continue
    const s = 1 + (b.text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(b.text.length / 100), 3)
    // Text written straight into a div makes the div itself a candidate.
    let node = b.tag === 'div' ? b.elem : scan.parent[b.elem]!
    for (let level = 0; node >= 0 && level < 5; level++) {
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3
      score.set(node, (score.get(node) ?? 0) + s / div)
      node = scan.parent[node]!
    }
  }
  const finals = new Map<number, number>()
  let best = -1
  let bestScore = 0
  for (const [id, s] of score) {
    if (dropped[id]) continue
    const ld = t.chars[id]! > 0 ? t.linkChars[id]! / t.chars[id]! : 0
    const final = (s + classWeight(scan.names[id]!)) * (1 - ld)
    finals.set(id, final)
    if (final > bestScore) {
      bestScore = final
      best = id
    }
  }
  if (best < 0) return best
  return promote(t, best, bestScore, finals)
}

/**
 * Readability's two corrections: when several near-best candidates share an
 * ancestor (one card per paragraph), that ancestor is the article; and a
 * parent scoring higher than the candidate takes its place.
 */
function promote(t: Tables, best: number, bestScore: number, finals: Map<number, number>): number {
  const { parent, tags } = t.scan
  const alternatives = [...finals]
    .filter(([id, s]) => id !== best && s >= bestScore * 0.75)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id]) => id)
  if (alternatives.length >= 3) {
    let a = parent[best]!
    for (let steps = 0; a >= 0 && tags[a] !== 'body' && steps < 30; steps++, a = parent[a]!) {
      const inside = alternatives.filter((x) => x > a && x <= t.lastDesc[a]!).length
      if (inside >= 3) {
        best = a
        break
      }
    }
  }
  let last = finals.get(best) ?? bestScore
  const threshold = last / 3
  let p = parent[best]!
  for (let steps = 0; p >= 0 && tags[p] !== 'body' && steps < 30; steps++, p = parent[p]!) {
    const s = finals.get(p)
    if (s === undefined) continue
    if (s < threshold) break
    if (s > last) {
      best = p
      break
    }
    last = s
  }
  return best
}

function classWeight(name: string): number {
  let w = 0
  if (POSITIVE.test(name)) w += 25
  if (NEGATIVE.test(name)) w -= 25
  return w
}

/** The container plus siblings that look like more of the same article. */
function withSiblings(t: Tables, root: number): number[] {
  const { scan } = t
  const p = scan.parent[root]!
  if (p < 0) return [root]
  const out: number[] = []
  const threshold = Math.max(10, t.good[root]! * 0.2)
  for (let i = p + 1; i <= t.lastDesc[p]!; i = t.lastDesc[i]! + 1) {
    if (i === root) {
      out.push(i)
      continue
    }
    if (t.dropped[i]) continue
    const ld = t.chars[i]! > 0 ? t.linkChars[i]! / t.chars[i]! : 1
    const sameClass = scan.names[i] !== '' && scan.names[i] === scan.names[root]
    if (t.good[i]! >= threshold && ld < 0.25 && sameKind(scan, i, root)) out.push(i)
    else if (sameClass && t.good[i]! > 0 && ld < 0.5) out.push(i)
    else if (scan.tags[i] === 'p' && t.good[i]! > 80 && ld < 0.25) out.push(i)
  }
  return [...out, ...cousins(t, root, out)]
}

const COUSIN_LEVELS = Number(process.env.COUSIN_LEVELS ?? 6)

/**
 * The same template part repeated further away: an article body split into
 * sections that sit at different depths, each with the root's exact class.
 */
function cousins(t: Tables, root: number, taken: number[]): number[] {
  const { scan } = t
  const name = scan.names[root]!
  if (name === '' || COUSIN_LEVELS === 0) return []
  let scope = root
  for (let i = 0; i < COUSIN_LEVELS && scan.parent[scope]! >= 0 && scan.tags[scan.parent[scope]!] !== 'body'; i++) scope = scan.parent[scope]!
  const out: number[] = []
  for (let i = scope + 1; i <= t.lastDesc[scope]!; i++) {
    if (scan.names[i] !== name || t.dropped[i]) continue
    if (taken.some((k) => i >= k && i <= t.lastDesc[k]!)) continue
    const ld = t.chars[i]! > 0 ? t.linkChars[i]! / t.chars[i]! : 1
    if (t.kept[i]! >= 150 && ld < 0.5) {
      out.push(i)
      i = t.lastDesc[i]!
    }
  }
  return out
}

function sameKind(scan: ScanResult, a: number, b: number): boolean {
  return scan.tags[a] === scan.tags[b] || scan.tags[a] === 'p'
}

/** Drops link lists, bylines and datelines, and the trailing debris after a furniture line. */
function filterBlocks(blocks: TextBlock[]): TextBlock[] {
  const kept = blocks.filter((b) => {
    if (b.linkChars > b.text.length * 0.6 && b.tag !== 'h') return false
    if (b.tag === 'h' && b.linkChars > b.text.length * 0.9 && b.level > 1) return false
    if (b.text.length < 160 && BYLINE.test(b.text)) return false
    if (SHORTCODE.test(b.text)) return false
    if (b.text.length < 150 && PROMO_START.test(b.text)) return false
    if (b.text.length < 300 && PICTURE_CREDIT.test(b.text)) b.tag = 'figcaption'
    return !isInterruption(b.text)
  })
  while (kept.length > 1 && isTrailingPromo(kept[kept.length - 1]!)) kept.pop()
  const total = kept.reduce((n, b) => n + b.text.length, 0)
  let before = 0
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i]!
    const debrisStarts = b.tag === 'h' ? before > 0 : before >= (total - before) * 0.5
    if (b.text.length < 60 && debrisStarts && isFurniture(b.text) && !isAside(b.text)) return kept.slice(0, i)
    before += b.text.length
  }
  return kept
}

/** A line that ends by crediting a picture is a caption: "Crowds in the square (Image: GETTY)". */
const PICTURE_CREDIT = /\((?:image|photo|picture|pic|credit|foto|bild|imagen)s?\s*:[^)]{1,80}\)\s*$|^(?:photo|image|credit)s?\s*:\s*\S[^.]{0,80}$/i
/** Sign-offs that close many articles: follow/subscribe prompts, agency credits, contact lines. */
const PROMO = /\b(?:follow (?:us|him|her|them|me)|follow @|on twitter|sign up|subscribe|newsletter|click here|reporting by|editing by|contributed (?:to )?(?:this|the) (?:report|story)|writers? .{0,200} contributed|all rights reserved|copyright|may be reached at|can be reached at|email (?:\w+ ){0,3}at |more (?:ap|coverage)\b|full coverage|listen (?:to|live|back)|letters to the editor|join (?:us|our|the conversation)|download (?:our|the) app|have a tip|if you enjoyed this)/i

/** A promotion box inside the text: "Subscribe to X and stay smart …". */
const PROMO_START = /^(?:subscribe (?:to|now|today)|sign up (?:for|to|now|today)|follow us|join our|get our|get the latest|download (?:our|the) app)\b/i

function isTrailingPromo(b: TextBlock): boolean {
  return b.tag !== 'h' && b.text.length < 400 && (PROMO.test(b.text) || /^\(?(?:©|\(c\))/i.test(b.text))
}

/** A CMS shortcode left unrendered: "[button link=…]Send us your review[/button]". */
const SHORTCODE = /^\[[a-z_][\w-]*(?:\s[^\]]*)?\].*\[\/[a-z_][\w-]*\]$/is
const BYLINE = /^(?:by|por|von|par|di|door|от|published|posted|updated|last updated|publicado|atualizado|actualizado|veröffentlicht|aktualisiert|publié|mis à jour)\b[^.!?]*$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b.{0,120}$/i
