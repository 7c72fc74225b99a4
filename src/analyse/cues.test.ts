/**
 * Sources named outside a plain "X said": an "as" clause ("as X put it"),
 * and the other cues of the fifth pass. Each test is a small hand-written
 * text for one rule.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'

test('"As X put it, …" reports the sentence after the clause', () => {
  const text = 'As Greta Holm put it in a speech to the chamber last week, the harbour tax is a tax on every family in town.'
  const q = only(analyseText(text), 'the harbour tax is a tax')
  assert.equal(q.speaker?.name, 'Greta Holm')
  assert.equal(span(text, q.cue), 'put it')
})

test('an "as" clause inside the sentence reports both of its sides; one at the end reports what comes before', () => {
  const text = 'The valley, as one of the engineers pointed out, rarely floods twice in a year. The dam was never finished, as the ministry has said.'
  const a = analyseText(text)
  assert.equal(only(a, 'The valley').text, 'The valley … rarely floods twice in a year')
  const end = only(a, 'The dam was never finished')
  assert.equal(span(text, end.speakerMention), 'the ministry')
  assert.equal(span(text, end.cue), 'said')
})

test('"as he said he would" and "as they say" report nothing', () => {
  const text = 'Tomas Berg left the meeting early, as he said he would. The old market is a jungle, as they say.'
  const a = analyseText(text)
  assert.equal(find(a, 'Tomas Berg left the meeting early'), undefined)
  assert.equal(find(a, 'The old market is a jungle'), undefined)
})

test('"…, X said, a …": after the cue an article opens the rest of the sentence; after an inverted name it opens an appositive', () => {
  const text = 'In its first year, Mayor Ines Adler said, a majority of the new flats went to families.'
  const q = only(analyseText(text), 'In its first year')
  assert.equal(q.text, 'In its first year … a majority of the new flats went to families')
  assert.equal(q.speaker?.name, 'Ines Adler')
  const inverted = 'The tunnel plan, said Ada Chan, a senior analyst at the bank, is doomed to fail.'
  const p = only(analyseText(inverted), 'The tunnel plan')
  assert.equal(p.text, 'The tunnel plan … is doomed to fail')
})

test('a subject with a bracket before its appositive ("Sen. X (D-Ore.), chairman of …, said") is the name', () => {
  const text = 'Sen. Marta Quill (D-Ore.), chairman of the fisheries panel, said members will vote on the quota next week.'
  const q = only(analyseText(text), 'members will vote on the quota')
  assert.equal(q.speaker?.name, 'Marta Quill')
})

test('a group with a "from" phrase speaks ("officials from both parties say"); other things from somewhere do not', () => {
  const text = 'Although the bill is short, elected officials from both parties say it has wide support in the valley.'
  const q = only(analyseText(text), 'it has wide support')
  assert.equal(span(text, q.speakerMention), 'elected officials from both parties')
  const money = 'Money from both parties said nothing about the outcome of the race.'
  assert.equal(find(analyseText(money), 'nothing about the outcome'), undefined)
})

test('"…, saying, “…”": a participle after a comma gives a direct quotation the sentence subject; no subject, no speaker', () => {
  const text = 'Mayor Ada Ruiz attacked the council, saying, “The council has failed every family in this town.”'
  const q = only(analyseText(text), 'The council has failed')
  assert.equal(q.speaker?.name, 'Ada Ruiz')
  assert.equal(span(text, q.cue), 'saying')
  const none = 'Fearing the worst, the harbour closed early: “We have failed every family in this town.”'
  assert.equal(only(analyseText(none), 'We have failed').speaker, null)
})

test('"Said Ruiz: “…”": an inverted cue opening the sentence names the speaker; "Said the report …" does not', () => {
  const text = 'Mayor Ada Ruiz spoke on Monday. Said Ruiz: “The council has failed every family in this town.”'
  const q = only(analyseText(text), 'The council has failed')
  assert.equal(q.speaker?.name, 'Ada Ruiz')
  assert.equal(span(text, q.cue), 'Said')
  const none = 'Said to be ready, the harbour opened: “We have served every family in this town.”'
  assert.equal(only(analyseText(none), 'We have served').speaker, null)
})

test('"X made (it) clear …" reports a statement; the passive, a denial and a bare object do not', () => {
  const text = 'Mayor Ada Ruiz made it clear she had grave doubts about the harbour plan.'
  const q = only(analyseText(text), 'she had grave doubts')
  assert.equal(q.speaker?.name, 'Ada Ruiz')
  assert.equal(span(text, q.cue), 'made it clear')
  const none = 'It was made clear that the harbour would stay open. Tomas Berg did not make clear whether the harbour would close. Ada Ruiz made clear her opposition to the plan.'
  assert.deepEqual(analyseText(none).quotes.map((x) => x.text), [])
})

test('"X’s earlier claim that …": an adjective between a possessive name and the cue noun; "his earlier claim" and "the earlier claim" name no one', () => {
  const text = 'Harbour police’s earlier claim that the driver had fled the scene turned out to be wrong.'
  const q = only(analyseText(text), 'that the driver had fled')
  assert.equal(span(text, q.speakerMention), 'Harbour police')
  assert.equal(span(text, q.cue), 'claim')
  const none = 'His earlier claim that the driver had fled was wrong. The earlier claim that the bridge had failed was wrong.'
  assert.deepEqual(analyseText(none).quotes.map((x) => x.text), [])
})

test('a long descriptive subject after an opening phrase and a comma speaks; the same sentence with no cue reports nothing', () => {
  const text = 'On Tuesday’s episode of “The Harbour Hour,” the former mayor of the town and current party leader said she wanted to close the bridge.'
  const q = only(analyseText(text), 'she wanted to close the bridge')
  assert.equal(span(text, q.speakerMention), 'the former mayor')
  assert.equal(span(text, q.cue), 'said')
  const none = 'On Tuesday’s episode of “The Harbour Hour,” the former mayor of the town and current party leader wanted to close the bridge.'
  assert.deepEqual(analyseText(none).quotes.map((x) => x.text), [])
})

test('"attacked X for …" and "likened X to …" report words; "attacked a village" does not', () => {
  const text = 'Mayor Ada Ruiz attacked the council for its support of the harbour tax. Tomas Berg likened the council to a broken clock.'
  const a = analyseText(text)
  assert.equal(only(a, 'the council for its support').speaker?.name, 'Ada Ruiz')
  assert.equal(span(text, only(a, 'the council to a broken clock').cue), 'likened')
  const none = 'Rebels attacked a village near the border on Monday. The storm likened nothing.'
  assert.deepEqual(analyseText(none).quotes.map((x) => x.text), [])
})

test('"pointed to X as an example …" reports X with its role; "pointed to the door" does not', () => {
  const text = 'The harbour board pointed to the vote on the new tax as an example of rising anger.'
  const q = only(analyseText(text), 'the vote on the new tax as an example')
  assert.equal(span(text, q.cue), 'pointed to')
  assert.equal(span(text, q.speakerMention), 'The harbour board')
  assert.deepEqual(analyseText('Ada Ruiz pointed to the door and left the hall.').quotes.map((x) => x.text), [])
})

test('a progressive speech act reports its object ("is defending the tax"); the passive and "is vowing to" do not', () => {
  const text = 'Mayor Ada Ruiz is defending the harbour tax against its critics.'
  const q = only(analyseText(text), 'the harbour tax against its critics')
  assert.equal(span(text, q.cue), 'is defending')
  assert.equal(q.speaker?.name, 'Ada Ruiz')
  const none = 'The harbour tax was defended by the clerk. Tomas Berg is vowing to close the harbour by spring.'
  assert.deepEqual(analyseText(none).quotes.map((x) => x.text), [])
})

test('the -ing forms of "criticize", "slam", "decry" report like their other forms; a cue-less participle does not', () => {
  const text = 'Harbour traders are criticizing the mayor for her new tax.'
  const q = only(analyseText(text), 'the mayor for her new tax')
  assert.equal(span(text, q.cue), 'are criticizing')
  assert.deepEqual(analyseText('Harbour traders are painting the mayor’s house for her.').quotes.map((x) => x.text), [])
})

test('"disclosed that …" reports the clause; a disclosed sum or a disclosure without "that" reports nothing', () => {
  const text = 'The mayor’s office later disclosed that the audit had found missing funds.'
  assert.equal(only(analyseText(text), 'that the audit had found missing funds').speaker?.name, 'The mayor’s office')
  const sum = 'The club disclosed its losses for the year. The price was not disclosed.'
  assert.equal(analyseText(sum).quotes.length, 0)
})

test('"…, X said on Friday, …": a phrase of time or place (and "told me") may stand between a mid-sentence cue and its comma', () => {
  const text = 'The new harbour plan, Ines Adler said on Friday, will fail within a year.'
  assert.equal(only(analyseText(text), 'The new harbour plan').text, 'The new harbour plan … will fail within a year')
  const told = 'Ines Adler spoke at noon. The difference now, she told me in an interview, is that the harbour is closed to ships.'
  assert.equal(only(analyseText(told), 'The difference now').speaker?.name, 'Ines Adler')
  const long = 'The ferry was late again, the captain said to the crowd waiting at the pier for an hour, and nobody on board complained.'
  assert.equal(analyseText(long).quotes.length, 0)
})

test('"…, X said, and <clause>" goes on with the source’s sentence; "…, X said, but <clause>" is the reporter’s', () => {
  const text = 'The middle group of families paid more in taxes, the agency said in a June report, and those in the bottom group paid less.'
  assert.equal(only(analyseText(text), 'The middle group').text, 'The middle group of families paid more in taxes … and those in the bottom group paid less')
  const but = 'The middle group of families paid more in taxes, the agency said, but the council voted to keep the old rates.'
  assert.equal(only(analyseText(but), 'The middle group').text, 'The middle group of families paid more in taxes')
})

test('"<Name> found that …" reports the finding; "found the boat" and an unnamed finder do not', () => {
  const text = 'The Harbour Herald found that one in four residents lived in distressed neighborhoods.'
  assert.match(only(analyseText(text), 'that one in four residents').speaker?.name ?? '', /Harbour Herald/)
  const other = 'The Harbour Herald found the missing boat near the pier. The divers found that the hull was intact.'
  assert.equal(analyseText(other).quotes.length, 0)
})

test('"X and Y all suggested …": "all"/"both" between the subject and the cue is no part of the name; after the cue it is content', () => {
  const text = 'Ines Adler and Tomas Berg all suggested that the harbour tax could be grounds for a new vote.'
  assert.equal(only(analyseText(text), 'that the harbour tax').speaker?.name, 'Ines Adler and Tomas Berg')
  const after = 'Tomas Berg said all the boats in the harbour were safe from the storm.'
  assert.equal(only(analyseText(after), 'all the boats').speaker?.name, 'Tomas Berg')
})

test('a pronoun contracted with its auxiliary speaks: "She’s said", "He\'s argued", "who’s called for" after a dash', () => {
  const text = 'Mayor Ann Ruiz toured the pier on Monday. She’s said the repairs will take a year. He\'s argued the opposite.'
  assert.equal(only(analyseText(text), 'the repairs will take').speaker?.name, 'Ann Ruiz')
  const who = 'It is a big issue, with Ann Ruiz — who’s called for higher ferry fares — attacking the plan.'
  assert.equal(only(analyseText(who), 'higher ferry fares').speaker?.name, 'Ann Ruiz')
  // "she’s said to be" is passive: no one speaks.
  assert.deepEqual(analyseText('Mayor Ann Ruiz toured the pier. She’s said to be furious about the repairs.').quotes, [])
})

test('"Critics, including Sen. X, say": the group before an "including" aside speaks, in an "as" clause too', () => {
  const text = 'Critics, including Sen. Ann Ruiz, say the ferry plan will fail.'
  assert.equal(span(text, only(analyseText(text), 'the ferry plan will fail').speakerMention), 'Critics')
  const as = 'As many economists, including Dr. Ivo Hale, have pointed out, the harbour tax raises little money.'
  assert.equal(span(as, only(analyseText(as), 'the harbour tax raises').speakerMention), 'many economists')
  // No cue after the aside, no quote.
  assert.deepEqual(analyseText('Several towns, including Bristol, have banned the boats.').quotes, [])
})

test('"cautioned, as did the ministry, that …": an "as did" aside between the cue and its content', () => {
  const text = 'Several economists cautioned, as did the harbour board itself, that the ferry figures might change.'
  assert.equal(only(analyseText(text), 'that the ferry figures').text, 'that the ferry figures might change')
  // With no content after the aside, nothing is reported.
  assert.deepEqual(analyseText('Several economists cautioned, as did the harbour board.').quotes, [])
})

test('"has used the phrase “…”": the words used are a direct quote of the subject', () => {
  const text = 'Mayor Ann Ruiz has used the phrase “harbour of shame” often in her campaign.'
  const q = only(analyseText(text), 'harbour of shame')
  assert.equal(q.kind, 'direct')
  assert.equal(q.speaker?.name, 'Ann Ruiz')
  // Used in the passive, or with no quotation, nothing is quoted.
  assert.deepEqual(analyseText('The phrase “harbour of shame” was used by Mayor Ann Ruiz.').quotes.filter((x) => x.speaker?.name === 'Ann Ruiz'), [])
  assert.deepEqual(analyseText('Mayor Ann Ruiz used the ferry to cross the bay.').quotes, [])
})

test('"As reported by the Herald, …", "As stated in the audit, …": a passive "as" clause names its source after "by" or "in"', () => {
  const text = 'As reported by the Harbour Herald, the council sold the pier at a loss.'
  assert.equal(span(text, only(analyseText(text), 'the council sold the pier').speakerMention), 'the Harbour Herald')
  const audit = 'As stated in the 2019 audit, the council sold the pier at a loss.'
  assert.equal(span(audit, only(analyseText(audit), 'the council sold the pier').speakerMention), 'the 2019 audit')
  // A time after "in" names no source.
  assert.deepEqual(analyseText('As reported in May, the council sold the pier at a loss.').quotes, [])
})
