import { Parser } from 'htmlparser2'
import { absoluteUrl } from './text.js'

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json'])

/**
 * The feed a web page advertises with <link rel="alternate" type="…">, as an
 * absolute URL, or null. Reads only the head-ish start of the page.
 */
export function discoverFeedUrl(body: string | Uint8Array, pageUrl: string): string | null {
  const html = typeof body === 'string' ? body.slice(0, 200_000) : Buffer.from(body.subarray(0, 200_000)).toString('utf8')
  let found: string | null = null
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (found !== null || name !== 'link') return
        const rel = (attrs['rel'] ?? '').toLowerCase().split(/\s+/)
        const type = (attrs['type'] ?? '').toLowerCase().split(';')[0]?.trim() ?? ''
        if (rel.includes('alternate') && FEED_TYPES.has(type)) found = absoluteUrl(attrs['href'], pageUrl)
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  return found
}
