import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'

const person = (text: string, name: string) => analyseText(text).entities.find((e) => e.kind === 'person' && e.name === name)

test('a clause after a name and its comma is no role', () => {
  const text =
    'Ministers met in Lisbon on Friday.\n\nThe Danish trade minister, Henrik Moller, attended the talks as a guest. ' +
    'The city mayor, Carla Vidal, sent her thanks by email. Olga Ferris, is also the chair of the board.'
  // The clause after the name is no role; the role set before it between commas is.
  assert.equal(person(text, 'Henrik Moller')?.role ?? null, 'Danish trade minister')
  assert.equal(person(text, 'Carla Vidal')?.role ?? null, 'city mayor')
  assert.equal(person(text, 'Olga Ferris')?.role ?? null, null)
})

test('a role set before the name between commas is the person\'s; a body\'s possessive before it is not part of it', () => {
  const text =
    'Talks failed on Friday.\n\nThe Italian foreign minister, Luigi Di Maio, said the talks had failed. ' +
    "The company's chief executive, Raj Patel, wrote that it would appeal. Talks went on with Lakeland's harbour master, Ines Varga, who agreed."
  assert.equal(person(text, 'Luigi Di Maio')?.role, 'Italian foreign minister')
  assert.equal(person(text, 'Raj Patel')?.role, 'chief executive')
  assert.deepEqual([person(text, 'Ines Varga')?.role, person(text, 'Ines Varga')?.organisation], ['harbour master', 'Lakeland'])
})

test('a role ending in the next first name of a list belongs to the next person', () => {
  const text = 'Five candidates debated: Harbour Party nominee Dale Ortiz, Coastal Unity Party presidential nominee Brian Amsel, and two others.'
  assert.equal(person(text, 'Dale Ortiz')?.role, 'nominee')
})

test('a pre-modifying role does not reach across a verb or a preposition', () => {
  const text =
    'Reef fish return: Wikinews interviews ecologist Mara Quill\n\nThe station contacted campaign manager Rob Tanner on Monday. ' +
    '"We are tired," wrote student organiser Lee Chang on Twitter. The decision comes after Nora Blythe, a lawyer, filed a complaint.'
  assert.equal(person(text, 'Mara Quill')?.role, 'ecologist')
  assert.equal(person(text, 'Rob Tanner')?.role, 'campaign manager')
  assert.equal(person(text, 'Lee Chang')?.role, 'student organiser')
  assert.equal(person(text, 'Nora Blythe')?.role, 'lawyer')
})

test('"current" says nothing of a role, and a form of address is no part of it', () => {
  const text = 'The vote was counted, according to current president Tomas Ekwueme on Friday.\n\nGeologist Dr Ilse Varro said the rock was old.'
  assert.equal(person(text, 'Tomas Ekwueme')?.role, 'president')
  assert.equal(person(text, 'Ilse Varro')?.role, 'Geologist')
})

test('a body or a thing ending like a role noun is no role', () => {
  const text = 'The vote was close.\n\nSpeaking for the parliament Mirza Hadi wrote on his blog that the count was fair. Under the government Lina Doss said nothing.'
  assert.equal(person(text, 'Mirza Hadi')?.role ?? null, null)
  assert.equal(person(text, 'Lina Doss')?.role ?? null, null)
})

test('a chair is a role, though a "Chair" names a body', () => {
  const text = 'Aid arrived on Monday.\n\nHarbour Red Cross chair Ruth Amsel said more was needed.'
  assert.equal(person(text, 'Ruth Amsel')?.role, 'chair')
})

test("a headline's appositive ends with its line", () => {
  const text = 'Wikinews interviews Dale Ortiz, Harbour Party presidential nominee\n\nProfessor Dale Ortiz of Lakeside answered our questions.'
  assert.equal(person(text, 'Dale Ortiz')?.role, 'Harbour Party presidential nominee')
})
