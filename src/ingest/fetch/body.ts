import { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Transform } from 'node:stream'

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response is over the ${limit}-byte limit`)
  }
}

function decoderFor(encoding: string): Transform | null | 'unsupported' {
  switch (encoding) {
    case '':
    case 'identity':
      return null
    case 'gzip':
    case 'x-gzip':
      return createGunzip()
    case 'br':
      return createBrotliDecompress()
    case 'deflate':
      return createInflate()
    default:
      return 'unsupported'
  }
}

/**
 * Reads a response body, decoding gzip/brotli/deflate, and stops as soon as
 * the decoded size passes the limit (so a compression bomb or an endless
 * stream costs at most `limit` bytes of memory).
 */
export async function readBody(body: Readable, contentEncoding: string, limit: number): Promise<Buffer> {
  const encodings = contentEncoding.toLowerCase().split(',').map((e) => e.trim()).filter((e) => e !== '' && e !== 'identity')
  let stream: Readable = body
  // Encodings are listed in the order they were applied: undo them in reverse.
  for (const encoding of encodings.reverse()) {
    const decoder = decoderFor(encoding)
    if (decoder === 'unsupported') throw new Error(`unsupported content-encoding ${encoding}`)
    if (decoder === null) continue
    const upstream = stream
    upstream.on('error', (err) => decoder.destroy(err))
    stream = upstream.pipe(decoder)
  }
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > limit) throw new TooLargeError(limit)
      chunks.push(chunk)
    }
  } finally {
    // Destroying a body early makes it emit an abort error nobody needs to hear.
    for (const s of [stream, body]) {
      s.on('error', () => undefined)
      s.destroy()
    }
  }
  return Buffer.concat(chunks)
}

export const isReadable = (value: unknown): value is Readable => value instanceof Readable
