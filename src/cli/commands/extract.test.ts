import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { after, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { extractCommand, type ExtractCommandDeps } from './extract.js'

const news = readFileSync(new URL('../../../test/fixtures/extract/news.html', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-extract-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function sink(): { stream: Writable; text: () => string } {
  let buf = ''
  const stream = new Writable({
    write(chunk, _enc, cb) {
      buf += String(chunk)
      cb()
    },
  })
  return { stream, text: () => buf }
}

async function run(args: string[], deps: Partial<ExtractCommandDeps> = {}): Promise<{ out: string; err: string; code: number }> {
  const out = sink()
  const err = sink()
  const before = process.exitCode
  process.exitCode = 0
  await extractCommand({ stdout: out.stream, stderr: err.stream, ...deps }).parseAsync(args, { from: 'user' })
  const code = Number(process.exitCode ?? 0)
  process.exitCode = before
  return { out: out.text(), err: err.text(), code }
}

test('a file as JSON, text and markdown', async () => {
  writeFileSync(join(dir, 'news.html'), news)
  const json = await run([join(dir, 'news.html')])
  assert.equal(json.code, 0)
  const article = JSON.parse(json.out) as { title: string; blocks: unknown[] }
  assert.equal(article.title, 'Harbour bridge reopens after two-year repair')
  const text = await run([join(dir, 'news.html'), '--format', 'text'])
  assert.match(text.out, /^Harbour bridge reopens after two-year repair\n\n/)
  const md = await run([join(dir, 'news.html'), '--format', 'markdown'])
  assert.match(md.out, /^# Harbour bridge reopens/)
  assert.match(md.out, /\n## Cost overrun\n/)
  assert.match(md.out, /\n> We know people/)
  assert.match(md.out, /\n- Weight limit: 40 tonnes\n/)
})

test('a folder gives one JSON line per document, .html.gz included', async () => {
  const folder = mkdtempSync(join(dir, 'pages-'))
  writeFileSync(join(folder, 'a.html.gz'), gzipSync(news))
  writeFileSync(join(folder, 'b.txt'), 'A plain title\n\nA paragraph of plain text that ends here.\n\nAnother paragraph.')
  writeFileSync(join(folder, 'c.html'), '')
  writeFileSync(join(folder, 'ignored.png'), 'x')
  const r = await run([folder])
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string; articleBody: string; error?: string })
  assert.deepEqual(lines.map((l) => l.id), ['a', 'b', 'c'])
  assert.equal(lines[0]!.title, 'Harbour bridge reopens after two-year repair')
  assert.match(lines[0]!.articleBody, /^The harbour bridge reopened/)
  assert.equal(lines[1]!.title, 'A plain title')
  assert.equal(lines[2]!.error, 'empty_input')
  assert.equal(r.code, 1)
  assert.match(r.err, /c\.html: .*empty_input/)
})

test('a folder in markdown needs --out and then gives one file per document', async () => {
  const folder = mkdtempSync(join(dir, 'pages-md-'))
  writeFileSync(join(folder, 'a.html'), news)
  writeFileSync(join(folder, 'c.html'), '')
  const refused = await run([folder, '--format', 'markdown'])
  assert.equal(refused.code, 2)
  assert.match(refused.err, /--out/)
  const outDir = join(dir, 'md-out')
  const r = await run([folder, '--format', 'markdown', '--out', outDir, '--no-progress'])
  assert.equal(r.code, 1)
  assert.deepEqual(readdirSync(outDir), ['a.md'])
  assert.match(readFileSync(join(outDir, 'a.md'), 'utf8'), /^# Harbour bridge reopens after two-year repair\n/)
  assert.match(r.err, /c\.html: .*empty_input/)
  assert.match(r.err, /1 of 2 documents written/)
  // Never overwrites: a second run into the same folder, or the source folder itself.
  const again = await run([folder, '--format', 'markdown', '--out', outDir, '--no-progress'])
  assert.match(again.err, /a\.md already exists/)
  assert.equal((await run([folder, '--format', 'text', '--out', folder, '--no-progress'])).code, 2)
})

test('two documents with one name in two formats get two output files', async () => {
  const folder = mkdtempSync(join(dir, 'pages-twins-'))
  writeFileSync(join(folder, 'a.html'), news)
  writeFileSync(join(folder, 'a.txt'), 'A plain title\n\nA paragraph of plain text that ends here.')
  const outDir = join(dir, 'twins-out')
  const r = await run([folder, '--format', 'markdown', '--out', outDir, '--no-progress'])
  assert.equal(r.code, 0)
  assert.deepEqual(readdirSync(outDir).sort(), ['a.md', 'a.txt.md'])
})

test('standard input, URLs with and without a fetcher, missing files', async () => {
  const stdin = (async function* () {
    yield Buffer.from('Title from stdin\n\nBody text that arrives on standard input.\n\nMore.')
  })()
  const fromStdin = await run(['-', '--format', 'text'], { stdin })
  assert.match(fromStdin.out, /^Title from stdin/)
  const noFetcher = await run(['https://example.org/story'])
  assert.equal(noFetcher.code, 2)
  assert.match(noFetcher.err, /fetching URLs is not available/)
  const fetched = await run(['https://gazette.example/story'], {
    fetchUrl: async (url) => ({ ok: true, value: { body: new Uint8Array(news), contentType: 'text/html; charset=utf-8', url } }),
  })
  assert.equal(fetched.code, 0)
  assert.equal((JSON.parse(fetched.out) as { outlet: string }).outlet, 'The Coastal Gazette')
  const missing = await run([join(dir, 'nope.html')])
  assert.equal(missing.code, 1)
  assert.match(missing.err, /cannot read .*ENOENT/)
})
