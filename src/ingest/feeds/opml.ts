import { generateOpml, parseOpml as parseOpmlDocument } from 'feedsmith'
import type { Opml } from 'feedsmith'
import type { Result } from '../../domain/index.js'
import { decodeFeedBytes } from './decode.js'
import { absoluteUrl, nonEmpty } from './text.js'

/** OPML attribute values are already plain text once the XML is parsed: only tidy whitespace. */
const tidy = (value: string | undefined): string | null => nonEmpty(value?.replace(/\s+/g, ' '))

/** One subscription in an OPML file. */
export interface OpmlFeed {
  url: string
  title: string | null
  siteUrl: string | null
  /** Names of the enclosing folders, outermost first. */
  folders: string[]
}

export interface OpmlDocument {
  title: string | null
  feeds: OpmlFeed[]
  /** Outlines with an xmlUrl that is not an http(s) URL, each with why. */
  skipped: SkippedOutline[]
}

/** An outline that is not followed, and why. */
export interface SkippedOutline {
  url: string
  reason: string
}

function whyNotHttp(xmlUrl: string): string {
  try {
    return `only http and https feeds can be followed, not ${new URL(xmlUrl).protocol}`
  } catch {
    return 'not a valid absolute URL'
  }
}

type Outline = Opml.Outline<string>

function collect(outlines: Outline[] | undefined, folders: string[], out: OpmlDocument, seen: Set<string>): void {
  for (const outline of outlines ?? []) {
    const name = tidy(outline.title) ?? tidy(outline.text)
    const xmlUrl = nonEmpty(outline.xmlUrl)
    if (xmlUrl !== null) {
      const url = absoluteUrl(xmlUrl, null)
      if (url === null) out.skipped.push({ url: xmlUrl, reason: whyNotHttp(xmlUrl) })
      else if (!seen.has(url)) {
        seen.add(url)
        out.feeds.push({ url, title: name, siteUrl: absoluteUrl(outline.htmlUrl, null), folders })
      }
    }
    if (outline.outlines !== undefined) collect(outline.outlines, name === null ? folders : [...folders, name], out, seen)
  }
}

/** Reads the feed subscriptions of an OPML file, folders flattened, duplicates dropped. */
export function parseOpml(body: string | Uint8Array): Result<OpmlDocument> {
  let doc: Opml.Document<string>
  try {
    doc = parseOpmlDocument(decodeFeedBytes(body))
  } catch (err) {
    return { ok: false, error: { code: 'malformed_opml', message: `not a readable OPML file: ${(err as Error).message}` } }
  }
  const out: OpmlDocument = { title: tidy(doc.head?.title), feeds: [], skipped: [] }
  collect(doc.body?.outlines, [], out, new Set())
  return { ok: true, value: out }
}

/**
 * Writes subscriptions as OPML 2.0 through feedsmith's generator, which
 * escapes every attribute value: never build this XML by hand.
 */
export function buildOpml(feeds: { url: string; title: string | null; siteUrl: string | null }[], options: { title?: string; now?: Date } = {}): string {
  const title = options.title ?? 'newsdesk subscriptions'
  const dateCreated = (options.now ?? new Date()).toUTCString()
  // The generator refuses a body without outlines (OPML 2.0 asks for one or more); a desk with no feeds still
  // exports a document readers accept. Nothing from the user goes into it: the title is ours, the date a Date's.
  if (feeds.length === 0) return EMPTY_OPML.replace('TITLE', escapeXml(title)).replace('DATE', dateCreated)
  const outlines: Outline[] = feeds.map((f) => {
    const text = f.title ?? f.url
    const outline: Outline = { text, title: text, type: 'rss', xmlUrl: f.url }
    if (f.siteUrl !== null) outline.htmlUrl = f.siteUrl
    return outline
  })
  return generateOpml({ head: { title, dateCreated }, body: { outlines } })
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const EMPTY_OPML = '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n    <title>TITLE</title>\n    <dateCreated>DATE</dateCreated>\n  </head>\n  <body/>\n</opml>\n'
