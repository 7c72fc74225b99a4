/**
 * Constructions fixed in the second pass (issue #4): each test is a small
 * hand-written text for one rule.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'


test('a continuation keeps the mention of the quote it continues', () => {
  const text = '“The bridge will reopen in May,” said Priya Nandakumar, the city engineer. “We found no damage to the deck.”'
  const a = analyseText(text)
  const second = only(a, 'We found no damage')
  assert.equal(second.continuation, true)
  assert.equal(second.speaker?.name, 'Priya Nandakumar')
  assert.equal(span(text, second.speakerMention), 'Priya Nandakumar')
})

test('an attribution between commas: the content is the sentence on both sides', () => {
  const text = 'Olaf Brandt runs the ferry service. When the storm reached the harbour, he said, every boat was already tied up.'
  const q = only(analyseText(text), 'When the storm reached the harbour')
  assert.equal(q.content.length, 2)
  assert.equal(span(text, q.content[1] ?? null), 'every boat was already tied up')
  assert.equal(q.speaker?.name, 'Olaf Brandt')
})

test('the reporter’s participle after an inverted attribution is not content', () => {
  const text = 'Since the merger, the firm has been taking bigger risks, said Dana Whitfield, openly courting rival clients and hiring away their staff.'
  const q = only(analyseText(text), 'Since the merger')
  assert.equal(q.content.length, 1)
  assert.ok(!q.text.includes('courting'))
})

test('a noun that looks like a cue ("a swing state") is no verb; the real subject speaks', () => {
  const text = 'Gov. Marta Oyelaran, facing a hard race in Ohio, a swing state, said she would welcome the debate.'
  const a = analyseText(text)
  assert.equal(a.quotes.length, 1)
  const q = only(a, 'she would welcome the debate')
  assert.equal(q.speaker?.name, 'Marta Oyelaran')
})

test('"…, but she said …" ends the first content and starts a second quote', () => {
  const text = 'Nadia Kurtz said the plan needs more money, but she said the council would still vote on Friday.'
  const a = analyseText(text)
  const first = only(a, 'the plan needs more money')
  assert.ok(!first.text.includes('council'))
  assert.ok(find(a, 'the council would still vote'))
})

test('"…, said X" after a name that ends the content: the name after the cue speaks', () => {
  const text = 'The mayor should start building bridges to Mr. Okafor, said Ruth Delacroix, a former adviser to the council.'
  const q = only(analyseText(text), 'The mayor should start building bridges')
  assert.equal(q.speaker?.name, 'Ruth Delacroix')
})

test('a proportion is a subject: "eight in 10 voters said …"', () => {
  const text = 'Nearly eight in 10 local voters said they have already made up their minds about the referendum.'
  const q = only(analyseText(text), 'they have already made up their minds')
  assert.match(q.speaker?.name ?? '', /voters/)
})

test('a possessive description before the name: the named person speaks, not the possessor', () => {
  const text = 'Veteran climber Tomas Varga died on Sunday.\n\n“Shattered and lost,” writes Varga’s longtime rope partner Ines Morel on her blog. “He was my brother.”'
  const a = analyseText(text)
  assert.equal(only(a, 'Shattered and lost').speaker?.name, 'Ines Morel')
  assert.equal(only(a, 'He was my brother').speaker?.name, 'Ines Morel')
})

test('"according to his wife, Amanda, …": the name set off by commas is the speaker, not "his wife"', () => {
  const text = 'Painter Leo Marsh died on Friday. According to his wife, Greta, Marsh had been ill with a rare lung disease for years.'
  const a = analyseText(text)
  const q = only(a, 'Marsh had been ill')
  assert.equal(q.speaker?.name, 'Greta')
  assert.ok(!a.entities.some((e) => /wife/i.test(e.name)))
})

test('an unnamed relative ("his daughter") is a mention, never a person', () => {
  const text = 'The drummer Ken Baxter died in March. His daughter said he died at home without pain.'
  const q = only(analyseText(text), 'he died at home')
  assert.equal(q.speaker, null)
  assert.equal(span(text, q.speakerMention), 'His daughter')
})

test('"You" of an interviewer is not a speaker', () => {
  const text = '((WN)) You mentioned that the grant was cut last year, and the lab had to close.'
  const a = analyseText(text)
  assert.ok(a.quotes.every((q) => q.speaker?.name !== 'You'))
})

test('"the “United States”" holds no cue "States", and "United" is no speaker', () => {
  const text = '“This shows no grasp of the facts. The “United States” is not holding any prisoners there,” the senator said.'
  const a = analyseText(text)
  assert.ok(a.quotes.every((q) => q.speaker?.name !== 'United'))
})

test('a brand led by a common word ("Red Hat") is not a person', () => {
  const text = 'Software company Red Hat announced on Tuesday that it would end support for the old release.'
  const a = analyseText(text)
  assert.ok(!a.entities.some((e) => e.kind === 'person' && e.name === 'Red Hat'))
  assert.equal(a.quotes[0]?.speaker?.kind, 'organisation')
})

test('a speaker mention does not end in a verb or adverb', () => {
  const text = 'Kemal Arslan formally said the documents were covered by privilege.'
  const q = only(analyseText(text), 'the documents were covered')
  assert.equal(q.speaker?.name, 'Kemal Arslan')
})

test('people named in a photo caption are not pronoun antecedents', () => {
  const text = 'Author Lena Hart has written a history of the night trains.\n\nRetired conductor Paul Weber at the station in 1999. ( Mia Lund / Daily Star )\n\n“Those men changed the country,” he says.'
  const q = only(analyseText(text), 'Those men changed the country')
  assert.notEqual(q.speaker?.name, 'Paul Weber')
})

test('a hyphenated epithet ("the bow-tied maverick") names the person the passage is about', () => {
  const text = '“Every editor turned me down,” says cartoonist Omar Reyes. “In my work, disability is ordinary,” says the bow-tied maverick.'
  const q = only(analyseText(text), 'In my work')
  assert.equal(q.speaker?.name, 'Omar Reyes')
})

test('short quoted items of a list are not quotations', () => {
  const text = '“I read every entry,” said Hana Ruiz, the editor. The words on the list are “synergy,” “pivot,” “circle back” and “bandwidth.”'
  const a = analyseText(text)
  assert.deepEqual(a.quotes.map((q) => q.text), ['I read every entry'])
})

test('a person "with" or "of" an organisation speaks, not the organisation', () => {
  const text = 'Ivo Pavlik with the Lakeside Health Authority says there are many reasons for the delays. Jane Moss of the Harbour Institute said the levy would fail.'
  const a = analyseText(text)
  assert.equal(only(a, 'there are many reasons').speaker?.name, 'Ivo Pavlik')
  assert.equal(only(a, 'the levy would fail').speaker?.name, 'Jane Moss')
})

test('"said a statement released by X": the body that issued it speaks', () => {
  const text = '“We will keep talking,” said a statement released by the Prime Minister’s Office.'
  const q = only(analyseText(text), 'We will keep talking')
  assert.equal(q.speaker?.name, 'the Prime Minister’s Office')
  assert.equal(q.speaker?.kind, 'organisation')
})

test('nouns and objects are not reported speech: "from states", "added a goal", "would not say", "continues,"', () => {
  const cases = [
    'Four senators from states where the mayor is popular lost their seats in the autumn.',
    'Greg Lomax and Pia Hart each added a goal and an assist as the home side won the final.',
    'Bram Kessler would not say which members are planning to retire before the vote.',
    'The longer the strike continues, the bigger the backlog the office will face later.',
    'Most Southern states that will hold contests in March have large minority populations.',
  ]
  for (const text of cases) assert.deepEqual(analyseText(text).quotes, [], text)
})

test('"according to" any source phrase; a bare description is the mention, not a person', () => {
  const text = 'The meeting turned into a gripe session about the budget, according to people in attendance.'
  const q = only(analyseText(text), 'The meeting turned into a gripe session')
  assert.equal(span(text, q.speakerMention), 'people in attendance')
  assert.notEqual(q.speaker?.kind, 'person')
})

test('polls and records "show" or "find"; people who "found" something do not report it', () => {
  const a = analyseText('New polls show the mayor has lost ground among older voters this spring.')
  assert.ok(find(a, 'the mayor has lost ground'))
  assert.deepEqual(analyseText('Rescuers found the hikers were safe but cold after the night.').quotes, [])
})

test('transcript turns: a capitalised label opens the speaker’s turn', () => {
  const text = 'JANE REYES: Do you think the plan will pass this year?\n\nOKAFOR: I think it will pass. We have the votes.\n\nREYES: Thank you for joining us today.'
  const a = analyseText(text)
  const answer = only(a, 'I think it will pass')
  assert.equal(answer.text, 'I think it will pass. We have the votes')
  assert.equal(answer.speaker?.name, 'Okafor')
  assert.equal(only(a, 'Thank you for joining').speaker?.name, 'Jane Reyes')
  // Section labels of a round-up, each used once, are not speakers.
  assert.deepEqual(analyseText('BONDS: Bond prices fell on Monday.\n\nCURRENCIES: The dollar rose against the yen.').quotes, [])
})

test('a transcript printed as one long quotation: each turn is its own speaker’s', () => {
  const text =
    'Mayor Lina Ortiz spoke to the station on Sunday. Partial transcript as follows:\n\n' +
    '"HOST: Will the budget pass this week?\n\n' +
    '"ORTIZ: I expect it will pass. We have the votes on the council.\n\n' +
    '"HOST: And if it fails?\n\n' +
    '"ORTIZ: Then we start again in January."'
  const a = analyseText(text)
  const answer = only(a, 'I expect it will pass')
  assert.equal(answer.text, 'I expect it will pass. We have the votes on the council')
  assert.equal(answer.speaker?.name, 'Lina Ortiz')
  assert.equal(only(a, 'And if it fails').speaker?.name, 'Host')
  assert.equal(only(a, 'Then we start again').text, 'Then we start again in January')
})

test('a transcript printed as one long quotation: paragraphs without a label go on with the turn before', () => {
  const text =
    'Mayor Lina Ortiz spoke to the station on Sunday. Partial transcript as follows:\n\n' +
    '"HOST: Will the budget pass this week?\n\n' +
    '"ORTIZ: I expect it will pass. We have the votes on the council.\n\n' +
    '"And the harbour plan is in it too.\n\n' +
    '"(CROSSTALK.)\n\n' +
    '"HOST: And if it fails?\n\n' +
    '"ORTIZ: Then we start again in January.\n\n' +
    '"Follow Ana Pike on Twitter."'
  const a = analyseText(text)
  const answer = only(a, 'I expect it will pass')
  assert.deepEqual(answer.content.map((s) => text.slice(s.start, s.end)), ['I expect it will pass. We have the votes on the council', 'And the harbour plan is in it too'])
  assert.equal(answer.speaker?.name, 'Lina Ortiz')
  assert.equal(only(a, 'And if it fails').content.length, 1)
  assert.equal(only(a, 'Then we start again').text, 'Then we start again in January')
})

test('an acronym defines its organisation, across commas', () => {
  const text = 'Forms go to Immigration, Refugees and Citizenship Canada (IRCC). Later, IRCC said the file would be reviewed soon.'
  const q = only(analyseText(text), 'the file would be reviewed')
  assert.equal(q.speaker?.name, 'Immigration, Refugees and Citizenship Canada')
  assert.equal(q.speaker?.kind, 'organisation')
})

test('an acronym used without brackets stands for the name its initials spell', () => {
  const text =
    'The family got a letter from Immigration, Refugees and Citizenship Canada saying the claim was refused.\n\n' +
    '“We cannot comment on individual cases,” IRCC said.\n\n' +
    'The Canadian Beverage Association disagreed. “Taxes on drinks do not work,” the CBA said.'
  const a = analyseText(text)
  assert.equal(only(a, 'We cannot comment').speaker?.name, 'Immigration, Refugees and Citizenship Canada')
  assert.equal(only(a, 'Taxes on drinks').speaker?.name, 'the Canadian Beverage Association')
})

test('an unresolved "she" goes to the article’s main woman', () => {
  const text = 'Wanda Pell runs the shelter. Pell opened it in 2010 after a fire. Pell says the winter is the hardest time.\n\nThe city said funding would rise. Officials met on Monday.\n\nThe council added two beds, officials said.\n\nThe doors open at six, she says, and fill up fast.'
  const q = only(analyseText(text), 'The doors open at six')
  assert.equal(q.speaker?.name, 'Wanda Pell')
})

test('a short bracket after the name, a relative clause after a description, a pronoun after the cue', () => {
  const a = analyseText('Sen. Mara Quist (D-Ore.) said she will publish her tax returns this week.')
  assert.equal(only(a, 'she will publish').speaker?.name, 'Mara Quist')
  const b = analyseText('A city hall official, who asked not to be named, said the mayor has already signed the order.')
  assert.equal(span('A city hall official, who asked not to be named, said the mayor has already signed the order.', only(b, 'the mayor has already signed').speakerMention), 'A city hall official')
  const c = analyseText('Despite the cold weather, local farmers said they welcome the early rain.')
  assert.ok(find(c, 'they welcome the early rain'))
})

test('"Schumer, he said, knows …": a name inside the content is not the pronoun’s antecedent', () => {
  const text = '“It is the old story,” said Sen. Ruth Abara. Okonkwo, she said, “knows the minds of her colleagues.”'
  const q = only(analyseText(text), 'knows the minds')
  assert.equal(q.speaker?.name, 'Ruth Abara')
})

test('a title before the subject keeps it the subject: "Liberal MP Marco Mendicino … “…,” he said."', () => {
  const text = '“We had no pressure at all,” Lars Dunmore said in the House.\n\nLiberal MP Piet Oosten went on the radio later to rebut the claim.\n\n“Neither directed nor pressured,” he said.'
  const q = only(analyseText(text), 'Neither directed nor pressured')
  assert.equal(q.speaker?.name, 'Piet Oosten')
})

test('a role word before a first name is a title ("Author Dorothy Brandt"); "has written books" is no quote', () => {
  const text = 'Author Dorothy Brandt visited the kitchen. Even though Brandt has written books with famous chefs, she maintains that she was always a home cook.'
  const a = analyseText(text)
  assert.ok(a.entities.some((e) => e.name === 'Dorothy Brandt'))
  assert.equal(a.quotes.length, 1)
  assert.equal(only(a, 'that she was always a home cook').speaker?.name, 'Dorothy Brandt')
})

test('descriptions keep their modifiers; two people can speak together', () => {
  const a = analyseText('“Talks will resume,” said a person familiar with the talks. Several immigration lawyers and experts say the rule is not binding on anyone.')
  assert.equal(only(a, 'Talks will resume').speaker?.name, 'a person familiar with the talks')
  assert.equal(only(a, 'the rule is not binding').speaker?.name, 'Several immigration lawyers and experts')
  const b = analyseText('Nora Pike met Tom Varga after the game. Pike and Varga said they had never spoken before that day.')
  const q = only(b, 'they had never spoken')
  assert.equal(q.speaker?.name, 'Nora Pike and Tom Varga')
  assert.equal(q.speaker?.kind, 'group')
})

test('"Nunes, the ferocious brawler who said …": the name before the description', () => {
  const text = 'The crowd cheered for Lena Ortiz, the ferocious brawler who said she would fight again in the spring.'
  const q = only(analyseText(text), 'she would fight again')
  assert.equal(q.speaker?.name, 'Lena Ortiz')
})

test('a sentence opening with another person between two quotes hands the floor over', () => {
  const text = '“It deserved to be longer,” says Omar Haddad. Sarah Lindqvist did not need much coaxing. “I am thankful for the invitation and this chance to explore.”'
  const q = only(analyseText(text), 'I am thankful')
  assert.equal(q.speaker?.name, 'Sarah Lindqvist')
})

test('a floating quotation goes to the person who last opened a sentence, not a name in a caption', () => {
  const text = '“We were told to wait,” said Dr. Ian Moss.\n\nJonas Berg, left, planned to move east. (Submitted by Mary Berg)\n\nMary Berg now lives alone with two dogs. There are no photos of Jonas on the walls.\n\nHer message is simple.\n\n“Do not share your prescriptions with anyone. It can kill.”'
  const q = only(analyseText(text), 'Do not share your prescriptions')
  assert.equal(q.speaker?.name, 'Mary Berg')
})

test('"A spokeswoman … said …" followed by a sentence naming her: the named person', () => {
  const text = 'A spokeswoman for the mayor said the plan will go ahead as announced.\n\n“We are confident about the vote,” said Sarah Okoye. “It is a good plan.”'
  const q = only(analyseText(text), 'the plan will go ahead')
  assert.equal(q.speaker?.name, 'Sarah Okoye')
})

test('shares of people speak as groups: "one in five say", "a mere 9 percent say", "three-fourths say"', () => {
  const a = analyseText('One in five say they would stay home. A mere 9 percent say they only buy local goods. By 2-1, voters see a problem, and three-fourths say the city should act.')
  for (const prefix of ['they would stay home', 'they only buy local goods', 'the city should act']) assert.equal(only(a, prefix).speaker?.kind, 'group')
})

test('"Proponents of the bill, however, say …"; "… says too many …"', () => {
  const a = analyseText('Proponents of the new bill, however, say it would keep enough safeguards in place.')
  assert.equal(only(a, 'it would keep enough safeguards').speaker?.name, 'Proponents of the new bill')
  const b = analyseText('With two camera crews filming, Nadia Perez says too many mothers feel guilty about going back to work.')
  assert.equal(only(b, 'too many mothers feel guilty').speaker?.name, 'Nadia Perez')
})

test('a phrasal cue keeps its particle: "pointed out that …"', () => {
  const q = only(analyseText('Critics pointed out that the bridge was never inspected after the flood.'), 'that the bridge was never inspected')
  assert.equal(q.speaker?.kind, 'group')
})

test('a quotation after a colon belongs to the person the sentence opens with', () => {
  const text =
    'Ruth Okafor, the harbour master, said the dredging would take a year. “The channel is silting up,” she said.\n\n' +
    'Tomas Lindqvist, a pilot on the river for twenty years, is more blunt: “Without dredging, the big ships stop coming.”\n\n' +
    'The rule is simple: “No ship enters after dark.”'
  const a = analyseText(text)
  const blunt = only(a, 'Without dredging')
  assert.equal(blunt.speaker?.name, 'Tomas Lindqvist')
  assert.equal(span(text, blunt.speakerMention), 'Tomas Lindqvist')
  // "The rule" is no speaker: the quotation only carries over from the quote before it.
  const rule = only(a, 'No ship enters')
  assert.equal(rule.continuation, true)
  assert.equal(rule.speaker?.name, 'Tomas Lindqvist')
})

test('a colon after a clause about something else does not make its subject the speaker', () => {
  const text = 'Mara Quint signed the bill, whose first line reads: “No child shall go hungry in this state.”'
  assert.equal(only(analyseText(text), 'No child shall go hungry').speaker, null)
})

test('review fixes: a trailing speaker after a verb chain, capitals mid-sentence, an appositive after "according to"', () => {
  const text =
    'The port will reopen on Monday and the ferries will run again, the mayor was saying.\n\n' +
    'Senator Ada Kole said US — and European — sanctions would stay in place for another year.\n\n' +
    'The harbour, according to Ana Ruiz, the port director, will reopen next spring.'
  const a = analyseText(text)
  assert.equal(only(a, 'The port will reopen').speaker?.name, 'the mayor')
  assert.ok(find(a, 'US — and European'), JSON.stringify(a.quotes.map((q) => q.text)))
  const harbour = only(a, 'The harbour')
  assert.equal(harbour.text, 'The harbour … will reopen next spring')
  assert.equal(harbour.speaker?.name, 'Ana Ruiz')
})

test('a cue at the end of a verb chain: progressive and "appeared to"', () => {
  const text =
    'Mara Quint is stressing that her transit plan will cut commuting times in half.\n\n' +
    'Later, Dev Patel appeared to suggest that the tunnel would never be finished.'
  const a = analyseText(text)
  const quint = only(a, 'that her transit plan')
  assert.equal(quint.speaker?.name, 'Mara Quint')
  assert.equal(span(text, quint.cue), 'is stressing')
  assert.equal(only(a, 'that the tunnel').speaker?.name, 'Dev Patel')
})

test('a place name with a comma before the "that" of the content; a dateline is not content', () => {
  const text =
    'Mara Quint says at a rally in Toledo, Ohio, that the plant will reopen next spring.\n\n' +
    'DETROIT ― The bridge toll is a tax on workers, city council members said Friday.'
  const a = analyseText(text)
  assert.equal(only(a, 'that the plant will reopen').speaker?.name, 'Mara Quint')
  assert.ok(find(a, 'The bridge toll is a tax'), JSON.stringify(a.quotes.map((q) => q.text)))
  assert.equal(find(a, 'DETROIT'), undefined)
})

test('role words between the comma and a trailing speaker; a pronoun after a time phrase or an addressee', () => {
  const text =
    'The party plans to name a candidate in the next two weeks, spokesman Martin Masse said.\n\n' +
    'Ian Poulter told the tour he would play in Hawaii for the first time since 2013.\n\n' +
    'The council stated in July it opposed the pipeline through the valley.\n\n' +
    'Kim Ode states, however, that the threats have less to do with technology.'
  const a = analyseText(text)
  const masse = only(a, 'The party plans to name')
  assert.equal(masse.speaker?.name, 'Martin Masse')
  assert.doesNotMatch(masse.text, /spokesman/)
  assert.equal(only(a, 'he would play in Hawaii').speaker?.name, 'Ian Poulter')
  assert.ok(find(a, 'it opposed the pipeline'), JSON.stringify(a.quotes.map((q) => q.text)))
  assert.equal(only(a, 'that the threats').speaker?.name, 'Kim Ode')
})

test('"according to" between commas inside a sentence: the content is the sentence on both sides', () => {
  const text = 'The harsh truth, according to addiction experts, is that the pills kill more people than heroin.'
  const q = only(analyseText(text), 'The harsh truth')
  assert.equal(q.content.length, 2)
  assert.equal(span(text, q.content[1] ?? null), 'is that the pills kill more people than heroin')
  assert.equal(q.speaker?.name, 'addiction experts')
})

test('an adverbial and a comma between the cue and the reported clause', () => {
  const text = 'Dr. Ruth Guest said too often, the emergency department becomes a safety net for other programs.'
  const q = only(analyseText(text), 'too often, the emergency department')
  assert.equal(q.speaker?.name, 'Ruth Guest')
})

test('a coordinated subject says; a study far from its evidence verb finds', () => {
  const text =
    'But Senator Ana Ruiz and Senator Tom Reyes say other changes are needed.\n\n' +
    'A 2014 study that appeared in a medical journal found that the treatment did not help most patients.'
  const a = analyseText(text)
  assert.equal(only(a, 'other changes are needed').speaker?.name, 'Ana Ruiz and Tom Reyes')
  assert.equal(only(a, 'that the treatment did not help').speaker?.name, 'A 2014 study')
})

test('a second speech act joined by "and" ends the first one’s content', () => {
  const text = 'Senator Lee Graham urged Republicans to accept the science of the warming climate, and criticized the party’s silence on floods.'
  const a = analyseText(text)
  const urged = a.quotes.find((q) => q.text.startsWith('Republicans to accept'))
  assert.ok(urged, JSON.stringify(a.quotes.map((q) => q.text)))
  assert.doesNotMatch(urged.text, /criticized/)
})

test('a participle after a direct quotation’s attribution reports more of the same speaker', () => {
  const text =
    'Marta Oyelaran runs the port authority.\n\n' +
    '“We see no link to the strike,” Oyelaran said, adding that the inquiry would take “many more weeks” to finish.\n\n' +
    '“The berths are open,” said harbour master Ivo Kranjc in a statement, noting that two ships had already docked.'
  const a = analyseText(text)
  const adding = only(a, 'that the inquiry would take')
  assert.equal(adding.kind, 'mixed')
  assert.equal(adding.speaker?.name, 'Marta Oyelaran')
  assert.equal(only(a, 'that two ships had already docked').speaker?.name, 'Ivo Kranjc')
  assert.equal(only(a, 'We see no link').speaker?.name, 'Marta Oyelaran')
})

test('a trailing attribution with its time, then a clause of the reporter’s', () => {
  const text =
    'The long fight over the budget is an insult to every family in the province, opposition leaders said Friday afternoon, as they bristled at the delay.\n\n' +
    'Spokeswoman Jessica Lund said via email that the campaign would keep fighting.'
  const a = analyseText(text)
  const q = only(a, 'The long fight over the budget')
  assert.equal(q.speaker?.name, 'opposition leaders')
  assert.doesNotMatch(q.text, /bristled/)
  assert.ok(find(a, 'that the campaign would keep fighting'), JSON.stringify(a.quotes.map((x) => x.text)))
})

test('a quotation signed with a dash and a name at the end of its paragraph', () => {
  const text =
    'Readers sent us their thoughts after the debate.\n\n' +
    '“He makes simple blanket statements about people he does not know.” ― Pamela Padilla\n' +
    '“How did we get this low?”— Julie A. Martinez.\n' +
    '“The bridge is closed” – Getty/Instagram'
  const a = analyseText(text)
  assert.equal(only(a, 'He makes simple blanket').speaker?.name, 'Pamela Padilla')
  assert.equal(only(a, 'How did we get this low').speaker?.name, 'Julie A. Martinez')
  assert.notEqual(find(a, 'The bridge is closed')?.speaker?.name, 'Getty/Instagram')
})

test('a possessive name before a noun cue is its speaker; "after saying" names no one', () => {
  const text =
    'Fact-checkers looked at Dana Marsh’s claim that there were “thousands of shootings” in the city this year.\n\n' +
    'After saying her right foot was “so swollen I could barely walk,” she was taken to hospital for tests.'
  const a = analyseText(text)
  assert.equal(only(a, 'that there were').speaker?.name, 'Dana Marsh')
  assert.equal(a.quotes.filter((q) => q.speaker?.name === 'After').length, 0)
})

test('a second speaker joined by ", and" with a plural description ends the first content', () => {
  const text = 'Obama emphasized that the reforms were not complete, and human rights groups warned that the administration was giving up leverage.'
  const a = analyseText(text)
  assert.doesNotMatch(only(a, 'that the reforms were not complete').text, /warned/)
  assert.equal(only(a, 'that the administration was giving up').speaker?.name, 'human rights groups')
})

test('a trailing attribution dated by month and year', () => {
  const text = 'The country "has made dramatic changes for the better," Senator Mitch Conley said in June 2012, citing the release of prisoners.'
  assert.equal(only(analyseText(text), 'The country').speaker?.name, 'Mitch Conley')
})

test('a noun that spells a cue verb ("federal and state law") does not end the content', () => {
  const text = 'The city sent a letter on Thursday. It says the campaign violated federal and state law by using copyrighted images.'
  assert.match(only(analyseText(text), 'the campaign violated').text, /state law by using copyrighted images/)
})

test('a relative clause or any reporting participle after a direct attribution', () => {
  const text =
    '“It will take some paperwork,” said Steven Kamin, who emphasized that the changes would simplify returns for small firms.\n\n' +
    '“You cannot talk about change if you do not know what you are changing,” Ava Dunn said, emphasizing why the past matters to voters.'
  const a = analyseText(text)
  assert.equal(only(a, 'that the changes would simplify').speaker?.name, 'Steven Kamin')
  assert.equal(only(a, 'why the past matters').speaker?.name, 'Ava Dunn')
})

test('an organisation or a document speaks through "which"; the relative clause ends its content', () => {
  const text =
    'The bill levied by the European Commission, which contended that Ireland undertaxed the company, is a good example.\n\n' +
    'The new study -- which notes that 58 companies would owe more in taxes -- should alarm lawmakers.\n\n' +
    'She cited a plan from the Ryerson Centre, which suggests adding incentives for owners.'
  const a = analyseText(text)
  const eu = only(a, 'that Ireland undertaxed')
  assert.equal(eu.speaker?.name, 'the European Commission')
  assert.doesNotMatch(eu.text, /good example/)
  assert.doesNotMatch(only(a, 'that 58 companies would owe').text, /alarm/)
  assert.equal(find(a, 'adding incentives'), undefined)
})

test('a reporting participle after a closing mark, and an adverb before "that"', () => {
  const text =
    'In a statement, Peabody Energy said: “The company was highly successful when it became independent,” adding that its value quadrupled in a year.\n\n' +
    'Landlords complain bitterly that taxes are too high.'
  const a = analyseText(text)
  assert.equal(only(a, 'that its value quadrupled').speaker?.name, 'Peabody Energy')
  assert.ok(find(a, 'that taxes are too high'), JSON.stringify(a.quotes.map((q) => q.text)))
})

test('a photo caption set into the text reports nothing', () => {
  const text =
    'Doctors warn about mixing the two drugs.\n\n' +
    'Dr. Mara Boyd, the chief medical examiner, says she has seen the mix raise the risk of death. (Robert Short/CBC)\n\n' +
    'Coach Stephen Gill, second from right, said the video was the nicest gift of his career. Quyen Cheng/THE CANADIAN PRESS\n\n' +
    'Dr. Mara Boyd says the risk is highest for older patients.'
  const a = analyseText(text)
  assert.equal(find(a, 'she has seen the mix'), undefined)
  assert.equal(find(a, 'the video was the nicest'), undefined)
  assert.equal(only(a, 'the risk is highest').speaker?.name, 'Mara Boyd')
})

test('a passive addressee verb names who heard it; a "Watch:" link reports nothing', () => {
  const text =
    'The minister was told that the plan would fail, Ana Smith said.\n\n' +
    'The firm was informed on Oct. 9 that it would not be invited to negotiate.\n\n' +
    'Watch: Trudeau says China is acting arbitrarily with the sentence'
  const a = analyseText(text)
  assert.equal(only(a, 'The minister was told').speaker?.name, 'Ana Smith')
  assert.equal(find(a, 'that it would not be invited'), undefined)
  assert.equal(find(a, 'China is acting arbitrarily'), undefined)
})

test('a section label introduces its item; a link label reports nothing', () => {
  const text =
    'EARNINGS: Harbor Electronics Co. said it posted a near-30 per cent drop in operating profit for the quarter.\n\n' +
    'READ MORE: Robert Mayer says he did not see the stop sign'
  const a = analyseText(text)
  assert.equal(only(a, 'it posted a near-30').speaker?.name, 'Harbor Electronics Co.')
  assert.equal(find(a, 'he did not see the stop sign'), undefined)
})

test('a pull quote signed with a name the article knows; a paragraph merely ending in a name is not one', () => {
  const text =
    'Linda Lamoureux chairs the inquiry into the police board.\n\n' +
    'The board’s repeated failures to address the concerns of the community constitute an emergency. Linda Lamoureux\n\n' +
    'The old bridge was designed and later rebuilt by the engineers of the firm. Maria Lopez\n\n' +
    'Lamoureux said the report would be public.'
  const a = analyseText(text)
  const pull = only(a, 'The board’s repeated failures')
  assert.equal(pull.speaker?.name, 'Linda Lamoureux')
  assert.doesNotMatch(pull.text, /Linda Lamoureux/)
  assert.equal(find(a, 'The old bridge'), undefined)
})

test('cue verbs that double their last consonant: "admitted", "sobbed"', () => {
  const text = 'Anne Cerato admitted she was not a member of the team.\n\nHer brother Paul Cerato sobbed that he had lost everything.'
  const a = analyseText(text)
  assert.equal(only(a, 'she was not a member').speaker?.name, 'Anne Cerato')
  assert.equal(only(a, 'that he had lost everything').speaker?.name, 'Paul Cerato')
})

test('"charges that …" and "is demanding that …" report the clause; a fee or a crime charged is no speech', () => {
  const text = 'The dockworkers’ union is demanding that the port authority reopen the wage talks.'
  const q = only(analyseText(text), 'that the port authority reopen the wage talks')
  assert.equal(span(text, q.speakerMention), 'The dockworkers’ union')
  const charges = 'Councillor Mira Thorsen charges that the tender was rigged from the start.'
  assert.equal(only(analyseText(charges), 'that the tender was rigged').speaker?.name, 'Mira Thorsen')
  const fee = 'The ferry company charged a fee of ten dollars per car. Its captain was charged with careless navigation.'
  assert.equal(analyseText(fee).quotes.length, 0)
})

test('a progressive naming verb ("is calling X “…”") attributes the quoted name to the subject before the auxiliary', () => {
  const text = 'The harbour master is calling the new breakwater “a costly mistake.” The breakwater was described as “elegant” in the brochure.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'the new breakwater “a costly mistake').speakerMention), 'The harbour master')
  assert.equal(find(a, 'elegant'), undefined)
})

test('a headline-case title ending "…, Name Says" is attributed; the same shape in the body is not', () => {
  const text = 'Ferry Fares Will Rise Again, Port Director Anna Berg Says\n\nThe port said fares would be reviewed.\n\nBook Club Picks, Simon Says'
  const a = analyseText(text)
  const q = only(a, 'Ferry Fares Will Rise Again')
  assert.equal(q.speaker?.name, 'Anna Berg')
  assert.equal(span(text, q.cue), 'Says')
  assert.equal(find(a, 'Book Club Picks'), undefined)
})
