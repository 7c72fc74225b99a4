/**
 * URL normalisation: the same page reached by two addresses (tracking
 * parameters, AMP variants, archive wrappers, `www.`, default ports, trailing
 * slashes, fragments, letter case of scheme and host) gets one canonical form.
 * Pure: no network, no redirects followed.
 */

/** Query parameters that only say where a click came from, never which page it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'wickedid',
  'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'cmp', 'ncid', 'ocid', 'sr_share', 'smid', 'smtyp', 'share',
  'soc_src', 'soc_trk', 'ito', 'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', 'spm', 'xtor', 'amp', 'icid', 'intcmp', 'int_cmp',
])
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'at_', 'trk_', 'oly_']
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }
const ARCHIVE_WRAPPER = /^https?:\/\/(?:web\.)?archive\.org\/web\/[0-9]{1,14}[a-z_]*\/(.+)$/i
const ARCHIVE_TODAY = /^https?:\/\/archive\.(?:today|ph|is|li|vn|fo|md)\/(?:[0-9]{8,14}\/)?(https?:\/\/.+)$/i

/**
 * The canonical form of `url`. Throws on a string that is not an absolute
 * http(s) URL (after unwrapping archive copies).
 */
export function normaliseUrl(url: string): string {
  const unwrapped = unwrapArchive(url.trim())
  const u = new URL(unwrapped)
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) URL: ${url}`)
  // One scheme for both: http and https copies of a page are the same page.
  const host = normaliseHost(u.hostname)
  const port = u.port && u.port !== DEFAULT_PORTS[u.protocol] ? `:${u.port}` : ''
  const path = normalisePath(u.pathname)
  const query = normaliseQuery(u.searchParams)
  return `https://${host}${port}${path}${query}`
}

/** The canonical form of `url`, or null when there is none (empty, not an absolute http(s) URL). */
export function normaliseUrlOrNull(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return normaliseUrl(url)
  } catch {
    return null
  }
}

/** Two addresses of one page: equal once normalised (tracking parameters, "www." and the like); an address that does not parse is only itself. */
export function samePage(a: string, b: string): boolean {
  if (a === b) return true
  try {
    return normaliseUrl(a) === normaliseUrl(b)
  } catch {
    return false
  }
}

function unwrapArchive(url: string): string {
  let current = url
  for (let i = 0; i < 3; i++) {
    const m = ARCHIVE_WRAPPER.exec(current) ?? ARCHIVE_TODAY.exec(current)
    if (!m?.[1]) break
    const inner = m[1]
    current = /^https?:\/\//i.test(inner) ? inner : `http://${inner.replace(/^\/+/, '')}`
  }
  return current
}

function normaliseHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.$/, '')
  host = host.replace(/^(?:www\d?|amp|m)\./, '')
  // Google's AMP cache: www-example-com.cdn.ampproject.org → example.com
  const cache = /^([a-z0-9-]+)\.cdn\.ampproject\.org$/.exec(host)
  if (cache?.[1]) host = cache[1].replace(/--/g, '\u0000').replace(/-/g, '.').replace(/\u0000/g, '-').replace(/^www\./, '')
  return host
}

function normalisePath(pathname: string): string {
  let path = pathname.replace(/\/{2,}/g, '/')
  path = path.replace(/\/amp(?:\.html?)?\/?$/i, '/').replace(/^\/amp(?=\/)/i, '').replace(/\.amp(\.html?)?$/i, '$1')
  path = path.replace(/\/(?:index|default)\.(?:html?|php|aspx?)$/i, '/')
  if (path.length > 1) path = path.replace(/\/+$/, '')
  return path === '' ? '/' : decodeSafe(path)
}

/** Decodes percent-escapes of unreserved characters only, so equal paths compare equal. */
function decodeSafe(path: string): string {
  return path.replace(/%([0-9a-f]{2})/gi, (all, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16))
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : all.toUpperCase()
  })
}

function normaliseQuery(params: URLSearchParams): string {
  const kept: [string, string][] = []
  for (const [key, value] of params) {
    const k = key.toLowerCase()
    if (TRACKING_PARAMS.has(k) || TRACKING_PREFIXES.some((p) => k.startsWith(p))) continue
    // ?output=amp / ?outputType=amp select the AMP rendering of the same page.
    if ((k === 'output' || k === 'outputtype') && value.toLowerCase() === 'amp') continue
    kept.push([key, value])
  }
  if (kept.length === 0) return ''
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
  return `?${new URLSearchParams(kept).toString()}`
}
