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

export const FLAG_HIDDEN = 1
export const FLAG_CHROME = 2

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul', 'caption', 'legend', 'noscript', 'html', 'title', 'option',
])
/** Subtrees whose text is never content. */
const SKIP_TAGS = new Set([
  'script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'button',
  'textarea', 'noembed', 'noframes', 'audio', 'video', 'map', 'datalist', 'dialog', 'input',
])
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'menu'])
const MAX_ELEMENTS = 4_000_000

/** Inline elements whose text is never part of the sentence around them. */
const INLINE_JUNK = /(?:^|[\s_-])(?:rollover|tooltip|popover|popup|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|element-invisible|offscreen|hidden)(?:$|[\s_-])/i
/** Elements whose text describes a picture (gallery captions, credits). */
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|captions|wp-caption-text|image-caption|photo-caption|media-caption|credit|credits|image-credit|photo-credit)(?:$|[\s_-])/
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i

export function scanHtml(html: string): ScanResult {
  let cap = 1024
  let parent = new Int32Array(cap)
  let flags = new Uint8Array(cap)
  const tags: string[] = []
  const names: string[] = []
  let count = 0
  const blocks: TextBlock[] = []
  const metas = new Map<string, string>()
  const jsonLd: string[] = []
  const times: ScanResult['times'] = []
  const figureImages = new Map<number, string>()
  const images: ScanResult['images'] = []
  let title = ''
  let inTitle = 0
  let lang: string | null = null
  let canonical: string | null = null
  let metaCharset: string | null = null

  // Stack of open elements (ids); parallel state for the current text context.
  // Element 0 is a synthetic root holding the top-level nodes, so a fragment
  // without <html>/<body> (or text outside any element) still has a container.
  tags.push('#root')
  names.push('')
  parent[0] = -1
  count = 1
  const stack: number[] = [0]
  const blockStack: number[] = [0]
  let skipDepth = 0
  let jsonLdBuffer: string | null = null
  let linkDepth = 0
  let preDepth = 0
  let noscriptDepth = 0
  const quoteStack: number[] = []
  const captionStack: number[] = []
  const figureStack: number[] = []
  const listStack: { id: number; ordered: boolean }[] = []

  let run = ''
  let runLink = 0

  const grow = (): void => {
    cap *= 2
    const p = new Int32Array(cap)
    p.set(parent)
    parent = p
    const f = new Uint8Array(cap)
    f.set(flags)
    flags = f
  }

  const flush = (): void => {
    if (run.length === 0) return
    const text = preDepth > 0 ? run.replace(/^\n+|\s+$/g, '') : run.replace(/[ \t\r\f\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim()
    const linkChars = Math.min(runLink, text.length)
    run = ''
    runLink = 0
    if (text.length === 0) return
    const elem = blockStack[blockStack.length - 1] ?? 0
    const tag = tags[elem] ?? 'div'
    let kind: BlockTag = 'div'
    let level = 0
    let group = -1
    let ordered = false
    if (tag === 'p') kind = 'p'
    else if (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') {
      kind = 'h'
      level = tag.charCodeAt(1) - 48
    } else if (tag === 'li') {
      kind = 'li'
      const list = listStack[listStack.length - 1]
      group = list?.id ?? elem
      ordered = list?.ordered ?? false
    } else if (tag === 'pre' || preDepth > 0) kind = 'pre'
    else if (tag === 'figcaption' || tag === 'caption') kind = 'figcaption'
    else if (tag === 'tr') kind = 'tr'
    else if (tag === 'dt') kind = 'dt'
    else if (tag === 'dd') kind = 'dd'
    else if (tag === 'blockquote') kind = 'quote'
    if (captionStack.length > 0 && kind !== 'h') kind = 'figcaption'
    if (kind === 'figcaption') group = figureStack[figureStack.length - 1] ?? -1
    blocks.push({
      elem,
      tag: kind,
      text,
      linkChars,
      level,
      group,
      ordered,
      inNoscript: noscriptDepth > 0,
      inQuote: quoteStack[quoteStack.length - 1] ?? -1,
      inFigure: figureStack[figureStack.length - 1] ?? -1,
    })
  }

  const parser = createParser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth++
          return
        }
        if (name === 'meta') return onMeta(attrs)
        if (name === 'link') {
          if (canonical === null && /\bcanonical\b/i.test(attrs.rel ?? '') && attrs.href) canonical = attrs.href
          return
        }
        if (name === 'title') {
          inTitle++
          return
        }
        if (name === 'script') {
          if (/ld\+json/i.test(attrs.type ?? '')) jsonLdBuffer = ''
          skipDepth = 1
          return
        }
        if (name === 'html' && attrs.lang) lang = attrs.lang
        if (name === 'img' || name === 'amp-img' || name === 'source') {
          const src = attrs.src || attrs['data-src'] || attrs['data-lazy-src'] || firstSrcset(attrs.srcset ?? attrs['data-srcset'])
          if (src && name !== 'source') {
            const f = figureStack[figureStack.length - 1]
            if (f !== undefined && !figureImages.has(f)) figureImages.set(f, src)
            images.push({ src, elem: stack[stack.length - 1] ?? 0, alt: attrs.alt ?? '' })
          }
          return
        }
        if (name === 'br') {
          run += '\n'
          return
        }
        if (name === 'td' || name === 'th') run += ' '
        if (name === 'time') {
          const dt = attrs.datetime ?? attrs.content
          if (dt) times.push({ datetime: dt, elem: count, pubdate: 'pubdate' in attrs || /publish/i.test(attrs.itemprop ?? ''), cls: `${attrs.class ?? ''} ${attrs.itemprop ?? ''}` })
        }
        if (attrs.itemprop && attrs.content && !metas.has(`itemprop:${attrs.itemprop.toLowerCase()}`)) {
          metas.set(`itemprop:${attrs.itemprop.toLowerCase()}`, attrs.content)
        }
        if (SKIP_TAGS.has(name) || VOID.has(name)) {
          if (!VOID.has(name)) skipDepth = 1
          return
        }
        const hidden = 'hidden' in attrs || (attrs.style !== undefined && HIDDEN_STYLE.test(attrs.style)) || attrs['aria-hidden'] === 'true'
        const block = BLOCK_TAGS.has(name)
        if (!block && (hidden || (attrs.class !== undefined && INLINE_JUNK.test(attrs.class)))) {
          skipDepth = 1
          return
        }
        if (block) flush()
        if (count >= cap) grow()
        if (count >= MAX_ELEMENTS) return
        const id = count++
        const p = stack[stack.length - 1]
        parent[id] = p ?? -1
        tags.push(name)
        const nm = nameOf(attrs)
        names.push(nm)
        flags[id] = (hidden ? FLAG_HIDDEN : 0) | (CHROME_TAGS.has(name) ? FLAG_CHROME : 0)
        stack.push(id)
        if (block) blockStack.push(id)
        if (name === 'a') linkDepth++
        else if (name === 'pre') preDepth++
        else if (name === 'noscript') noscriptDepth++
        else if (name === 'blockquote') quoteStack.push(id)
        if (nm !== '' && CAPTION_CLASS.test(nm)) captionStack.push(id)
        if (name === 'figure') figureStack.push(id)
        else if (name === 'ul' || name === 'ol') listStack.push({ id, ordered: name === 'ol' })
      },
      ontext(data) {
        if (inTitle > 0) {
          title += data
          return
        }
        if (skipDepth > 0) {
          if (jsonLdBuffer !== null) jsonLdBuffer += data
          return
        }
        run += data
        if (linkDepth > 0) runLink += data.replace(/\s+/g, ' ').length
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          if (VOID.has(name)) return
          skipDepth--
          if (skipDepth === 0 && jsonLdBuffer !== null) {
            jsonLd.push(jsonLdBuffer)
            jsonLdBuffer = null
          }
          return
        }
        if (name === 'title' && inTitle > 0) {
          inTitle--
          return
        }
        const top = stack[stack.length - 1]
        if (top === undefined || tags[top] !== name) return
        if (BLOCK_TAGS.has(name)) {
          flush()
          blockStack.pop()
        }
        stack.pop()
        if (captionStack[captionStack.length - 1] === top) captionStack.pop()
        if (name === 'a') linkDepth--
        else if (name === 'pre') preDepth--
        else if (name === 'noscript') noscriptDepth--
        else if (name === 'blockquote') quoteStack.pop()
        else if (name === 'figure') figureStack.pop()
        else if (name === 'ul' || name === 'ol') listStack.pop()
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  )

  function onMeta(attrs: Record<string, string>): void {
    if (attrs.charset && metaCharset === null) metaCharset = attrs.charset
    const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '').toLowerCase()
    const content = attrs.content
    if (!key || content === undefined) return
    if (key === 'content-type' && metaCharset === null) {
      const m = /charset\s*=\s*["']?([\w-]+)/i.exec(content)
      if (m) metaCharset = m[1] ?? null
    }
    if (!metas.has(key)) metas.set(key, content)
    else if (key === 'article:author' || key === 'author') metas.set(key, `${metas.get(key)}\u0001${content}`)
  }

  parser.write(html)
  parser.end()
  flush()
  return {
    parent: parent.subarray(0, count),
    tags,
    names,
    flags: flags.subarray(0, count),
    count,
    blocks,
    title: title.replace(/\s+/g, ' ').trim(),
    lang,
    metas,
    canonical,
    jsonLd,
    times,
    figureImages,
    images,
    metaCharset,
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** Lower-cased "class id role itemprop" of an element, at most 200 characters. */
function nameOf(attrs: Record<string, string>): string {
  const { class: cls, id, role, itemprop } = attrs
  if (cls === undefined && id === undefined && role === undefined && itemprop === undefined) return ''
  const nm = `${cls ?? ''} ${id ?? ''} ${role ?? ''} ${itemprop ?? ''}`.trim().toLowerCase()
  return nm.length > 200 ? nm.slice(0, 200) : nm
}

function firstSrcset(srcset: string | undefined): string | undefined {
  if (!srcset) return undefined
  return srcset.trim().split(/\s+/)[0]
}
