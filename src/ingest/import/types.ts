import type { StageError } from '../../domain/index.js'

/** One document to import, before extraction. The body's charset is left to the extractor. */
export interface RawInput {
  body: string | Uint8Array
  contentType?: string | null
  url?: string | null
  fileName?: string | null
  title?: string | null
  publishedAt?: string | null
  externalId?: string | null
}

/** One item of a bulk import: a document to extract, or why a part of the source was unusable. */
export type ImportItem = { ref: string; input: RawInput } | { ref: string; error: StageError }

export interface ImportOptions {
  /** Largest single item (JSONL line, file, WARC record) accepted, in bytes. */
  maxItemBytes?: number
}

export const DEFAULT_MAX_ITEM_BYTES = 10 * 1024 * 1024

export const importError = (ref: string, code: string, message: string): ImportItem => ({
  ref,
  error: { code, message },
})
