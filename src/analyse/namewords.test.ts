import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'

const people = (text: string) => analyseText(text).entities.filter((e) => e.kind === 'person').map((e) => e.name).sort()

test('a prefixed role word or an age opening a sentence is not part of the name', () => {
  const text =
    'The coating repels water.\n\nCo-inventor Shu Feng recounted the first test. Twelve-year-old Wren, who was on the bus, said it shook.'
  assert.deepEqual(people(text), ['Shu Feng'])
})

test('a capitalised role ending a title is not part of the name, and alone it is no one', () => {
  const text =
    'Trains run on time, says Kerala Divisional Signal Manager\n\n' +
    'Kerala Divisional Signal Manager Leela Menon told reporters the line would reopen. "We are ready," Menon said.'
  assert.deepEqual(people(text), ['Leela Menon'])
})

test('a country that ends a title is not part of the name', () => {
  const text = 'Reform bill\n\nOn Monday, President of Paraguay Evaristo Mendaña announced the bill.'
  assert.deepEqual(people(text), ['Evaristo Mendaña'])
})

test('"Jr." ends a name: what follows it is no person', () => {
  const text = 'Starting in 1970, he spent ten years campaigning for Martin Luther King Jr. Day to be a holiday; Governor Ann Lee signed the bill.'
  assert.deepEqual(people(text), ['Ann Lee'])
})

test('a body of the public services is an organisation', () => {
  const text = 'Boats searched the bay.\n\nThe Harbour Guard said on Sunday that two sailors were missing.'
  assert.equal(analyseText(text).entities.find((e) => e.name === 'Harbour Guard')?.kind, 'organisation')
})

test('a title ending in a body of the services opens no name', () => {
  const text = 'Drills began.\n\nThe Coastal Revolutionary Guard Naval Corps said the drills would last a week.'
  assert.deepEqual(people(text), [])
})

test('a compound role word or a party before a name is its title', () => {
  const text = 'The vote passed.\n\nNewly elected Assemblywoman Odile Varga said it was historic. Democrat Chuck Tamsin agreed.'
  assert.deepEqual(people(text), ['Chuck Tamsin', 'Odile Varga'])
  const varga = analyseText(text).entities.find((e) => e.name === 'Odile Varga')
  assert.equal(varga?.role, 'Assemblywoman')
})

test('after a title and "of", the words before the given name end the title; a title alone is no one', () => {
  const text = 'Current Director of Coastal Intelligence John Ferris said the report was false.'
  assert.deepEqual(people(text), ['John Ferris'])
  assert.equal(analyseText(text).entities.find((e) => e.name === 'John Ferris')?.role, 'Director of Coastal Intelligence')
})

test('an occupation before a name whose family name the text uses alone is a title', () => {
  const text = 'The trial opened.\n\nThe charges were read. Podcaster Vasyl Hrytsak said he would appeal. Hrytsak spoke for an hour.'
  assert.deepEqual(people(text), ['Vasyl Hrytsak'])
  const firm = 'Sales rose. Webber & Lamb said sales grew. Lamb has stores.'
  assert.ok(analyseText(firm).entities.some((e) => e.name === 'Webber & Lamb'))
})

test('after "Secretary of", one word ends the title before a two-word name with no known given name', () => {
  const text = 'The count was slow. Ohio Secretary of State Torvald Brennick said the ballots were safe. The mayor of New York City agreed.'
  assert.deepEqual(people(text), ['Torvald Brennick'])
  assert.equal(analyseText(text).entities.find((e) => e.name === 'Torvald Brennick')?.role, 'Secretary of State')
})
