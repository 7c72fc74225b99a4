import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isHonorific, matchPerson, personKey, type KnownPerson } from './people.js'

test('personKey merges spelling variants, accents and honorifics', () => {
  assert.equal(personKey('Kim Jong-un'), personKey('Kim Jong Un'))
  assert.equal(personKey('KIM JONG UN'), 'kim jong un')
  assert.equal(personKey('José Álvarez'), 'jose alvarez')
  assert.equal(personKey('Dr. Jane Doe'), 'jane doe')
  assert.equal(personKey('President Donald Trump'), personKey('Donald Trump'))
  assert.equal(personKey('Trump’s'), 'trump')
  assert.notEqual(personKey('Ellen Kim'), personKey('Kim Jong Un'))
})

const chan: KnownPerson = {
  id: 'p1', name: 'Jeremy Chan', aliases: [], roles: ['senior analyst'], organisations: ['Eurasia Group'], coMentions: ['Kim Jong Un', 'Donald Trump'],
}
const chanChef: KnownPerson = {
  id: 'p2', name: 'Jeremy Chan', aliases: [], roles: ['chef'], organisations: ['Golden Dragon'], coMentions: ['Gordon Ramsay'],
}
const kim: KnownPerson = { id: 'p3', name: 'Kim Jong Un', aliases: ['Kim Jong-il'], roles: ['leader'], organisations: [], coMentions: [] }

test('matchPerson merges spelling variants of one person', () => {
  assert.equal(matchPerson({ name: 'Kim Jong-un', role: null, organisation: null, coMentions: [] }, [kim]), 'p3')
  assert.equal(matchPerson({ name: 'Jeremy Chan', role: 'analyst', organisation: 'Eurasia Group', coMentions: [] }, [chan]), 'p1')
})

test('matchPerson keeps namesakes apart by organisation, role and co-mentions', () => {
  const analyst = { name: 'Jeremy Chan', role: 'senior analyst', organisation: 'the Eurasia Group', coMentions: ['Kim Jong Un'] }
  const chef = { name: 'Jeremy Chan', role: 'head chef', organisation: 'Golden Dragon', coMentions: [] }
  assert.equal(matchPerson(analyst, [chan, chanChef]), 'p1')
  assert.equal(matchPerson(chef, [chan, chanChef]), 'p2')
  // Same name, another organisation and nobody in common: a different person.
  assert.equal(matchPerson({ name: 'Jeremy Chan', role: 'professor', organisation: 'McGill University', coMentions: [] }, [chan]), null)
  // Several namesakes and no evidence: do not guess.
  assert.equal(matchPerson({ name: 'Jeremy Chan', role: null, organisation: null, coMentions: [] }, [chan, chanChef]), null)
})

test('matchPerson returns null for unknown names', () => {
  assert.equal(matchPerson({ name: 'Ellen Kim', role: null, organisation: null, coMentions: [] }, [kim, chan]), null)
})

test('an organisation and its adjective are not a contradiction (Russia / Russian)', () => {
  const known = [{ id: 'p1', name: 'Vladimir Putin', aliases: [], roles: ['President'], organisations: ['Russia'], coMentions: [] }]
  assert.equal(matchPerson({ name: 'Vladimir Putin', role: 'President', organisation: 'Russian', coMentions: [] }, known), 'p1')
  assert.equal(matchPerson({ name: 'Vladimir Putin', role: null, organisation: 'Acme Brewing', coMentions: [] }, known), null)
})

test('personKey takes letters that decomposition leaves alone for their plain forms', () => {
  assert.equal(personKey('Jarosław Kaczyński'), 'jaroslaw kaczynski')
  assert.equal(personKey('Søren Kierkegaard'), personKey('Soren Kierkegaard'))
  assert.equal(personKey('Ægir Straße'), 'aegir strasse')
})

test('a form of address is no role', () => {
  assert.equal(isHonorific('Mr.'), true)
  assert.equal(isHonorific('Dr'), true)
  assert.equal(isHonorific('President'), false)
  assert.equal(isHonorific('senior analyst'), false)
})
