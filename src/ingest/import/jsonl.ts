import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { splitLines } from './lines.js'
import { importError } from './types.js'
import type { ImportItem, RawInput } from './types.js'

type Json = Record<string, unknown>

const HTML_KEYS = ['html', 'content_html', 'contentHtml']
const TEXT_KEYS = ['text', 'content', 'body', 'content_text']
const DATE_KEYS = ['date', 'publishedAt', 'published_at', 'published', 'datePublished']

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
/** The first of `keys` holding a non-blank string, with its value. */
const firstKey = (o: Json, keys: string[]): [string, string] | null => {
  for (const k of keys) {
    const v = str(o[k])
    if (v !== null) return [k, v]
  }
  return null
}
const first = (o: Json, keys: string[]): string | null => firstKey(o, keys)?.[1] ?? null
const idOf = (o: Json): string | null => {
  const v = o['id'] ?? o['externalId'] ?? o['guid']
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return str(v)
}

type Refusal = { code: string; message: string }

/**
 * Maps one parsed JSONL record to a RawInput. HTML wins over text when a record
 * has both, since it keeps headings, lists and quotes for the extractor.
 * A record without text, or with a date that is not one, is refused, as
 * POST /api/articles refuses it.
 */
export function recordToInput(record: unknown): { input: RawInput } | Refusal {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { code: 'bad_record', message: 'line is not a JSON object' }
  }
  const o = record as Json
  const html = first(o, HTML_KEYS)
  const text = first(o, TEXT_KEYS)
  if (html === null && text === null) return noContent(o)
  const date = firstKey(o, DATE_KEYS)
  if (date && Number.isNaN(Date.parse(date[1]))) {
    return { code: 'bad_date', message: `"${date[0]}" is not a date: ${JSON.stringify(date[1].slice(0, 64))}` }
  }
  return {
    input: {
      body: html ?? text ?? '',
      contentType: html !== null ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      url: first(o, ['url', 'link']),
      title: first(o, ['title', 'headline']),
      publishedAt: date?.[1] ?? null,
      externalId: idOf(o),
    },
  }
}

/** Why a record has no body: its "text" (or "html") is there but empty, or it has none. */
function noContent(o: Json): Refusal {
  const empty = [...HTML_KEYS, ...TEXT_KEYS].find((k) => typeof o[k] === 'string')
  if (empty) return { code: 'no_content', message: `"${empty}" is empty: the record has no article text` }
  return { code: 'no_content', message: 'record has neither "text" nor "html"' }
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
