/** Small readers for the response headers a polite fetcher honours. */

export type RawHeaders = Record<string, string | string[] | undefined>

export function flattenHeaders(raw: RawHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** Retry-After as seconds from now: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000))
}

/** Freshness lifetime from Cache-Control (s-maxage wins over max-age; no-store/no-cache mean 0). */
export function parseMaxAge(value: string | undefined): number | null {
  if (value === undefined) return null
  let maxAge: number | null = null
  let shared: number | null = null
  for (const part of value.toLowerCase().split(',')) {
    const [name = '', arg = ''] = part.trim().split('=').map((s) => s.trim().replace(/^"|"$/g, ''))
    if (name === 'no-store' || name === 'no-cache') return 0
    if (name === 'max-age' && /^\d+$/.test(arg)) maxAge = Number(arg)
    if (name === 's-maxage' && /^\d+$/.test(arg)) shared = Number(arg)
  }
  return shared ?? maxAge
}

/** The bare media type of a Content-Type header ("text/html; charset=utf-8" → "text/html"). */
export const mediaType = (contentType: string | undefined | null): string =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

export const DEFAULT_ACCEPT_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
]

export const ACCEPT_HEADER =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json;q=0.9,application/xml;q=0.8,text/xml;q=0.8,application/json;q=0.7,text/plain;q=0.6,*/*;q=0.1'

export const USER_AGENT = 'newsdesk/0.1 (+https://github.com/newsdesk)'
