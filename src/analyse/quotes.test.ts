import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'


test('direct quote with "said X" after it, curly marks', () => {
  const text = 'Maria Lopez, a senior economist at the Bank of Canada, spoke on Monday.\n\n“Rates will stay high for a while,” said Lopez.'
  const a = analyseText(text)
  const q = only(a, 'Rates will stay high')
  assert.equal(q.kind, 'direct')
  assert.equal(span(text, q.cue), 'said')
  assert.equal(span(text, q.speakerMention), 'Lopez')
  assert.equal(q.speaker?.name, 'Maria Lopez')
  assert.equal(q.speaker?.role, 'senior economist')
  assert.equal(q.speaker?.organisation, 'Bank of Canada')
})

test('direct quote with straight marks and "X told Y"; the outlet is not the speaker', () => {
  const text = '"We will appeal the ruling," Tom Baker told the Daily Planet.'
  const a = analyseText(text, { publisher: 'Daily Planet' })
  const q = only(a, 'We will appeal')
  assert.equal(q.speaker?.name, 'Tom Baker')
  assert.equal(span(text, q.cue), 'told')
})

test('colon introduction, guillemets and low-high German marks', () => {
  const text = 'Anna Weber said: «The vote was fair and the count was clean.»\n\nKarl Braun replied: „We will check every ballot again.“'
  const a = analyseText(text)
  assert.equal(only(a, 'The vote was fair').speaker?.name, 'Anna Weber')
  assert.equal(only(a, 'We will check every ballot').speaker?.name, 'Karl Braun')
})

test('pre-modifier role and organisation: "RAND analyst Bruce Bennet"', () => {
  const text = 'RAND analyst Bruce Bennet has studied the talks.\n\n“It will not be easy,” Bennet said.'
  const q = only(analyseText(text), 'It will not be easy')
  assert.equal(q.speaker?.name, 'Bruce Bennet')
  assert.equal(q.speaker?.role, 'analyst')
  assert.equal(q.speaker?.organisation, 'RAND')
})

test('pronoun resolves to the nearest compatible person, honouring gender', () => {
  const text = 'Mr. David Okafor met Ms. Helen Park on Tuesday. Park has led the union since 2015.\n\n“We are not going anywhere,” she said.'
  const q = only(analyseText(text), 'We are not going anywhere')
  assert.equal(span(text, q.speakerMention), 'she')
  assert.equal(q.speaker?.name, 'Helen Park')
})

test('a title resolves to the person it names', () => {
  const text = 'Jeremy Chan, a senior analyst with the Eurasia Group, has followed Pyongyang for years.\n\n“Kim holds more cards now,” the analyst said.'
  const q = only(analyseText(text), 'Kim holds more cards')
  assert.equal(q.speaker?.name, 'Jeremy Chan')
})

test('continuation quotes: the previous speaker carries over, within and across paragraphs', () => {
  const text = '“The river rose fast,” said Ken Ito, the mayor. “We moved everyone out by noon.”\n\n“Nobody was hurt.”'
  const a = analyseText(text)
  const second = only(a, 'We moved everyone out')
  const third = only(a, 'Nobody was hurt')
  assert.equal(second.speaker?.name, 'Ken Ito')
  assert.equal(third.speaker?.name, 'Ken Ito')
  assert.equal(third.continuation, true)
  // A continuation points at the mention of the quote it continues.
  assert.equal(span(text, third.speakerMention), 'Ken Ito')
})

test('a quote interrupted by its cue is one quote with two spans', () => {
  const text = '“The plan is sound,” said Lena Ortiz, “but it is late.”'
  const a = analyseText(text)
  assert.equal(a.quotes.length, 1)
  assert.equal(a.quotes[0]?.content.length, 2)
  assert.equal(a.quotes[0]?.speaker?.name, 'Lena Ortiz')
})

test('indirect speech: X said that, according to X, X warned, trailing "X says", For X', () => {
  const text = [
    'Paul Green said that the budget would be balanced by 2027.',
    'According to Sara Mills, the plan has no chance in the Senate.',
    'Green warned the deficit could grow again next year.',
    'The vote will be close, Mills says.',
    'For Green, the main risk is a slowdown in China.',
  ].join('\n\n')
  const a = analyseText(text)
  assert.equal(only(a, 'that the budget would be balanced').speaker?.name, 'Paul Green')
  assert.equal(only(a, 'the plan has no chance').speaker?.name, 'Sara Mills')
  assert.equal(only(a, 'the deficit could grow').speaker?.name, 'Paul Green')
  assert.equal(only(a, 'The vote will be close').speaker?.name, 'Sara Mills')
  assert.equal(only(a, 'the main risk is a slowdown').speaker?.name, 'Paul Green')
  assert.ok(a.quotes.every((q) => q.kind === 'indirect'))
})

test('"For X," told in the past narrates what something meant to X; in the present it is X\'s view', () => {
  const text = [
    'Paul Green said that the budget would be balanced by 2027.',
    'For Green, the merger opened the door to other deals.',
    'For Green, the shipyard was a second home.',
    'For Green, the real danger lies in the bond market.',
  ].join('\n\n')
  const a = analyseText(text)
  assert.equal(find(a, 'the merger opened'), undefined)
  assert.equal(find(a, 'the shipyard was'), undefined)
  assert.equal(only(a, 'the real danger lies').speaker?.name, 'Paul Green')
})

test('mixed quote: a reported clause containing a quoted fragment; groups as speakers', () => {
  const text = 'Critics say the new rules are “a gift to polluters” and should be withdrawn.'
  const q = only(analyseText(text), 'the new rules are')
  assert.equal(q.kind, 'mixed')
  assert.equal(q.speaker?.kind, 'group')
  assert.equal(q.speaker?.name, 'Critics')
})

test('scare quotes and titles are not quotes', () => {
  const text = 'The policy of “maximum pressure” failed. He watched “The Kid Who Would Be King” on Sunday.'
  assert.deepEqual(analyseText(text).quotes, [])
})

test('nested quotes stay inside the outer quotation', () => {
  const text = '“He told me ‘never again’ and walked out,” said Omar Haddad.'
  const a = analyseText(text)
  assert.equal(a.quotes.length, 1)
  assert.equal(a.quotes[0]?.speaker?.name, 'Omar Haddad')
  assert.match(a.quotes[0]?.text ?? '', /never again/)
})

test('British single primary marks', () => {
  const text = '‘We’ll take it to the highest court,’ said Fiona Walsh.'
  const q = only(analyseText(text), 'We’ll take it')
  assert.equal(q.speaker?.name, 'Fiona Walsh')
})

test('a missing closing mark does not swallow the rest of the article', () => {
  const text = '“This is where it ends, said Rita Moreno.\n\nThe council met again on Friday.\n\n“We are ready,” said Sam Lee.'
  const a = analyseText(text)
  assert.ok(a.quotes.every((q) => !q.text.includes('The council met again')))
  assert.equal(only(a, 'We are ready').speaker?.name, 'Sam Lee')
})

test('a quotation running over paragraphs continues when the next paragraph opens with a mark', () => {
  const text = '“First we lost the factory,” said Joan Reyes.\n\n“Then we lost the school.\n\n“Now we are losing the town.”'
  const a = analyseText(text)
  const q = only(a, 'Then we lost the school')
  assert.equal(q.content.length, 2)
  assert.match(q.text, /losing the town/)
  assert.equal(q.speaker?.name, 'Joan Reyes')
})

test('typewriter quotes written as two apostrophes keep their offsets', () => {
  const text = "''It is a turning point,'' said Mark Levin."
  const q = only(analyseText(text), 'It is a turning point')
  assert.equal(q.speaker?.name, 'Mark Levin')
  assert.equal(text.slice(q.content[0]?.start, q.content[0]?.end), q.text)
})

test('two people sharing a surname stay distinct', () => {
  const text = 'Kim Jong Un visited the factory. Ellen Kim, a senior fellow at the Center for Strategic and International Studies, was sceptical.\n\n“It is theatre,” Ellen Kim told reporters.'
  const a = analyseText(text)
  const names = a.entities.filter((e) => e.kind === 'person').map((e) => e.name)
  assert.ok(names.includes('Kim Jong Un') && names.includes('Ellen Kim'))
  assert.equal(only(a, 'It is theatre').speaker?.name, 'Ellen Kim')
})

test('a 1 MB article without quotation marks is analysed in linear time', () => {
  const sentence = 'The regional council discussed the budget and the new bridge for several hours on Tuesday evening. '
  const small = sentence.repeat(Math.ceil(100_000 / sentence.length))
  const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length))
  analyseText(small)
  const t0 = performance.now()
  analyseText(small)
  const t1 = performance.now()
  const a = analyseText(big)
  const t2 = performance.now()
  assert.deepEqual(a.quotes, [])
  assert.ok(t2 - t1 < 10_000, `1 MB took ${Math.round(t2 - t1)} ms`)
  assert.ok(t2 - t1 < 40 * Math.max(t1 - t0, 5), `1 MB (${Math.round(t2 - t1)} ms) vs 100 KB (${Math.round(t1 - t0)} ms) is not linear`)
})

test('a paragraph without quotation marks after a lead-in "The mayor added:" is a block quote of its speaker', () => {
  const text = 'Mayor Ann Ruiz spoke at the pier on Monday.\n\nThe mayor added:\n\nIt is typical of the council. It knows nothing, but it never stops talking.\n\nThe meeting ended at noon.'
  const q = only(analyseText(text), 'It is typical of the council')
  assert.equal(q.text, 'It is typical of the council. It knows nothing, but it never stops talking')
  assert.equal(q.speaker?.name, 'Ann Ruiz')
  // A lead-in with no cue ("Here is the timeline:") opens no quote.
  const timeline = 'The pier has a long history.\n\nHere is the timeline:\n\nThe pier closed in May. It reopened in June.'
  assert.deepEqual(analyseText(timeline).quotes, [])
})
