import type { JobsTable } from '../schema/index.js'
import type { Db } from '../db.js'

export type JobRow = JobsTable

export async function insertJob(db: Db, job: JobRow): Promise<void> {
  await db.insertInto('jobs').values(job).execute()
}

/**
 * Claims the oldest due job of the given kinds for `workerId` until
 * `leaseUntil`. The claim is a compare-and-set on the lock columns, so on
 * PostgreSQL two workers racing for one job cannot both win; a worker that
 * dies loses its lease and the job runs again.
 */
export async function claimJob(db: Db, kinds: readonly string[], now: string, leaseUntil: string, workerId: string): Promise<JobRow | null> {
  for (let tries = 0; tries < 5; tries++) {
    const candidates = await db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'queued')
      .where('run_at', '<=', now)
      .where('kind', 'in', kinds)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(5)
      .execute()
    if (candidates.length === 0) return null
    for (const job of candidates) {
      const result = await db
        .updateTable('jobs')
        .set({ locked_until: leaseUntil, locked_by: workerId, attempts: job.attempts + 1 })
        .where('id', '=', job.id)
        .where('attempts', '=', job.attempts)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 1) return { ...job, locked_until: leaseUntil, locked_by: workerId, attempts: job.attempts + 1 }
    }
  }
  return null
}

/** Removes a finished job, if this worker still holds it. */
export async function deleteJob(db: Db, id: string, workerId: string): Promise<boolean> {
  const result = await db.deleteFrom('jobs').where('id', '=', id).where('locked_by', '=', workerId).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Releases a failed job to run again at `runAt`, or marks it dead when `runAt` is null. */
export async function releaseJob(db: Db, id: string, workerId: string, runAt: string | null, error: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set(runAt === null ? { status: 'dead', locked_until: null, locked_by: null, last_error: error } : { run_at: runAt, locked_until: null, locked_by: null, last_error: error })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute()
}

export async function countJobs(db: Db, status: 'queued' | 'dead' = 'queued'): Promise<number> {
  const row = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).where('status', '=', status).executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function listJobs(db: Db, limit = 100): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().orderBy('run_at').orderBy('id').limit(limit).execute()
}
