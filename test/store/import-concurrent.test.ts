import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { addArticle } from '../../src/services/articles.js'
import { importPath } from '../../src/services/import.js'
import { openStore, type Store } from '../../src/store/db.js'
import { migrate } from '../../src/store/migrations/index.js'
import { runNewsdesk } from '../helpers/cli.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

let dir = ''
before(() => (dir = mkdtempSync(join(tmpdir(), 'newsdesk-import-concurrent-'))))
after(() => rmSync(dir, { recursive: true, force: true }))

const line = (topic: string, n: number) =>
  JSON.stringify({ id: `${topic}-${n}`, title: `${topic} bulletin ${n}`, url: `https://news.example/${topic}/${n}`, text: `Gauge ${n} on the ${topic} river read ${n * 3} centimetres on day ${n}, the water board said in bulletin ${n}.` })

function corpus(topic: string, size: number): string {
  const path = join(dir, `${topic}.jsonl`)
  writeFileSync(path, `${Array.from({ length: size }, (_, i) => line(topic, i + 1)).join('\n')}\n`)
  return path
}

/** Articles added one at a time, as the web app adds them, while an import runs. */
async function addWhile(store: Store, running: () => boolean, topic: string): Promise<number> {
  let added = 0
  while (running() || added === 0) {
    const n = ++added
    const r = await addArticle(testDeps(store), { body: `A reader wrote to the desk about the ${topic} ferry, letter ${n}, on a Tuesday.`, title: `${topic} letter ${n}`, source: 'paste' })
    assert.ok(r.ok, JSON.stringify(r))
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return added
}

async function count(store: Store): Promise<number> {
  const row = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}

forEachStore('an import and another writer at once', (getStore) => {
  it('both finish and every article is stored once', async () => {
    const store = getStore()
    let running = true
    const imported = importPath(testDeps(store), corpus('alder', 60), () => undefined, { batch: { size: 10 } }).finally(() => (running = false))
    const [report, added] = await Promise.all([imported, addWhile(store, () => running, 'alder')])
    assert.deepEqual([report.created, report.failed.length], [60, 0])
    assert.equal(await count(store), 60 + added)
  })
})

describe('an import in another process and a writer here, on one SQLite file', { timeout: 120_000 }, () => {
  it('both finish (the writer waits for the batch: busy timeout) and every article is stored once', async () => {
    const dataDir = join(dir, 'data')
    const store = openStore(`sqlite:${join(dataDir, 'newsdesk.db')}`)
    await migrate(store.db, store.dialect)
    let running = true
    const child = runNewsdesk(['import', corpus('birch', 300), '--json', '--no-progress'], dataDir).finally(() => (running = false))
    const [run, added] = await Promise.all([child, addWhile(store, () => running, 'birch')])
    assert.equal(run.code, 0, run.stderr)
    assert.equal((JSON.parse(run.stdout) as { created: number }).created, 300)
    assert.equal(await count(store), 300 + added)
    await store.close()
  })
})
