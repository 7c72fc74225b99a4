import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith'
import { nonEmpty, textToHtml } from './text.js'

/**
 * Per-format readers: each maps one parsed feed to the fields newsdesk
 * keeps, without judging them; entry.ts checks and normalises the result.
 */

export interface DraftEntry {
  guid: string | null
  link: string | null
  title: string | null
  date: string | null
  updated: string | null
  contentHtml: string | null
  summary: string | null
  author: string | null
}

export interface DraftFeed {
  title: string | null
  siteUrl: string | null
  ttlMinutes: number | null
  items: unknown[]
  toDraft(item: unknown): DraftEntry
}

type Sy = { updatePeriod?: string; updateFrequency?: number } | undefined
const PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600 }

function syndicationMinutes(sy: Sy): number | null {
  if (sy?.updatePeriod === undefined) return null
  const period = PERIOD_MINUTES[sy.updatePeriod.trim().toLowerCase()]
  if (period === undefined) return null
  const frequency = sy.updateFrequency !== undefined && sy.updateFrequency > 0 ? sy.updateFrequency : 1
  return Math.max(1, Math.round(period / frequency))
}

const firstOf = <T>(list: T[] | undefined): T | undefined => (Array.isArray(list) ? list[0] : undefined)

function rssEntry(item: RssFeed.Item<string>): DraftEntry {
  const author = firstOf(item.authors)
  return {
    guid: nonEmpty(item.guid?.value),
    link: nonEmpty(item.link),
    title: nonEmpty(item.title),
    date: nonEmpty(item.pubDate) ?? nonEmpty(firstOf(item.dc?.dates)) ?? null,
    updated: nonEmpty(item.atom?.updated) ?? nonEmpty(firstOf(item.dcterms?.modified)),
    contentHtml: nonEmpty(item.content?.encoded) ?? nonEmpty(item.description),
    summary: nonEmpty(item.description),
    author: nonEmpty(author?.name) ?? nonEmpty(firstOf(item.dc?.creators)) ?? nonEmpty(author?.email),
  }
}

function rdfEntry(item: RdfFeed.Item<string>): DraftEntry {
  return {
    guid: nonEmpty(item.rdf?.about),
    link: nonEmpty(item.link),
    title: nonEmpty(item.title),
    date: nonEmpty(firstOf(item.dc?.dates)),
    updated: nonEmpty(firstOf(item.dcterms?.modified)),
    contentHtml: nonEmpty(item.content?.encoded) ?? nonEmpty(item.description),
    summary: nonEmpty(item.description),
    author: nonEmpty(firstOf(item.dc?.creators)),
  }
}

function atomText(text: AtomFeed.Text | undefined): string | null {
  if (text === undefined) return null
  const value = typeof text === 'string' ? text : text.value
  return nonEmpty(value)
}

function atomHtml(content: { value?: string; type?: string } | undefined): string | null {
  const value = nonEmpty(content?.value)
  if (value === null) return null
  return content?.type === 'html' || content?.type === 'xhtml' || /html/i.test(content?.type ?? '') ? value : textToHtml(value)
}

function atomLink(links: AtomFeed.Link<string>[] | undefined): string | null {
  if (!Array.isArray(links)) return null
  const alternate = links.find((l) => l.rel === undefined || l.rel === 'alternate')
  return nonEmpty(alternate?.href)
}

function atomEntry(entry: AtomFeed.Entry<string>): DraftEntry {
  return {
    guid: nonEmpty(entry.id),
    link: atomLink(entry.links),
    title: atomText(entry.title),
    date: nonEmpty(entry.published) ?? nonEmpty(entry.updated) ?? nonEmpty(firstOf(entry.dc?.dates)),
    updated: nonEmpty(entry.updated),
    contentHtml: atomHtml(entry.content as { value?: string; type?: string } | undefined),
    summary: atomText(entry.summary),
    author: nonEmpty(firstOf(entry.authors)?.name) ?? nonEmpty(firstOf(entry.dc?.creators)),
  }
}

function jsonEntry(item: JsonFeed.Item<string>, feedAuthor: string | null): DraftEntry {
  const text = nonEmpty(item.content_text)
  return {
    guid: nonEmpty(typeof item.id === 'number' ? String(item.id) : item.id),
    link: nonEmpty(item.url) ?? nonEmpty(item.external_url),
    title: nonEmpty(item.title),
    date: nonEmpty(item.date_published) ?? nonEmpty(item.date_modified),
    updated: nonEmpty(item.date_modified),
    contentHtml: nonEmpty(item.content_html) ?? (text === null ? null : textToHtml(text)),
    summary: nonEmpty(item.summary),
    author: nonEmpty(firstOf(item.authors)?.name) ?? feedAuthor,
  }
}

export function draftFeed(parsed: AnyFeed<string>): DraftFeed {
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed
      const ttl = typeof f.ttl === 'number' && f.ttl > 0 ? f.ttl : syndicationMinutes(f.sy as Sy)
      return { title: nonEmpty(f.title), siteUrl: nonEmpty(f.link), ttlMinutes: ttl, items: f.items ?? [], toDraft: (i) => rssEntry(i as RssFeed.Item<string>) }
    }
    case 'rdf': {
      const f = parsed.feed
      return { title: nonEmpty(f.title), siteUrl: nonEmpty(f.link), ttlMinutes: syndicationMinutes(f.sy as Sy), items: f.items ?? [], toDraft: (i) => rdfEntry(i as RdfFeed.Item<string>) }
    }
    case 'atom': {
      const f = parsed.feed
      return { title: atomText(f.title), siteUrl: atomLink(f.links), ttlMinutes: null, items: f.entries ?? [], toDraft: (i) => atomEntry(i as AtomFeed.Entry<string>) }
    }
    case 'json': {
      const f = parsed.feed
      const feedAuthor = nonEmpty(firstOf(f.authors)?.name)
      return { title: nonEmpty(f.title), siteUrl: nonEmpty(f.home_page_url), ttlMinutes: null, items: f.items ?? [], toDraft: (i) => jsonEntry(i as JsonFeed.Item<string>, feedAuthor) }
    }
  }
}
