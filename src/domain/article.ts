/**
 * The structured article every stage after extraction reads. Stored article
 * HTML is always rebuilt from these blocks, never taken from the page.
 */
export type BlockKind = 'heading' | 'paragraph' | 'blockquote' | 'list' | 'caption' | 'preformatted'

export interface Block {
  kind: BlockKind
  /** Plain text of the block; for lists the items joined by "\n". */
  text: string
  /** Heading level 2..6 (the title is level 1 and is not a block). */
  level?: number
  /** List items, for kind 'list'. */
  items?: string[]
  ordered?: boolean
  /** Image of a caption block. */
  imageUrl?: string
  credit?: string
}

export interface Article {
  title: string
  dek: string | null
  authors: string[]
  publishedAt: string | null
  updatedAt: string | null
  outlet: string | null
  canonicalUrl: string | null
  lang: string | null
  blocks: Block[]
}

/** Where one part of the article sits in its analysis text. */
export interface TextSegment {
  part: 'title' | 'dek' | 'block'
  /** Index into article.blocks for part 'block'. */
  index: number
  start: number
  end: number
}

const SEPARATOR = '\n\n'

/**
 * The article's analysis text: title, dek and blocks separated by blank lines.
 * Every quote, cue and mention offset points into this string.
 */
export function articleText(article: Article): string {
  return articleSegments(article).text
}

/** The analysis text together with the offsets of each part, for highlighting. */
export function articleSegments(article: Article): { text: string; segments: TextSegment[] } {
  const parts: { part: TextSegment['part']; index: number; text: string }[] = []
  if (article.title) parts.push({ part: 'title', index: -1, text: article.title })
  if (article.dek) parts.push({ part: 'dek', index: -1, text: article.dek })
  article.blocks.forEach((block, index) => parts.push({ part: 'block', index, text: block.text }))
  const segments: TextSegment[] = []
  let text = ''
  for (const p of parts) {
    if (text.length > 0) text += SEPARATOR
    segments.push({ part: p.part, index: p.index, start: text.length, end: text.length + p.text.length })
    text += p.text
  }
  return { text, segments }
}

/** Number of words in the article body, for reading time and list pages. */
export function wordCount(article: Article): number {
  let n = 0
  for (const b of article.blocks) n += b.text.split(/\s+/).filter(Boolean).length
  return n
}
