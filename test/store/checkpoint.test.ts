import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from 'node:test'
import { sql } from 'kysely'
import { CHECKPOINT_INTERVAL_MS } from '../../src/store/checkpointer.js'
import { openStore } from '../../src/store/db.js'

test('the write-ahead log is checkpointed in the background, not by the writer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-ckpt-'))
  const file = join(dir, 'desk.db')
  const store = openStore(`sqlite:${file}`)
  try {
    await sql`CREATE TABLE pages (n INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(store.db)
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
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
