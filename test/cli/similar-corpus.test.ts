import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

interface Line {
  id: string
  similar: string[]
  duplicates: string[]
}

let work = ''

const eruption =
  'The Grindavik volcano on the Reykjanes peninsula erupted again on Sunday, sending lava towards the evacuated fishing town. ' +
  'Iceland’s Meteorological Office said the fissure opened north of the town shortly after dawn and grew to three kilometres. ' +
  'Civil protection officials closed the Blue Lagoon spa and the roads around Grindavik while engineers reinforced the lava barriers. ' +
  'Residents who had returned to their homes were told to leave within the hour. Geologists expect the eruption to continue for weeks.'

const eruptionFollowUp =
  'Lava from the Reykjanes eruption crossed the barriers near Grindavik overnight and set three houses alight, Icelandic civil protection said. ' +
  'The fissure that opened on Sunday has narrowed, but the Meteorological Office warned that magma is still flowing beneath the peninsula. ' +
  'The Blue Lagoon spa stays closed, and Grindavik residents will not be allowed back to their homes this month.'

const transfer =
  'Borussia Dortmund agreed a record fee with Benfica for the Portuguese striker on Tuesday, the Bundesliga club announced. ' +
  'The forward signed a five-year contract after a medical in Dortmund and will wear the number nine shirt. ' +
  'Dortmund sporting director Sebastian Kehl called the striker the club’s most important signing in a decade.'

const transferReaction =
  'Benfica supporters reacted angrily to the sale of their striker to Borussia Dortmund, the second record transfer the Lisbon club has accepted this year. ' +
  'Dortmund paid the fee in full, and the striker joins the Bundesliga side for pre-season training next week.'

const newsdesk = (args: string[]) => runNewsdesk(args, work)

describe('newsdesk similar --corpus', { timeout: 120_000 }, () => {
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'newsdesk-similar-cli-'))
  })
  after(() => rmSync(work, { recursive: true, force: true }))

  it('lists each article’s copies first, then Similar Posts each followed by its copies, and reports bad lines', async () => {
    const corpus = join(work, 'corpus.jsonl')
    const lines = [
      { id: 'erupt-1', title: 'Volcano erupts again near Grindavik', text: eruption },
      { id: 'erupt-1-wire', title: 'Volcano erupts again near Grindavik', text: eruption, url: 'https://wire.example/erupt' },
      { id: 'erupt-2', title: 'Lava crosses Grindavik barriers', text: eruptionFollowUp },
      { id: 'transfer-1', title: 'Dortmund sign Benfica striker', text: transfer },
      { id: 'transfer-2', title: 'Benfica fans angry at striker sale', text: transferReaction },
    ].map((l) => JSON.stringify(l))
    writeFileSync(corpus, [...lines, '{"id": "no-text"}', 'not json'].join('\n') + '\n')
    const run = await newsdesk(['similar', '--corpus', corpus, '--top', '3', '--no-progress'])
    // The good lines are all related; the two bad ones are named, and the exit code says lines were lost.
    assert.equal(run.code, 1, run.stderr)
    assert.match(run.stderr, /2 lines skipped/)
    assert.match(run.stderr, /corpus\.jsonl:6: skipped \(needs id and text\)/)
    assert.match(run.stderr, /corpus\.jsonl:7: skipped \(not JSON\)/)
    const out = new Map(run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line).map((l) => [l.id, l]))
    assert.deepEqual([...out.keys()], ['erupt-1', 'erupt-1-wire', 'erupt-2', 'transfer-1', 'transfer-2'])
    assert.deepEqual(out.get('erupt-1')?.duplicates, ['erupt-1-wire'])
    assert.deepEqual(out.get('erupt-1')?.similar.slice(0, 2), ['erupt-1-wire', 'erupt-2'])
    // The follow-up's best match is the eruption story, listed with its wire copy right after it.
    assert.deepEqual(new Set(out.get('erupt-2')?.similar.slice(0, 2)), new Set(['erupt-1', 'erupt-1-wire']))
    assert.deepEqual(out.get('erupt-2')?.duplicates, [])
    assert.equal(out.get('transfer-1')?.similar[0], 'transfer-2')
    assert.ok(!out.get('transfer-1')?.similar.includes('transfer-1'), 'an article is never its own similar post')
  })

  it('names every bad line with its number and counts it; a line without text keeps its output line, related to nothing', async () => {
    const corpus = join(work, 'bad-lines.jsonl')
    const lines = [
      JSON.stringify({ id: 'erupt-1', title: 'Volcano erupts again near Grindavik', text: eruption }),
      'null',
      '[1, 2]',
      JSON.stringify({ id: 'erupt-2', title: 'Lava crosses Grindavik barriers', text: eruptionFollowUp }),
      JSON.stringify({ id: 'erupt-1', title: 'Volcano erupts again near Grindavik', text: eruption }),
      JSON.stringify({ id: 'blank', title: 'Grindavik volcano lava barriers', text: '  ' }),
      '42',
    ]
    writeFileSync(corpus, `${lines.join('\n')}\n`)
    const run = await newsdesk(['similar', '--corpus', corpus, '--no-progress'])
    assert.equal(run.code, 1, run.stderr)
    assert.match(run.stderr, /bad-lines\.jsonl:2: skipped \(not a JSON object\)/)
    assert.match(run.stderr, /bad-lines\.jsonl:3: skipped \(not a JSON object\)/)
    assert.match(run.stderr, /bad-lines\.jsonl:5: skipped \(duplicate id erupt-1, first on line 1\)/)
    assert.match(run.stderr, /bad-lines\.jsonl:6: blank has no text: listed with no Similar Posts or duplicates/)
    assert.match(run.stderr, /bad-lines\.jsonl:7: skipped \(not a JSON object\)/)
    assert.match(run.stderr, /newsdesk similar: 4 lines skipped/)
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line)
    assert.deepEqual(out.map((l) => l.id), ['erupt-1', 'erupt-2', 'blank'])
    assert.deepEqual(out[2], { id: 'blank', similar: [], duplicates: [] })
    assert.ok(!out[0]?.similar.includes('blank') && !out[1]?.similar.includes('blank'), 'a line without text is nobody’s Similar Post')
  })

  it('fails with exit code 1 on a corpus file that does not exist, as other commands do on a missing file', async () => {
    const run = await newsdesk(['similar', '--corpus', join(work, 'missing.jsonl'), '--no-progress'])
    assert.equal(run.code, 1)
    assert.match(run.stderr, /cannot read .*missing\.jsonl/)
    assert.equal(run.stdout, '')
  })
})
