/**
 * Background WAL checkpoints for a SQLite database file. A checkpoint copies
 * the write-ahead log back into the database and syncs it to disk; left to
 * SQLite's automatic checkpoint, it runs inside whichever commit crosses the
 * threshold, so one article write in a few hundred waited for it (most of a
 * write's tail latency, and about 1.8 ms per article on average at 200,000
 * articles). Here a worker thread with its own connection runs a PASSIVE
 * checkpoint every second (it never blocks readers or writers), and the
 * writer's own automatic checkpoint stays as a safety net for a worker that
 * cannot keep up.
 *
 * The worker starts after the first interval, so a short CLI command that is
 * done within a second never starts a thread (closing the database
 * checkpoints it anyway).
 */
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export const CHECKPOINT_INTERVAL_MS = 1000

/** The worker: plain CommonJS (it runs as an eval'd script, so it needs no TypeScript loader). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { fileMustExist: true })
db.pragma('busy_timeout = 5000')
db.pragma('synchronous = NORMAL')
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (error) { parentPort.postMessage(String(error)) }
}, workerData.intervalMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(path: string, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  let worker: Worker | null = null
  let exited: Promise<unknown> = Promise.resolve()
  let stopped = false
  const start = setTimeout(() => {
    if (stopped) return
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs, driver } })
    exited = once(worker, 'exit')
    // A failed checkpoint is retried at the next interval; the writer's own checkpoint remains.
    worker.on('message', (message: unknown) => console.error(`newsdesk: WAL checkpoint failed: ${String(message)}`))
    worker.on('error', (error) => console.error(`newsdesk: WAL checkpointer stopped: ${error.message}`))
    worker.unref()
  }, intervalMs)
  start.unref()
  return {
    async stop() {
      stopped = true
      clearTimeout(start)
      // Held while it closes its connection (an unreferenced worker would let the process end first).
      worker?.ref()
      worker?.postMessage('stop')
      await exited
    },
  }
}
