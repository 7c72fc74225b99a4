import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'
import { countImportItems, lineDue, ProgressLines } from './progress.js'

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-progress-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const line = (i: number) => JSON.stringify({ id: `d${i}`, title: `T${i}`, text: `Text ${i}.` })

describe('import progress totals', () => {
  it('counts the lines of .ndjson and .jsonl(.gz) files, blank lines left out', async () => {
    writeFileSync(join(dir, 'x.ndjson'), `${[1, 2, 3, 4, 5].map(line).join('\n')}\n`)
    assert.deepEqual(await countImportItems(join(dir, 'x.ndjson')), { total: 5, exact: true })
    const lines = Array.from({ length: 70 }, (_, i) => line(i))
    lines.splice(30, 0, '', '   \r')
    writeFileSync(join(dir, 'blank.jsonl'), `\ufeff${lines.join('\r\n')}\n\n`)
    assert.equal((await countImportItems(join(dir, 'blank.jsonl'))).total, 70)
    writeFileSync(join(dir, 'z.jsonl.gz'), gzipSync(`${line(1)}\n\n${line(2)}`))
    assert.equal((await countImportItems(join(dir, 'z.jsonl.gz'))).total, 2)
  })

  it('counts the lines of a JSONL file inside a folder, and its documents', async () => {
    const folder = join(dir, 'folder')
    mkdirSync(join(folder, 'sub'), { recursive: true })
    writeFileSync(join(folder, 'a.html'), '<p>a</p>')
    writeFileSync(join(folder, 'sub', 'b.txt'), 'b')
    writeFileSync(join(folder, 'sub', 'c.jsonl'), `${[1, 2, 3].map(line).join('\n')}\n`)
    writeFileSync(join(folder, 'notes.pdf'), 'x')
    assert.deepEqual(await countImportItems(folder), { total: 5, exact: true })
  })

  it('counts the response and resource records of a WARC file, as an upper bound', async () => {
    const rec = (type: string) => `WARC/1.1\r\nWARC-Type: ${type}\r\nContent-Length: 2\r\n\r\nab\r\n\r\n`
    writeFileSync(join(dir, 'w.warc'), ['warcinfo', 'request', 'response', 'response', 'resource'].map(rec).join(''))
    assert.deepEqual(await countImportItems(join(dir, 'w.warc')), { total: 3, exact: false })
  })
})

describe('progress lines for logs', () => {
  it('is due after a tenth of the total or 30 seconds, whichever comes first', () => {
    assert.equal(lineDue({ value: 0, at: 0 }, 9, 100, 1000), false)
    assert.equal(lineDue({ value: 0, at: 0 }, 10, 100, 1000), true)
    assert.equal(lineDue({ value: 0, at: 0 }, 1, 100, 30_000), true)
    assert.equal(lineDue({ value: 5, at: 0 }, 5, 100, 60_000), false)
  })

  it('prints at most every 10% plus the final line, however often it is updated', () => {
    const out: string[] = []
    let t = 0
    const bar = new ProgressLines('importing', 71, (l) => out.push(l), () => t)
    for (let i = 1; i <= 71; i++) {
      t += 100
      bar.update(i, { status: `${i} new` })
    }
    bar.stop()
    assert.ok(out.length <= 11, out.join(''))
    assert.equal(out.at(-1), 'importing 100% | 71/71 | 71 new\n')
  })

  it('prints every 30 seconds on a slow import', () => {
    const out: string[] = []
    let t = 0
    const bar = new ProgressLines('importing', 1000, (l) => out.push(l), () => t)
    for (let i = 1; i <= 20; i++) {
      t += 10_000
      bar.update(i)
    }
    bar.stop()
    assert.equal(out.length, 7)
    assert.equal(out.at(-1), 'importing 2% | 20/1000\n')
  })
})
