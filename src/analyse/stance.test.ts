/**
 * Stances shown as reported statements (fourth pass): what a person or an
 * organisation wants, plans, believes or expects. Each test is a small
 * hand-written text for one rule.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'

test('"wants to …" and "plans to …" report the infinitive, "to" included', () => {
  const text = 'Mayor Tessa Lindqvist wants to double the number of night buses. The transit union plans to publish its own proposal in March.'
  const a = analyseText(text)
  const wants = only(a, 'to double the number of night buses')
  assert.equal(wants.kind, 'indirect')
  assert.equal(wants.speaker?.name, 'Tessa Lindqvist')
  assert.equal(span(text, wants.cue), 'wants')
  assert.equal(span(text, only(a, 'to publish its own proposal').speakerMention), 'The transit union')
})

test('"believes (that) …" and "expects that …" report the clause', () => {
  const text = 'Rafael Ortiz, the port director, believes the new cranes will pay for themselves within a decade.'
  const q = only(analyseText(text), 'the new cranes will pay for themselves')
  assert.equal(q.speaker?.name, 'Rafael Ortiz')
  assert.equal(span(text, q.cue), 'believes')
  const bank = 'The Nordvik Bank expects that exports will fall this year.'
  assert.equal(span(bank, only(analyseText(bank), 'that exports will fall').speakerMention), 'The Nordvik Bank')
})

test('a past stance, a noun and a passive state nothing', () => {
  const text = 'As a child, Ingrid Solberg wanted to become a pilot. The council did not unveil plans to fix the roof. The bridge is expected to open in May.'
  const a = analyseText(text)
  assert.equal(find(a, 'to become a pilot'), undefined)
  assert.equal(find(a, 'to fix the roof'), undefined)
  assert.equal(find(a, 'to open in May'), undefined)
})

test('a stance does not take the place of the speech that reports it', () => {
  const text = 'The ferry company plans to add two sailings a day, spokeswoman Leona Marsh said.'
  const q = only(analyseText(text), 'The ferry company plans to add')
  assert.equal(q.speaker?.name, 'Leona Marsh')
})
