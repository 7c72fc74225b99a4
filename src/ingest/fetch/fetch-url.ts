import { request } from 'undici'
import type { Dispatcher } from 'undici'
import { parseAllowList } from './address.js'
import type { AllowList } from './address.js'
import { readBody, TooLargeError } from './body.js'
import { pinnedDispatcher } from './dispatcher.js'
import { checkUrl, fetchError, resolveTarget, systemResolver } from './guard.js'
import type { Checked } from './guard.js'
import { ACCEPT_HEADER, DEFAULT_ACCEPT_TYPES, USER_AGENT, flattenHeaders, mediaType, parseMaxAge, parseRetryAfter } from './headers.js'
import type { FetchError, FetchOptions, FetchedDocument } from './types.js'

const REDIRECTS = new Set([301, 302, 303, 307, 308])

interface Settings {
  allow: AllowList
  maxBytes: number
  maxRedirects: number
  idleTimeoutMs: number
  acceptTypes: Set<string>
  headers: Record<string, string>
  options: FetchOptions
}

function settingsOf(options: FetchOptions): Settings {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? USER_AGENT,
    accept: ACCEPT_HEADER,
    'accept-encoding': 'gzip, deflate, br',
  }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  return {
    allow: parseAllowList(options.allowPrivateHosts),
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    idleTimeoutMs: options.idleTimeoutMs ?? 10_000,
    acceptTypes: new Set((options.acceptTypes ?? DEFAULT_ACCEPT_TYPES).map((t) => t.toLowerCase())),
    headers,
    options,
  }
}

/**
 * Fetches one http(s) URL through the SSRF guard: every hop (at most
 * maxRedirects redirects, followed by hand) is parsed, resolved once,
 * checked, and connected to only at the checked address. Size, total time
 * and idle time are capped; failures come back typed, never thrown.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<{ ok: true; value: FetchedDocument } | { ok: false; error: FetchError }> {
  const settings = settingsOf(options)
  const controller = new AbortController()
  const timeoutMs = options.timeoutMs ?? 30_000
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onOuterAbort = (): void => controller.abort()
  options.signal?.addEventListener('abort', onOuterAbort, { once: true })
  let current = url
  try {
    return await followRedirects(url, settings, controller.signal, (u) => (current = u))
  } catch (err) {
    if (timedOut) return fetchError('timeout', current, `gave up after ${timeoutMs} ms`)
    return fetchError(...describeError(err, current, settings.maxBytes))
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onOuterAbort)
  }
}

async function followRedirects(url: string, s: Settings, signal: AbortSignal, track: (u: string) => void): Promise<Checked<FetchedDocument>> {
  const redirects: string[] = []
  let current = url
  for (;;) {
    track(current)
    const hop = await fetchOnce(current, s, signal)
    if (!hop.ok || hop.value.kind === 'done') {
      return hop.ok && hop.value.kind === 'done' ? { ok: true, value: { ...hop.value.doc, requestedUrl: url, redirects } } : (hop as Checked<never>)
    }
    if (redirects.length >= s.maxRedirects) {
      return fetchError('too_many_redirects', url, `more than ${s.maxRedirects} redirects (last to ${hop.value.location})`)
    }
    redirects.push(hop.value.location)
    current = hop.value.location
  }
}

type Hop = { kind: 'redirect'; location: string } | { kind: 'done'; doc: FetchedDocument }

async function fetchOnce(raw: string, s: Settings, signal: AbortSignal): Promise<Checked<Hop>> {
  const parsed = checkUrl(raw)
  if (!parsed.ok) return parsed
  const url = parsed.value
  const target = await abortable(resolveTarget(url, s.allow, s.options.resolver ?? systemResolver), signal)
  if (!target.ok) return target
  const factory = s.options.dispatcherFactory ?? pinnedDispatcher
  const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '')
  const dispatcher = factory({ hostname, address: target.value }, { connectTimeoutMs: s.idleTimeoutMs, idleTimeoutMs: s.idleTimeoutMs })
  try {
    const res = await request(url.href, { method: 'GET', headers: s.headers, dispatcher, signal })
    return await handleResponse(url.href, res, s)
  } finally {
    await dispatcher.destroy().catch(() => undefined)
  }
}

async function handleResponse(url: string, res: Dispatcher.ResponseData, s: Settings): Promise<Checked<Hop>> {
  const headers = flattenHeaders(res.headers)
  const status = res.statusCode
  if (REDIRECTS.has(status) && headers['location']) {
    await res.body.dump()
    try {
      return { ok: true, value: { kind: 'redirect', location: new URL(headers['location'], url).href } }
    } catch {
      return fetchError('bad_url', url, `redirect to an invalid URL: ${headers['location'].slice(0, 200)}`)
    }
  }
  if (status === 304) {
    await res.body.dump()
    return { ok: true, value: { kind: 'done', doc: documentOf(url, status, headers, new Uint8Array(0)) } }
  }
  if (status < 200 || status > 299) {
    await res.body.dump()
    const retryAfterSeconds = parseRetryAfter(headers['retry-after'])
    return fetchError('http_status', url, `the server answered ${status}`, retryAfterSeconds === undefined ? { status } : { status, retryAfterSeconds })
  }
  const type = mediaType(headers['content-type'])
  if (type !== '' && !s.acceptTypes.has(type)) {
    discard(res.body)
    return fetchError('bad_content_type', url, `content type ${type} is not one newsdesk reads`, { status })
  }
  const declared = Number(headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > s.maxBytes) {
    discard(res.body)
    return fetchError('too_large', url, `response is ${declared} bytes, over the ${s.maxBytes}-byte limit`, { status })
  }
  const body = await readBody(res.body, headers['content-encoding'] ?? '', s.maxBytes)
  return { ok: true, value: { kind: 'done', doc: documentOf(url, status, headers, new Uint8Array(body.buffer, body.byteOffset, body.length)) } }
}

function documentOf(url: string, status: number, headers: Record<string, string>, body: Uint8Array): FetchedDocument {
  return {
    requestedUrl: url,
    url,
    status,
    notModified: status === 304,
    body,
    contentType: headers['content-type'] ?? null,
    etag: headers['etag'] ?? null,
    lastModified: headers['last-modified'] ?? null,
    maxAgeSeconds: parseMaxAge(headers['cache-control']),
    headers,
    redirects: [],
    fetchedAt: new Date().toISOString(),
  }
}

/** Drops a body we will not read; the abort error it then emits is expected. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined)
  body.destroy()
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'])

function describeError(err: unknown, url: string, maxBytes: number): [FetchError['code'], string, string] {
  if (err instanceof TooLargeError) return ['too_large', url, `response is over the ${maxBytes}-byte limit`]
  const e = err as NodeJS.ErrnoException
  if (e.code !== undefined && TIMEOUT_CODES.has(e.code)) return ['timeout', url, `the server went quiet (${e.code})`]
  return ['network', url, `${e.code ?? e.name ?? 'error'}: ${e.message ?? String(err)}`]
}

/** Lets a slow DNS answer be cut short by the overall deadline. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'))
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
