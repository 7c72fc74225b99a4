import { Parser } from 'htmlparser2'
import { createParser } from './parser.js'

/**
 * Text found in metadata (JSON-LD, meta tags) as plain text: entities
 * decoded, twice when the page escaped them twice ("&amp;quot;"), and any
 * markup dropped, paragraphs kept as blank lines.
 */
export function plainText(s: string): string {
  let text = s
  for (let i = 0; i < 2 && /[<&]/.test(text); i++) {
    let out = ''
    const p = new Parser({ ontext: (d) => (out += d), onopentag: (n) => (out += n === 'p' || n === 'br' ? '\n\n' : '') }, { decodeEntities: true })
    p.write(text)
    p.end()
    text = out
  }
  return text
}

/** Elements whose start and end break a fragment's text into paragraphs. */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'table', 'tr', 'br'])
const HIDDEN = new Set(['script', 'style'])

/**
 * An HTML fragment (a feed entry's own content) as plain text: scripts and
 * styles dropped, paragraphs separated by blank lines, entities decoded.
 * One streaming pass, linear whatever the tags: a fragment of many unclosed
 * <script> tags is read as fast as any other.
 */
export function fragmentText(html: string): string {
  let out = ''
  let hidden = 0
  const parser = createParser(
    {
      onopentag: (name) => {
        if (HIDDEN.has(name)) hidden++
        else if (BLOCKS.has(name)) out += '\n\n'
      },
      onclosetag: (name) => {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1)
        else if (BLOCKS.has(name)) out += '\n\n'
      },
      ontext: (text) => void (hidden === 0 && (out += text)),
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return out.replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*/g, '\n\n').trim()
}
