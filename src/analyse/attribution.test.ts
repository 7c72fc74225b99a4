/**
 * Attributions the analyser used to miss entirely (sixth pass): each test is
 * a small hand-written text for one construction, with a case that must not
 * change beside it.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'

test('a trailing attribution may name the body among the role words before the name', () => {
  const text = 'The ferry will stop running in January, retired Coast Guard captain Ola Berg said. The levy “will pay for the new pier,” Harbour Board treasurer Ines Moll said.'
  const a = analyseText(text)
  const q = only(a, 'The ferry will stop running in January')
  assert.equal(q.text, 'The ferry will stop running in January')
  assert.equal(q.speaker?.name, 'Ola Berg')
  const mixed = only(a, 'The levy')
  assert.equal(mixed.kind, 'mixed')
  assert.equal(mixed.speaker?.name, 'Ines Moll')
})

test('role words that follow no comma open no trailing attribution', () => {
  const text = 'The ferry stopped running in January and retired Coast Guard captain Ola Berg said nothing about it.'
  assert.equal(find(analyseText(text), 'The ferry stopped running'), undefined)
})

test('"…, attorneys for the family said": a bare plural role noun with its "for" phrase speaks', () => {
  const text = 'The two brothers had never seen the video before Monday, attorneys for the family said.'
  const q = only(analyseText(text), 'The two brothers had never seen the video')
  assert.equal(span(text, q.speakerMention), 'attorneys for the family')
})

test('a plural noun that names no role is no speaker of a trailing "said"', () => {
  const text = 'The two brothers had never seen the video before Monday, photos of the family said.'
  assert.equal(find(analyseText(text), 'The two brothers had never seen the video'), undefined)
})
