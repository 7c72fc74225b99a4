/**
 * Who is credited: pronouns, descriptions and carried quotes, each rule with
 * a small hand-written text and a case it must leave alone.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { only, span } from './testing.js'

test('a continuation keeps a pronoun mention even when the pronoun names no one', () => {
  const text = 'A crowd gathered outside the clinic on Sunday.\n\n“Let them in,” she said. “They have waited all night.”'
  const a = analyseText(text)
  const second = only(a, 'They have waited all night')
  assert.equal(span(text, second.speakerMention), 'she')
  assert.equal(second.continuation, true)
})

test('a quotation two paragraphs after an unnamed speaker is not carried', () => {
  const text = '“Let them in,” she said.\n\nThe doors opened at noon.\n\nDozens waited in the rain.\n\n“We are not leaving until the council votes on the plan.”'
  const q = only(analyseText(text), 'We are not leaving')
  assert.equal(q.speakerMention, null)
})
