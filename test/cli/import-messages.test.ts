import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

let dataDir = ''
let work = ''
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

interface Report {
  created: number
  skipped: number
  failed: { ref: string; error: { code: string; message: string } }[]
}

const record = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: `m${i}`, title: `Canal report ${i}`, text: `Barge number ${i} passed the lock on the canal at dawn, the lock keeper said.`, ...extra })

describe('newsdesk import names what is wrong with a line', { timeout: 120_000 }, () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-import-msg-'))
    work = mkdtempSync(join(tmpdir(), 'newsdesk-import-msg-in-'))
  })
  after(() => {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(work, { recursive: true, force: true })
  })

  it('says a text is empty, and refuses a date that is not one by its line, as the API refuses it', async () => {
    const lines = [record(1), record(2, { text: '' }), record(3, { date: 'not a date' }), record(4, { date: '2026-03-04' }), record(5, { title: 'x', text: undefined })]
    writeFileSync(join(work, 'canal.jsonl'), `${lines.join('\n')}\n`)
    const run = await newsdesk(['import', join(work, 'canal.jsonl'), '--json', '--no-progress'])
    assert.equal(run.code, 1, run.stderr)
    const report = JSON.parse(run.stdout) as Report
    assert.equal(report.created, 2)
    const failed = Object.fromEntries(report.failed.map((f) => [f.ref, `${f.error.code}: ${f.error.message}`]))
    assert.deepEqual(failed, {
      'canal.jsonl:2': 'no_content: "text" is empty: the record has no article text',
      'canal.jsonl:3': 'bad_date: "date" is not a date: "not a date"',
      'canal.jsonl:5': 'no_content: record has neither "text" nor "html"',
    })
    const text = await newsdesk(['import', join(work, 'canal.jsonl'), '--no-progress'])
    assert.match(text.stdout, /\n {2}canal\.jsonl:3: "date" is not a date: "not a date" \(bad_date\)\n/)
  })

  it('counts the lines a re-run skips in its progress', async () => {
    writeFileSync(join(work, 'locks.jsonl'), `${[6, 7, 8].map((i) => record(i)).join('\n')}\n`)
    assert.equal((await newsdesk(['import', join(work, 'locks.jsonl'), '--no-progress'])).code, 0)
    const again = await newsdesk(['import', join(work, 'locks.jsonl')])
    assert.equal(again.code, 0, again.stderr)
    const progress = again.stderr.trim().split('\n').filter((l) => l.startsWith('importing'))
    assert.match(progress.at(-1) ?? '', /3\/3 \| 0 new, 3 already stored, 0 failed$/)
  })
})
