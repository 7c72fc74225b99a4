import { Parser } from 'htmlparser2'

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
