import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { only } from './testing.js'

const person = (text: string, name: string) => analyseText(text).entities.find((e) => e.kind === 'person' && e.name === name)

test('an appositive role ends in a role noun and comes with its organisation', () => {
  const e = person('Markets fell again.\n\n“Nobody expected this,” said Priya Natarajan, a senior economist with the Harbour Bank.', 'Priya Natarajan')
  assert.equal(e?.role, 'senior economist')
  assert.equal(e?.organisation, 'Harbour Bank')
})

test('a description after a name is not taken for a role', () => {
  const text =
    'The talks resume next week.\n\nThe envoy will meet Tomas Varga, a far more confident character to deal with than before.\n\n“We are ready,” Varga said.'
  assert.equal(person(text, 'Tomas Varga')?.role ?? null, null)
})

test('a leading modifier or place is not part of a name', () => {
  const text =
    'Former Harbour Bank adviser Lena Marsh said rates would rise.\n\nOregon Gary Holt said the dam would stay open.'
  const names = analyseText(text).entities.filter((e) => e.kind === 'person').map((e) => e.name)
  assert.deepEqual(names.sort(), ['Gary Holt', 'Lena Marsh'])
  const marsh = person(text, 'Lena Marsh')
  assert.equal(marsh?.role, 'former adviser')
  assert.equal(marsh?.organisation, 'Harbour Bank')
})

test('roles that end in no agent suffix: a chef, a nurse, an attorney', () => {
  const text =
    'The festival opened on Saturday.\n\nJeremy Chan, the head chef at Slurp Noodle House, said the broth had simmered for two days.\n\n' +
    'Ana Ruiz, a nurse at Lakeshore General Hospital, said the ward was full. Omar Haddad, an attorney with Haddad Partners, said he would appeal.'
  assert.deepEqual([person(text, 'Jeremy Chan')?.role, person(text, 'Jeremy Chan')?.organisation], ['head chef', 'Slurp Noodle House'])
  assert.deepEqual([person(text, 'Ana Ruiz')?.role, person(text, 'Ana Ruiz')?.organisation], ['nurse', 'Lakeshore General Hospital'])
  assert.deepEqual([person(text, 'Omar Haddad')?.role, person(text, 'Omar Haddad')?.organisation], ['attorney', 'Haddad Partners'])
})

test('a capitalised role word opening a sentence is not part of the name that follows it', () => {
  const text = 'The harbour plan was approved on Monday.\n\nFisherman Tom Reyes disagreed with the plan. He said the new pier would ruin the harbour.'
  const a = analyseText(text)
  assert.deepEqual(a.entities.filter((e) => e.kind === 'person').map((e) => e.name), ['Tom Reyes'])
  assert.equal(a.quotes.find((q) => q.text.startsWith('the new pier'))?.speaker?.name, 'Tom Reyes')
})

test('an institution described by its country speaks as an organisation, never as a person', () => {
  const a = analyseText('North Korea fired a missile on Monday. South Korea’s military said the missile flew 600 km before landing in the sea.')
  const q = a.quotes.find((x) => x.text.startsWith('the missile flew'))
  assert.equal(q?.speaker?.kind, 'organisation')
  assert.equal(a.entities.filter((e) => e.kind === 'person').length, 0)
})

test('places named by one word are places; a nationality or a war is not; a country speaks as an organisation', () => {
  const text =
    'North Korean troops have fought for Russia in Ukraine since the spring, officials in Seoul and the US say.\n\n' +
    'It is the largest deployment of Pyongyang’s army abroad since World War II. Russia said the reports were false.\n\n' +
    '“It was a great game,” said Vancouver’s Bo Horvat.'
  const a = analyseText(text)
  const places = a.entities.filter((e) => e.kind === 'place').map((e) => e.name)
  for (const p of ['Russia', 'Ukraine', 'Seoul', 'US', 'Pyongyang']) assert.ok(places.includes(p), `${p} in ${JSON.stringify(places)}`)
  assert.ok(!a.entities.some((e) => e.name === 'North Korean' || e.name === 'World War II'), JSON.stringify(a.entities.map((e) => e.name)))
  const russia = a.quotes.find((q) => q.text.startsWith('the reports were false'))
  assert.deepEqual([russia?.speaker?.name, russia?.speaker?.kind], ['Russia', 'organisation'])
  assert.equal(a.quotes.find((q) => q.text.includes('great game'))?.speaker?.name, 'Bo Horvat')
})

test('a time after a name is no role; a family name with its body speaks as the person', () => {
  const text = 'Donald Trump, days after winning the election, said the talks would resume. Chan of Eurasia Group said the talks would fail.'
  const a = analyseText(text)
  assert.equal(person(text, 'Donald Trump')?.role ?? null, null)
  const chan = a.quotes.find((q) => q.text === 'the talks would fail')
  assert.equal(chan?.speaker?.name, 'Chan')
  assert.equal(chan?.speaker?.kind, 'person')
  assert.equal(chan?.speaker?.organisation, 'Eurasia Group')
})

test('an organisation is named as the article introduces it, with or without "the"', () => {
  const text =
    'The Coastal Ferry Authority raised fares in May. “Fuel costs forced our hand,” the authority said.\n\n' +
    'Harbour Watch, a residents’ group, objected. “Families will pay the price,” Harbour Watch said.'
  const a = analyseText(text)
  assert.equal(only(a, 'Fuel costs forced our hand').speaker?.name, 'the Coastal Ferry Authority')
  assert.equal(only(a, 'Families will pay the price').speaker?.name, 'Harbour Watch')
})

test('the place or office that ends a title, and an occupation opening a sentence, are not part of the name', () => {
  const text =
    'The ferry talks ended on Monday.\n\nSecretary of State Maria Farrow said the ferries would run again. ' +
    'Podcaster Tom Reyes said he would sail anyway.\n\nThe court upheld the convictions of Bridget Anne Kelly on Friday.'
  const names = analyseText(text).entities.filter((e) => e.kind === 'person').map((e) => e.name)
  assert.deepEqual(names.sort(), ['Bridget Anne Kelly', 'Maria Farrow', 'Tom Reyes'])
})

test('a courtesy title ("Dr", "Mr") is no role: the description after the name is', () => {
  const text = 'Demand held up.\n\nDr Ann Lee, an economist at Bank North, said demand was strong. Mr Xandor Quill spoke next.\n\n“We saw it coming,” he said.'
  const lee = person(text, 'Ann Lee')
  assert.equal(lee?.role, 'economist')
  assert.equal(lee?.organisation, 'Bank North')
  assert.equal(person(text, 'Xandor Quill')?.role ?? null, null)
  // Named with a title, he is still a person whom "he" can mean.
  assert.equal(only(analyseText(text), 'We saw it coming').speaker?.name, 'Xandor Quill')
  const president = person('President Ola Berg said the port would reopen.', 'Ola Berg')
  assert.equal(president?.role, 'President')
})
