import { createReadStream } from 'node:fs'
import { brotliDecompressSync, createGunzip, gunzipSync, inflateSync } from 'node:zlib'
import { ByteReader } from './byte-reader.js'
import { importError } from './types.js'
import type { ImportItem, RawInput } from './types.js'

/**
 * A streaming WARC 1.0/1.1 reader: response (and resource) records whose
 * payload is HTML become items, everything else is skipped without being
 * held in memory. Written here because no maintained npm WARC package fits
 * Node 20 without pulling in a large dependency tree.
 */

type Headers = Map<string, string>

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i

async function readHeaderBlock(reader: ByteReader): Promise<Headers> {
  const headers: Headers = new Map()
  let last = ''
  for (let n = 0; n < 500; n++) {
    const line = await reader.readLine()
    if (line === null || line === '') return headers
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== '') {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`)
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    last = line.slice(0, colon).trim().toLowerCase()
    headers.set(last, line.slice(colon + 1).trim())
  }
  throw new Error('too many header lines')
}

/** Finds the next "WARC/x.y" version line, skipping blank separator lines. */
async function nextVersionLine(reader: ByteReader): Promise<string | null> {
  for (;;) {
    const line = await reader.readLine()
    if (line === null) return null
    if (line.trim() === '') continue
    if (!line.startsWith('WARC/')) throw new Error(`expected a WARC record, found "${line.slice(0, 40)}"`)
    return line
  }
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = []
  let pos = 0
  while (pos < body.length) {
    const eol = body.indexOf('\r\n', pos)
    if (eol === -1) break
    const size = parseInt(body.subarray(pos, eol).toString('latin1').split(';')[0] ?? '', 16)
    if (!Number.isFinite(size) || size <= 0) break
    parts.push(body.subarray(eol + 2, eol + 2 + size))
    pos = eol + 2 + size + 2
  }
  return Buffer.concat(parts)
}

function decode(body: Buffer, encoding: string, maxBytes: number): Buffer {
  const opts = { maxOutputLength: maxBytes }
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body, opts)
    case 'br':
      return brotliDecompressSync(body, opts)
    case 'deflate':
      return inflateSync(body, opts)
    default:
      return body
  }
}

/** Splits an HTTP response block into status, headers and the decoded payload. */
export function parseHttpResponse(block: Buffer, maxBytes: number): { status: number; headers: Headers; body: Buffer } | null {
  const split = block.indexOf('\r\n\r\n')
  const sepLen = split === -1 ? 2 : 4
  const headEnd = split === -1 ? block.indexOf('\n\n') : split
  if (headEnd === -1) return null
  const lines = block.subarray(0, headEnd).toString('latin1').split(/\r?\n/)
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN)
  if (!Number.isFinite(status)) return null
  const headers: Headers = new Map()
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  let body = block.subarray(headEnd + sepLen)
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body)
  const encoding = headers.get('content-encoding')
  if (encoding !== undefined) body = decode(body, encoding, maxBytes)
  return { status, headers, body }
}

function toInput(warc: Headers, block: Buffer, ref: string, maxBytes: number): ImportItem | null {
  const type = (warc.get('warc-type') ?? '').toLowerCase()
  const url = (warc.get('warc-target-uri') ?? '').replace(/^<|>$/g, '') || null
  const base: Omit<RawInput, 'body' | 'contentType'> = {
    url,
    fileName: ref,
    publishedAt: warc.get('warc-date') ?? null,
    externalId: warc.get('warc-record-id') ?? null,
  }
  if (type === 'resource') {
    const contentType = warc.get('content-type') ?? ''
    return HTML_TYPES.test(contentType) ? { ref, input: { ...base, body: block, contentType } } : null
  }
  const http = parseHttpResponse(block, maxBytes)
  if (http === null) return importError(ref, 'bad_record', 'response record without an HTTP response')
  const contentType = http.headers.get('content-type') ?? ''
  if (http.status < 200 || http.status > 299 || !HTML_TYPES.test(contentType)) return null
  return { ref, input: { ...base, body: http.body, contentType } }
}

const WANTED = new Set(['response', 'resource'])

/** Streams a .warc or .warc.gz file; ref is `<name>#<record number>`. */
export async function* readWarc(path: string, name: string, maxBytes: number): AsyncGenerator<ImportItem> {
  const file = createReadStream(path)
  const source = path.toLowerCase().endsWith('.gz') ? file.pipe(createGunzip()) : file
  file.on('error', (err) => source.destroy(err))
  const reader = new ByteReader(source)
  let n = 0
  try {
    while ((await nextVersionLine(reader)) !== null) {
      n += 1
      const ref = `${name}#${n}`
      const warc = await readHeaderBlock(reader)
      const length = Number(warc.get('content-length') ?? NaN)
      if (!Number.isInteger(length) || length < 0) throw new Error(`record ${n} has no valid Content-Length`)
      if (!WANTED.has((warc.get('warc-type') ?? '').toLowerCase())) {
        await reader.skip(length)
        continue
      }
      if (length > maxBytes) {
        await reader.skip(length)
        yield importError(ref, 'too_large', `the record is ${length} bytes, over the ${maxBytes}-byte limit`)
        continue
      }
      const block = await reader.read(length)
      if (block.length < length) {
        yield importError(ref, 'truncated', `the record is cut short: the file ends after ${block.length} of its ${length} bytes`)
        break
      }
      try {
        const item = toInput(warc, block, ref, maxBytes)
        if (item !== null) yield item
      } catch (err) {
        yield importError(ref, 'bad_record', (err as Error).message)
      }
    }
  } catch (err) {
    yield importError(name, 'read_failed', `could not read the file after ${n} records: ${(err as Error).message}`)
  } finally {
    await reader.close()
    source.destroy()
    file.destroy()
  }
}
