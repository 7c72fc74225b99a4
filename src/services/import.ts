import { analyseArticle } from '../analyse/index.js'
import { fail, ok, type StageError } from '../domain/index.js'
import { readImportItems, type ImportItem } from '../ingest/import-source.js'
import { prepareArticle, storedAlready, type ReadyArticle } from './articles.js'
import { storeFailure, writeBatch, type WriteOutcome } from './import-batch.js'
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
  /** Most articles written per transaction, and longest an item waits for its batch's commit (ms). */
  batch?: Partial<BatchLimits>
}

export interface BatchLimits {
  size: number
  waitMs: number
}

/**
 * 100 articles a transaction shares one commit among them; an article's write
 * is a few milliseconds, so the write lock is held well under the busy
 * timeout other writers wait for (store/db.ts). A batch is written after at
 * most a second of extracting and analysing, so progress moves every second.
 */
export const DEFAULT_BATCH: BatchLimits = { size: 100, waitMs: 1000 }

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
 * Imports every document of a folder, JSONL or WARC file. Items are extracted
 * and analysed outside any transaction and written in batches (writeBatch):
 * a bad item is reported and the import goes on, and an item is reported
 * (progress, report) only once its batch is committed. Items already stored
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
  const limits = { ...DEFAULT_BATCH, ...options.batch }
  const report: ImportReport = { created: 0, updated: 0, skipped: 0, failed: [] }
  let done = 0
  let pending: PendingItem[] = []
  let openedAt = 0
  const commit = async () => {
    for (const { ref, outcome } of await settle(deps, pending)) {
      tally(report, ref, outcome)
      onProgress({ done: ++done, report, ref })
    }
    pending = []
  }
  for await (const item of readImportItems(path)) {
    if (pending.length === 0) openedAt = Date.now()
    pending.push(await prepareItem(deps, item, options.collection))
    if (pending.length >= limits.size || Date.now() - openedAt >= limits.waitMs) await commit()
  }
  await commit()
  return report
}

/** An item read and taken as far as it goes before the write: ready to write, or already decided. */
interface PendingItem {
  ref: string
  ready?: ReadyArticle
  outcome?: WriteOutcome
}

async function prepareItem(deps: ServiceDeps, item: ImportItem, collection: string | null | undefined): Promise<PendingItem> {
  const { ref } = item
  if ('error' in item) return { ref, outcome: { ok: false, error: item.error } }
  const input = { ...item.input, source: 'import', collection: item.input.externalId ? collectionOf(ref, collection) : null }
  let article: ReadyArticle['article']
  try {
    const prepared = prepareArticle(input)
    if (!prepared.ok) return { ref, outcome: prepared }
    article = prepared.value
  } catch (err) {
    return { ref, outcome: fail('extract_error', `the record could not be read as an article: ${(err as Error).message}`) }
  }
  try {
    const stored = await storedAlready(deps.store.db, input, article)
    if (stored) return { ref, outcome: ok(stored) }
  } catch (err) {
    return { ref, outcome: storeFailure(err) }
  }
  try {
    return { ref, ready: { input, article, analysis: analyseArticle(article) } }
  } catch (err) {
    return { ref, outcome: fail('analyse_error', `the article could not be analysed: ${(err as Error).message}`) }
  }
}

/** Every pending item with its outcome, in order, once the ready ones are written. */
async function settle(deps: ServiceDeps, pending: PendingItem[]): Promise<Array<{ ref: string; outcome: WriteOutcome }>> {
  const written = (await writeBatch(deps, pending.flatMap((p) => (p.ready ? [p.ready] : [])))).values()
  return pending.map(({ ref, outcome }) => ({ ref, outcome: outcome ?? written.next().value ?? storeFailure(new Error('the batch returned no outcome')) }))
}

function tally(report: ImportReport, ref: string, outcome: WriteOutcome): void {
  if (!outcome.ok) report.failed.push({ ref, error: outcome.error })
  else if (outcome.value.skipped) report.skipped++
  else if (outcome.value.created) report.created++
  else report.updated++
}
