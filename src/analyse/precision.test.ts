/**
 * Where reported content ends and what is no content (fourth boundary
 * pass): each test is a small invented text for one rule, with a case the
 * rule must leave alone.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { only, span } from './testing.js'

test('a reported phrase ends before the reporter’s setting: ", where …", "as" with a clause', () => {
  const text = 'A Harbour Institute survey shows a tight contest in the county, where nine seats are up for election. The Harbour Institute poll indicates a narrowing race as Mayor Ines Varga consolidates her base.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'a tight contest').content[0] ?? null), 'a tight contest in the county')
  assert.equal(span(text, only(a, 'a narrowing race').content[0] ?? null), 'a narrowing race')
})

test('a reported clause keeps its ", where …" and "as …": it has a verb of its own', () => {
  const text = 'Mayor Ines Varga said the ferry will stop at the old pier, where the market stands. Harbour official Tomas Berg said the fares rose as fuel costs climbed.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'the ferry will stop').content[0] ?? null), 'the ferry will stop at the old pier, where the market stands')
  assert.equal(span(text, only(a, 'the fares rose').content[0] ?? null), 'the fares rose as fuel costs climbed')
})
