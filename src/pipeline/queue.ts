import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import { newId } from '../lib/ids.js'
import { parseJson } from '../lib/json.js'
import { claimJob, countJobs, deleteJob, insertJob, releaseJob } from '../store/repos/job-repo.js'
import type { Database } from '../store/schema/index.js'

/** A job as a worker receives it. */
export interface Job<P = unknown> {
  id: string
  kind: string
  payload: P
  /** 1 on the first run. */
  attempts: number
}

/**
 * The one queue every background task goes through. The implementation
 * here keeps jobs in the database (in-process on SQLite, several workers on
 * PostgreSQL); a pg-boss queue can implement the same interface later.
 */
export interface JobQueue {
  enqueue(kind: string, payload: unknown, options?: { runAt?: Date }): Promise<string>
  /** The next due job of these kinds, locked for this worker, or null. */
  claim(kinds: readonly string[]): Promise<Job | null>
  complete(job: Job): Promise<void>
  /** Records a failure: retried later with back-off, or kept as dead after the last attempt. */
  fail(job: Job, error: string, options?: { retryAt?: Date | null }): Promise<void>
  pending(): Promise<number>
}

export interface StoreQueueOptions {
  now?: () => Date
  /** How long a claimed job stays locked before another worker may take it over. */
  leaseMs?: number
  maxAttempts?: number
  /** Back-off before retry n (1-based). */
  backoffMs?: (attempt: number) => number
  workerId?: string
}

export const defaultBackoff = (attempt: number): number => Math.min(60_000 * 2 ** (attempt - 1), 6 * 3600_000)

export function createStoreQueue(db: Kysely<Database>, options: StoreQueueOptions = {}): JobQueue {
  const now = options.now ?? (() => new Date())
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const maxAttempts = options.maxAttempts ?? 5
  const backoff = options.backoffMs ?? defaultBackoff
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(-6)}`
  return {
    async enqueue(kind, payload, opts = {}) {
      const id = newId(now().getTime())
      const at = (opts.runAt ?? now()).toISOString()
      await insertJob(db, { id, kind, payload: JSON.stringify(payload ?? null), status: 'queued', run_at: at, attempts: 0, locked_until: null, locked_by: null, last_error: null, created_at: now().toISOString() })
      return id
    },
    async claim(kinds) {
      const t = now()
      const row = await claimJob(db, kinds, t.toISOString(), new Date(t.getTime() + leaseMs).toISOString(), workerId)
      return row === null ? null : { id: row.id, kind: row.kind, payload: parseJson<unknown>(row.payload, null), attempts: row.attempts }
    },
    async complete(job) {
      await deleteJob(db, job.id, workerId)
    },
    async fail(job, error, opts = {}) {
      const giveUp = job.attempts >= maxAttempts || opts.retryAt === null
      const retryAt = opts.retryAt ?? new Date(now().getTime() + backoff(job.attempts))
      await releaseJob(db, job.id, workerId, giveUp ? null : retryAt.toISOString(), error.slice(0, 2000))
    },
    pending: () => countJobs(db, 'queued'),
  }
}
