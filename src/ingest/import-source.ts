import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { readDocument, sourceKind, walkFolder } from './import/files.js'
import { readJsonl } from './import/jsonl.js'
import { DEFAULT_MAX_ITEM_BYTES, importError } from './import/types.js'
import { readWarc } from './import/warc.js'
import type { ImportItem, ImportOptions } from './import/types.js'

export type { ImportItem, ImportOptions, RawInput } from './import/types.js'
export { recordToInput } from './import/jsonl.js'

/**
 * Streams the documents of a bulk import: a folder (recursive, sorted) of
 * .html/.htm/.txt/.md/.html.gz files (and any .jsonl / .ndjson / .warc files in it), or
 * one such file. Nothing is read whole except single documents; an unusable
 * line, file or record becomes an error item and the import goes on.
 */
export async function* readImportItems(path: string, options: ImportOptions = {}): AsyncGenerator<ImportItem> {
  const maxBytes = options.maxItemBytes ?? DEFAULT_MAX_ITEM_BYTES
  let info
  try {
    info = await stat(path)
  } catch (err) {
    yield importError(path, 'not_found', `cannot read it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
    return
  }
  if (info.isDirectory()) {
    for await (const file of walkFolder(path)) yield* readFile(file.path, file.ref, maxBytes)
    return
  }
  const name = basename(path)
  if (sourceKind(name) === null) {
    yield importError(name, 'unsupported_type', 'not an importable file (.html, .htm, .txt, .md, .html.gz, .jsonl, .ndjson, .warc)')
    return
  }
  yield* readFile(path, name, maxBytes)
}

async function* readFile(path: string, ref: string, maxBytes: number): AsyncGenerator<ImportItem> {
  switch (sourceKind(ref)) {
    case 'jsonl':
      yield* readJsonl(path, ref, maxBytes)
      return
    case 'warc':
      yield* readWarc(path, ref, maxBytes)
      return
    case 'document':
      yield await readDocument(path, ref, maxBytes)
      return
    case null:
      return
  }
}
