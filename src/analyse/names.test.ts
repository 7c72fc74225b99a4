/**
 * People's names as the analyser records them: words glued to a name by
 * capitalisation, family names with particles, initials, and an
 * organisation's possessive before a person.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { only } from './testing.js'

function people(text: string): string[] {
  return analyseText(text).entities.filter((e) => e.kind === 'person').map((e) => e.name)
}

test('a sentence adverb opening the sentence is no part of the name after it', () => {
  const text = 'The rally ended at ten. Afterwards Marta Quill said the crowd was the largest yet. Reportedly Quill wanted more.'
  assert.equal(only(analyseText(text), 'the crowd was the largest').speaker?.name, 'Marta Quill')
  assert.deepEqual(people(text), ['Marta Quill'])
  const chan = only(analyseText('The vote was close. Finally Chan said the count was over.'), 'the count was over')
  assert.equal(chan.speaker?.name, 'Chan')
  // First names and family names ending like adverbs stay: "Emily", "Kelly", "Bradley", "Anatoly", "Edwards".
  const names = 'The vote was close. Emily Rourke said it was fair. Kelly Dunn agreed. Bradley Cooper left. Anatoly Karpov stayed. Edwards Fenn wrote.'
  assert.deepEqual(people(names), ['Emily Rourke', 'Kelly Dunn', 'Bradley Cooper', 'Anatoly Karpov', 'Edwards Fenn'])
})

test('a family name with its particles is the person named in full', () => {
  const text =
    'Gloria La Riva and Roque De La Fuente spoke in Denver on Monday. La Riva said the campaign would visit every state. ' +
    'De La Fuente said he would match her. Di Maio said nothing.'
  const a = analyseText(text)
  assert.equal(only(a, 'the campaign would visit').speaker?.name, 'Gloria La Riva')
  assert.equal(only(a, 'he would match her').speaker?.name, 'Roque De La Fuente')
  // Before the full name too ("La Riva" in a headline); a particle name nobody carries in full stays as written.
  assert.equal(only(analyseText('La Riva said the count was wrong. Gloria La Riva is a candidate.'), 'the count was wrong').speaker?.name, 'Gloria La Riva')
  assert.deepEqual(people(text).sort(), ['Di Maio', 'Gloria La Riva', 'Roque De La Fuente'])
})

test('an organisation’s possessive before a person: the person speaks, for that organisation', () => {
  const q = only(analyseText('Greenfield Bank’s Maria Lopez said the rates would stay low until spring.'), 'the rates would stay low')
  assert.deepEqual([q.speaker?.name, q.speaker?.kind, q.speaker?.organisation], ['Maria Lopez', 'person', 'Greenfield Bank'])
  const e = analyseText('Rates fell. Greenfield Bank’s Maria Lopez was not surprised.').entities.find((x) => x.name === 'Maria Lopez')
  assert.equal(e?.organisation, 'Greenfield Bank')
  // A body of the organisation, not a person, still speaks as an organisation.
  const fund = only(analyseText('Greenfield Bank’s Maple Fund said the rates would stay low until spring.'), 'the rates would stay low')
  assert.equal(fund.speaker?.kind, 'organisation')
})

test('an interview label of initials is the one person with those initials', () => {
  const interview = (intro: string) =>
    `${intro}\n\nQ: Why penguins?\n\nNG: They are the best indicator of ocean health we have.\n\nQ: What next?\n\nNG: More fieldwork in Namibia next year.`
  for (const intro of ['We spoke to biologist Natasha Gownaris about penguins.', 'Natasha Gownaris (NG) studies seabirds at Gettysburg College.']) {
    const a = analyseText(interview(intro))
    assert.equal(only(a, 'They are the best indicator').speaker?.name, 'Natasha Gownaris', intro)
    assert.equal(only(a, 'More fieldwork').speaker?.entityId, a.entities.find((e) => e.name === 'Natasha Gownaris')?.id)
  }
  // Two people with those initials: the label names neither.
  const two = analyseText(interview('We spoke to biologist Natasha Gownaris and her colleague Nick Green about penguins.'))
  assert.equal(only(two, 'They are the best indicator').speaker?.name, 'Ng')
})

test('a person’s initials written later are not that person ("US" after "Uma Smith"); an organisation’s are', () => {
  const text =
    'Trade talks resume\n\nUma Smith leads the delegation for the Harbour Development Agency.\n\n' +
    'The US economy grew by 2 percent, officials said. HDA officials said the deal was close.'
  const a = analyseText(text)
  assert.equal(a.entities.find((e) => e.name === 'Uma Smith')?.mentions.length, 1)
  assert.equal(a.entities.find((e) => e.name === 'Harbour Development Agency')?.mentions.length, 2)
})
