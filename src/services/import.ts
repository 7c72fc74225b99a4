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

/**
 * Imports every document of a folder, JSONL or WARC file, one transaction per
 * article. A bad item is reported and the import goes on; items already stored
 * are skipped, so a re-run after a crash picks up where it stopped.
 */
export async function importPath(
  deps: ServiceDeps,
  path: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, skipped: 0, failed: [] }
  let done = 0
  for await (const item of readImportItems(path)) {
    done++
    if ('error' in item) {
      report.failed.push({ ref: item.ref, error: item.error })
    } else {
      const result = await addArticle(deps, { ...item.input, source: 'import' }, { skipExisting: true }).catch(
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
