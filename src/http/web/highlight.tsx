import type { Span } from '../../domain/index.js'

export interface Highlight extends Span {
  /** Anchor id of the first piece of a quote, so the quotes panel can link to it. */
  anchor: string | null
  title: string
}

interface Piece {
  text: string
  mark: Highlight | null
}

/** Splits one block's text into plain and highlighted pieces (spans are in article-text offsets). */
export function pieces(text: string, blockStart: number, highlights: Highlight[]): Piece[] {
  const blockEnd = blockStart + text.length
  const inBlock = highlights
    .filter((h) => h.end > blockStart && h.start < blockEnd)
    .sort((a, b) => a.start - b.start)
  const out: Piece[] = []
  let cursor = blockStart
  for (const h of inBlock) {
    const start = Math.max(h.start, cursor)
    const end = Math.min(h.end, blockEnd)
    if (end <= start) continue
    if (start > cursor) out.push({ text: text.slice(cursor - blockStart, start - blockStart), mark: null })
    out.push({ text: text.slice(start - blockStart, end - blockStart), mark: h })
    cursor = end
  }
  if (cursor < blockEnd) out.push({ text: text.slice(cursor - blockStart), mark: null })
  return out
}

/** A block's text with quotes highlighted; JSX escapes every piece. */
export function Highlighted({ text, start, highlights }: { text: string; start: number; highlights: Highlight[] }) {
  const seen = new Set<string>()
  return (
    <>
      {pieces(text, start, highlights).map((p) => {
        if (!p.mark) return p.text
        const anchor = p.mark.anchor && !seen.has(p.mark.anchor) ? p.mark.anchor : undefined
        if (anchor) seen.add(anchor)
        return (
          <mark class="quote" id={anchor} title={p.mark.title}>
            {p.text}
          </mark>
        )
      })}
    </>
  )
}
