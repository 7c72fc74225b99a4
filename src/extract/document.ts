import { gunzipSync } from 'node:zlib'
import type { Article } from '../domain/article.js'
import { fail, ok, type Result } from '../domain/result.js'
import { withoutControls } from './controls.js'
import { decodeBytes } from './decode.js'
import { extractHtml } from './html/index.js'
import { extractText } from './text.js'
import { dateFromUrl } from './url-date.js'

/**
 * The largest input extracted, in bytes (or UTF-16 code units for strings).
 * 64 MiB: far above any real article page (the largest news pages are a few
 * MB), small enough that one document cannot exhaust the worker's memory;
 * extraction of a page this size takes a few seconds.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

export interface DocumentInput {
  body: Uint8Array | string
  contentType?: string | null
  url?: string | null
  fileName?: string | null
}

/**
 * The front door: bytes or text of any kind → Article or a typed failure
 * (empty_input, binary_input, too_large, no_content). Decides between HTML
 * and plain text from the content type, the file name and the text itself.
 */
export function extractDocument(input: DocumentInput): Result<Article> {
  let body = input.body
  if (body.length === 0) return fail('empty_input', 'the document is empty')
  if (body.length > MAX_INPUT_BYTES) return fail('too_large', `the document is larger than ${MAX_INPUT_BYTES} bytes`)
  if (typeof body !== 'string' && body[0] === 0x1f && body[1] === 0x8b) {
    try {
      body = gunzipSync(body, { maxOutputLength: MAX_INPUT_BYTES })
    } catch {
      return fail('binary_input', 'the document is compressed data that does not unpack within the size limit')
    }
  }
  if (typeof body !== 'string' && looksBinary(body)) return fail('binary_input', 'the document is binary data, not text')
  const text = typeof body === 'string' ? body : decodeBytes(body, input.contentType).text
  if (text.trim().length === 0) return fail('empty_input', 'the document has only whitespace')
  if (controlShare(text) > 0.1) return fail('binary_input', 'the document is mostly control characters')
  const html = isHtml(text, input.contentType, input.fileName)
  const result = html ? extractHtml(text, { url: input.url ?? null }) : extractText(text)
  if (!result.ok) return result
  const a = withoutControls(result.value)
  if (a.blocks.length === 0 && !a.dek) return fail('no_content', 'no article text was found in the document')
  // Plain text says nothing of its date; the address it came from often does (extractHtml reads the page's own addresses).
  return ok(html ? a : { ...a, publishedAt: dateFromUrl(input.url) })
}

const MAGIC: number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP, WAV)
]

function looksBinary(b: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((x, i) => b[i] === x))) return true
  if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe)) return false
  const n = Math.min(b.length, 8192)
  let nul = 0
  for (let i = 0; i < n; i++) if (b[i] === 0) nul++
  return nul > 0 && nul >= n / 100
}

function controlShare(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  const m = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)
  return (m?.length ?? 0) / sample.length
}

function isHtml(text: string, contentType?: string | null, fileName?: string | null): boolean {
  const ct = (contentType ?? '').toLowerCase()
  if (/html|xml/.test(ct)) return true
  const name = (fileName ?? '').toLowerCase()
  if (/\.(x?html?|xml|php|aspx?)(\.gz)?$/.test(name)) return true
  if (ct.startsWith('text/plain') || /\.(txt|text|md|markdown)$/.test(name)) return false
  const head = text.slice(0, 4096).trimStart()
  if (/^<(!doctype\s+html|html|head|body|\?xml|!--|p|div|article|section|main|h[1-6]|meta|title|table|ul|ol)\b/i.test(head)) return true
  return (head.match(/<(p|div|br|span|a|article|section|h[1-6]|meta|title|script|li|table)\b[^>]*>/gi) ?? []).length >= 2
}
