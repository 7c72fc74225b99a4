import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { splitLines } from './lines.js'
import { importError } from './types.js'
import type { ImportItem, RawInput } from './types.js'

type Json = Record<string, unknown>

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
const first = (o: Json, keys: string[]): string | null => {
  for (const k of keys) {
    const v = str(o[k])
    if (v !== null) return v
  }
  return null
}
const idOf = (o: Json): string | null => {
  const v = o['id'] ?? o['externalId'] ?? o['guid']
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return str(v)
}

/**
 * Maps one parsed JSONL record to a RawInput. HTML wins over text when a record
 * has both, since it keeps headings, lists and quotes for the extractor.
 */
export function recordToInput(record: unknown): { input: RawInput } | { code: string; message: string } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { code: 'bad_record', message: 'line is not a JSON object' }
  }
  const o = record as Json
  const html = first(o, ['html', 'content_html', 'contentHtml'])
  const text = first(o, ['text', 'content', 'body', 'content_text'])
  if (html === null && text === null) {
    return { code: 'no_content', message: 'record has neither "text" nor "html"' }
  }
  return {
    input: {
      body: html ?? text ?? '',
      contentType: html !== null ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      url: first(o, ['url', 'link']),
      title: first(o, ['title', 'headline']),
      publishedAt: first(o, ['date', 'publishedAt', 'published_at', 'published', 'datePublished']),
      externalId: idOf(o),
    },
  }
}

function parseLine(bytes: Buffer, ref: string): ImportItem {
  let record: unknown
  try {
    record = JSON.parse(bytes.toString('utf8'))
  } catch (err) {
    return importError(ref, 'bad_json', `not valid JSON: ${(err as Error).message}`)
  }
  const mapped = recordToInput(record)
  if ('code' in mapped) return importError(ref, mapped.code, mapped.message)
  return { ref, input: { ...mapped.input, fileName: ref.slice(0, ref.lastIndexOf(':')) } }
}

const isBlank = (bytes: Buffer): boolean => {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false
  return true
}

/** Streams a .jsonl or .jsonl.gz file, one item per non-blank line; ref is `<name>:<line>`. */
export async function* readJsonl(path: string, name: string, maxBytes: number): AsyncGenerator<ImportItem> {
  const file = createReadStream(path)
  const source = path.toLowerCase().endsWith('.gz') ? file.pipe(createGunzip()) : file
  // A gunzip error does not reach the pipe's output on its own: forward it.
  file.on('error', (err) => source.destroy(err))
  try {
    for await (const line of splitLines(source, maxBytes)) {
      const ref = `${name}:${line.lineNo}`
      if (line.tooLarge) {
        yield importError(ref, 'too_large', `line is ${line.size} bytes, over the ${maxBytes}-byte limit`)
        continue
      }
      let bytes = line.bytes
      if (line.lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
      if (isBlank(bytes)) continue
      yield parseLine(bytes, ref)
    }
  } catch (err) {
    yield importError(name, 'read_failed', `could not read the file: ${(err as Error).message}`)
  } finally {
    source.destroy()
    file.destroy()
  }
}
