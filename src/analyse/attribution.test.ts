/**
 * Attributions the analyser used to miss entirely (sixth pass): each test is
 * a small hand-written text for one construction, with a case that must not
 * change beside it.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'

test('a trailing attribution may name the body among the role words before the name', () => {
  const text = 'The ferry will stop running in January, retired Coast Guard captain Ola Berg said. The levy “will pay for the new pier,” Harbour Board treasurer Ines Moll said.'
  const a = analyseText(text)
  const q = only(a, 'The ferry will stop running in January')
  assert.equal(q.text, 'The ferry will stop running in January')
  assert.equal(q.speaker?.name, 'Ola Berg')
  const mixed = only(a, 'The levy')
  assert.equal(mixed.kind, 'mixed')
  assert.equal(mixed.speaker?.name, 'Ines Moll')
})

test('role words that follow no comma open no trailing attribution', () => {
  const text = 'The ferry stopped running in January and retired Coast Guard captain Ola Berg said nothing about it.'
  assert.equal(find(analyseText(text), 'The ferry stopped running'), undefined)
})

test('"…, attorneys for the family said": a bare plural role noun with its "for" phrase speaks', () => {
  const text = 'The two brothers had never seen the video before Monday, attorneys for the family said.'
  const q = only(analyseText(text), 'The two brothers had never seen the video')
  assert.equal(span(text, q.speakerMention), 'attorneys for the family')
})

test('a plural noun that names no role is no speaker of a trailing "said"', () => {
  const text = 'The two brothers had never seen the video before Monday, photos of the family said.'
  assert.equal(find(analyseText(text), 'The two brothers had never seen the video'), undefined)
})

test('a headline-case title with its speaker first reports the rest of the title', () => {
  const text = 'Mayor Ines Ruiz Vows To Reopen The Pier Before Summer.\n\nThe pier has been closed since the storm.'
  const q = only(analyseText(text), 'To Reopen The Pier')
  assert.equal(q.text, 'To Reopen The Pier Before Summer')
  assert.equal(span(text, q.cue), 'Vows')
  assert.equal(q.speaker?.name, 'Ines Ruiz')
  const poll = 'New Survey Shows Strong Support For Second Ferry.\n\nThe survey asked 900 residents.'
  assert.equal(only(analyseText(poll), 'Strong Support').speaker?.name, 'New Survey')
})

test('a headline "Shows" after no document, and the same verb in the body, report nothing', () => {
  assert.equal(analyseText('Popular Bakery Shows Off Its New Oven.\n\nThe oven arrived on Monday.').quotes.length, 0)
  const body = 'The pier has been closed since the storm.\n\nMayor Ines Ruiz Vows To Reopen The Pier Before Summer.'
  assert.equal(find(analyseText(body), 'To Reopen The Pier'), undefined)
})

test('"the report says": a document noun that is also a cue verb is the subject of the next cue', () => {
  const text = 'The report says the ferry dropped two routes last year. Ridership dropped by a third, the audit report warns.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'the ferry dropped two routes').speakerMention), 'The report')
  assert.equal(span(text, only(a, 'Ridership dropped by a third').speakerMention), 'the audit report')
})

test('a document before "shows" keeps the evidence rule: after a fronted phrase it reports nothing', () => {
  const text = 'Amid rising rents in the harbour district, a new report shows landlords raising prices for every unit.'
  assert.equal(find(analyseText(text), 'landlords raising prices'), undefined)
})

test('a document with a participle phrase is the subject of any cue after it', () => {
  const text = 'A 30-page audit released by the council last month reveals how the ferry dropped two routes. In 2019, research conducted by the Harbour Institute found the ferry carried fewer riders. The latest Harbour Institute poll released Friday shows that most residents back the ferry.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'how the ferry dropped two routes').speakerMention), 'A 30-page audit')
  assert.equal(span(text, only(a, 'the ferry carried fewer riders').speakerMention), 'research')
  assert.equal(span(text, only(a, 'that most residents back the ferry').speakerMention), 'The latest Harbour Institute poll')
})

test('a person with a modifier before "reveals how" is no document and reports nothing', () => {
  const text = 'A neighbour who lives by the pier reveals how the ferry dropped two routes.'
  assert.equal(find(analyseText(text), 'how the ferry dropped'), undefined)
})

test('"…, a Tribune analysis of harbour records shows.": a document with its modifier closes the sentence as its source', () => {
  const text = 'Ferry ridership dropped by a third through the end of August, a Tribune analysis of newly filed harbour records shows.'
  const q = only(analyseText(text), 'Ferry ridership dropped')
  assert.equal(q.text, 'Ferry ridership dropped by a third through the end of August')
  assert.equal(span(text, q.speakerMention), 'a Tribune analysis')
})

test('a closing phrase with no document in it reports nothing', () => {
  const text = 'Ferry ridership dropped by a third through the end of August, a fact the summer timetable shows.'
  assert.equal(find(analyseText(text), 'Ferry ridership dropped'), undefined)
})

test('"…, promising to …" after a comma reports the promise of the sentence’s subject', () => {
  const text = 'Ines Ruiz has embraced Mr. Berg’s harbour plan, promising to reopen the pier for the summer season.'
  const q = only(analyseText(text), 'to reopen the pier')
  assert.equal(q.text, 'to reopen the pier for the summer season')
  assert.equal(span(text, q.cue), 'promising')
  assert.equal(q.speaker?.name, 'Ines Ruiz')
})

test('"promised to …" and "is promising to …" stay intentions, not quotes', () => {
  const text = 'Ines Ruiz promised to reopen the pier before summer. Tomas Berg is promising to add two ferry routes.'
  const a = analyseText(text)
  assert.equal(find(a, 'to reopen the pier'), undefined)
  assert.equal(find(a, 'to add two ferry routes'), undefined)
})

test('a quotation opened with a closing mark at the start of its paragraph is still a quotation', () => {
  const text = 'Readers wrote to us about the ferry.\n\n”The ferry is late again and nobody at the harbour board seems to care.” ― Ola Berg'
  const q = only(analyseText(text), 'The ferry is late again')
  assert.equal(q.kind, 'direct')
  assert.equal(q.speaker?.name, 'Ola Berg')
})

test('a closing mark opening a paragraph with no closer after it opens nothing', () => {
  const text = 'Readers wrote to us about the ferry.\n\n”The ferry is late again, Ola Berg said of the harbour board.'
  const a = analyseText(text)
  assert.deepEqual(a.quotes.map((q) => [q.text, q.speaker?.name]), [['”The ferry is late again', 'Ola Berg']])
})

test('a title "Graham: …" names its speaker, a body or a person; a section kicker "Football: …" is nobody', () => {
  const named = 'Graham: The harbour plan is a mistake\n\nSenator Lindsey Graham spoke to reporters on Tuesday about the port.'
  assert.match(only(analyseText(named), 'The harbour plan is a mistake').speaker?.name ?? '', /Graham$/)
  const full = 'Lindsey Graham: The harbour plan is a mistake\n\nThe senator spoke to reporters on Tuesday.'
  assert.equal(only(analyseText(full), 'The harbour plan is a mistake').speaker?.name, 'Lindsey Graham')
  const watchdog = 'Harbourwatch: The port plan fails every test\n\nThe watchdog published its review on Tuesday.'
  assert.equal(only(analyseText(watchdog), 'The port plan fails every test').speaker?.name, 'Harbourwatch')
  const kicker = 'Football: Rovers win derby as Smith scores twice\n\nRovers beat City 2-0 on Saturday.'
  assert.equal(find(analyseText(kicker), 'Rovers win derby'), undefined)
})

test('a title "Name on Topic: …" reports what follows the colon', () => {
  const text = 'Mayor Ines Ruiz on Ferry Fares: The Rise Is Unavoidable\n\nThe mayor spoke on Tuesday.'
  const q = only(analyseText(text), 'The Rise Is Unavoidable')
  assert.equal(q.speaker?.name, 'Ines Ruiz')
  assert.equal(span(text, q.cue), 'on Ferry Fares:')
})

test('"Name on topic: …" in the body, or with a lower-case topic, reports nothing', () => {
  const body = 'The mayor spoke on Tuesday.\n\nMayor Ines Ruiz on Ferry Fares: The Rise Is Unavoidable'
  assert.equal(find(analyseText(body), 'The Rise Is Unavoidable'), undefined)
  const lower = 'Ines Ruiz on the ferry: a short history of the harbour\n\nThe mayor spoke on Tuesday.'
  assert.equal(find(analyseText(lower), 'a short history'), undefined)
})

test('a judge or a panel "found" reports its finding', () => {
  const text = 'A federal judge found the ferry levy unconstitutional. The review panel found that the harbour board had broken its own rules.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'the ferry levy unconstitutional').speakerMention), 'A federal judge')
  assert.equal(span(text, only(a, 'that the harbour board had broken').speakerMention), 'The review panel')
})

test('anyone else who "found" something reports nothing', () => {
  const text = 'A local fisherman found the missing ferry boat near the old pier.'
  assert.equal(analyseText(text).quotes.length, 0)
})

test('"it" opening a sentence with a past-tense verb is the speaker of its "…, saying …"', () => {
  const text = 'The Harbour Herald endorsed Ruiz last week. Meanwhile, it attacked Berg, saying he had failed the ferry crews and their families.'
  const q = only(analyseText(text), 'he had failed the ferry crews')
  assert.equal(span(text, q.speakerMention), 'it')
  assert.equal(q.speaker?.name, 'the Harbour Herald')
})

test('"it" with no past-tense verb after it speaks no "…, saying …"', () => {
  const text = 'The Harbour Herald endorsed Ruiz last week. It is a busy time, saying goodbye to the old ferry crews and their families.'
  assert.equal(find(analyseText(text), 'goodbye to the old ferry'), undefined)
})

test('a trailing attribution may go on with where and how it was said ("said in a statement released by …")', () => {
  const text = 'The pier is safe and will reopen in May, Ola Berg said in a statement released by the harbour board on Friday.'
  const q = only(analyseText(text), 'The pier is safe')
  assert.equal(q.text, 'The pier is safe and will reopen in May')
  assert.equal(q.speaker?.name, 'Ola Berg')
})

test('a long phrase after a trailing cue that names no medium of speech keeps it from being an attribution', () => {
  const text = 'The pier is safe and will reopen in May, Ola Berg said in the small harbour office where the crews gather before work.'
  assert.equal(find(analyseText(text), 'The pier is safe'), undefined)
})

test('a time phrase between the speaker and the cue, or between the cue and a that-less clause, is skipped', () => {
  const text = 'The harbour board on Friday announced that the pier would reopen in May. Ola Berg said on Friday the ferry would follow in June.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'that the pier would reopen').speakerMention), 'The harbour board')
  const q = only(a, 'the ferry would follow')
  assert.equal(q.text, 'the ferry would follow in June')
  assert.equal(q.speaker?.name, 'Ola Berg')
})

test('a time phrase with no clause after it is no content', () => {
  const text = 'Ola Berg spoke on Friday night. The crews arrived on Friday morning, the harbour board said.'
  const a = analyseText(text)
  assert.deepEqual(a.quotes.map((q) => q.text), ['The crews arrived on Friday morning'])
})

test('"…,” she said, citing X" after an attribution reports what she brought up', () => {
  const text = 'The harbour “has changed for the better,” Ola Berg said in June, citing the new pier and the lower fees.'
  const q = only(analyseText(text), 'the new pier and the lower fees')
  assert.equal(q.speaker?.name, 'Ola Berg')
  assert.equal(span(text, q.cue), 'citing')
})

test('a participle act that only characterises the attribution reports nothing more', () => {
  const text = '“We will not change the fee,” Ola Berg said in June, rejecting a plea from the fishermen.'
  assert.equal(find(analyseText(text), 'a plea from the fishermen'), undefined)
})

test('"spoke emotionally of", "spoke out Tuesday about": adverbs and days may stand before the particle', () => {
  const text = 'Ola Berg spoke emotionally of his many trips across the fjord. Ines Moll spoke out Tuesday about the closing of the ferry line.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'his many trips').cue), 'spoke emotionally of')
  assert.equal(only(a, 'the closing of the ferry line').speaker?.name, 'Ines Moll')
})

test('"spoke highly of X" is an idiom of praise, not a topic raised', () => {
  const text = 'Harbour master Ola Berg spoke highly of the new skipper before the ferry left.'
  assert.equal(find(analyseText(text), 'the new skipper'), undefined)
})

test('"her" owning the next word starts a speech act\'s object: "spoke about her deep ties", "citing her work"', () => {
  const text = 'Ines Moll spoke about her deep ties to the fishing towns. The union endorsed Moll on Monday, citing her work on the pier.'
  const a = analyseText(text)
  assert.equal(only(a, 'her deep ties').speaker?.name, 'Ines Moll')
  assert.equal(span(text, only(a, 'her work on the pier').cue), 'citing')
})

test('"her" as the object itself is no content: "urged her to", "called her a liar"', () => {
  const a = analyseText('The mayor criticized her on Monday. Berg praised her again.')
  assert.equal(find(a, 'her'), undefined)
})

test('a paragraph ending in "a Times/CBS News poll released last week." is no photo credit', () => {
  const text = 'Mrs. Berg now holds a wide lead among young voters, according to a Harbour Times/NRK News poll released last week.'
  assert.equal(only(analyseText(text), 'Mrs. Berg now holds').kind, 'indirect')
})

test('a wire paragraph ending in "(Reuters)" keeps its quotes; a short unquoted one is a caption', () => {
  const text =
    '“The port will stay closed until the storm passes,” said Tomas Reyes, the harbour master, adding that ferries would resume on Friday. (Reuters)\n\n' +
    'Ola Berg speaks to workers at the harbour on Monday. (Reuters)'
  const a = analyseText(text)
  assert.equal(only(a, 'The port will stay closed').speaker?.name, 'Tomas Reyes')
  assert.equal(find(a, 'speaks to workers'), undefined)
  assert.ok(!a.quotes.some((q) => q.speaker?.name === 'Ola Berg'), JSON.stringify(a.quotes.map((q) => q.speaker?.name)))
})

test('a photographer and agency credit still closes a caption', () => {
  const text = 'Ola Berg said the pier will reopen, speaking at the harbour on Monday. Quyen Cheng/THE HARBOUR PRESS'
  assert.equal(find(analyseText(text), 'the pier will reopen'), undefined)
})

test('"…,” she said, going on to say that …" reports more of her words', () => {
  const text = '“The pier is unsafe,” Ines Moll said, going on to say that the fees should fall before summer.'
  const q = only(analyseText(text), 'that the fees should fall')
  assert.equal(span(text, q.cue), 'going on to say')
  assert.equal(q.speaker?.name, 'Ines Moll')
})

test('"…, going on to win the vote" after an attribution reports nothing', () => {
  const text = '“The pier is unsafe,” Ines Moll said, going on to win the vote in the harbour board.'
  assert.equal(find(analyseText(text), 'the vote'), undefined)
})

test('"announced on Friday the arrest …": a date phrase may stand between a speech act and its object', () => {
  const text = 'Harbour police announced on Friday the arrest of a man in the theft of the ferry.'
  assert.equal(span(text, only(analyseText(text), 'the arrest of a man').cue), 'announced')
})

test('"announced on Friday" with no object after the date reports nothing', () => {
  assert.equal(find(analyseText('Harbour police announced on Friday.'), 'Friday'), undefined)
})

test('"…, according to show insiders.": a base-form verb opening the source is its noun', () => {
  const text = 'As a skipper, Ola Berg often mocked new deckhands with crude jokes, according to show insiders.'
  assert.equal(span(text, only(analyseText(text), 'As a skipper').speakerMention), 'show insiders')
})

test('"According to written documents, …": a participle opening the source still ends it', () => {
  const text = 'According to written documents, the deckhand felt ill an hour after his arrival.'
  assert.equal(find(analyseText(text), 'the deckhand felt ill'), undefined)
})

test('"referenced X", "…,” she said, referencing X": a reference is a topic raised', () => {
  const text = '“You pushed the crews to the breaking point,” Ines Moll said, referencing the company’s drive to cut costs. The harbour board referenced “rising tensions” among the fishermen.'
  const a = analyseText(text)
  assert.equal(only(a, 'the company’s drive').speaker?.name, 'Ines Moll')
  assert.equal(span(text, only(a, 'rising tensions').cue), 'referenced')
})

test('"referenced" in the passive names no speaker', () => {
  assert.equal(find(analyseText('The audit was referenced in the harbour report.'), 'in the harbour report'), undefined)
})

test('"continues to insist that …", "continued to call for …": the statement goes on', () => {
  const text = 'Ines Moll continues to insist that the pier is safe. The harbour union continued to call for an inquiry into the sinking.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'that the pier is safe').cue), 'continues to insist')
  assert.equal(span(text, only(a, 'an inquiry into the sinking').cue), 'continued to call for')
})

test('"continued to" before a verb that is no cue reports nothing', () => {
  const a = analyseText('Harbour fees continued to show strong growth. The storm continued to batter the pier.')
  assert.equal(a.quotes.length, 0)
})

test('"On Thursday, however, X met …, promising to …": a sentence adverb after the opening adverbial', () => {
  const text = 'On Thursday, however, Ines Moll met a gathering of harbour leaders, promising to lift the fee rules.'
  assert.equal(only(analyseText(text), 'to lift the fee rules').speaker?.name, 'Ines Moll')
})

test('"On Thursday, however, X met …" with no cue after it reports nothing', () => {
  const text = 'On Thursday, however, Ines Moll met a gathering of harbour leaders, leaving before the vote.'
  assert.equal(analyseText(text).quotes.length, 0)
})

test('"lauded X", "characterized X as …", "proclaimed a goal of …" are speech acts', () => {
  const text = 'Ines Moll lauded the harbour crew for rebuilding the pier. In his speech, Ola Berg proclaimed a goal of safer piers for every town.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'the harbour crew').cue), 'lauded')
  assert.equal(only(a, 'a goal of safer piers').speaker?.name, 'Ola Berg')
})

test('"was lauded" in the passive names no speaker', () => {
  assert.equal(find(analyseText('The harbour crew was lauded for rebuilding the pier.'), 'for rebuilding'), undefined)
})

test('"ruled that …": a ruling reports its finding', () => {
  const text = 'The harbour tribunal ruled that the new levy was unlawful.'
  assert.equal(span(text, only(analyseText(text), 'that the new levy was unlawful').cue), 'ruled')
})

test('"rules that …" is the noun with its relative clause', () => {
  const text = 'The board unveiled a set of harbour rules that could close dozens of piers.'
  assert.equal(find(analyseText(text), 'that could close'), undefined)
})

test('"Claiming …, X told …", "Citing X, Y accused …": a participle of saying opening the sentence', () => {
  const text = 'Claiming the levy is designed to punish fishermen, Ola Berg told reporters he would fight it. Citing an old harbour rumour, Ines Moll accused the union of lying.'
  const a = analyseText(text)
  const claim = only(a, 'the levy is designed')
  assert.equal(span(text, claim.cue), 'Claiming')
  assert.equal(claim.speaker?.name, 'Ola Berg')
  assert.equal(only(a, 'an old harbour rumour').speaker?.name, 'Ines Moll')
})

test('"Speaking at …", "Writing for …" opening the sentence set a scene, not what was said', () => {
  const a = analyseText('Speaking at the harbour on Monday, Ola Berg thanked the crews. Writing for a local paper that backs the levy, Ines Moll praised the crews.')
  assert.equal(find(a, 'the harbour on Monday'), undefined)
  assert.equal(find(a, 'a local paper'), undefined)
})

test('a poll named in the opening "In …," reports what follows', () => {
  const text = 'Turnout fell in the harbour towns. In the latest Harbour Courier poll, conducted in early May, Ola Berg led Ines Moll by six points among likely voters. In 2012, the ferry ran twice a day.'
  const a = analyseText(text)
  const q = only(a, 'Ola Berg led Ines Moll by six points')
  assert.equal(q.text, 'Ola Berg led Ines Moll by six points among likely voters')
  assert.equal(find(a, 'the ferry ran twice a day'), undefined)
  const b = analyseText('In polling stations, Berg led Moll by six points.')
  assert.equal(find(b, 'Berg led Moll'), undefined)
})

test('a one-word name opening the sentence before a dashed aside is the subject of the cue after it', () => {
  const text = 'The ferry ran late all week. Berg -- co-author of Harbour Ways, a book about the coast -- said the levy would pay for the new pier.'
  const q = only(analyseText(text), 'the levy would pay for the new pier')
  assert.equal(q.speaker?.name, 'Berg')
  const b = analyseText('Yesterday -- after the harbour vote -- the board said the levy would stay in place.')
  assert.equal(only(b, 'the levy would stay in place').speaker?.name?.includes('Yesterday'), false)
})

test('"media" heads a group speaker ("state media said …", "which state news media claimed …")', () => {
  const a = analyseText('Harbour media said the ferry would stop running in January. The board ran the test, which state news media claimed now allows the navy to build faster boats.')
  assert.equal(only(a, 'the ferry would stop running').text, 'the ferry would stop running in January')
  assert.equal(only(a, 'now allows the navy').text, 'now allows the navy to build faster boats')
  assert.equal(find(analyseText('The media coverage of the ferry was thin all week.'), 'coverage'), undefined)
})

test('a cue that brings its own quotation after a comma trails nothing: "…, she added the words, “…”"', () => {
  const text =
    'The singer drew a long cheer from the harbour crowd when, at the close of her final song, she added the words, “Lina Ortiz.” ' +
    'The ferry will run all winter, she added in a statement.'
  const a = analyseText(text)
  assert.equal(find(a, 'The singer drew'), undefined)
  assert.ok(find(a, 'the words'))
  assert.equal(only(a, 'The ferry will run').text, 'The ferry will run all winter')
})

test('"However, over the past few days, X has promised …": a fronted time phrase with a plural noun is no trailing content', () => {
  const text = 'However, over the past few days, the harbour board has promised a veto.'
  const a = analyseText(text)
  assert.equal(find(a, 'However'), undefined)
  assert.equal(only(a, 'a veto').speaker?.name ?? span(text, only(a, 'a veto').speakerMention), 'the harbour board')
  // A scene with a verb of its own is still the content of a trailing attribution.
  const clause = 'After the ferry fares rose for years, residents said.'
  assert.ok(find(analyseText(clause), 'After the ferry fares rose'))
})

test('"a panel in 2009 found …": a year before "found" does not make it a noun', () => {
  const text = 'The port kept quiet, though a review panel in 2009 found the ferry firm was in breach of the lease.'
  assert.equal(span(text, only(analyseText(text), 'the ferry firm was in breach').speakerMention), 'a review panel')
  // A finder that is no adjudicator, document or count still reports nothing.
  assert.equal(find(analyseText('A diver in 2009 found the ferry bell on the sea floor.'), 'the ferry bell'), undefined)
})

test('"Campaigning in Ohio in 2012, Ruiz barely mentioned X": a fronted participle phrase is no trailing content, the act still reports', () => {
  const text = 'Campaigning against Tom Berg in 2012, Mayor Ann Ruiz barely mentioned the harbour.'
  const q = only(analyseText(text), 'the harbour')
  assert.equal(q.speaker?.name, 'Ann Ruiz')
  assert.equal(find(analyseText(text), 'Campaigning'), undefined)
})
