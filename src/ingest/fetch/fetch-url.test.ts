import assert from 'node:assert/strict'
import type { ServerResponse } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { startServer } from '../../../test/ingest/server.js'
import type { TestServer } from '../../../test/ingest/server.js'
import { fetchUrl } from './fetch-url.js'
import type { FetchOptions } from './types.js'

const PAGE = '<!doctype html><html><head><title>Story</title></head><body><p>Text – “quoted”.</p></body></html>'
const MB = 1024 * 1024

let server: TestServer
const opts = (extra: FetchOptions = {}): FetchOptions => ({ allowPrivateHosts: ['127.0.0.1'], timeoutMs: 5000, ...extra })
const text = (body: Uint8Array): string => Buffer.from(body).toString('utf8')

before(async () => {
  server = await startServer({
    '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=600' }).end(PAGE),
    '/r1': (_req, res) => res.writeHead(301, { location: '/r2' }).end(),
    '/r2': (_req, res) => res.writeHead(302, { location: `${server.origin}/page` }).end(),
    '/loop': (req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0)
      res.writeHead(302, { location: n >= 5 ? '/page' : `/loop?n=${n + 1}` }).end()
    },
    '/endless': (req, res) => res.writeHead(302, { location: `/endless?${Math.random()}` }).end(),
    '/gzip': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE)),
    '/br': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(PAGE)),
    '/deflate': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateSync(PAGE)),
    '/bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(4 * MB))),
    '/slow-headers': (_req, res) => {
      const t = setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE), 3000)
      res.on('close', () => clearTimeout(t))
    },
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      const t = setInterval(() => res.write('<p>more</p>'), 100)
      res.on('close', () => clearInterval(t))
    },
    '/stall': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<p>start')
    },
    '/huge': (_req, res) => streamHuge(res, 100 * MB),
    '/huge-declared': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(100 * MB) }).end(),
    '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10)),
    '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"/>'),
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end()
      else res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Wed, 01 May 2024 10:00:00 GMT' }).end(PAGE)
    },
    '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '120', 'content-type': 'text/plain' }).end('busy'),
    '/limited': (_req, res) => res.writeHead(429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).end(),
  })
})
after(() => server.close())

/** Streams `total` bytes with back-pressure, without ever allocating them; stops when the client goes away. */
function streamHuge(res: ServerResponse, total: number): void {
  res.writeHead(200, { 'content-type': 'text/html' })
  const chunk = Buffer.alloc(64 * 1024, 0x61)
  let sent = 0
  const pump = (): void => {
    while (sent < total) {
      sent += chunk.length
      if (!res.write(chunk)) return void res.once('drain', pump)
    }
    res.end()
  }
  res.on('close', () => (sent = total))
  pump()
}

describe('fetchUrl', () => {
  it('fetches a page with its content type, validators, cache lifetime and our User-Agent', async () => {
    const result = await fetchUrl(`${server.origin}/page`, opts())
    assert.ok(result.ok, JSON.stringify(result))
    const doc = result.value
    assert.equal(text(doc.body), PAGE)
    assert.equal(doc.status, 200)
    assert.equal(doc.contentType, 'text/html; charset=utf-8')
    assert.equal(doc.maxAgeSeconds, 600)
    assert.equal(doc.notModified, false)
    assert.equal(server.requests.at(-1)?.headers['user-agent'], 'newsdesk/0.1 (+https://github.com/newsdesk)')
  })

  it('follows redirects and reports the final URL', async () => {
    const result = await fetchUrl(`${server.origin}/r1`, opts())
    assert.ok(result.ok)
    assert.equal(result.value.url, `${server.origin}/page`)
    assert.equal(result.value.requestedUrl, `${server.origin}/r1`)
    assert.deepEqual(result.value.redirects, [`${server.origin}/r2`, `${server.origin}/page`])
  })

  it('follows exactly 5 redirects and refuses a 6th', async () => {
    const five = await fetchUrl(`${server.origin}/loop?n=1`, opts())
    assert.ok(five.ok)
    assert.equal(five.value.redirects.length, 5)
    const endless = await fetchUrl(`${server.origin}/endless`, opts())
    assert.ok(!endless.ok)
    assert.equal(endless.error.code, 'too_many_redirects')
  })

  for (const encoding of ['gzip', 'br', 'deflate']) {
    it(`decodes ${encoding}`, async () => {
      const result = await fetchUrl(`${server.origin}/${encoding}`, opts())
      assert.ok(result.ok)
      assert.equal(text(result.value.body), PAGE)
      assert.equal(server.requests.at(-1)?.headers['accept-encoding'], 'gzip, deflate, br')
    })
  }

  it('caps the decoded size of a compressed body', async () => {
    const result = await fetchUrl(`${server.origin}/bomb`, opts({ maxBytes: MB }))
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'too_large')
  })

  it('stops a streamed 100 MB body at the 10 MB cap', async () => {
    const started = Date.now()
    const result = await fetchUrl(`${server.origin}/huge`, opts())
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'too_large')
    assert.ok(Date.now() - started < 4000)
  })

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const result = await fetchUrl(`${server.origin}/huge-declared`, opts())
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'too_large')
  })

  it('gives up on a slow server at the total time cap', async () => {
    const started = Date.now()
    const result = await fetchUrl(`${server.origin}/slow-headers`, opts({ timeoutMs: 300 }))
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'timeout')
    assert.ok(Date.now() - started < 1500)
  })

  it('caps total time even when bytes keep trickling in', async () => {
    const result = await fetchUrl(`${server.origin}/trickle`, opts({ timeoutMs: 400, idleTimeoutMs: 300 }))
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'timeout')
  })

  it('gives up on a stalled body at the idle cap', async () => {
    const started = Date.now()
    const result = await fetchUrl(`${server.origin}/stall`, opts({ idleTimeoutMs: 200 }))
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'timeout', result.error.message)
    assert.ok(Date.now() - started < 2000)
  })

  it('refuses a wrong content type', async () => {
    const result = await fetchUrl(`${server.origin}/image`, opts())
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'bad_content_type')
    assert.match(result.error.message, /image\/png/)
  })

  it('accepts feeds by default, and only what is asked for when told', async () => {
    assert.ok((await fetchUrl(`${server.origin}/feed`, opts())).ok)
    const pageOnly = await fetchUrl(`${server.origin}/feed`, opts({ acceptTypes: ['text/html'] }))
    assert.ok(!pageOnly.ok && pageOnly.error.code === 'bad_content_type')
  })

  it('makes conditional requests and reports 304 as not modified', async () => {
    const first = await fetchUrl(`${server.origin}/etag`, opts())
    assert.ok(first.ok)
    assert.equal(first.value.etag, '"v1"')
    assert.equal(first.value.lastModified, 'Wed, 01 May 2024 10:00:00 GMT')
    const second = await fetchUrl(`${server.origin}/etag`, opts({ etag: first.value.etag, lastModified: first.value.lastModified }))
    assert.ok(second.ok)
    assert.equal(second.value.notModified, true)
    assert.equal(second.value.body.length, 0)
    assert.equal(server.requests.at(-1)?.headers['if-modified-since'], 'Wed, 01 May 2024 10:00:00 GMT')
  })

  it('reports HTTP errors with their status and Retry-After', async () => {
    const busy = await fetchUrl(`${server.origin}/busy`, opts())
    assert.ok(!busy.ok)
    assert.deepEqual([busy.error.code, busy.error.status, busy.error.retryAfterSeconds], ['http_status', 503, 120])
    const limited = await fetchUrl(`${server.origin}/limited`, opts())
    assert.ok(!limited.ok)
    assert.equal(limited.error.status, 429)
    assert.ok(limited.error.retryAfterSeconds !== undefined && limited.error.retryAfterSeconds > 50 && limited.error.retryAfterSeconds <= 61)
    const missing = await fetchUrl(`${server.origin}/nothing-here`, opts())
    assert.ok(!missing.ok && missing.error.status === 404)
  })

  it('reports a refused connection as a network failure', async () => {
    const closed = await startServer({})
    const origin = closed.origin
    await closed.close()
    const result = await fetchUrl(`${origin}/`, opts())
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'network')
  })
})
