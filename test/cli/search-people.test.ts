import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

let dataDir = ''
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

describe('newsdesk search, people and person on the command line', { timeout: 120_000 }, () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-search-'))
    const added = await newsdesk(['add', 'test/fixtures/seed/article.txt'])
    assert.equal(added.code, 0, added.stderr)
  })
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('searches articles and quotes, says when nothing matches, and refuses a bad page size', async () => {
    const found = await newsdesk(['search', 'Kim', 'Russia', '--json'])
    assert.equal(found.code, 0, found.stderr)
    const out = JSON.parse(found.stdout) as { items: { title: string }[]; next: number | null; match: string; quotes: { speakerName: string | null; text: string }[] }
    assert.deepEqual([out.items.map((a) => a.title), out.match], [['Trump faces a far more emboldened Kim Jong Un this time around'], 'all'])
    assert.ok(out.quotes.length > 0 && out.quotes.every((q) => /kim/i.test(q.text) && /russia/i.test(q.text)), JSON.stringify(out.quotes))
    const text = await newsdesk(['search', '"maximum pressure"'])
    assert.match(text.stdout, /emboldened Kim Jong Un/)
    const excluded = await newsdesk(['search', 'Kim', '-Russia', '--json'])
    assert.deepEqual((JSON.parse(excluded.stdout) as { items: unknown[] }).items, [], 'a -word given as its own argument excludes it')
    const none = await newsdesk(['search', 'zeppelinworks'])
    assert.deepEqual([none.code, none.stdout.trim()], [1, 'No article matches.'])
    const typo = await newsdesk(['search', 'Kim', '--josn'])
    assert.deepEqual([typo.code, typo.stderr.trim()], [2, 'newsdesk search: unknown option --josn (a single dash excludes a word: -word)'])
    assert.equal((await newsdesk(['search', ''])).code, 2)
    const later = await newsdesk(['search', 'Kim', '--offset', '5'])
    assert.deepEqual([later.code, later.stdout.trim()], [1, 'No more articles.'], 'who said it is on the first page only')
    const bad = await newsdesk(['search', 'Kim', '--limit', '0'])
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /option '--limit <n>' argument '0' is invalid\. a whole number from 1 to 100/)
  })

  it('lists the people quoted, finds one by part of a name and prints their quotes', async () => {
    const listed = JSON.parse((await newsdesk(['people', '--json'])).stdout) as { items: { id: string; name: string; quoteCount: number }[]; next: number | null }
    assert.ok(listed.items.some((p) => p.name === 'Jeremy Chan'), JSON.stringify(listed.items))
    const chan = await newsdesk(['people', 'chan'])
    assert.equal(chan.code, 0)
    assert.match(chan.stdout, /Jeremy Chan {2}senior analyst/)
    const id = listed.items.find((p) => p.name === 'Jeremy Chan')?.id ?? ''
    const person = await newsdesk(['person', id, '--json'])
    const profile = JSON.parse(person.stdout) as { person: { name: string }; quotes: { articleTitle: string }[]; quoteCount: number; next: number | null }
    assert.deepEqual([profile.person.name, profile.quotes.length, profile.next], ['Jeremy Chan', profile.quoteCount, null])
    assert.ok(profile.quoteCount >= 2)
    const page = await newsdesk(['person', id, '--limit', '1'])
    assert.match(page.stdout, /More: --offset 1/)
    assert.equal((await newsdesk(['people', 'Zebulon Quarry'])).code, 1)
    const missing = await newsdesk(['person', 'nope'])
    assert.deepEqual([missing.code, missing.stderr.trim()], [1, 'newsdesk person: no person nope'])
  })
})
