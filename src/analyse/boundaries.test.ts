/**
 * Where a quote starts and ends (issue #4, third pass): each test is a small
 * hand-written text for one rule.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText, normaliseMarks } from './index.js'
import { find, only, span } from './testing.js'

test('the appositive after an inverted attribution describes the speaker; it is not more content', () => {
  const text = 'The first television ad could run this week, said Brian Baker, a longtime adviser to the family who oversees the campaign.'
  const q = only(analyseText(text), 'The first television ad')
  assert.equal(q.speaker?.name, 'Brian Baker')
  assert.equal(q.content.length, 1)
  assert.equal(span(text, q.content[0] ?? null), 'The first television ad could run this week')
})

test('the sentence resumes after the speaker’s appositive: "The plan, said Chan, a senior analyst, is …"', () => {
  const text = 'The plan, said Jeremy Chan, a senior analyst at Eurasia Group, is unlikely to survive the summit.'
  const q = only(analyseText(text), 'The plan')
  assert.deepEqual(q.content.map((s) => span(text, s)), ['The plan', 'is unlikely to survive the summit'])
  assert.equal(q.speaker?.name, 'Jeremy Chan')
})

test('a second cue between two quotations makes two quotes: “A,” she said, adding later, “B.”', () => {
  const text = '“We certainly cannot afford this any longer,” Ines Varga said, adding later, “The fund is costing us a fortune.”'
  const a = analyseText(text)
  const first = only(a, 'We certainly cannot afford')
  const second = only(a, 'The fund is costing us')
  assert.notEqual(first, second)
  assert.equal(span(text, second.cue), 'adding')
  assert.equal(second.speaker?.name, 'Ines Varga')
  assert.doesNotMatch(first.text, /fortune/)
})

test('a quotation interrupted by its cue and a place with abbreviations is still one quote', () => {
  const text = '“I think the moderator will be very fair,” Ines Varga said during a rally in Kenansville, N.C., “but a lot of people are going to be watching.”'
  const a = analyseText(text)
  const q = only(a, 'I think the moderator')
  assert.match(q.text, /a lot of people are going to be watching/)
  assert.equal(find(a, 'but a lot of people'), undefined)
})

test('"by saying": the subject of the sentence speaks', () => {
  const text = 'Mayor Ines Varga responded to the protesters on Wednesday night by saying the budget cuts were a manufactured issue.'
  const q = only(analyseText(text), 'the budget cuts were')
  assert.equal(q.speaker?.name, 'Ines Varga')
  assert.equal(span(text, q.cue), 'saying')
})

test('evidence far from its verb, or with a finding for object, is attributed to the document', () => {
  const text =
    'A 2019 study by Lakeshore University economist Omar Haddad found 31 cases of fraud out of more than a billion ballots. ' +
    'A harbour authority report released last year found that the cranes were unsafe. ' +
    'Data from the 2020 port census show that dock work fell by a third. ' +
    'The Harbour Herald’s Battleground States average shows Varga ahead by four points.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, '31 cases of fraud').speakerMention), 'A 2019 study')
  assert.equal(span(text, only(a, 'that the cranes were unsafe').speakerMention), 'A harbour authority report')
  assert.equal(span(text, only(a, 'that dock work fell').speakerMention), 'Data')
  assert.match(span(text, only(a, 'Varga ahead by four points').speakerMention) ?? '', /States average$/)
})

test('a picture shows what it depicts, which is no claim; a main verb after the subject is not a postmodifier', () => {
  const text =
    'A photo posted by the club shows the captain lifting a woman onto a stretcher. ' +
    'The ministry’s consular office also published a notice on Tuesday warning travellers about the floods.'
  const a = analyseText(text)
  assert.equal(find(a, 'the captain lifting'), undefined)
  assert.ok(!a.quotes.some((q) => span(text, q.speakerMention)?.endsWith('also')), JSON.stringify(a.quotes.map((q) => span(text, q.speakerMention))))
})

test('a sentence that reports one thing and quotes another: each part has its own speaker', () => {
  const text =
    'Lena Marsh, the transport minister, spoke on Friday. She said cyclists would not be charged for the new bridge, ' +
    'and when pressed on why the plan leaves out scooters, the ferry operator Omar Haddad replied, “It is meant to protect the pier.”'
  const a = analyseText(text)
  const reported = only(a, 'cyclists would not be charged')
  assert.equal(reported.speaker?.name, 'Lena Marsh')
  assert.equal(span(text, reported.content.at(-1) ?? null), 'cyclists would not be charged for the new bridge')
  assert.equal(only(a, 'It is meant to protect').speaker?.name, 'Omar Haddad')
})

test('a cue inside a condition does not take the quotation from the sentence’s speaker', () => {
  const text =
    'Senator Jon Tamsin said Sunday that the mayor campaigned on cheap fares, but if the mayor is now saying, “We will raise the fares to pay for the bridge,” that is not the direction to go.'
  const q = only(analyseText(text), 'We will raise the fares')
  assert.notEqual(span(text, q.speakerMention), 'the mayor')
})

test('a possessive name heading a longer addressee, and a time between the cue and the content', () => {
  const text =
    'Councillor Maren Holt, 56, told the Harbour Herald’s weekly video series it is clear the ferry contract was rigged. ' +
    'Mayor Ilse Varga said after the vote she would not sign the contract.'
  const a = analyseText(text)
  assert.equal(only(a, 'it is clear the ferry contract').speaker?.name, 'Maren Holt')
  assert.equal(only(a, 'she would not sign').speaker?.name, 'Ilse Varga')
})

test('"who in 2010 said …": a year between the relative pronoun and its cue; the main clause resumes after it', () => {
  const text = 'Omar Haddad, who in 2010 said the harbour would never be sold, declined to comment on Friday.'
  const q = only(analyseText(text), 'the harbour would never be sold')
  assert.equal(q.speaker?.name, 'Omar Haddad')
  assert.equal(q.text, 'the harbour would never be sold')
})

test('the people close to someone speak, not the person they are close to', () => {
  const text =
    'Mayor Ilse Varga will decide next week. Those close to her say that she will run again. ' +
    'Advisers to the mayor say the ferry contract will be signed. A source close to the talks said the deal was off.'
  const a = analyseText(text)
  for (const [content, speaker] of [
    ['that she will run again', 'Those close to her'],
    ['the ferry contract will be signed', 'Advisers to the mayor'],
    ['the deal was off', 'A source close to the talks'],
  ] as const) {
    const q = only(a, content)
    assert.equal(span(text, q.speakerMention), speaker)
    assert.notEqual(q.speaker?.name, 'Ilse Varga')
  }
})

test('a quotation after "as" is the word of the subject who characterises, not of a passive subject or a role', () => {
  const text =
    'Councillor Maren Holt has been steadily pounding the mayor as a “ferry wrecker” for months. ' +
    'The budget was described as “reckless” by the auditors. ' +
    'The singer Omar Haddad performed as “the Captain” for a decade.'
  const a = analyseText(text)
  const q = only(a, 'the mayor as a “ferry wrecker”')
  assert.equal(q.speaker?.name, 'Maren Holt')
  assert.equal(q.kind, 'mixed')
  assert.equal(find(a, 'reckless'), undefined)
  assert.equal(find(a, 'the Captain'), undefined)
})

test('the one named belongs to the name given: "called the plan “a fantasy” for …", up to the reporter’s time and place', () => {
  const text =
    'Councillor Ada Brink called the harbour plan “a fantasy” for the fishing fleet on Tuesday. ' +
    'Omar Haddad described the mayor as a “safe pair of hands” who “never panics.”'
  const a = analyseText(text)
  const plan = only(a, 'the harbour plan')
  assert.equal(plan.text, 'the harbour plan “a fantasy” for the fishing fleet')
  assert.equal(plan.kind, 'mixed')
  assert.equal(plan.speaker?.name, 'Ada Brink')
  assert.match(only(a, 'the mayor as a').text, /“never panics\.”$/)
})

test('a quotation closed after a full stop ends its sentence; the next sentence has its own speaker', () => {
  const text = 'The port authority accused the mayor of “reckless spending.” Ferry operator Omar Haddad said the fares are “out of control.”'
  const a = analyseText(text)
  const q = only(a, 'the fares are')
  assert.equal(q.speaker?.name, 'Omar Haddad')
  assert.doesNotMatch(q.text, /reckless/)
})

test('typewriter marks: a closing pair stays against its words, so the next sentence starts clean', () => {
  const text = "Her statement was ''not in line with our editorial policy.'' The network said it would send Ms. Martin to Crimea."
  const normalised = normaliseMarks(text)
  assert.equal(normalised.length, text.length)
  assert.match(normalised, /policy\."\s+The network/)
  const q = only(analyseText(text), 'it would send')
  assert.equal(span(text, q.speakerMention), 'The network')
  assert.equal(q.text, 'it would send Ms. Martin to Crimea')
})

test('nouns in -ly are no adverbs; an adverb in -ly between a subject and its cue is skipped', () => {
  const text = 'The family said the inquiry had failed them. Residents angrily told the council the pier was unsafe.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'the inquiry had failed').speakerMention), 'The family')
  assert.equal(span(text, only(a, 'the pier was unsafe').speakerMention), 'Residents')
})

test('a subject described by a participle or a relative clause between commas', () => {
  const text =
    'The reports, citing unnamed sources close to the talks, said the discussions would resume in May. ' +
    'The ferry will be sold, said the harbour master, who has run the port for a decade.'
  const a = analyseText(text)
  const reports = only(a, 'the discussions would resume')
  assert.equal(span(text, reports.speakerMention), 'The reports')
  const sold = only(a, 'The ferry will be sold')
  assert.equal(sold.text, 'The ferry will be sold')
  assert.equal(span(text, sold.speakerMention), 'the harbour master')
})

test('"…, she says, and …": the speaker’s sentence goes on after the attribution', () => {
  const text = 'Ana Ruiz lost her brother in May. He went to the clinic that day, she says, and died over $7 of medicine.'
  const q = only(analyseText(text), 'He went to the clinic')
  assert.equal(q.speaker?.name, 'Ana Ruiz')
  assert.equal(span(text, q.content.at(-1) ?? null), 'and died over $7 of medicine')
})

test('first names from many languages give a person a gender for "she" and "he"; a pronoun opens a clause', () => {
  const text = 'Ines Varga and Tomas Reyes run the ferry. The pier closed that day, she said. He went home early, he said.'
  const a = analyseText(text)
  assert.equal(only(a, 'The pier closed').speaker?.name, 'Ines Varga')
  assert.equal(only(a, 'He went home early').speaker?.name, 'Tomas Reyes')
})

test('a document is its own source, never the person last named; its participle phrase is no content', () => {
  const text =
    'Dennis Brooks runs the shelter on King Street.\n\n' +
    'According to the city’s Street Needs Assessment, published in November, the number of people sleeping outdoors rose to 8,715.'
  const q = only(analyseText(text), 'the number of people sleeping outdoors')
  assert.notEqual(q.speaker?.name, 'Dennis Brooks')
  assert.equal(q.speaker?.kind, 'organisation')
  assert.equal(span(text, q.speakerMention), 'the city’s Street Needs Assessment')
})

test('review fixes: a new clause after "…, X said, but"; one quotation interrupted "in a tweet"; no resumed quote without a cue', () => {
  const a = analyseText('The bridge is unsafe, the engineer said, but the council voted to reopen it anyway.')
  assert.equal(only(a, 'The bridge is unsafe').text, 'The bridge is unsafe')
  const tweet = '“We won,” Ines Varga said in a tweet, “and we will win again next year.”'
  const b = analyseText(tweet)
  assert.equal(b.quotes.length, 1, JSON.stringify(b.quotes.map((q) => q.text)))
  assert.match(b.quotes[0]?.text ?? '', /we will win again/)
  const hall = 'Residents, “angry and tired,” and business owners, “worried about the future of the strip,” packed the hall.'
  assert.equal(find(analyseText(hall), 'worried about the future'), undefined)
})

test('review fixes: a capitalised "May" after an inverted cue is a name; "went … as" and a passive "cast as" are no characterisation', () => {
  const may = analyseText('The port will reopen next week, said Prime Minister Theresa May.')
  assert.equal(only(may, 'The port will reopen').speaker?.name, 'Theresa May')
  const roles = analyseText('Omar Haddad went on stage as “the Captain” every night. Ines Varga has been cast as the “villain” of the strike.')
  assert.equal(find(roles, 'the Captain'), undefined)
  assert.equal(find(roles, 'villain'), undefined)
})

test('review fixes: a short attribution after a quotation closed by a full stop still attributes it', () => {
  const q = only(analyseText('“The plan is dead.” Omar Haddad said.'), 'The plan is dead')
  assert.equal(q.speaker?.name, 'Omar Haddad')
})

test('"…, including …" is a preposition: the reported clause goes on', () => {
  const text = 'Mayor Ines Varga said the city would repair every pier, including the two closed since the storm.'
  assert.equal(only(analyseText(text), 'the city would').text, 'the city would repair every pier, including the two closed since the storm')
})

test('a colon inside a reported clause introduces its list; a quotation after the colon stays a quote of its own', () => {
  const list = 'Omar Haddad said the ferry needs three things: a new engine, a second crew and a dry dock.'
  assert.equal(only(analyseText(list), 'the ferry needs').text, 'the ferry needs three things: a new engine, a second crew and a dry dock')
  const quoted = 'Omar Haddad said the ferry had one problem left: “Nobody wants to pay for the engine.”'
  const a = analyseText(quoted)
  assert.equal(only(a, 'Nobody wants to pay').kind, 'direct')
  assert.ok(a.quotes.every((q) => !q.text.includes('left: “Nobody')))
})

test('the reporter’s own clause after a comma ends the content: "…, although …", "…, and the fleet is …"', () => {
  const text =
    'Ines Varga said the pier would reopen in May, although the port has not set a date. ' +
    'Omar Haddad said the fares would rise by a third, and the ferry company has already printed the new tickets.'
  const a = analyseText(text)
  assert.equal(only(a, 'the pier would').text, 'the pier would reopen in May')
  assert.equal(only(a, 'the fares would').text, 'the fares would rise by a third')
})

test('"…, but" with a new subject and "…, even as …" are the reporter’s; "…, but it is …" goes on with the speaker', () => {
  const text =
    'Ines Varga said the ferry would run all winter, but the port authority has cut its budget. ' +
    'Omar Haddad said the fares had stayed flat, even as fuel prices doubled. ' +
    'Lena Brooks said the new pier is a good start, but it is far too small.'
  const a = analyseText(text)
  assert.equal(only(a, 'the ferry would').text, 'the ferry would run all winter')
  assert.equal(only(a, 'the fares had').text, 'the fares had stayed flat')
  assert.equal(only(a, 'the new pier').text, 'the new pier is a good start, but it is far too small')
})

test('a pair of dashes brackets an aside the content goes on after; a new clause after the pair does not', () => {
  const text =
    'Lina Ortiz said that the old pier — built in 1920 — will close in May. ' +
    'Omar Haddad said the ties between dock workers — especially young ones — and the port need work. ' +
    'When Ines Varga noted that the levy had never been collected — as was true for a decade — Tomas Berg laughed.'
  const a = analyseText(text)
  assert.equal(only(a, 'that the old pier').text, 'that the old pier — built in 1920 — will close in May')
  assert.equal(only(a, 'the ties between').text, 'the ties between dock workers — especially young ones — and the port need work')
  assert.equal(only(a, 'that the levy').text, 'that the levy had never been collected')
})

test('a description of the name closing the content is the reporter’s: "…, the favourite of the port unions"; a list of names is not', () => {
  const text =
    'Ines Varga said she would not back Omar Haddad, the favourite of the port unions. ' +
    'Tomas Berg said the levy could be shared with Northline, the ferry company that runs the night crossings. ' +
    'Lena Brooks said the fund had honoured several captains, including the pilot Ana Ruiz, the engineer Piet Kos and the diver Sam Ode.'
  const a = analyseText(text)
  assert.equal(only(a, 'she would not back').text, 'she would not back Omar Haddad')
  assert.equal(only(a, 'the levy could be').text, 'the levy could be shared with Northline')
  assert.match(only(a, 'the fund had').text, /and the diver Sam Ode$/)
})

test('a quotation its sentence goes on from is part of a reported clause: "said that, “…” against …"', () => {
  const text =
    'Ines Varga said that, “Of course the port will appeal” against what she sees as a rushed ruling. ' +
    '“You emptied the pension fund” to pay your own bonuses, Omar Haddad told the board. ' +
    '“The Long Night” opens at the harbour theatre on Friday.'
  const a = analyseText(text)
  const appeal = only(a, 'that, “Of course')
  assert.equal(appeal.text, 'that, “Of course the port will appeal” against what she sees as a rushed ruling')
  assert.equal(appeal.kind, 'mixed')
  assert.equal(only(a, 'You emptied').text, '“You emptied the pension fund” to pay your own bonuses')
  assert.equal(find(a, 'The Long Night'), undefined)
})

test('an irregular past verb makes the sentence go on after a parenthetical attribution: "…, she said, until it went …"', () => {
  const text = 'The shipyard was the biggest employer in town, Ines Varga said, until it went bankrupt in 1998.'
  const q = only(analyseText(text), 'The shipyard')
  assert.deepEqual(q.content.map((s) => span(text, s)), ['The shipyard was the biggest employer in town', 'until it went bankrupt in 1998'])
})

test('a gerund subject after a parenthetical attribution goes on with the sentence: "…, she said, replacing the mayor would …"', () => {
  const text = 'Though the first vote went smoothly, Ines Varga said, replacing the mayor would be much harder. The port stayed open all winter, Omar Haddad said, running ferries at night.'
  const a = analyseText(text)
  const vote = only(a, 'Though the first vote')
  assert.deepEqual(vote.content.map((s) => span(text, s)), ['Though the first vote went smoothly', 'replacing the mayor would be much harder'])
  assert.equal(only(a, 'The port stayed open').text, 'The port stayed open all winter')
})

test('a comma inside the closing mark ends the reported clause before the reporter’s own: "…,” though she noted …"', () => {
  const text =
    'Ines Varga said she speaks about the port because “you talk about the issues in front of you,” though she noted she has also pushed for new ferries. ' +
    'A harbour survey found that most sailors think the pier is “fit to use,” while a third of them said the same of the dock.'
  const a = analyseText(text)
  assert.equal(only(a, 'she speaks about the port').text, 'she speaks about the port because “you talk about the issues in front of you,”')
  assert.equal(only(a, 'she has also pushed').speaker?.name, 'Ines Varga')
  assert.equal(only(a, 'that most sailors').text, 'that most sailors think the pier is “fit to use,”')
})

test('a report inside a fronted subordinate clause ends where the main clause starts: "While X said …, Y is …"', () => {
  const text =
    'While her advisers have suggested the ferry plan is the best hope for the island, Ines Varga is also determined to court the dockers. ' +
    'Although Omar Haddad has admitted using the old loophole, he does not defend it. ' +
    'While he acknowledged the budget was a major reason he felt tired, Haddad also noted several problems left him angry.'
  const a = analyseText(text)
  assert.equal(only(a, 'the ferry plan').text, 'the ferry plan is the best hope for the island')
  assert.equal(only(a, 'using the old loophole').text, 'using the old loophole')
  assert.equal(only(a, 'the budget was').text, 'the budget was a major reason he felt tired')
  assert.equal(only(a, 'several problems').text, 'several problems left him angry')
  assert.equal(find(a, 'While he acknowledged'), undefined)
})

test('a horizontal bar opens the reporter’s aside as a dash does: "… ― a blow to …"', () => {
  const text = 'Ines Varga said the ferry would stop at the old pier ― a blow to the island.'
  assert.equal(only(analyseText(text), 'the ferry would stop').text, 'the ferry would stop at the old pier')
})

test('a past verb coordinated after an object is the speaker’s next act, not more content: "promised a veto and attempted to …"', () => {
  const text =
    'Omar Haddad has promised a swift veto of the levy and attempted to make the case to both parties that it is a bad idea. ' +
    'Ines Varga described the crash as a “terrible situation,” but stopped short of calling it a crime. ' +
    'Omar Haddad said unemployment and lost earning power have broad effects on the island.'
  const a = analyseText(text)
  assert.equal(only(a, 'a swift veto').text, 'a swift veto of the levy')
  assert.equal(only(a, 'the crash as').text, 'the crash as a “terrible situation,”')
  assert.equal(only(a, 'unemployment and lost').text, 'unemployment and lost earning power have broad effects on the island')
})

test('"… and encouraged X to …" is a second report by the same speaker, not more of the first', () => {
  const text = 'Omar Haddad tweeted that Varga was “disgusting” and “a con” and encouraged voters to “check out” her old tapes.'
  const a = analyseText(text)
  assert.equal(only(a, 'that Varga was').text, 'that Varga was “disgusting” and “a con”')
  const second = only(a, 'voters to')
  assert.equal(second.text, 'voters to “check out” her old tapes')
  assert.equal(second.cueText, 'encouraged')
  assert.equal(second.speaker?.name, 'Omar Haddad')
})

test('"…, using …" is the reporter’s participle, as longer ones are', () => {
  const text = 'The harbour survey shows Varga ahead by four points in the county, using an average of the five most recent polls.'
  assert.equal(only(analyseText(text), 'Varga ahead').text, 'Varga ahead by four points in the county')
})

test('"Having said that, …" is the writer’s turn of phrase: no report, no speaker "Having"', () => {
  const text = 'Ports should pay some form of levy. Having said that, there are some economists who argue that the levy should be small.'
  const a = analyseText(text)
  assert.equal(find(a, 'there are some economists'), undefined)
  assert.ok(!a.quotes.some((q) => q.speaker?.name === 'Having'))
})

test('"…, X will insist on being X": a verb with a preposition and a gerund is no trailing attribution', () => {
  const text = 'Voters saw again at the debate that whatever the setting, whatever the stakes, Omar Haddad will insist on being himself.'
  assert.ok(!analyseText(text).quotes.some((q) => q.speaker?.name === 'Omar Haddad'))
})

test('a state’s abbreviation between commas belongs to the place in a speech act’s object: "criticized Tulsa, Okla., police …"', () => {
  const text = 'Ines Varga criticized Tulsa, Okla., police officer Omar Haddad for the arrest. Ines Varga criticized Haddad, a former sheriff.'
  const a = analyseText(text)
  assert.equal(only(a, 'Tulsa').text, 'Tulsa, Okla., police officer Omar Haddad for the arrest')
  assert.equal(find(a, 'a former sheriff'), undefined)
})

test('"those who …" in a speech act’s object keeps its relative clause; "Haddad, who …" does not', () => {
  const text = 'Ines Varga echoed claims by the mayor that those who question the levy harm the port. Ines Varga endorsed Omar Haddad, who runs the ferry.'
  const a = analyseText(text)
  assert.equal(only(a, 'claims by the mayor').text, 'claims by the mayor that those who question the levy harm the port')
  assert.equal(only(a, 'Omar Haddad').text, 'Omar Haddad')
})

test('a fronted subordinate clause ends where "X said" opens the main clause: "Back when she wrote her book, Varga said that …"', () => {
  const text = 'Back when she wrote her book, Ines Varga said that she considered debt a last resort.'
  const q = only(analyseText(text), 'that she considered debt')
  assert.equal(q.text, 'that she considered debt a last resort')
  assert.equal(find(analyseText(text), 'her book'), undefined)
})

test('", and the share of voters who …": a plural in the subject’s "of" phrase is no verb, so the report goes on', () => {
  const text = 'A survey found that few voters thought of the ferry as a high priority, and the share of voters who accepted the levy had tumbled.'
  assert.equal(only(analyseText(text), 'that few voters').text, 'that few voters thought of the ferry as a high priority, and the share of voters who accepted the levy had tumbled')
})

test('a short list closed by "and" up to the sentence’s end goes on the name given: "called X a fraud, liar and bully"', () => {
  const text = 'One of the growers who signed the petition called Mayor Lund a fraud, liar and bully. The vote is on Friday.'
  assert.equal(only(analyseText(text), 'a fraud').text, 'a fraud, liar and bully')
  const other = 'Councillor Petra Voss called the levy a burden, and the mayor said it would stay.'
  assert.equal(only(analyseText(other), 'the levy').text, 'the levy a burden')
})

test('the quotation resumes after its attribution and a conjunction: “A,” she said, but “B.”', () => {
  const text = 'The board met on Monday. “I respect the mayor,” Ines Varga said, but “when it comes to the harbour, he has never listened.”'
  const q = only(analyseText(text), 'I respect the mayor')
  assert.deepEqual(q.content.map((s) => span(text, s)), ['I respect the mayor', 'when it comes to the harbour, he has never listened'])
  assert.equal(q.speaker?.name, 'Ines Varga')
})

test('the setting of a speech act ("during a campaign stop in …") and all after it is left out of its content', () => {
  const text =
    'Ines Varga criticized the ferry contract as a “costly mistake” during a campaign stop in Bodø, Norway, for her party’s candidate.\n\n' +
    'Tomas Berg criticized the spending during the long strike at the northern yards.'
  const a = analyseText(text)
  assert.equal(only(a, 'the ferry contract as').text, 'the ferry contract as a “costly mistake”')
  assert.equal(only(a, 'the spending').text, 'the spending during the long strike at the northern yards')
})

test('a connective opening the sentence ("However,", "Meanwhile,") is the reporter\'s, not part of what was said', () => {
  const text = 'However, the harbour deal is likely to collapse, according to Rosa Ferreira, a lawyer for the port. Meanwhile, rents will rise again next year, the council said.'
  const a = analyseText(text)
  assert.equal(only(a, 'the harbour deal').text, 'the harbour deal is likely to collapse')
  assert.equal(only(a, 'rents will rise').text, 'rents will rise again next year')
})
