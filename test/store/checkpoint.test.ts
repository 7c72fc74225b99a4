import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from 'node:test'
import { sql } from 'kysely'
import { CHECKPOINT_INTERVAL_MS } from '../../src/store/checkpointer.js'
import { openStore, type Store } from '../../src/store/db.js'

/** A fresh file database with one table of pages, closed and removed after `body` runs. */
async function withPagesTable(body: (store: Store, file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-ckpt-'))
  const file = join(dir, 'desk.db')
  const store = openStore(`sqlite:${file}`)
  try {
    await sql`CREATE TABLE pages (n INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(store.db)
    await body(store, file)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

test('the write-ahead log is checkpointed in the background, not by the writer', async () => {
  await withPagesTable(async (store, file) => {
    const body = 'x'.repeat(1000)
    await store.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 3000; n++) await sql`INSERT INTO pages (n, body) VALUES (${n}, ${body})`.execute(trx)
    })
    // About 3 MB committed: far below the writer's own checkpoint threshold, so it is all in the log.
    assert.ok(statSync(file).size < 1_000_000, `database file ${statSync(file).size} bytes before a checkpoint`)
    assert.ok(statSync(`${file}-wal`).size > 3_000_000)
    await sleep(CHECKPOINT_INTERVAL_MS * 2.5)
    assert.ok(statSync(file).size > 3_000_000, `database file ${statSync(file).size} bytes after the background checkpoint`)
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM pages`.execute(store.db)
    assert.equal(Number(rows.rows[0]?.n), 3000)
  })
})

test('a writer that never pauses keeps the write-ahead log near 64 MB, however much it writes', async () => {
  await withPagesTable(async (store, file) => {
    const body = 'y'.repeat(100_000)
    let largest = 0
    // 1,000 commits of 100 kB, back to back: about 100 MB through the log.
    for (let n = 0; n < 1000; n++) {
      await sql`INSERT INTO pages (n, body) VALUES (${n}, ${body})`.execute(store.db)
      largest = Math.max(largest, statSync(`${file}-wal`).size)
    }
    assert.ok(largest < 70 * 1024 * 1024, `log reached ${Math.round(largest / 1048576)} MB`)
    assert.ok(statSync(file).size > 30 * 1024 * 1024, 'most of the data was checkpointed into the database file')
  })
})
