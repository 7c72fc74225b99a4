import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'

const person = (text: string, name: string) => analyseText(text).entities.find((e) => e.kind === 'person' && e.name === name)
const described = (text: string, name: string) => [person(text, name)?.role ?? null, person(text, name)?.organisation ?? null]

test('a nationality before a role is part of the role, not an organisation', () => {
  const text = 'Talks resumed in Vienna on Monday.\n\nThe Danish foreign minister Henrik Moller met Chilean painter Ines Varga and the Latvian president Edgars Ozols.'
  assert.deepEqual(described(text, 'Henrik Moller'), ['Danish foreign minister', null])
  assert.deepEqual(described(text, 'Ines Varga'), ['Chilean painter', null])
  assert.deepEqual(described(text, 'Edgars Ozols'), ['Latvian president', null])
})

test('a title word before the role words is part of the role', () => {
  const text = 'Floods hit the islands.\n\nPrime minister Tobias Wren said on Friday that help was coming. Vice chancellor Amara Osei agreed.'
  assert.deepEqual(described(text, 'Tobias Wren'), ['Prime minister', null])
  assert.deepEqual(described(text, 'Amara Osei'), ['Vice chancellor', null])
})

test('a common word capitalised only because it opens the sentence belongs to the role', () => {
  const text =
    'The collection opened on Friday.\n\nTextile designer Ruth Amsel praised the show. Regional governor Pavel Orlov said the roads were closed. ' +
    'Kestrel Bay coach Dan Ruiz was pleased, and Kestrel fans cheered.'
  assert.deepEqual(described(text, 'Ruth Amsel'), ['textile designer', null])
  assert.deepEqual(described(text, 'Pavel Orlov'), ['regional governor', null])
  assert.deepEqual(described(text, 'Dan Ruiz'), ['coach', 'Kestrel Bay'])
})

test('an organisation before a role keeps its "of"', () => {
  const text = 'The bridge reopened.\n\n"It is safe," said Ohio Department of Roads engineer Lucy Tran.'
  assert.deepEqual(described(text, 'Lucy Tran'), ['engineer', 'Ohio Department of Roads'])
})

test("a person's possessive before a role is a relation, not an organisation", () => {
  const text = 'Mara Ekwueme won the race in Berlin.\n\nThe day before, Ekwueme\'s countryman Joy Wanjiru set a course record.'
  assert.deepEqual(described(text, 'Joy Wanjiru'), ["Ekwueme's countryman", null])
})

test("an organisation's possessive before a role stays the organisation", () => {
  const text = 'Lindqvist Oceanography runs the ship.\n\nThe storm hit, said Lindqvist Oceanography\'s director Nadia Perez.'
  assert.deepEqual(described(text, 'Nadia Perez'), ['director', 'Lindqvist Oceanography'])
})

test('the body named right after a person is their organisation; a place is not, and a possessive owning no noun is the name', () => {
  const text =
    '"Rates will rise," said Omar Reyes of the Lakeside Institution. "They will fall," said Professor Lena Brandt of Norvale University. ' +
    'Senator Ana Ruiz of Vermont disagreed. Jane Ortiz, an analyst at Moody\'s, was cautious. Tom Hale, of the Harbour Bank, agreed.'
  assert.deepEqual(described(text, 'Omar Reyes'), [null, 'Lakeside Institution'])
  assert.equal(person(text, 'Lena Brandt')?.organisation, 'Norvale University')
  assert.equal(person(text, 'Ana Ruiz')?.organisation ?? null, null)
  assert.deepEqual(described(text, 'Jane Ortiz'), ['analyst', "Moody's"])
  assert.equal(person(text, 'Tom Hale')?.organisation, 'Harbour Bank')
})
