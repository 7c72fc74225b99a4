import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { createGunzip } from 'node:zlib'
import { importError } from './types.js'
import type { ImportItem } from './types.js'

/** The document files a folder import reads, by how their names end. */
const DOCUMENT_TYPES: [suffix: string, contentType: string][] = [
  ['.html.gz', 'text/html'],
  ['.htm.gz', 'text/html'],
  ['.html', 'text/html'],
  ['.htm', 'text/html'],
  ['.xhtml', 'application/xhtml+xml'],
  ['.txt', 'text/plain'],
  ['.md', 'text/markdown'],
]

export type SourceKind = 'document' | 'jsonl' | 'warc'

/** What kind of import source a file name is, or null for files the import skips. */
export function sourceKind(name: string): SourceKind | null {
  const lower = name.toLowerCase()
  if (/\.(jsonl|ndjson)(\.gz)?$/.test(lower)) return 'jsonl'
  if (lower.endsWith('.warc') || lower.endsWith('.warc.gz')) return 'warc'
  return documentContentType(lower) === null ? null : 'document'
}

export function documentContentType(name: string): string | null {
  const lower = name.toLowerCase()
  for (const [suffix, type] of DOCUMENT_TYPES) if (lower.endsWith(suffix)) return type
  return null
}

/** Every importable file under a folder, recursively, in a stable (sorted) order; hidden entries skipped. */
export async function* walkFolder(root: string, dir: string = root): AsyncGenerator<{ path: string; ref: string }> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walkFolder(root, path)
    else if (entry.isFile() && sourceKind(entry.name) !== null) {
      yield { path, ref: relative(root, path).split(sep).join('/') }
    }
  }
}

async function readCapped(path: string, maxBytes: number): Promise<Buffer | null> {
  const file = createReadStream(path)
  const source = path.toLowerCase().endsWith('.gz') ? file.pipe(createGunzip()) : file
  file.on('error', (err) => source.destroy(err))
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) return null
      chunks.push(chunk)
    }
  } finally {
    source.destroy()
    file.destroy()
  }
  return Buffer.concat(chunks)
}

/** One document file as one item; the bytes are passed on undecoded so the extractor can find the charset. */
export async function readDocument(path: string, ref: string, maxBytes: number): Promise<ImportItem> {
  const contentType = documentContentType(path)
  if (contentType === null) return importError(ref, 'unsupported_type', 'not an importable file')
  try {
    const info = await stat(path)
    if (info.size > maxBytes) return importError(ref, 'too_large', `the file is ${info.size} bytes, over the ${maxBytes}-byte limit`)
    const body = await readCapped(path, maxBytes)
    if (body === null) return importError(ref, 'too_large', `the file is over the ${maxBytes}-byte limit once decompressed`)
    if (body.length === 0) return importError(ref, 'empty_input', 'the file is empty')
    return { ref, input: { body: new Uint8Array(body.buffer, body.byteOffset, body.length), contentType, fileName: ref } }
  } catch (err) {
    return importError(ref, 'read_failed', `could not read the file: ${(err as Error).message}`)
  }
}
