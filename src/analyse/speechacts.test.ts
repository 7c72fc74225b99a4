/**
 * Speech acts reported by their object (third pass, issue #4): each test is
 * a small hand-written text for one construction.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Analysis, Quote } from '../domain/index.js'
import { analyseText } from './index.js'

const span = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null)

function withCue(text: string, a: Analysis, cue: string): Quote | undefined {
  return a.quotes.find((q) => span(text, q.cue) === cue)
}

function only(text: string, cue: string): Quote {
  const a = analyseText(text)
  const q = withCue(text, a, cue)
  assert.ok(q, `no quote with cue "${cue}" in ${JSON.stringify(a.quotes.map((x) => [span(text, x.cue), x.text]))}`)
  return q
}

test('"called for" reports its object as an indirect quote, the particle in the cue', () => {
  const text = 'Councillor Maren Holt called for an independent review of the ferry contract.'
  const q = only(text, 'called for')
  assert.equal(q.kind, 'indirect')
  assert.equal(q.text, 'an independent review of the ferry contract')
  assert.equal(q.speaker?.name, 'Maren Holt')
})

test('a single-name object is the content; the trailing time is the reporter’s', () => {
  const text = 'Former mayor Ilse Varga endorsed Okafor last week.'
  const q = only(text, 'endorsed')
  assert.equal(q.text, 'Okafor')
  assert.equal(q.speaker?.name, 'Ilse Varga')
})

test('the object stops at a clause break and a place of speaking is left out', () => {
  const text = 'Tomas Reyes criticized the budget cuts at a town hall, saying they would close two libraries.'
  assert.equal(only(text, 'criticized').text, 'the budget cuts')
})

test('"called on X to …" and "urged X to …" keep the appeal', () => {
  const text = 'Senator Ruth Okonkwo called on the minister to resign over the flooding.'
  assert.equal(only(text, 'called on').text, 'the minister to resign over the flooding')
})

test('a pronoun speaker of a speech act resolves like any other', () => {
  const text = 'Hana Seidel, the city’s transport director, said the line would open in May. She praised the new tram line and its designers.'
  const q = only(text, 'praised')
  assert.equal(q.text, 'the new tram line and its designers')
  assert.equal(q.speaker?.name, 'Hana Seidel')
  assert.equal(span(text, q.speakerMention), 'She')
})

test('a passive speech act has no speaker to report', () => {
  const text = 'The driver Pavel Kron was criticized for the delay by several passengers.'
  assert.equal(withCue(text, analyseText(text), 'criticized'), undefined)
})

test('intentions stay out: "pledged to …" is no quote', () => {
  const text = 'Governor Aldo Ferri has pledged to build a new hospital in the valley.'
  assert.equal(withCue(text, analyseText(text), 'pledged'), undefined)
})

test('"called" without its particle is no speech act, and "calls" as a noun names no speaker', () => {
  const text = 'Lawyers for Dana Moss called Ivo Petrov as a witness. Their phone calls on Sunday went unanswered.'
  assert.deepEqual(analyseText(text).quotes, [])
})

test('a speech act’s participle after a comma speaks for the sentence’s subject', () => {
  const text = 'Mayor Jonas Berg visited the flooded district on Monday, calling for a full inquiry into the dam repairs.'
  const q = only(text, 'calling for')
  assert.equal(q.text, 'a full inquiry into the dam repairs')
  assert.equal(q.speaker?.name, 'Jonas Berg')
})

test('"called him a …" gives the name he was called; a quoted name comes with the one named', () => {
  const text = 'Councillor Ada Brink called him a reckless spender. Later she called the plan “a fantasy.”'
  assert.equal(only(text, 'called').text, 'a reckless spender')
  const a = analyseText(text)
  assert.ok(a.quotes.some((q) => q.kind === 'mixed' && q.text === 'the plan “a fantasy.”'))
})

test('"described herself as …": the description is the content', () => {
  const text = 'Nadia Kell described herself as a lifelong supporter of public transit.'
  assert.equal(only(text, 'described').text, 'a lifelong supporter of public transit')
})

test('"cited" reports only as a participle', () => {
  const finite = 'Olga Marsh cited the rising cost of housing.'
  assert.equal(withCue(finite, analyseText(finite), 'cited'), undefined)
  const participle = 'Mayor Olga Marsh defended the budget on Monday, citing the rising cost of housing.'
  assert.equal(only(participle, 'citing').text, 'the rising cost of housing')
  assert.equal(only(participle, 'defended').text, 'the budget')
})

test('"mentioned" and "echoed" report their object', () => {
  const text =
    'During the debate, Councillor Maren Holt mentioned the unpaid invoices of the ferry contract. ' +
    'Mayor Ilse Varga echoed statements by the harbour master that the pier was unsafe.'
  assert.equal(only(text, 'mentioned').speaker?.name, 'Maren Holt')
  assert.equal(only(text, 'mentioned').text, 'the unpaid invoices of the ferry contract')
  assert.match(only(text, 'echoed').text, /^statements by the harbour master/)
})

test('"cited X as Y" reports the argument; a bare "cited X" names a source only', () => {
  const text = 'Councillor Ines Marku cited the flooding in April as the reason for the new levy.'
  const q = only(text, 'cited')
  assert.equal(q.text, 'the flooding in April as the reason for the new levy')
  assert.equal(q.speaker?.name, 'Ines Marku')
  const bare = 'Councillor Ines Marku cited a report from the harbour authority.'
  assert.equal(withCue(bare, analyseText(bare), 'cited'), undefined)
})

test('"called X a Y" with a longer object reports the object and the name given to it', () => {
  const text = 'Senator Aldo Brunner called the new toll on the harbour bridge a tax on commuters.'
  const q = only(text, 'called')
  assert.equal(q.text, 'the new toll on the harbour bridge a tax on commuters')
  assert.equal(q.speaker?.name, 'Aldo Brunner')
  const time = 'Aldo Brunner called the harbour office a few minutes later.'
  assert.equal(withCue(time, analyseText(time), 'called'), undefined)
  const phrasal = 'Aldo Brunner called out the distance between a truck and the sign.'
  assert.equal(withCue(phrasal, analyseText(phrasal), 'called'), undefined)
})

test('"vowed to …" reports the infinitive; after a quotation a vowing participle is the reporter’s gloss', () => {
  const text = 'Mayor Lena Dahl vowed to reopen the public pool on Elm Street.'
  const q = only(text, 'vowed')
  assert.equal(q.text, 'to reopen the public pool on Elm Street')
  assert.equal(q.speaker?.name, 'Lena Dahl')
  const after = '“We will not give up,” said Lena Dahl, the mayor, vowing to reopen the pool.'
  assert.equal(withCue(after, analyseText(after), 'vowing'), undefined)
})

test('"noted X" reports its object; a passive "was noted" has no speaker', () => {
  const text = 'Inspector Goran Vidal noted the missing railing on the east stairs.'
  const q = only(text, 'noted')
  assert.equal(q.text, 'the missing railing on the east stairs')
  assert.equal(q.speaker?.name, 'Goran Vidal')
  const passive = 'The missing railing was noted by several visitors.'
  assert.equal(withCue(passive, analyseText(passive), 'noted'), undefined)
})

test('a speech act’s object leaves out the month it was made in', () => {
  const text = 'The dockworkers’ union endorsed Ines Varga in July.'
  assert.equal(only(text, 'endorsed').text, 'Ines Varga')
})

test('"spoke of" and "has spoken about" report their object, the particle in the cue', () => {
  const text = 'Councillor Maren Holt spoke of the need for a second ferry across the bay. Ines Ruiz has spoken about the cost of the new pier.'
  const a = analyseText(text)
  const q = only(text, 'spoke of')
  assert.equal(q.text, 'the need for a second ferry across the bay')
  assert.equal(q.speaker?.name, 'Maren Holt')
  assert.ok(withCue(text, a, 'spoken about'))
})

test('"spoke to reporters" and "spoke about it" report nothing', () => {
  const text = 'Councillor Maren Holt spoke to reporters outside the town hall on Tuesday. Later she spoke about it again.'
  assert.equal(analyseText(text).quotes.length, 0)
})

test('a relative clause with its own verb on a speech act’s object goes on with it; one naming a speaker does not', () => {
  const text = 'Mayor Ines Varga called for a new ferry levy, which would fund two extra crossings a day.'
  assert.equal(only(text, 'called for').text, 'a new ferry levy, which would fund two extra crossings a day')
  const other = 'Mayor Ines Varga praised the harbour board, which she said had saved the port.'
  assert.equal(only(other, 'praised').text, 'the harbour board')
})

test('a participle with no object is a passive: "the captain accused of …", "the levies proposed during …" report nothing', () => {
  const text =
    'The ferry captain accused of negligence will appear in court on Monday. ' +
    'The harbour levies proposed during the last council term were never collected. ' +
    'Councillor Maren Holt accused the board of hiding the repair bills.'
  const a = analyseText(text)
  assert.equal(a.quotes.find((q) => q.text.startsWith('of negligence')), undefined)
  assert.equal(withCue(text, a, 'proposed'), undefined)
  assert.equal(only(text, 'accused').text, 'the board of hiding the repair bills')
})

test('a restrictive relative clause (no comma) is part of a speech act’s object: "praised the crews who worked …"', () => {
  const text = 'Mayor Ines Varga praised the ferry crews who worked through the storm without pay.'
  assert.equal(only(text, 'praised').text, 'the ferry crews who worked through the storm without pay')
  const aside = 'Mayor Ines Varga praised the ferry crews, who worked through the storm.'
  assert.equal(only(aside, 'praised').text, 'the ferry crews')
})

test('"as" with a name or pronoun and its verb after a speech act’s object sets the scene; "as" with a description is the object’s', () => {
  assert.equal(only('The harbour board condemned the latest strike as Northline cancelled six crossings.', 'condemned').text, 'the latest strike')
  assert.equal(only('Councillor Maren Holt dismissed the audit as a waste of money.', 'dismissed').text, 'the audit as a waste of money')
})

test('"is promising" with an object is a promise, though the tagger reads an adjective; "is promising." is not', () => {
  const text = 'Mayor Jonas Berg is promising cheaper ferry tickets and a new pier.'
  assert.equal(only(text, 'is promising').text, 'cheaper ferry tickets and a new pier')
  assert.deepEqual(analyseText('The early harvest is promising for the valley farmers.').quotes, [])
})

test('"has articulated these themes" is a speech act; "was clearly articulated" in the passive names no speaker', () => {
  const text = 'Mayor Ann Ruiz has articulated these ideas before, most notably at the harbour forum.'
  assert.equal(only(text, 'articulated').text, 'these ideas')
  assert.deepEqual(analyseText('The harbour plan was clearly articulated.').quotes, [])
})

test('a present-tense act the tagger reads as a noun is a verb between its subject and its object', () => {
  const text = 'Senator Ann Ruiz questions the wisdom of building the dam.'
  assert.equal(only(text, 'questions').text, 'the wisdom of building the dam')
  const group = 'Some farmers, however, question the wisdom of building the dam.'
  assert.equal(only(group, 'question').text, 'the wisdom of building the dam')
  // After a verb the noun opens a relative clause: "questions [that] the reporters asked".
  assert.deepEqual(analyseText('She answered questions the reporters asked about the dam.').quotes, [])
})

test('"speaks more frequently in public about X", "talked about so many of …": more words before the particle, a quantity opening the object', () => {
  const text = 'Mayor Ann Ruiz speaks more frequently in public about housing than about crime.'
  assert.equal(only(text, 'speaks more frequently in public about').text, 'housing than about crime')
  const many = 'Mayor Ann Ruiz had talked about so many of the harbour plans before.'
  assert.equal(only(many, 'talked about').text, 'so many of the harbour plans')
  // A place between the verb and its particle is no adverb: nothing is reported.
  assert.deepEqual(analyseText('Mayor Ann Ruiz spoke in Ohio about housing.').quotes, [])
})
