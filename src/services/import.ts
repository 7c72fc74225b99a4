import { readImportItems } from '../ingest/import-source.js'
import type { StageError } from '../domain/index.js'
import { addArticle } from './articles.js'
import type { ServiceDeps } from './deps.js'

export interface ImportFailure {
  ref: string
  error: StageError
}

export interface ImportReport {
  created: number
  updated: number
  skipped: number
  failed: ImportFailure[]
}

export interface ImportProgress {
  done: number
  report: ImportReport
  ref: string
}

export interface ImportOptions {
  /** The collection records' own ids belong to; by default the name of the file they come from. */
  collection?: string | null
}

/**
 * The collection of an item's external id: the one given, or its file without
 * extension, as the import names it: the file's name when one file is
 * imported ("crawl" for "crawl.warc.gz#7"), its path within the folder when a
 * folder is ("2024/corpus" for "2024/corpus.jsonl:12"), so two files of the
 * same name in a folder are two collections.
 */
export function collectionOf(ref: string, given: string | null | undefined): string {
  if (given?.trim()) return given.trim()
  return ref.replace(/(:\d+|#\d+)$/, '').replace(/\.(jsonl|ndjson|warc)(\.gz)?$/i, '')
}

/**
 * Imports every document of a folder, JSONL or WARC file, one transaction per
 * article. A bad item is reported and the import goes on; items already stored
 * are skipped, so a re-run after a crash picks up where it stopped. A record
 * with its own id (JSONL "id", a WARC record id) is filed under it within its
 * collection: the same id again updates that article when its text changed.
 */
export async function importPath(
  deps: ServiceDeps,
  path: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, skipped: 0, failed: [] }
  let done = 0
  for await (const item of readImportItems(path)) {
    done++
    if ('error' in item) {
      report.failed.push({ ref: item.ref, error: item.error })
    } else {
      const collection = item.input.externalId ? collectionOf(item.ref, options.collection) : null
      const result = await addArticle(deps, { ...item.input, source: 'import', collection }, { skipExisting: true }).catch(
        (err: unknown): { ok: false; error: StageError } => ({ ok: false, error: { code: 'store_error', message: (err as Error).message } }),
      )
      if (!result.ok) report.failed.push({ ref: item.ref, error: result.error })
      else if (result.value.skipped) report.skipped++
      else if (result.value.created) report.created++
      else report.updated++
    }
    onProgress({ done, report, ref: item.ref })
  }
  return report
}
