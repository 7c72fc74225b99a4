import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'
import { readWarc } from './warc.js'
import type { ImportItem } from './types.js'

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-warc-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function record(type: string, uri: string, block: Buffer | string, extra: Record<string, string> = {}): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block)
  const head = [
    'WARC/1.1', `WARC-Type: ${type}`, `WARC-Target-URI: ${uri}`, 'WARC-Date: 2024-03-01T10:00:00Z',
    `WARC-Record-ID: <urn:uuid:${uri.length}-${type}>`, ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${body.length}`, '', '',
  ].join('\r\n')
  return Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')])
}
const http = (status: number, type: string, body: Buffer | string, headers: string[] = []): Buffer =>
  Buffer.concat([Buffer.from([`HTTP/1.1 ${status} X`, `Content-Type: ${type}`, ...headers, '', ''].join('\r\n')), Buffer.from(body)])

const RECORDS = [
  record('warcinfo', '', 'software: test\r\n'),
  record('request', 'https://news.example/a', 'GET /a HTTP/1.1\r\n\r\n'),
  record('response', 'https://news.example/a', http(200, 'text/html; charset=utf-8', '<p>Story A ✓</p>')),
  record('response', 'https://news.example/style.css', http(200, 'text/css', 'p{}')),
  record('response', 'https://news.example/gone', http(404, 'text/html', '<p>missing</p>')),
  record('response', 'https://news.example/b', http(200, 'text/html', gzipSync('<p>Story B</p>'), ['Content-Encoding: gzip'])),
  record('response', 'https://news.example/c', http(200, 'text/html', '5\r\n<p>Ch\r\n9\r\nunked</p>\r\n0\r\n\r\n', ['Transfer-Encoding: chunked'])),
  record('response', 'https://news.example/huge', http(200, 'text/html', `<p>${'x'.repeat(3000)}</p>`)),
  record('resource', 'file:///d.html', '<p>Resource D</p>', { 'Content-Type': 'text/html' }),
]

async function collect(path: string, name: string, max = 2000): Promise<ImportItem[]> {
  const out: ImportItem[] = []
  for await (const item of readWarc(path, name, max)) out.push(item)
  return out
}
const summary = (items: ImportItem[]): string[] =>
  items.map((i) => ('error' in i ? `${i.ref} ${i.error.code}` : `${i.ref} ${i.input.url} ${Buffer.from(i.input.body).toString('utf8')}`))

const EXPECTED = [
  'w#3 https://news.example/a <p>Story A ✓</p>',
  'w#6 https://news.example/b <p>Story B</p>',
  'w#7 https://news.example/c <p>Chunked</p>',
  'w#8 too_large',
  'w#9 file:///d.html <p>Resource D</p>',
]

describe('readWarc', () => {
  it('keeps HTML responses and resources, skips the rest, reports oversized records', async () => {
    const path = join(dir, 'a.warc')
    writeFileSync(path, Buffer.concat(RECORDS))
    const items = await collect(path, 'w')
    assert.deepEqual(summary(items), EXPECTED)
    const first = items[0]
    assert.ok(first !== undefined && 'input' in first)
    assert.equal(first.input.contentType, 'text/html; charset=utf-8')
    assert.equal(first.input.publishedAt, '2024-03-01T10:00:00Z')
  })

  it('reads a .warc.gz made of one gzip member per record', async () => {
    const path = join(dir, 'a.warc.gz')
    writeFileSync(path, Buffer.concat(RECORDS.map((r) => gzipSync(r))))
    assert.deepEqual(summary(await collect(path, 'w')), EXPECTED)
  })

  it('stops with an error item on a truncated or malformed file, keeping earlier records', async () => {
    const path = join(dir, 'bad.warc')
    writeFileSync(path, Buffer.concat([RECORDS[2] ?? Buffer.alloc(0), Buffer.from('NOT A WARC\r\n')]))
    const items = await collect(path, 'w')
    assert.deepEqual(summary(items), ['w#1 https://news.example/a <p>Story A ✓</p>', 'w read_failed'])
  })

  it('names a record cut short by the end of the file as truncated, and never repeats the reference in a message', async () => {
    const path = join(dir, 'cut.warc')
    const broken = record('response', 'https://news.example/x', 'not an http response at all')
    const cut = RECORDS[5] ?? Buffer.alloc(0)
    writeFileSync(path, Buffer.concat([RECORDS[2] ?? Buffer.alloc(0), broken, cut.subarray(0, cut.length - 40)]))
    const items = await collect(path, 'test.warc')
    const errors = items.flatMap((i) => ('error' in i ? [`${i.ref} ${i.error.code}: ${i.error.message}`] : []))
    assert.deepEqual(errors, [
      'test.warc#2 bad_record: response record without an HTTP response',
      `test.warc#3 truncated: the record is cut short: the file ends after ${cut.length - 40 - (cut.indexOf('\r\n\r\n') + 4)} of its ${cut.length - 4 - (cut.indexOf('\r\n\r\n') + 4)} bytes`,
    ])
  })
})
