import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, it } from 'node:test'
import { sql } from 'kysely'
import { importPath, type ImportOptions } from '../../src/services/import.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

let dir = ''
before(() => (dir = mkdtempSync(join(tmpdir(), 'newsdesk-import-batch-'))))
after(() => rmSync(dir, { recursive: true, force: true }))

/** A JSONL file of the lines given (objects as JSON, strings as they are). */
function corpus(name: string, lines: Array<Record<string, unknown> | string>): string {
  const path = join(dir, `${name}.jsonl`)
  writeFileSync(path, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`)
  return path
}

const story = (topic: string, n: number) => ({
  id: `${topic}-${n}`,
  title: `${topic} report ${n}`,
  url: `https://news.example/${topic}/${n}`,
  text: `The ${topic} council met on day ${n} to discuss budget line ${n * 13}. "We will decide item ${n} next week," said Ruth Adler, who chairs meeting ${n}.`,
})

async function countArticles(store: Store, topic: string): Promise<number> {
  const row = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('title', 'like', `${topic} report %`).executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Refuses, at write time, any article whose title is given: a write that fails inside a batch. */
async function refuseTitle(store: Store, title: string): Promise<void> {
  if (store.dialect === 'sqlite') {
    await sql`CREATE TRIGGER refuse_title BEFORE INSERT ON articles WHEN NEW.title = ${sql.lit(title)} BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`.execute(store.db)
    return
  }
  await sql`CREATE FUNCTION refuse_title() RETURNS trigger AS $$ BEGIN IF NEW.title = ${sql.lit(title)} THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(store.db)
  await sql`CREATE TRIGGER refuse_title BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_title()`.execute(store.db)
}

const oneBatch: ImportOptions = { batch: { size: 100, waitMs: 60_000 } }

forEachStore('bulk import in batches', (getStore) => {
  const run = (path: string, options: ImportOptions = oneBatch) => importPath(testDeps(getStore()), path, () => undefined, options)

  it('a batch with bad records stores the others and reports each bad one by its line', async () => {
    const lines = [story('harbour', 1), story('harbour', 2), '{"title": "broken json", "text": ', story('harbour', 3), { id: 'empty', title: 'harbour report without text' }, story('harbour', 4)]
    const report = await run(corpus('harbour', lines))
    assert.equal(report.created, 4)
    assert.deepEqual(report.failed.map((f) => f.ref), ['harbour.jsonl:3', 'harbour.jsonl:5'])
    assert.equal(await countArticles(getStore(), 'harbour'), 4)
  })

  it('a write that fails inside a batch fails only its own article: the rest of the batch is stored', async () => {
    await refuseTitle(getStore(), 'tram report 3')
    const report = await run(corpus('tram', [1, 2, 3, 4, 5].map((n) => story('tram', n))))
    assert.equal(report.created, 4)
    assert.deepEqual(report.failed.map((f) => [f.ref, f.error.code]), [['tram.jsonl:3', 'store_error']])
    assert.equal(await countArticles(getStore(), 'tram'), 4)
  })

  it('duplicates within one batch become one article, reported as skipped', async () => {
    const [a, b] = [story('ferry', 1), story('ferry', 2)]
    const sameText = { ...a, id: 'ferry-copy', url: 'https://mirror.example/ferry/1' }
    const sameRecord = { ...b }
    const report = await run(corpus('ferry', [a, b, sameText, sameRecord]))
    assert.deepEqual([report.created, report.updated, report.skipped, report.failed.length], [2, 0, 2, 0])
    assert.equal(await countArticles(getStore(), 'ferry'), 2)
  })

  it('writes a batch per transaction, reports items in order once committed, and a re-run skips them all', async () => {
    const path = corpus('bridge', Array.from({ length: 25 }, (_, i) => story('bridge', i + 1)))
    const store = getStore()
    const transaction = store.db.transaction.bind(store.db)
    let transactions = 0
    store.db.transaction = () => (transactions++, transaction())
    const seen: number[] = []
    const deps = testDeps(store)
    const report = await importPath(deps, path, (p) => seen.push(p.done), { batch: { size: 10, waitMs: 60_000 } }).finally(() => {
      store.db.transaction = transaction
    })
    assert.equal(report.created, 25)
    assert.equal(transactions, 3)
    assert.deepEqual(seen, Array.from({ length: 25 }, (_, i) => i + 1))
    const again = await importPath(deps, path)
    assert.deepEqual([again.created, again.skipped], [0, 25])
  })
})
