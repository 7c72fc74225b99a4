import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

interface JsonQuote {
  text: string
  content: { start: number; end: number }[]
  speaker: { name: string; role: string | null; organisation: string | null } | null
}

let work = ''

const newsdesk = (args: string[], stdin?: string) => runNewsdesk(args, work, stdin)

describe('newsdesk quotes', { timeout: 120_000 }, () => {
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'newsdesk-quotes-cli-'))
  })
  after(() => rmSync(work, { recursive: true, force: true }))

  it('prints the seed article’s quotes as JSON whose offsets point at the quoted words', async () => {
    const run = await newsdesk(['quotes', '--json', 'test/fixtures/seed/article.txt'])
    assert.equal(run.code, 0, run.stderr)
    const out = JSON.parse(run.stdout) as { text: string; quotes: JsonQuote[] }
    assert.equal(out.text, readFileSync('test/fixtures/seed/article.txt', 'utf8'))
    const chan = out.quotes.filter((q) => q.speaker?.name === 'Jeremy Chan')
    assert.ok(chan.length >= 2, JSON.stringify(out.quotes.map((q) => q.speaker?.name)))
    assert.equal(chan[0]?.speaker?.organisation, 'Eurasia Group')
    for (const q of out.quotes) assert.equal(q.text, q.content.map((s) => out.text.slice(s.start, s.end)).join(' … '))
  })

  it('--eval reads scorer documents from stdin, skips and names bad lines, and says so in its exit code', async () => {
    const docs = [
      JSON.stringify({ doc_id: 'a', text: 'Ana Ruiz, the port director, said the cranes would be replaced by June.' }),
      'not json',
      JSON.stringify({ doc_id: 'b' }),
      JSON.stringify({ doc_id: 7, text: '“We are ready,” said Omar Haddad.' }),
    ].join('\n')
    const run = await newsdesk(['quotes', '--eval', '-'], docs)
    assert.equal(run.code, 1)
    assert.match(run.stderr, /-:2: skipped \(not JSON\)/)
    assert.match(run.stderr, /-:3: skipped \(needs doc_id and text\)/)
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc_id: string; quotes: { speaker: { name: string } | null }[] })
    assert.deepEqual(lines.map((l) => l.doc_id), ['a', '7'])
    assert.equal(lines[0]?.quotes[0]?.speaker?.name, 'Ana Ruiz')
    assert.equal(lines[1]?.quotes[0]?.speaker?.name, 'Omar Haddad')
  })

  it('--eval on a clean file exits 0; a missing file is a clear error', async () => {
    const docs = join(work, 'docs.jsonl')
    writeFileSync(docs, `${JSON.stringify({ doc_id: 'x', text: 'The minister said the bridge would reopen.' })}\n`)
    const ok = await newsdesk(['quotes', '--eval', docs])
    assert.equal(ok.code, 0, ok.stderr)
    assert.equal(ok.stdout.trim().split('\n').length, 1)
    const missing = await newsdesk(['quotes', join(work, 'nope.txt')])
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /cannot read .*nope\.txt/)
  })
})
