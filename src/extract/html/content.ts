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
      'bottom', 'embed', 'video', 'player', 'search', 'login', 'alert',
    ].join('|') +
    ')(?:$|[\\s_-])',
)
const POSITIVE = /(?:^|[\s_-])(?:article|articlebody|article-body|article-content|body|content|entry|entry-content|hentry|h-entry|main|post|post-body|post-content|story|story-body|text|blog|prose|rich-text|richtext)(?:$|[\s_-])/
const KEEP_TAGS = new Set(['html', 'body', 'main', 'article'])

interface Tables {
  scan: ScanResult
  dropped: Uint8Array
  chars: Float64Array
  linkChars: Float64Array
  good: Float64Array
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
  const blocks = scan.blocks.filter((b) => !b.inNoscript && !t.dropped[b.elem] && keep.some((k) => b.elem >= k && b.elem <= t.lastDesc[k]!))
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
  for (const b of scan.blocks) {
    if (b.inNoscript) continue
    chars[b.elem]! += b.text.length
    linkChars[b.elem]! += b.linkChars
    if (isGood(b)) good[b.elem]! += b.text.length
  }
  for (let i = 0; i < n; i++) lastDesc[i] = i
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!
    if (p < 0) continue
    chars[p]! += chars[i]!
    linkChars[p]! += linkChars[i]!
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
    const negative = (f & (FLAG_HIDDEN | FLAG_CHROME)) !== 0 || (NEGATIVE.test(names[i]!) && !POSITIVE_STRONG.test(names[i]!))
    // A wrapper flagged by a stray class that holds most of the page's text is kept.
    if (negative && good[i]! < total * 0.5) dropped[i] = 1
  }
  return { scan, dropped, chars, linkChars, good, lastDesc }
}

const POSITIVE_STRONG = /(?:^|\s)(?:article-?body|article-?content|entry-content|post-content|post-body|story-body|story-content|main-content|articlebody)(?:$|\s)/

function bestCandidate(t: Tables): number {
  const { scan, dropped } = t
  const score = new Map<number, number>()
  for (const b of scan.blocks) {
    if (b.inNoscript || dropped[b.elem] || !isGood(b) || b.tag === 'li') continue
    const s = 1 + (b.text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(b.text.length / 100), 3)
    let node = scan.parent[b.elem]!
    for (let level = 0; node >= 0 && level < 5; level++) {
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3
      score.set(node, (score.get(node) ?? 0) + s / div)
      node = scan.parent[node]!
    }
  }
  let best = -1
  let bestScore = 0
  for (const [id, s] of score) {
    if (dropped[id]) continue
    const ld = t.chars[id]! > 0 ? t.linkChars[id]! / t.chars[id]! : 0
    const final = (s + classWeight(scan.names[id]!)) * (1 - ld)
    if (final > bestScore) {
      bestScore = final
      best = id
    }
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
    if (t.good[i]! >= threshold && ld < 0.25 && sameKind(scan, i, root)) out.push(i)
    else if (scan.tags[i] === 'p' && t.good[i]! > 80 && ld < 0.25) out.push(i)
  }
  return out
}

function sameKind(scan: ScanResult, a: number, b: number): boolean {
  return scan.tags[a] === scan.tags[b] || scan.tags[a] === 'p'
}

/** Drops link lists, empty furniture and the trailing debris after a furniture heading. */
function filterBlocks(blocks: TextBlock[]): TextBlock[] {
  return blocks.filter((b) => {
    if (b.linkChars > b.text.length * 0.6 && b.tag !== 'h') return false
    if (b.tag === 'h' && b.linkChars > b.text.length * 0.9 && b.level > 1) return false
    return true
  })
}
