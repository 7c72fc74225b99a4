import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { only, span } from './testing.js'

// Chants, songs and demands: cues only when set right against a quotation (against.ts).

test('a chant or a song set right against its quotation is attributed to its singers', () => {
  const text = 'The mayor lifted the curfew on Sunday.\n\nMarchers crossing the old bridge chanted "Open the gates!" until dawn.\n\nThe choir of St. Jude, standing on the steps, was singing, “We shall not be moved.”'
  const a = analyseText(text)
  const chant = only(a, 'Open the gates')
  assert.equal(span(text, chant.cue), 'chanted')
  assert.equal(span(text, chant.speakerMention), 'Marchers')
  assert.equal(span(text, only(a, 'We shall not be moved').speakerMention), 'The choir of St. Jude')
})

test('"“…?” Vitter demanded." attributes the question to the one who demanded it', () => {
  const text = '“Every time you say that, you help them,” Tessa Moreau said.\n\n“Why is this not proof that the bank is too big to manage?” Dale Pruitt demanded.'
  const q = only(analyseText(text), 'Why is this not proof')
  assert.equal(span(text, q.cue), 'demanded')
  assert.equal(q.speaker?.name, 'Dale Pruitt')
})

test('sang and demanded report nothing away from a quotation', () => {
  const text = 'Lena Ortiz sang the praises of the new stadium at length.\n\nThe union demanded a recount of the ballots cast on Friday.'
  assert.equal(analyseText(text).quotes.length, 0)
})

// A cue right after a quotation's subject ("“…,” the guild wrote") attributes it before any earlier cue of the sentence.

test('"“…,” the guild wrote" beats a cue earlier in the sentence', () => {
  const text = 'The statement also praised the change it said Ruiz would bring to the office: “Our members have waited long enough for a voice like hers,” the guild wrote.'
  const q = only(analyseText(text), 'Our members have waited')
  assert.equal(span(text, q.cue), 'wrote')
  assert.equal(span(text, q.speakerMention), 'the guild')
})

test('a quotation that does not close with a comma keeps the cue before it', () => {
  const text = 'Ana Ruiz told reporters the law was “a disgrace to the state and to everyone in it” and the council agreed.'
  assert.equal(only(analyseText(text), 'the law was').speaker?.name, 'Ana Ruiz')
})

// A person opening a sentence after a fronted adverbial (even one with a quoted title) takes the floor from the last speaker.

test('"On “Meet the Press,” Sen. Ada Lind … “…”": the quotation is hers, shown on her name', () => {
  const text = '“We will see,” Rob Kent said on Sunday.\n\nOn “Meet the Press,” Sen. Ada Lind, who lost the primary to Kent, named fatigue as a reason. “Young voters are sick and tired of it.”'
  const q = only(analyseText(text), 'Young voters are sick')
  assert.equal(q.speaker?.name, 'Ada Lind')
  assert.match(span(text, q.speakerMention) ?? '', /Ada Lind/)
})

test('a sentence opening with a thing, not a person, leaves the quotation to the last speaker', () => {
  const text = '“We will see,” Rob Kent said on Sunday.\n\nOn “Meet the Press,” the debate turned to fatigue. “Young voters are sick and tired of it.”'
  assert.equal(only(analyseText(text), 'Young voters are sick').speaker?.name, 'Rob Kent')
})

// A lead-in paragraph ending in a colon with no cue verb names the person it opens with.

test('"On May 3, 2014, Pruitt made the following comment:" gives the next paragraph\'s quotation to Pruitt', () => {
  const text = 'Dale Pruitt has run the county board since 2010.\n\nOn May 3, 2014, Pruitt made the following comment:\n\n“For young families who rent, the tax rate is 33 percent higher than for owners.”'
  const q = only(analyseText(text), 'For young families')
  assert.equal(span(text, q.speakerMention), 'Pruitt')
  assert.equal(q.speaker?.name, 'Dale Pruitt')
})

test('a lead-in that opens with no person gives no speaker mention', () => {
  const text = 'On May 3, 2014, the board made the following change:\n\n“Every tenant must register with the county before the first of June.”'
  assert.equal(only(analyseText(text), 'Every tenant').speakerMention, null)
})

// A quotation set off by dashes right after a person's name (dashed.ts).

test('"including Dale Pruitt -- “…” -- and …": the quotation is Pruitt\'s, not the sentence subject\'s', () => {
  const text = 'Dale Pruitt chairs the county board.\n\nA group of prominent landlords has said the same thing, including Dale Pruitt -- "It is wrong for a county to tax renters twice for the same road" -- and Ana Ruiz.'
  const q = only(analyseText(text), 'It is wrong for a county')
  assert.equal(span(text, q.speakerMention), 'Dale Pruitt')
})

test('a quotation between dashes after a common noun is no one\'s', () => {
  const text = 'The sign on the road -- "It is wrong for a county to tax renters twice" -- stayed up for a week.'
  assert.equal(analyseText(text).quotes.some((q) => q.speaker !== null), false)
})

// "said 9/11 widow Terry Strada": a number opening the role after the cue.

test('"“…,” said 9/11 widow Ana Ruiz" names Ana Ruiz, not the last speaker', () => {
  const text = 'Many families disagree, many of whom say the claims are unfounded.\n\n“The reasons for the veto do not hold weight,” said 9/11 widow Ana Ruiz.'
  const q = only(analyseText(text), 'The reasons for the veto')
  assert.equal(span(text, q.cue), 'said')
  assert.equal(q.speaker?.name, 'Ana Ruiz')
})

test('"said 2 percent …" after a quotation names no one', () => {
  const text = '“Rates are rising,” said 2 percent of the members who answered the survey.'
  assert.notEqual(only(analyseText(text), 'Rates are rising').speaker?.kind, 'person')
})

test('"“A,” Lena sings to the crowd before asking them, “B”": both lines are the singer\'s', () => {
  const text = '“Keep your lanterns lit,” Lena Ortiz sings to the crowd before asking them, “Where do we go from here?”'
  const a = analyseText(text)
  assert.equal(only(a, 'Keep your lanterns lit').speaker?.name, 'Lena Ortiz')
  assert.equal(only(a, 'Where do we go from here').speaker?.name, 'Lena Ortiz')
})

test('a song verb far from any quotation is no cue', () => {
  const text = '“Keep your lanterns lit” was the motto of the old mill, where Lena Ortiz later sang in the choir for many years.'
  assert.equal(analyseText(text).quotes.some((q) => q.speaker?.name === 'Lena Ortiz'), false)
})
