import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'

const kindOf = (text: string, name: string) => analyseText(text).entities.find((e) => e.name === name)?.kind
const speakers = (text: string) => analyseText(text).quotes.map((q) => `${q.speaker?.kind}:${q.speaker?.name}`)

test("an outlet's masthead, a web address or an ampersand names an organisation", () => {
  const text =
    'The dam held.\n\nThe Lakeside Herald reported on Monday that the water was falling, and the Norfield Sun said the same. ' +
    'Nowosti.ru claimed the dam was old. KL&P stated it would inspect the dam.'
  assert.equal(kindOf(text, 'Norfield Sun'), 'organisation')
  assert.deepEqual(speakers(text).filter((s) => s.includes('Nowosti') || s.includes('KL&P')).map((s) => s.split(':')[0]), ['organisation', 'organisation'])
})

test('a plural head names a body, not a person', () => {
  const text = 'Voting ends in March, according to the National Conference of Rural Legislatures.'
  assert.notEqual(kindOf(text, 'Rural Legislatures'), 'person')
})

test('a name written "the X" with no noun after it is an organisation', () => {
  const text =
    'The ferry sank on Sunday.\n\nRescuers reached the ship at dawn, according to the Marlow Rescue. ' +
    'The Obama administration had warned of the risk, the Marlow Rescue said.'
  assert.equal(kindOf(text, 'Marlow Rescue'), 'organisation')
})

test('a group called X is an organisation, not a person', () => {
  const text = 'Two workers who belong to a collective called "Sahaya Kendra" spoke of the lockdown.\n\nSahaya Kendra said the rent was due.'
  assert.equal(kindOf(text, 'Sahaya Kendra'), 'organisation')
})

test('a name that only reports, with no role and no family name alone, is an outlet', () => {
  const text = 'Floods closed the roads.\n\nTiro Nkosi reported that the river had burst its banks.'
  assert.equal(kindOf(text, 'Tiro Nkosi'), 'organisation')
  const reporter = 'Floods closed the roads.\n\nTiro Nkosi reported that the river had burst its banks. Nkosi said it rose fast.'
  assert.equal(kindOf(reporter, 'Tiro Nkosi'), 'person')
})

test("a news agency's word in another language, or a name qualifying a reporter, makes an outlet", () => {
  const text =
    'The port reopened.\n\nThe minister told Agence Lusa-Presse that ships were moving.'
  assert.equal(kindOf(text, 'Agence Lusa-Presse'), 'organisation')
  const modifier = 'The port reopened.\n\nA Kwame Mensah reporter in Accra said the cranes were idle.'
  assert.equal(kindOf(modifier, 'Kwame Mensah'), 'organisation')
})

test('a name ending in "International" or "Worldwide" is a body', () => {
  const text = 'The trial opened.\n\nClemency International has called for a fair hearing, and Harbour Worldwide said the same.'
  assert.equal(kindOf(text, 'Clemency International'), 'organisation')
  assert.equal(kindOf(text, 'Harbour Worldwide'), 'organisation')
})

test('a name described as a body is the body, and a member of a body stays a person', () => {
  const text =
    'The paper closed.\n\nVarga Hirlap, a Hungarian daily newspaper, reported the sale. Kestrel Air, an Iranian airline, said flights stopped. ' +
    'Paul Amsel, a member of the band, said it was sad. Romanian daily newspaper Ziarul Nou said so too.'
  assert.equal(kindOf(text, 'Varga Hirlap'), 'organisation')
  assert.equal(kindOf(text, 'Ziarul Nou'), 'organisation')
  assert.equal(kindOf(text, 'Kestrel Air'), 'organisation')
  assert.equal(kindOf(text, 'Paul Amsel'), 'person')
})

test('a subject that the next sentence takes up as "it" speaking is a body', () => {
  const text = 'The bridge closed.\n\nMarlow Kestrel warned of delays on Monday. It said repairs would take a month.'
  assert.equal(kindOf(text, 'Marlow Kestrel'), 'organisation')
  const person = 'The bridge closed.\n\nMarlow Kestrel warned of delays on Monday. It was raining.'
  assert.equal(kindOf(person, 'Marlow Kestrel'), 'person')
})

test('a speaker no entity stands for, named like a place, speaks as a body', () => {
  const text = "Scientists studying patients in Zhuhai in Freedonia's Kestrel Province reported that the virus spread."
  assert.deepEqual(speakers(text), ["organisation:Freedonia's Kestrel Province"])
})

test("a person named after a body's name and a title speaks, not the body", () => {
  const text = 'Power returned.\n\nIn a letter, KL&P President and CEO Andy Vesey said the firm was installing poles.'
  assert.deepEqual(speakers(text), ['person:Andy Vesey'])
})

test('"the X" before a noun in -ing and its noun uses the name as a modifier', () => {
  const text = 'Penguins return.\n\nChicks were banded at the Punta Verde breeding site. The Coast Watch seeking answers said the birds left.'
  assert.notEqual(kindOf(text, 'Punta Verde'), 'organisation')
  assert.equal(kindOf(text, 'Coast Watch'), 'organisation')
})

test('a name ending in "Commons" is a body or a collection, never a person', () => {
  const text = 'The photos come from Harbourside Commons. Members of the House of Commons debated the bill.'
  const kinds = analyseText(text).entities.map((e) => [e.name, e.kind])
  assert.deepEqual(kinds.filter(([, kind]) => kind === 'person'), [])
  assert.ok(kinds.some(([name, kind]) => name === 'Harbourside Commons' && kind === 'organisation'), JSON.stringify(kinds))
})

test('well-known firms and outlets named like a person are organisations', () => {
  for (const name of ['Goldman Sachs', 'Morgan Stanley', 'Wells Fargo', 'Al Jazeera']) {
    const a = analyseText(`${name} said the talks had collapsed.`)
    assert.equal(a.quotes[0]?.speaker?.kind, 'organisation', name)
  }
  assert.equal(analyseText('Lloyd Austin said the talks had collapsed.').quotes[0]?.speaker?.kind, 'person')
})

test('"Bank raises rates" in a title names no bank: "the bank" later is the bank described, or the one named', () => {
  const unnamed = analyseText('Bank raises rates again\n\nRates rose on Thursday.\n\nThe bank said inflation was still too high.')
  assert.equal(unnamed.quotes[0]?.speaker?.name, 'The bank')
  assert.ok(!unnamed.entities.some((e) => e.name === 'Bank'))
  const named = analyseText('Bank raises rates again\n\nThe Harbour Bank raised its main rate on Thursday.\n\nThe bank said inflation was still too high.')
  assert.equal(named.quotes[0]?.speaker?.name, 'the Harbour Bank')
})
