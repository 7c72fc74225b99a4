import { PageScanner } from './page-scanner.js'
import { createParser } from './parser.js'

/**
 * One streaming pass over an HTML page. Instead of a DOM it records a flat
 * element table (parent, tag, class/id, flags) and the page's text as blocks
 * (the text runs of block-level elements) in document order, plus the
 * metadata found on the way. Nothing here recurses, so a page of 100,000
 * nested elements costs no stack.
 */

export type BlockTag = 'p' | 'h' | 'li' | 'pre' | 'figcaption' | 'tr' | 'div' | 'dt' | 'dd' | 'quote'

export interface TextBlock {
  /** Innermost block-level element holding the text. */
  elem: number
  tag: BlockTag
  text: string
  linkChars: number
  /** Heading level 1..6 for tag 'h'. */
  level: number
  /** Element id of the enclosing list (ul/ol) for 'li', of the blockquote for quotes, of the figure for captions. */
  group: number
  ordered: boolean
  inNoscript: boolean
  inQuote: number
  inFigure: number
}

export interface ScanResult {
  parent: Int32Array
  /** Tag names by element id. */
  tags: string[]
  /** Lower-cased "class id" by element id ('' when none). */
  names: string[]
  /** Element flagged by an attribute as hidden, or by the tag as page chrome. */
  flags: Uint8Array
  count: number
  blocks: TextBlock[]
  title: string
  lang: string | null
  metas: Map<string, string>
  canonical: string | null
  jsonLd: string[]
  times: { datetime: string; elem: number; pubdate: boolean; cls: string }[]
  /** First image src by figure element id. */
  figureImages: Map<number, string>
  /** Images in document order with the element they sit in. */
  images: { src: string; elem: number; alt: string }[]
  metaCharset: string | null
}

export { FLAG_CHROME, FLAG_HIDDEN } from './page-scanner.js'

export function scanHtml(html: string): ScanResult {
  const scanner = new PageScanner()
  const parser = createParser(
    {
      onopentag: (name, attrs) => scanner.open(name, attrs),
      ontext: (data) => scanner.text(data),
      onclosetag: (name) => scanner.close(name),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  )
  parser.write(html)
  parser.end()
  return scanner.result()
}
