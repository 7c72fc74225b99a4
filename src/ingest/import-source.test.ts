import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'
import { readImportItems } from './import-source.js'
import type { ImportItem } from './import-source.js'

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-import-'))
after(() => rmSync(dir, { recursive: true, force: true }))

async function collect(path: string, maxItemBytes?: number): Promise<ImportItem[]> {
  const out: ImportItem[] = []
  for await (const item of readImportItems(path, maxItemBytes === undefined ? {} : { maxItemBytes })) out.push(item)
  return out
}
const bodyText = (item: ImportItem | undefined): string => {
  assert.ok(item !== undefined && 'input' in item, `expected an input, got ${JSON.stringify(item)}`)
  const b = item.input.body
  return typeof b === 'string' ? b : Buffer.from(b).toString('utf8')
}
const errorCode = (item: ImportItem | undefined): string => {
  assert.ok(item !== undefined && 'error' in item, `expected an error, got ${JSON.stringify(item)}`)
  return item.error.code
}

const JSONL = [
  JSON.stringify({ id: 'a1', title: 'First', date: '2020-01-02', url: 'https://example.org/a1', text: 'Alpha text.' }),
  '',
  '{not json',
  JSON.stringify({ id: 'a2', title: 'No body' }),
  '   ',
  JSON.stringify({ id: 7, title: 'Html', html: '<p>Beta</p>', text: 'Beta' }),
  JSON.stringify({ title: 'Huge', text: 'x'.repeat(5000) }),
  JSON.stringify([1, 2]),
  JSON.stringify({ title: 'Last', text: 'Ünïcode “quotes”' }),
].join('\r\n')

describe('readImportItems: JSONL', () => {
  const path = join(dir, 'corpus.jsonl')
  writeFileSync(path, '\uFEFF' + JSONL)

  it('maps records, reports bad lines with file:line and skips blank lines', async () => {
    const items = await collect(path, 2000)
    assert.deepEqual(items.map((i) => i.ref), [
      'corpus.jsonl:1', 'corpus.jsonl:3', 'corpus.jsonl:4', 'corpus.jsonl:6', 'corpus.jsonl:7', 'corpus.jsonl:8', 'corpus.jsonl:9',
    ])
    const [first, badJson, noBody, html, huge, notObject, last] = items
    assert.ok(first !== undefined && 'input' in first)
    assert.deepEqual(first.input, {
      body: 'Alpha text.', contentType: 'text/plain; charset=utf-8', url: 'https://example.org/a1',
      title: 'First', publishedAt: '2020-01-02', externalId: 'a1', fileName: 'corpus.jsonl',
    })
    assert.equal(errorCode(badJson), 'bad_json')
    assert.equal(errorCode(noBody), 'no_content')
    assert.match((noBody as { error: { message: string } }).error.message, /neither "text" nor "html"/)
    assert.equal(bodyText(html), '<p>Beta</p>')
    assert.ok(html !== undefined && 'input' in html && html.input.externalId === '7')
    assert.equal(errorCode(huge), 'too_large')
    assert.equal(errorCode(notObject), 'bad_record')
    assert.equal(bodyText(last), 'Ünïcode “quotes”')
  })

  it('reads gzipped JSONL the same way', async () => {
    const gz = join(dir, 'corpus.jsonl.gz')
    writeFileSync(gz, gzipSync(Buffer.from(JSONL)))
    const items = await collect(gz, 2000)
    assert.equal(items.length, 7)
    assert.equal(items[0]?.ref, 'corpus.jsonl.gz:1')
  })

  it('handles a last line without a newline and a line split across stream chunks', async () => {
    const big = join(dir, 'big.jsonl')
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Article number ${i} ${'pad '.repeat(20)}` }))
    writeFileSync(big, lines.join('\n'))
    const items = await collect(big)
    assert.equal(items.length, 3000)
    assert.ok(items.every((item, i) => 'input' in item && item.input.externalId === `n${i}`))
  })

  it('reports a corrupt gzip file as an error item instead of throwing', async () => {
    const gz = join(dir, 'broken.jsonl.gz')
    writeFileSync(gz, Buffer.concat([gzipSync(Buffer.from(JSONL)).subarray(0, 40), Buffer.from('garbage')]))
    const items = await collect(gz)
    assert.equal(errorCode(items.at(-1)), 'read_failed')
  })
})

describe('readImportItems: folders and files', () => {
  const root = join(dir, 'folder')
  mkdirSync(join(root, 'b', 'deeper'), { recursive: true })
  mkdirSync(join(root, '.hidden'), { recursive: true })
  writeFileSync(join(root, 'a.html'), '<html><title>A</title><p>a</p></html>')
  writeFileSync(join(root, 'b', 'c.txt'), 'Plain text.')
  writeFileSync(join(root, 'b', 'deeper', 'd.md'), '# Heading\n\nBody.')
  writeFileSync(join(root, 'b', 'e.html.gz'), gzipSync(Buffer.from('<p>zipped</p>')))
  writeFileSync(join(root, 'b', 'skip.pdf'), '%PDF')
  writeFileSync(join(root, 'b', 'empty.htm'), '')
  writeFileSync(join(root, '.hidden', 'x.html'), '<p>hidden</p>')
  writeFileSync(join(root, 'z.jsonl'), JSON.stringify({ title: 'in folder', text: 'J' }) + '\n')

  it('walks recursively in sorted order, skips unknown and hidden files', async () => {
    const items = await collect(root)
    assert.deepEqual(items.map((i) => i.ref), ['a.html', 'b/c.txt', 'b/deeper/d.md', 'b/e.html.gz', 'b/empty.htm', 'z.jsonl:1'])
    assert.equal(bodyText(items[3]), '<p>zipped</p>')
    assert.ok(items[0] !== undefined && 'input' in items[0] && items[0].input.contentType === 'text/html')
    assert.ok(items[1] !== undefined && 'input' in items[1] && items[1].input.contentType === 'text/plain')
    assert.equal(errorCode(items[4]), 'empty_input')
  })

  it('accepts a single file and refuses an oversized one', async () => {
    const [one] = await collect(join(root, 'a.html'))
    assert.equal(one?.ref, 'a.html')
    const [big] = await collect(join(root, 'a.html'), 10)
    assert.equal(errorCode(big), 'too_large')
  })

  it('reports a missing path and an unsupported single file', async () => {
    assert.equal(errorCode((await collect(join(dir, 'nope')))[0]), 'not_found')
    assert.equal(errorCode((await collect(join(root, 'b', 'skip.pdf')))[0]), 'unsupported_type')
  })
})
