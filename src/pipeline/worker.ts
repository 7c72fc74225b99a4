import type { Logger } from 'pino'
import type { Job, JobQueue } from './queue.js'

/** What a job kind does. A thrown error or `{ retry: false }` failure is recorded on the job. */
export type JobHandler = (job: Job) => Promise<void>

export interface WorkerOptions {
  /** Jobs run at once (default 2): a slow site occupies one slot, never the web app. */
  concurrency?: number
  /** Pause when the queue is empty (default 1 s). */
  idleMs?: number
  log?: Logger
  signal?: AbortSignal
}

/** An error that says the job must not be retried (bad payload, gone feed). */
export class PermanentJobError extends Error {}

/** Runs one job through its handler and settles it on the queue; never throws. */
export async function runJob(queue: JobQueue, handlers: Record<string, JobHandler>, job: Job, log?: Logger): Promise<boolean> {
  const handler = handlers[job.kind]
  try {
    if (handler === undefined) throw new PermanentJobError(`no handler for job kind ${job.kind}`)
    await handler(job)
    await queue.complete(job)
    return true
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    log?.warn({ job_id: job.id, job_kind: job.kind, attempts: job.attempts, err: message }, 'job failed')
    await queue.fail(job, message, err instanceof PermanentJobError ? { retryAt: null } : {}).catch(() => undefined)
    return false
  }
}

/** Runs jobs until nothing is due; returns how many ran. For the CLI and tests. */
export async function drainQueue(queue: JobQueue, handlers: Record<string, JobHandler>, log?: Logger, limit = 10_000): Promise<number> {
  const kinds = Object.keys(handlers)
  let n = 0
  for (let job = await queue.claim(kinds); job !== null && n < limit; job = await queue.claim(kinds)) {
    await runJob(queue, handlers, job, log)
    n += 1
  }
  return n
}

/** Polls the queue with `concurrency` loops until the signal aborts. */
export async function runWorker(queue: JobQueue, handlers: Record<string, JobHandler>, options: WorkerOptions = {}): Promise<void> {
  const kinds = Object.keys(handlers)
  const idleMs = options.idleMs ?? 1000
  const loop = async (): Promise<void> => {
    while (options.signal?.aborted !== true) {
      const job = await queue.claim(kinds).catch((err: unknown) => {
        options.log?.error({ err }, 'claiming a job failed')
        return null
      })
      if (job === null) await sleep(idleMs, options.signal)
      else await runJob(queue, handlers, job, options.log)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, loop))
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
