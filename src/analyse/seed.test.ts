import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import type { Quote } from '../domain/index.js'
import { analyseText } from './index.js'

const text = readFileSync(new URL('../../test/fixtures/seed/article.txt', import.meta.url), 'utf8')
const analysis = analyseText(text, { publisher: 'B-17' })

function quoteStarting(prefix: string): Quote {
  const q = analysis.quotes.find((x) => x.text.replace(/^[“"]/, '').startsWith(prefix))
  assert.ok(q, `no quote starting "${prefix}"`)
  return q
}

test('seed: direct quotes are attributed to the analysts by full name', () => {
  const chan = quoteStarting('Trump comes into his second term')
  assert.equal(chan.kind, 'direct')
  assert.equal(chan.speaker?.name, 'Jeremy Chan')
  assert.equal(chan.speaker?.role, 'senior analyst')
  assert.equal(chan.speaker?.organisation, 'Eurasia Group')
  assert.equal(text.slice(chan.cue?.start, chan.cue?.end), 'told')
  assert.equal(quoteStarting('Kim was furious').speaker?.name, 'Bruce Bennet')
  assert.equal(quoteStarting('It will be interesting').speaker?.name, 'Daniel Salisbury')
  assert.equal(quoteStarting('Trump is more likely to use carrots').speaker?.name, 'Jeremy Chan')
})

test('seed: surname mentions resolve to the full name, and the mention span is local', () => {
  const q = quoteStarting('Kim likely sees in Trump')
  assert.equal(text.slice(q.speakerMention?.start, q.speakerMention?.end), 'Chan')
  assert.equal(q.speaker?.name, 'Jeremy Chan')
})

test('seed: continuation quotes carry the previous speaker over', () => {
  const bennet = quoteStarting('I think it is unlikely')
  assert.equal(bennet.speaker?.name, 'Bruce Bennet')
  assert.equal(bennet.continuation, true)
  // The mention is the one of the quote it continues, not a new one next to it.
  assert.ok(bennet.speakerMention && bennet.speakerMention.end < text.indexOf('I think it is unlikely'))
  assert.equal(quoteStarting('The potential to achieve').speaker?.name, 'Jeremy Chan')
  assert.equal(quoteStarting('We have to see how').speaker?.name, 'Ellen Kim')
})

test('seed: Ellen Kim stays distinct from Kim Jong Un; the publisher is never a speaker', () => {
  const ellen = quoteStarting('Neither maximum pressure nor flattery')
  assert.equal(ellen.kind, 'mixed')
  assert.equal(ellen.speaker?.name, 'Ellen Kim')
  const kim = analysis.entities.find((e) => e.name === 'Kim Jong Un')
  const ek = analysis.entities.find((e) => e.name === 'Ellen Kim')
  assert.ok(kim && ek && kim.id !== ek.id)
  assert.ok(analysis.quotes.every((q) => q.speaker?.name !== 'B-17'))
})

test('seed: scare quotes are not attributed quotes', () => {
  assert.ok(!analysis.quotes.some((q) => q.text === 'maximum pressure' || q.text === 'freeze'))
})

test('seed: indirect quotes with according to, For X and a trailing said', () => {
  assert.equal(quoteStarting('Kim has long harbored').speaker?.name, 'Bruce Bennet')
  assert.equal(quoteStarting('the realistic options available').speaker?.name, 'Bruce Bennet')
  assert.equal(quoteStarting('A deal between Trump and Kim').speaker?.name, 'Jeremy Chan')
  assert.equal(quoteStarting('a lenient position on Russian aggression').speaker?.kind, 'group')
})

test('offsets point into the analysed text', () => {
  for (const q of analysis.quotes) {
    assert.equal(q.text, q.content.map((s) => text.slice(s.start, s.end)).join(' '))
    if (q.speakerMention) assert.ok(q.speakerMention.end > q.speakerMention.start)
  }
})

test('analyseArticle runs on articleText with the outlet as publisher', async () => {
  const { analyseArticle } = await import('./index.js')
  const { articleText } = await import('../domain/index.js')
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
  const article = {
    title: paragraphs[0] ?? '', dek: paragraphs[1] ?? null, authors: [], publishedAt: null, updatedAt: null,
    outlet: 'B-17', canonicalUrl: null, lang: 'en',
    blocks: paragraphs.slice(2).map((p) => ({ kind: 'paragraph' as const, text: p })),
  }
  const a = analyseArticle(article)
  const full = articleText(article)
  const chan = a.quotes.find((q) => q.text.includes('Trump comes into his second term'))
  assert.equal(chan?.speaker?.name, 'Jeremy Chan')
  for (const q of a.quotes) assert.equal(q.text, q.content.map((s) => full.slice(s.start, s.end)).join(' '))
})
