import type { Result, StageError } from '../domain/index.js'
import { storeArticle, writeReadyArticle, type AddedArticle, type ReadyArticle } from './articles.js'
import type { ServiceDeps } from './deps.js'

/** What became of one article of a batch: stored, updated, skipped, or why not. */
export type WriteOutcome = Result<AddedArticle>

/**
 * Writes a batch of ready articles (extracted and analysed beforehand) in one
 * transaction, in order: a later article sees the earlier ones, so a
 * duplicate within the batch is skipped like one stored before. When the
 * transaction fails (one article's write throws, the engine refuses the
 * commit) nothing of it is kept and its articles are written again one by one,
 * each in its own transaction, so only the bad one fails.
 */
export async function writeBatch(deps: ServiceDeps, batch: ReadyArticle[]): Promise<WriteOutcome[]> {
  if (batch.length === 0) return []
  try {
    return await deps.store.db.transaction().execute(async (trx) => {
      const outcomes: WriteOutcome[] = []
      for (const ready of batch) outcomes.push(await writeReadyArticle(trx, deps, ready, { skipExisting: true }))
      return outcomes
    })
  } catch (err) {
    deps.log.warn({ stage: 'import', articles: batch.length, err: (err as Error).message }, 'batch write failed: writing its articles one by one')
    return writeOneByOne(deps, batch)
  }
}

async function writeOneByOne(deps: ServiceDeps, batch: ReadyArticle[]): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = []
  for (const ready of batch) outcomes.push(await storeArticle(deps, ready, { skipExisting: true }).catch(storeFailure))
  return outcomes
}

/** A write that threw, as an item's failure. */
export function storeFailure(err: unknown): { ok: false; error: StageError } {
  return { ok: false, error: { code: 'store_error', message: (err as Error).message } }
}
