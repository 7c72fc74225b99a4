import type { BlockTag, ScanResult, TextBlock } from './scan.js'

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
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
const MAX_ELEMENTS = 4_000_000

/** Inline elements whose text is never part of the sentence around them. */
const INLINE_JUNK = /(?:^|[\s_-])(?:rollover|tooltip|popover|popup|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|element-invisible|offscreen|hidden)(?:$|[\s_-])/i
/** Elements whose text describes a picture (gallery captions, credits). */
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|captions|wp-caption-text|image-caption|photo-caption|media-caption|credit|credits|image-credit|photo-credit)(?:$|[\s_-])/
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i

type Attrs = Record<string, string>

/**
 * The state of one streaming pass: the flat element table, the stacks of
 * open elements that give text its context (block, list, quote, figure,
 * caption, link), the text run being collected and the metadata seen so far.
 * Element 0 is a synthetic root holding the top-level nodes, so a fragment
 * without <html>/<body> (or text outside any element) still has a container.
 */
export class PageScanner {
  private cap = 1024
  private parent = new Int32Array(this.cap)
  private flags = new Uint8Array(this.cap)
  private readonly tags: string[] = ['#root']
  private readonly names: string[] = ['']
  private count = 1
  private readonly blocks: TextBlock[] = []
  private readonly metas = new Map<string, string>()
  private readonly jsonLd: string[] = []
  private readonly times: ScanResult['times'] = []
  private readonly figureImages = new Map<number, string>()
  private readonly images: ScanResult['images'] = []
  private title = ''
  private inTitle = 0
  private lang: string | null = null
  private canonical: string | null = null
  private metaCharset: string | null = null

  private readonly stack: number[] = [0]
  private readonly blockStack: number[] = [0]
  private skipDepth = 0
  private jsonLdBuffer: string | null = null
  private linkDepth = 0
  private preDepth = 0
  private noscriptDepth = 0
  private readonly quoteStack: number[] = []
  private readonly captionStack: number[] = []
  private readonly figureStack: number[] = []
  private readonly listStack: { id: number; ordered: boolean }[] = []
  private run = ''
  private runLink = 0

  constructor() {
    this.parent[0] = -1
  }

  open(name: string, attrs: Attrs): void {
    if (this.skipDepth > 0) {
      if (!VOID.has(name)) this.skipDepth++
      return
    }
    if (this.openHeadElement(name, attrs) || this.openEmbedded(name, attrs)) return
    if (name === 'html' && attrs.lang) this.lang = attrs.lang
    if (name === 'td' || name === 'th') this.run += ' '
    if (name === 'time') this.recordTime(attrs)
    const itemprop = attrs.itemprop?.toLowerCase()
    if (itemprop && attrs.content && !this.metas.has(`itemprop:${itemprop}`)) this.metas.set(`itemprop:${itemprop}`, attrs.content)
    if (SKIP_TAGS.has(name) || VOID.has(name)) {
      if (!VOID.has(name)) this.skipDepth = 1
      return
    }
    const hidden = 'hidden' in attrs || (attrs.style !== undefined && HIDDEN_STYLE.test(attrs.style)) || attrs['aria-hidden'] === 'true'
    const block = BLOCK_TAGS.has(name)
    if (!block && (hidden || (attrs.class !== undefined && INLINE_JUNK.test(attrs.class)))) {
      this.skipDepth = 1
      return
    }
    if (block) this.flush()
    this.openElement(name, attrs, hidden, block)
  }

  text(data: string): void {
    if (this.inTitle > 0) {
      this.title += data
      return
    }
    if (this.skipDepth > 0) {
      if (this.jsonLdBuffer !== null) this.jsonLdBuffer += data
      return
    }
    this.run += data
    if (this.linkDepth > 0) this.runLink += data.replace(/\s+/g, ' ').length
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      if (!VOID.has(name)) this.closeSkipped()
      return
    }
    if (name === 'title' && this.inTitle > 0) {
      this.inTitle--
      return
    }
    const top = this.stack[this.stack.length - 1]
    if (top === undefined || this.tags[top] !== name) return
    if (BLOCK_TAGS.has(name)) {
      this.flush()
      this.blockStack.pop()
    }
    this.stack.pop()
    if (this.captionStack[this.captionStack.length - 1] === top) this.captionStack.pop()
    this.leaveContext(name)
  }

  result(): ScanResult {
    this.flush()
    return {
      parent: this.parent.subarray(0, this.count),
      tags: this.tags,
      names: this.names,
      flags: this.flags.subarray(0, this.count),
      count: this.count,
      blocks: this.blocks,
      title: this.title.replace(/\s+/g, ' ').trim(),
      lang: this.lang,
      metas: this.metas,
      canonical: this.canonical,
      jsonLd: this.jsonLd,
      times: this.times,
      figureImages: this.figureImages,
      images: this.images,
      metaCharset: this.metaCharset,
    }
  }

  /** meta, link, title and script: metadata, never text. */
  private openHeadElement(name: string, attrs: Attrs): boolean {
    if (name === 'meta') this.recordMeta(attrs)
    else if (name === 'link') {
      if (this.canonical === null && /\bcanonical\b/i.test(attrs.rel ?? '') && attrs.href) this.canonical = attrs.href
    } else if (name === 'title') this.inTitle++
    else if (name === 'script') {
      if (/ld\+json/i.test(attrs.type ?? '')) this.jsonLdBuffer = ''
      this.skipDepth = 1
    } else return false
    return true
  }

  /** Pictures and line breaks inside the text. */
  private openEmbedded(name: string, attrs: Attrs): boolean {
    if (name === 'img' || name === 'amp-img' || name === 'source') {
      const src = attrs.src || attrs['data-src'] || attrs['data-lazy-src'] || firstSrcset(attrs.srcset ?? attrs['data-srcset'])
      if (src && name !== 'source') this.recordImage(src, attrs.alt ?? '')
      return true
    }
    if (name === 'br') {
      this.run += '\n'
      return true
    }
    return false
  }

  private recordImage(src: string, alt: string): void {
    const figure = this.figureStack[this.figureStack.length - 1]
    if (figure !== undefined && !this.figureImages.has(figure)) this.figureImages.set(figure, src)
    this.images.push({ src, elem: this.stack[this.stack.length - 1] ?? 0, alt })
  }

  private recordTime(attrs: Attrs): void {
    const datetime = attrs.datetime ?? attrs.content
    if (!datetime) return
    const pubdate = 'pubdate' in attrs || /publish/i.test(attrs.itemprop ?? '')
    this.times.push({ datetime, elem: this.count, pubdate, cls: `${attrs.class ?? ''} ${attrs.itemprop ?? ''}` })
  }

  private recordMeta(attrs: Attrs): void {
    if (attrs.charset && this.metaCharset === null) this.metaCharset = attrs.charset
    const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '').toLowerCase()
    const content = attrs.content
    if (!key || content === undefined) return
    if (key === 'content-type' && this.metaCharset === null) {
      const m = /charset\s*=\s*["']?([\w-]+)/i.exec(content)
      if (m) this.metaCharset = m[1] ?? null
    }
    if (!this.metas.has(key)) this.metas.set(key, content)
    else if (key === 'article:author' || key === 'author') this.metas.set(key, `${this.metas.get(key)}\u0001${content}`)
  }

  private openElement(name: string, attrs: Attrs, hidden: boolean, block: boolean): void {
    if (this.count >= this.cap) this.grow()
    if (this.count >= MAX_ELEMENTS) return
    const id = this.count++
    this.parent[id] = this.stack[this.stack.length - 1] ?? -1
    this.tags.push(name)
    const nm = nameOf(attrs)
    this.names.push(nm)
    this.flags[id] = (hidden ? FLAG_HIDDEN : 0) | (CHROME_TAGS.has(name) ? FLAG_CHROME : 0)
    this.stack.push(id)
    if (block) this.blockStack.push(id)
    if (nm !== '' && CAPTION_CLASS.test(nm)) this.captionStack.push(id)
    this.enterContext(name, id)
  }

  private enterContext(name: string, id: number): void {
    if (name === 'a') this.linkDepth++
    else if (name === 'pre') this.preDepth++
    else if (name === 'noscript') this.noscriptDepth++
    else if (name === 'blockquote') this.quoteStack.push(id)
    if (name === 'figure') this.figureStack.push(id)
    else if (name === 'ul' || name === 'ol') this.listStack.push({ id, ordered: name === 'ol' })
  }

  private leaveContext(name: string): void {
    if (name === 'a') this.linkDepth--
    else if (name === 'pre') this.preDepth--
    else if (name === 'noscript') this.noscriptDepth--
    else if (name === 'blockquote') this.quoteStack.pop()
    else if (name === 'figure') this.figureStack.pop()
    else if (name === 'ul' || name === 'ol') this.listStack.pop()
  }

  private closeSkipped(): void {
    this.skipDepth--
    if (this.skipDepth === 0 && this.jsonLdBuffer !== null) {
      this.jsonLd.push(this.jsonLdBuffer)
      this.jsonLdBuffer = null
    }
  }

  private grow(): void {
    this.cap *= 2
    const parent = new Int32Array(this.cap)
    parent.set(this.parent)
    this.parent = parent
    const flags = new Uint8Array(this.cap)
    flags.set(this.flags)
    this.flags = flags
  }

  /** Ends the current text run as a block of the innermost block element. */
  private flush(): void {
    if (this.run.length === 0) return
    const text = this.preDepth > 0 ? this.run.replace(/^\n+|\s+$/g, '') : this.run.replace(/[ \t\r\f\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim()
    const linkChars = Math.min(this.runLink, text.length)
    this.run = ''
    this.runLink = 0
    if (text.length === 0) return
    const elem = this.blockStack[this.blockStack.length - 1] ?? 0
    const { tag, level, group, ordered } = this.blockKind(elem)
    this.blocks.push({
      elem,
      tag,
      text,
      linkChars,
      level,
      group,
      ordered,
      inNoscript: this.noscriptDepth > 0,
      inQuote: this.quoteStack[this.quoteStack.length - 1] ?? -1,
      inFigure: this.figureStack[this.figureStack.length - 1] ?? -1,
    })
  }

  private blockKind(elem: number): Pick<TextBlock, 'tag' | 'level' | 'group' | 'ordered'> {
    const tag = this.tags[elem] ?? 'div'
    let kind = OUTER_KIND.get(tag) ?? (this.preDepth > 0 ? 'pre' : INNER_KIND.get(tag) ?? 'div')
    let group = -1
    let ordered = false
    if (kind === 'li') {
      const list = this.listStack[this.listStack.length - 1]
      group = list?.id ?? elem
      ordered = list?.ordered ?? false
    }
    if (this.captionStack.length > 0 && kind !== 'h') kind = 'figcaption'
    if (kind === 'figcaption') group = this.figureStack[this.figureStack.length - 1] ?? -1
    return { tag: kind, level: kind === 'h' ? tag.charCodeAt(1) - 48 : 0, group, ordered }
  }
}

/** Block kinds by tag; text inside <pre> is 'pre' unless its block is one of OUTER_KIND. */
const OUTER_KIND = new Map<string, BlockTag>([['p', 'p'], ['h1', 'h'], ['h2', 'h'], ['h3', 'h'], ['h4', 'h'], ['h5', 'h'], ['h6', 'h'], ['li', 'li'], ['pre', 'pre']])
const INNER_KIND = new Map<string, BlockTag>([['figcaption', 'figcaption'], ['caption', 'figcaption'], ['tr', 'tr'], ['dt', 'dt'], ['dd', 'dd'], ['blockquote', 'quote']])

/** Lower-cased "class id role itemprop" of an element, at most 200 characters. */
function nameOf(attrs: Attrs): string {
  const { class: cls, id, role, itemprop } = attrs
  if (cls === undefined && id === undefined && role === undefined && itemprop === undefined) return ''
  const nm = `${cls ?? ''} ${id ?? ''} ${role ?? ''} ${itemprop ?? ''}`.trim().toLowerCase()
  return nm.length > 200 ? nm.slice(0, 200) : nm
}

function firstSrcset(srcset: string | undefined): string | undefined {
  if (!srcset) return undefined
  return srcset.trim().split(/\s+/)[0]
}
