/**
 * Document frequencies for Similar Posts queries, cached per database handle.
 * A query rescoring 60 candidates needs the frequencies of a few thousand
 * terms; they change slowly (an idf moves little until the corpus grows by a
 * few percent), so each process keeps the ones it has read and drops them all
 * when the corpus has grown or shrunk by more than STALE_SHARE, or after
 * MAX_AGE_MS. This is a cache of database values, never a source of truth.
 */
import type { Kysely } from 'kysely'
import { docCount, documentFrequencies } from '../store/repos/relate-repo.js'
import type { Database } from '../store/schema/index.js'

const STALE_SHARE = 0.02
const MAX_AGE_MS = 10 * 60_000
const MAX_TERMS = 500_000

interface Cache {
  docs: number
  loadedAt: number
  df: Map<string, number>
}

const caches = new WeakMap<object, Cache>()

export interface DfReader {
  docs: number
  /** Loads the frequencies of `terms` not yet known (one query). */
  load(terms: Iterable<string>): Promise<void>
  /** A loaded term's frequency (0 when no indexed article has it). */
  get(term: string): number
}

export async function dfReader(db: Kysely<Database>): Promise<DfReader> {
  const docs = await docCount(db)
  const cache = freshCache(db, docs)
  return {
    docs,
    async load(terms) {
      const missing = new Set<string>()
      for (const t of terms) if (!cache.df.has(t)) missing.add(t)
      if (missing.size === 0) return
      const found = await documentFrequencies(db, [...missing])
      for (const t of missing) cache.df.set(t, found.get(t) ?? 0)
    },
    get: (term) => cache.df.get(term) ?? 0,
  }
}

function freshCache(db: Kysely<Database>, docs: number): Cache {
  const now = Date.now()
  const cache = caches.get(db)
  const stale =
    !cache || now - cache.loadedAt > MAX_AGE_MS || Math.abs(docs - cache.docs) > STALE_SHARE * Math.max(cache.docs, 1) || cache.df.size > MAX_TERMS
  if (!stale) return cache
  const fresh: Cache = { docs, loadedAt: now, df: new Map() }
  caches.set(db, fresh)
  return fresh
}
