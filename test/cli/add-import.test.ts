import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { runNewsdesk } from '../helpers/cli.js'

let dataDir = ''
let work = ''

function countArticles(): number {
  const db = new Database(join(dataDir, 'newsdesk.db'), { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  } finally {
    db.close()
  }
}

const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

describe('newsdesk add and import on the command line', { timeout: 120_000 }, () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'))
    work = mkdtempSync(join(tmpdir(), 'newsdesk-cli-in-'))
  })
  after(() => {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(work, { recursive: true, force: true })
  })

  it('adds the seed article and prints it with its quotes as JSON', async () => {
    const run = await newsdesk(['add', 'test/fixtures/seed/article.txt', '--json'])
    assert.equal(run.code, 0, run.stderr)
    const out = JSON.parse(run.stdout) as { id: string; quotes: { speakerName: string | null }[]; article: { title: string } }
    assert.equal(out.article.title, 'Trump faces a far more emboldened Kim Jong Un this time around')
    assert.ok(out.quotes.some((q) => q.speakerName === 'Ellen Kim'))
    const show = await newsdesk(['show', out.id])
    assert.equal(show.code, 0)
    assert.match(show.stdout, /Who said what:/)
  })

  it('refuses an empty file, a binary file and a 20 MB text with clear messages, storing nothing', async () => {
    const before = countArticles()
    writeFileSync(join(work, 'empty.txt'), '')
    writeFileSync(join(work, 'garbage.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
    const paragraph = 'The committee said it would review the plan again next week after objections from residents. '.repeat(8)
    writeFileSync(join(work, 'huge.txt'), `A huge text\n\n${`${paragraph}\n\n`.repeat(Math.ceil(20e6 / (paragraph.length + 2)))}`)
    const empty = await newsdesk(['add', join(work, 'empty.txt')])
    assert.equal(empty.code, 1)
    assert.match(empty.stderr, /empty/)
    const garbage = await newsdesk(['add', join(work, 'garbage.txt')])
    assert.equal(garbage.code, 1)
    assert.match(garbage.stderr, /binary|control characters/)
    const huge = await newsdesk(['add', join(work, 'huge.txt')])
    assert.equal(huge.code, 1)
    assert.match(huge.stderr, /too_large|too large|million characters|larger/)
    assert.equal(countArticles(), before)
  })

  it('imports a JSONL file past its invalid lines, lists them, and exits 1', async () => {
    const good = (i: number) => JSON.stringify({ id: `a${i}`, title: `Harbour report number ${i}`, text: `Ships number ${i} docked at the harbour on day ${i}, the port authority said.`, date: '2026-03-0' + ((i % 9) + 1) })
    const lines = [good(1), '{"title": "broken', good(2), JSON.stringify({ title: 'no body at all' }), good(3), good(4), JSON.stringify({ title: 'empty', text: '   ' }), good(5)]
    writeFileSync(join(work, 'batch.jsonl'), `${lines.join('\n')}\n`)
    const before = countArticles()
    const run = await newsdesk(['import', join(work, 'batch.jsonl'), '--json', '--no-progress'])
    assert.equal(run.code, 1, run.stderr)
    const report = JSON.parse(run.stdout) as { created: number; failed: { ref: string }[] }
    assert.equal(report.created, 5)
    assert.deepEqual(report.failed.map((f) => f.ref.replace(/^.*:/, '')).sort(), ['2', '4', '7'])
    assert.equal(countArticles(), before + 5)
    const again = await newsdesk(['import', join(work, 'batch.jsonl'), '--json', '--no-progress'])
    const second = JSON.parse(again.stdout) as { created: number; skipped: number }
    assert.equal(second.created, 0)
    assert.equal(second.skipped, 5)
    assert.equal(countArticles(), before + 5)
  })

  it('imports an .ndjson file with a blank line, its progress ending at 5/5 in a few log lines', async () => {
    const rec = (i: number) => JSON.stringify({ title: `Ferry log ${i}`, text: `The ferry number ${i} left the quay at ${i} o'clock, the harbour office said.` })
    writeFileSync(join(work, 'x.ndjson'), `${[1, 2, 3].map(rec).join('\n')}\n\n${[4, 5].map(rec).join('\n')}\n`)
    const run = await newsdesk(['import', join(work, 'x.ndjson')])
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /stored 5 new/)
    const lines = run.stderr.trim().split('\n').filter((l) => l.startsWith('importing'))
    assert.ok(lines.length >= 1 && lines.length <= 6, run.stderr)
    assert.match(lines.at(-1) ?? '', /100% \| 5\/5/)
  })

  it('import of a path that does not exist says so, exits 1 and creates no database', async () => {
    const fresh = join(work, 'fresh-desk')
    const run = await runNewsdesk(['import', join(work, 'no-such-corpus.jsonl')], fresh)
    assert.equal(run.code, 1)
    assert.match(run.stderr, /newsdesk import: .*no-such-corpus\.jsonl: no such file or folder \(ENOENT\)/)
    assert.equal(existsSync(join(fresh, 'newsdesk.db')), false)
  })

  it('two processes adding the same article at once store one record', async () => {
    const text = 'Bridge reopens after repairs\n\nThe old bridge reopened on Friday after two years of repairs, the city engineer said.'
    writeFileSync(join(work, 'bridge.txt'), text)
    const before = countArticles()
    const runs = await Promise.all([newsdesk(['add', join(work, 'bridge.txt')]), newsdesk(['add', join(work, 'bridge.txt')])])
    for (const r of runs) assert.equal(r.code, 0, r.stderr)
    assert.equal(countArticles(), before + 1)
    assert.ok(readFileSync(join(work, 'bridge.txt')).length > 0)
  })
})

describe('newsdesk export', { timeout: 120_000 }, () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-export-'))
  })
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('writes every article with its quotes as JSONL, and the quotes alone', async () => {
    assert.equal((await newsdesk(['add', 'test/fixtures/seed/article.txt'])).code, 0)
    const articles = await newsdesk(['export'])
    assert.equal(articles.code, 0, articles.stderr)
    const lines = articles.stdout.trim().split('\n').map((l) => JSON.parse(l) as { title: string; text: string; quotes: { speaker: string | null; content: { start: number; end: number }[] }[] })
    assert.equal(lines.length, 1)
    const [seed] = lines
    assert.ok(seed && seed.quotes.some((q) => q.speaker === 'Bruce Bennet'))
    const span = seed?.quotes[0]?.content[0]
    assert.ok(span && seed.text.slice(span.start, span.end).length > 0, 'offsets point into the exported text')
    const quotes = await newsdesk(['export', '--what', 'quotes'])
    assert.equal(quotes.stdout.trim().split('\n').length, seed?.quotes.length)
  })

  it('keeps a JSONL record\'s id: exported with the article and its quotes, shown, and a corrected record updates its article', async () => {
    const work = mkdtempSync(join(tmpdir(), 'newsdesk-export-in-'))
    const line = (text: string) => `${JSON.stringify({ id: 'doc-42', title: 'Quay reopens', text })}\n`
    writeFileSync(join(work, 'papers.jsonl'), line('“The quay is safe again,” said Mira Olsen, the harbour mastr, on Monday.'))
    assert.equal((await newsdesk(['import', join(work, 'papers.jsonl'), '--no-progress'])).code, 0)
    const articles = (await newsdesk(['export'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; externalId: string | null; collection: string | null })
    const doc = articles.find((a) => a.externalId === 'doc-42')
    assert.ok(doc, 'the record id is exported with its article')
    assert.equal(doc.collection, 'papers')
    const quotes = (await newsdesk(['export', '--what', 'quotes'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { articleId: string; externalId: string | null })
    assert.ok(quotes.some((q) => q.articleId === doc.id && q.externalId === 'doc-42'))
    const shown = JSON.parse((await newsdesk(['show', doc.id, '--json'])).stdout) as { article: { externalId: string } }
    assert.equal(shown.article.externalId, 'doc-42')
    writeFileSync(join(work, 'papers.jsonl'), line('“The quay is safe again,” said Mira Olsen, the harbour master, on Monday.'))
    const again = await newsdesk(['import', join(work, 'papers.jsonl'), '--json', '--no-progress'])
    assert.deepEqual(JSON.parse(again.stdout), { created: 0, updated: 1, skipped: 0, failed: [] })
    const after = (await newsdesk(['export'])).stdout.trim().split('\n')
    assert.equal(after.length, articles.length, 'the corrected record updated its article instead of adding one')
    rmSync(work, { recursive: true, force: true })
  })

  it('quotes refuses a binary file like add does', async () => {
    const file = join(dataDir, 'blob.bin')
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0]))
    const run = await newsdesk(['quotes', file])
    assert.equal(run.code, 1)
    assert.match(run.stderr, /binary/)
  })
})
