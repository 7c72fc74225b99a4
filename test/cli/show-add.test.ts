import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

let dataDir = ''
let work = ''
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

const story = [
  'Rotterdam harbour closes northern basin',
  'The port authority said on Monday that the harbour in Rotterdam would close its northern basin for dredging works lasting three weeks.',
  'Shipping companies were told to divert container vessels to the southern terminals, where extra cranes have been brought in from Antwerp.',
  '"We expect delays of a day at most," said Marit de Vries, a spokeswoman for the port authority. "Nobody will lose a sailing."',
  'Dock workers union FNV said it had not been consulted and would ask for talks with the port on Wednesday.',
  'The dredging is part of a plan to deepen the basin for the largest container ships, which the city council approved last year.',
]
// A wire copy: the same text with one more paragraph, so stored as an article of its own and shown as a copy.
const wireCopy = [...story, 'The port handled a record number of containers last year, figures published in January showed.']

async function addFile(name: string, paragraphs: string[], extra: string[] = []): Promise<{ id: string; stdout: string }> {
  const path = join(work, name)
  writeFileSync(path, `${paragraphs.join('\n\n')}\n`)
  const run = await newsdesk(['add', path, ...extra])
  assert.equal(run.code, 0, run.stderr)
  return { id: /^\w+ (\S+)/.exec(run.stdout)?.[1] ?? '', stdout: run.stdout }
}

describe('newsdesk show and add on the command line', { timeout: 120_000 }, () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-show-cli-'))
    work = mkdtempSync(join(tmpdir(), 'newsdesk-show-cli-in-'))
  })
  after(() => {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(work, { recursive: true, force: true })
  })

  it('shows an article’s copies under "Also published as", as --json and the web page do', async () => {
    const original = await addFile('original.txt', story)
    const copy = await addFile('copy.txt', wireCopy, ['--url', 'https://www.wire.example/rotterdam'])
    assert.notEqual(copy.id, original.id)
    const json = await newsdesk(['show', original.id, '--json'])
    assert.deepEqual((JSON.parse(json.stdout) as { duplicates: { id: string }[] }).duplicates.map((d) => d.id), [copy.id])
    const text = await newsdesk(['show', original.id])
    assert.equal(text.code, 0, text.stderr)
    assert.match(text.stdout, new RegExp(`\\nAlso published as:\\n {2}- Rotterdam harbour closes northern basin \\[${copy.id}\\] \\(wire\\.example\\)\\n`))
    assert.ok(text.stdout.indexOf('Also published as:') < text.stdout.indexOf('Who said what:'))
    const back = await newsdesk(['show', copy.id])
    assert.match(back.stdout, new RegExp(`Also published as:\\n {2}- Rotterdam harbour closes northern basin \\[${original.id}\\]\\n`))
  })

  it('says "unchanged" when a file added again changes nothing, "updated" when it does', async () => {
    const paragraphs = ['Tram strike ends in Ghent', 'Tram drivers in Ghent returned to work on Thursday after a two-day strike over rosters, the transport company De Lijn said.', 'Talks on the rosters resume next month.']
    const first = await addFile('tram.txt', paragraphs)
    assert.match(first.stdout, /^added /)
    const again = await addFile('tram.txt', paragraphs)
    assert.equal(again.id, first.id)
    assert.match(again.stdout, new RegExp(`^unchanged ${first.id}\n`))
    const json = await newsdesk(['add', join(work, 'tram.txt'), '--json'])
    assert.deepEqual(((o: { created: boolean; unchanged?: boolean }) => [o.created, o.unchanged])(JSON.parse(json.stdout)), [false, true])
    // The same text found again with an address it did not have: the article is updated.
    const withUrl = await addFile('tram.txt', paragraphs, ['--url', 'https://news.example/ghent-trams'])
    assert.match(withUrl.stdout, new RegExp(`^updated ${first.id}\n`))
  })
})
