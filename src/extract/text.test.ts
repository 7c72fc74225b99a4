import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { extractText } from './index.js'

const seed = readFileSync(new URL('../../test/fixtures/seed/article.txt', import.meta.url), 'utf8')

test('the seed article reproduces its gold structure', () => {
  const r = extractText(seed)
  assert.ok(r.ok)
  const a = r.value
  assert.equal(a.title, 'Trump faces a far more emboldened Kim Jong Un this time around')
  assert.equal(
    a.dek,
    'President-elect Donald Trump will find North Korea’s leader, Kim Jong Un, a much tougher and more emboldened character to deal with when he enters office.',
  )
  assert.deepEqual(
    a.blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
    ['A relationship gone sour', 'Kim breaks North Korea’s isolation', 'Trump’s gambit', 'The nuclear option'],
  )
  const captions = a.blocks.filter((b) => b.kind === 'caption').map((b) => b.text)
  const certain = [
    'Donald Trump and Kim Jong Un at the 2019 Hanoi summit.',
    'North Korea’s Kim Jong Un and Russia’s Vladimir Putin at a military parade in Pyongyang in June.',
  ]
  const either = 'North Korea tested its new solid-fuel intercontinental ballistic missile, Hwasong-19, this week.'
  assert.deepEqual(captions.filter((c) => c !== either), certain)
  const texts = a.blocks.map((b) => b.text)
  assert.ok(texts.includes(either))
  for (const furniture of ['Similar Posts', 'Leave a Reply']) assert.ok(!texts.some((t) => t.includes(furniture)))
  assert.equal(a.blocks.at(-1)?.text, '“We have to see how North Korea’s relationship with Russia evolves.”')
  assert.ok(a.blocks.every((b) => b.kind !== 'heading' || b.level === 2))
})

test('plain text: lists, quotes, hard-wrapped prose and an empty input', () => {
  const r = extractText('Title here\n\nThis line is wrapped\nacross two lines of text.\n\n- one\n- two\n\n> quoted words here.\n\nLast paragraph ends here.')
  assert.ok(r.ok)
  assert.equal(r.value.dek, 'This line is wrapped across two lines of text.')
  assert.deepEqual(
    r.value.blocks.map((b) => [b.kind, b.text]),
    [
      ['list', 'one\ntwo'],
      ['blockquote', 'quoted words here.'],
      ['paragraph', 'Last paragraph ends here.'],
    ],
  )
  const empty = extractText('  \n\n ')
  assert.ok(!empty.ok)
  assert.equal(empty.error.code, 'empty_input')
})

test('trailing furniture is dropped with the debris after it', () => {
  const body = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the story tells what happened in the town.`).join('\n\n')
  const r = extractText(`A title\n\n${body}\n\nRelated Posts\n\nSome other headline\n\nAnother one\n\nShare this:\n\n3 Comments`)
  assert.ok(r.ok)
  assert.equal(r.value.blocks.at(-1)?.text, 'Paragraph 5 of the story tells what happened in the town.')
})
