/**
 * Who is credited: pronouns, descriptions and carried quotes, each rule with
 * a small hand-written text and a case it must leave alone.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'

test('a continuation keeps a pronoun mention even when the pronoun names no one', () => {
  const text = 'A crowd gathered outside the clinic on Sunday.\n\n“Let them in,” she said. “They have waited all night.”'
  const a = analyseText(text)
  const second = only(a, 'They have waited all night')
  assert.equal(span(text, second.speakerMention), 'she')
  assert.equal(second.continuation, true)
})

test('a quotation two paragraphs after an unnamed speaker is not carried', () => {
  const text = '“Let them in,” she said.\n\nThe doors opened at noon.\n\nDozens waited in the rain.\n\n“We are not leaving until the council votes on the plan.”'
  const q = only(analyseText(text), 'We are not leaving')
  assert.equal(q.speakerMention, null)
})

test('a pronoun goes to the paragraph’s subject over a man named in a side clause', () => {
  const text =
    'The list came out on Monday.\n\nCollege spokesman Peter Lindqvist said the school received 3,000 votes. ' +
    'Although Donald Trump has often tweeted that there was no collusion, its inclusion is not a political statement. Voters were just tired of it, he said.'
  assert.equal(only(analyseText(text), 'Voters were just tired').speaker?.name, 'Peter Lindqvist')
})

test('a pronoun keeps a man who opens the sentence before it, and a woman opening the paragraph does not take "he"', () => {
  const opener = 'College spokesman Peter Lindqvist said the school received 3,000 votes. Donald Trump called the list silly. It is a joke, he said.'
  assert.equal(only(analyseText(opener), 'It is a joke').speaker?.name, 'Donald Trump')
  const woman =
    'College spokeswoman Maria Lindqvist said the school received 3,000 votes. Although Donald Trump has often used the word, its inclusion is not political. Voters were tired of it, he said.'
  assert.equal(only(analyseText(woman), 'Voters were tired').speaker?.name, 'Donald Trump')
})

test('a document owned by a described body speaks for that body, not for a person named next', () => {
  const text =
    'According to a Michigan school’s latest list, the most overused word of the year is collusion.\n\n' +
    'Special prosecutor Robert Mueller said on Monday that the inquiry would go on.'
  const q = only(analyseText(text), 'the most overused word')
  assert.deepEqual([q.speaker?.name, q.speaker?.kind], ['a Michigan school', 'organisation'])
  const survey = only(analyseText('According to a Toronto school’s latest survey, most students walk to class.'), 'most students walk')
  assert.equal(survey.speaker?.name, 'a Toronto school')
})

test('a person described by another’s possessive keeps the description', () => {
  const text = 'The hearing was short. A senator’s aide said the vote would be delayed.'
  assert.equal(only(analyseText(text), 'the vote would be delayed').speaker?.name, 'A senator’s aide')
})

test('an occupation names only the person given that role, an epithet the person the passage is about', () => {
  const offender = 'Walter Kragh was released in May after 20 years in prison. In her ruling, the Nova Scotia judge said Kragh showed no remorse.'
  assert.equal(only(analyseText(offender), 'Kragh showed no remorse').speaker?.name, 'the Nova Scotia judge')
  const judge = 'Mary Chen, a provincial court judge, heard the case in May. In her ruling, the Nova Scotia judge said the accused showed no remorse.'
  assert.equal(only(analyseText(judge), 'the accused showed').speaker?.name, 'Mary Chen')
  const senator = 'Mitch Holloway spoke for an hour on Monday. Later, the 72-year-old said the bill would pass.'
  assert.equal(only(analyseText(senator), 'the bill would pass').speaker?.name, 'Mitch Holloway')
})

test('"the Kentucky Republican" is the person the passage is about, and stays a description when no one is named', () => {
  const named = 'Mitch Holloway spoke for an hour on Monday. Later, the Kentucky Republican said the bill would pass.'
  assert.equal(only(analyseText(named), 'the bill would pass').speaker?.name, 'Mitch Holloway')
  const unnamed = 'The bill was debated for an hour on Monday. Later, the Kentucky Republican said the bill would pass.'
  assert.equal(only(analyseText(unnamed), 'the bill would pass').speaker?.name, 'the Kentucky Republican')
})

test('a name with a short bracket before its appositive speaks; a possessive before the bracket does not', () => {
  const text = '“The inquiry is over,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said on Friday.'
  const q = only(analyseText(text), 'The inquiry is over')
  assert.equal(q.speaker?.name, 'Jim Jordan')
  assert.equal(span(text, q.speakerMention), 'Rep. Jim Jordan')
  const office = '“The inquiry is over,” Jim Jordan’s office (in Lima), a team of four, said on Friday.'
  assert.notEqual(only(analyseText(office), 'The inquiry is over').speaker?.name, 'Jim Jordan')
})

test('a described spokesperson is the person named next only when that person is not given another role', () => {
  const other =
    'A Northwind Telecom spokesperson says the company was pleased to help.\n\n“We saw a chance to help,” says Daria Okafor, vice-president, external affairs for Northwind Telecom.'
  assert.equal(only(analyseText(other), 'the company was pleased').speaker?.name, 'A Northwind Telecom spokesperson')
  const same = 'A spokeswoman for the mayor said the plan would go ahead.\n\n“We will not back down,” said Daria Okafor.'
  assert.equal(only(analyseText(same), 'the plan would go ahead').speaker?.name, 'Daria Okafor')
})

test('a first name before "and" and a full name is the other person of a couple; a place there is not', () => {
  const text =
    'Dana and Clark Moran adopted a boy last year.\n\nClark flew home in May.\n\nDana said the family is working with a lawyer.\n\n“We are not giving up,” she said.'
  assert.equal(only(analyseText(text), 'We are not giving up').speaker?.name, 'Dana')
  const place = 'Ottawa and Mary Moran signed the deal last year.\n\n“We are not giving up,” she said.'
  assert.equal(only(analyseText(place), 'We are not giving up').speaker?.name, 'Mary Moran')
})

test('"the company" is the only firm named earlier in its paragraph, else the article’s main firm', () => {
  const lead = 'Corvane Group rose 9 per cent. Corvane Group beat forecasts, and Corvane Group shares hit a record.\n\n'
  const own = lead + 'Soap maker Brill & Hale rallied 6 per cent. The company said its profit could be stronger than expected.'
  assert.equal(only(analyseText(own), 'its profit could be stronger').speaker?.name, 'Brill & Hale')
  const two = lead + 'Brill & Hale and Tessik Bank rallied 6 per cent. The company said its profit could be stronger than expected.'
  assert.equal(only(analyseText(two), 'its profit could be stronger').speaker?.name, 'Corvane Group')
})

test('a subject inside a restrictive relative clause gives way to the phrase it describes', () => {
  const docs = 'The letter went out in May.\n\nOne of the doctors who signed the letter called the mayor a liar and a fraud.'
  assert.equal(span(docs, only(analyseText(docs), 'the mayor a liar').speakerMention), 'One of the doctors')
  const official = 'The hearing ended early.\n\nAn official with Harbour Safety Services of Ontario who was present in court told reporters he did not want to discuss the case.'
  assert.equal(span(official, only(analyseText(official), 'he did not want').speakerMention), 'An official with Harbour Safety Services of Ontario')
  // Negative: a "who" set off by commas is a side clause; the named subject speaks.
  const named = 'The vote was close.\n\nThe mayor, who signed the letter, said the council had ignored the doctors.'
  assert.equal(only(analyseText(named), 'the council had ignored').speaker?.name, 'The mayor')
})

test('a family name used before the full name is that person when the article has one full name of the family', () => {
  const text =
    'Harbour board backs President Okafor\n\n“We will rebuild the pier,” Okafor said on Monday.\n\n' +
    'President Grace Okafor announced the plan at the port.'
  assert.equal(only(analyseText(text), 'We will rebuild the pier').speaker?.name, 'Grace Okafor')
  const two = text + '\n\nHer brother, Daniel Okafor, runs the ferry company.'
  assert.equal(only(analyseText(two), 'We will rebuild the pier').speaker?.name, 'Okafor')
})

test('a signature after a no-break space still names its quotation’s speaker', () => {
  const text =
    'We asked commuters about the new fares.\n\n' +
    '“The buses are late every single morning.”\u00a0― Mira Castell\u00a0\n' +
    '“I pay more and wait longer than last year.” ―\u00a0Owen T. Brandt.\n' +
    '“Nobody asked the riders what they needed.” ― a rider from the east side\n'
  const a = analyseText(text)
  assert.equal(only(a, 'The buses are late').speaker?.name, 'Mira Castell')
  assert.equal(only(a, 'I pay more and wait').speaker?.name, 'Owen T. Brandt')
  assert.notEqual(find(a, 'Nobody asked the riders')?.speaker?.name, 'a rider from the east side')
})

test('a participle after a comma reports the subject, not a name the verb before it takes as object', () => {
  const text =
    'Halvorsen criticized Lindqvist for his record on rail funding, saying, “He has let the northern lines rot.”\n\n' +
    'Port Elin resident Maja Stroud said the ferry had been late all week.'
  const a = analyseText(text)
  assert.equal(only(a, 'He has let the northern lines').speaker?.name, 'Halvorsen')
  assert.equal(only(a, 'the ferry had been late').speaker?.name, 'Maja Stroud')
})

test('a cue word after an article is a noun: "one of the states suing" names no speaker', () => {
  const text =
    '“The rule tramples on our authority,” Dana Kerr, the attorney general of Utah, one of the states suing the agency, said on Monday.\n\n' +
    '“We will appeal,” the firm states in its filing.'
  const a = analyseText(text)
  assert.equal(only(a, 'The rule tramples').speaker?.name, 'Dana Kerr')
  assert.equal(span(text, only(a, 'We will appeal').speakerMention), 'the firm')
})

test('a day or a year between the subject and its cue: "Halvorsen on Tuesday said …"', () => {
  const text =
    'Pressed by the audit, Halvorsen on Tuesday said he wants to close four loopholes in the harbour tax.\n\n' +
    'The vote in Tromsø on Tuesday drew a large crowd.'
  const a = analyseText(text)
  assert.equal(only(a, 'he wants to close').speaker?.name, 'Halvorsen')
  assert.equal(a.quotes.length, 1)
})

test('a paragraph ending "X replied:" names the speaker of the quotation that follows as its own paragraph', () => {
  const text =
    'Mayor Ines Varga spoke for an hour about the harbour.\n\n' +
    'Her rival on the council, Tomas Berg, replied:\n\n' +
    '“We have heard these promises before. Nothing was ever built.”\n\n' +
    'Varga left early. The plan itself was simple:\n\n' +
    '“Every street in the old town will be repaved before winter.”'
  const a = analyseText(text)
  const reply = only(a, 'We have heard these promises')
  assert.equal(reply.speaker?.name, 'Tomas Berg')
  assert.equal(span(text, reply.speakerMention), 'Tomas Berg')
  assert.notEqual(span(text, only(a, 'Every street in the old town').speakerMention), 'The plan')
})

test('a verb coordinated inside a ", who" clause has "who" as its subject, not the sentence’s', () => {
  const text =
    'The closed station has become a rallying point for commuters, who have filled its hall and called for a refund of the winter passes.\n\n' +
    'The harbour council met on Monday and called for a new vote on the ferry contract.'
  const a = analyseText(text)
  const refund = only(a, 'a refund of the winter passes')
  assert.equal(span(text, refund.speakerMention), 'who')
  assert.equal(refund.speaker?.name, 'commuters')
  assert.match(span(text, only(a, 'a new vote on the ferry').speakerMention) ?? '', /^The harbour council/)
})

test('a quotation that the sentence goes on from (“…” for the top bracket) continues the previous speaker', () => {
  const text =
    '“It is more tinkering at the edges,” said Ola Brenna, an economist at the Fjord Institute. ' +
    '“I would not call it reform. It is basically a tax increase” for the top bracket.\n\n' +
    'The budget office published its own figures on Friday.'
  const a = analyseText(text)
  const second = only(a, 'I would not call it reform')
  assert.equal(second.speaker?.name, 'Ola Brenna')
  assert.equal(second.continuation, true)
})

test('an aside between dashes before the cue stands as a comma: the name before it speaks', () => {
  const text =
    'Lena Ortiz, the head of Fjord Media -- the studio that makes the harbour series, which also airs abroad -- told me, “We sell stories, not opinions.”\n\n' +
    'Tomas Berg said the series -- which also airs abroad -- would end in May.'
  const a = analyseText(text)
  assert.equal(only(a, 'We sell stories').speaker?.name, 'Lena Ortiz')
  assert.equal(only(a, 'the series -- which also airs abroad').speaker?.name, 'Tomas Berg')
})

test('"my" opens a description as "our" does: “…,” my father often said', () => {
  const text = 'The fear never left the house. “We live in dark times,” my father often said.\n\nHe kept the radio on all night.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'We live in dark times').speakerMention), 'my father')
  assert.equal(a.quotes.length, 1)
})

test('a description placed "in" something ("a narrator in the ad") is the speaker; "in a statement" is no part of it', () => {
  const text =
    'The campaign released a new spot on Monday.\n\n' +
    '“You pay your taxes. Why did he not pay his?” a narrator in the ad asks.\n\n' +
    '“We will review the claim,” the company in a statement said.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'You pay your taxes').speakerMention), 'a narrator in the ad')
  assert.notEqual(span(text, only(a, 'We will review the claim').speakerMention), 'the company in a statement')
})

test('a pronoun goes to the speaker opening the previous sentence of its paragraph, named by a family name only', () => {
  const lead = 'North Korean leader Kim Jong Un said on Monday that the talks were over. “We will not return,” he said.\n\nThe council met on Tuesday to discuss the port deal.\n\n'
  const text = `${lead}Chan said the authority would publish the full contract next week. “There is nothing to hide,” he said.`
  assert.equal(only(analyseText(text), 'There is nothing to hide').speaker?.name, 'Chan')
  // Chan only talked about, not the speaker of the sentence before: the pronoun keeps the man quoted before.
  const about = `${lead}Reporters asked Chan about the contract on Tuesday. “There is nothing to hide,” he said.`
  assert.equal(only(analyseText(about), 'There is nothing to hide').speaker?.name, 'Kim Jong Un')
  // A woman by her first name does not take "he".
  const woman = `${lead}Maria Quell said the authority would publish the contract. “There is nothing to hide,” he said.`
  assert.equal(only(analyseText(woman), 'There is nothing to hide').speaker?.name, 'Kim Jong Un')
})

test('a sentence adverb set off by a comma is no speaker; a participle after "despite" reports nothing', () => {
  const first = 'Mayor Ana Ruiz made two errors in May. First, she mixed up figures, claiming 85,000 people had left the city.'
  assert.equal(only(analyseText(first), '85,000 people').speaker?.name, 'Ana Ruiz')
  const lastly = 'Ana Ruiz spoke on Monday. Lastly, she hit back at the union, saying the strike was illegal.'
  assert.equal(only(analyseText(lastly), 'the strike was illegal').speaker?.name, 'Ana Ruiz')
  const despite = 'The union criticised Ruiz for making the trip despite claiming previously that it was not safe to travel.'
  assert.equal(find(analyseText(despite), 'it was not safe'), undefined)
  const lady = 'First Lady Ana Ruiz spoke on Monday, saying the library would reopen.'
  assert.equal(only(analyseText(lady), 'the library would reopen').speaker?.name, 'Ana Ruiz')
})

test('"…,” said X, who emphasized that …": the relative "who" is the local mention of the second quote, standing for X', () => {
  const text = '“The fund is broke,” said Omar Haddad, who emphasized that the levy would be repealed.'
  const a = analyseText(text)
  const q = only(a, 'that the levy')
  assert.equal(q.speaker?.name, 'Omar Haddad')
  assert.equal(span(text, q.speakerMention), 'who')
  assert.equal(span(text, only(a, 'The fund is broke').speakerMention), 'Omar Haddad')
})

test('a body or a document described between commas speaks; the object of a preposition before the aside does not', () => {
  const union = 'The dockers’ union, which represents 4,000 workers, said the new shift rota breaks the contract.'
  assert.equal(span(union, only(analyseText(union), 'the new shift rota').speakerMention), 'The dockers’ union')
  const survey = 'The harbour survey, released on Thursday, found that most ferry users want later sailings.'
  assert.equal(span(survey, only(analyseText(survey), 'that most ferry users').speakerMention), 'The harbour survey')
  const cited = 'A planner quoted in the report, which covers ten coastal towns, said rents will double by 2030.'
  assert.notEqual(span(cited, find(analyseText(cited), 'rents will double')?.speakerMention ?? null), 'the report')
})

test('a cue’s base form between a determiner and a noun is a modifier of the speaker ("the state auditor")', () => {
  const text = 'The state auditor said the harbour fund had lost track of its grants.'
  assert.equal(span(text, only(analyseText(text), 'the harbour fund').speakerMention), 'The state auditor')
  // After a verb the word is no modifier: the officials speak, "state police" opens what they say.
  const say = 'Harbour officials say state police will patrol the ferry terminal.'
  assert.equal(span(say, only(analyseText(say), 'state police will patrol').speakerMention), 'Harbour officials')
})

test('a document released "by" a named body speaks, not the body, and its content may open "just how …"', () => {
  const text = 'But a 12-page safety analysis released by the Harbour Authority last month reveals just how fast the piers are rotting.'
  const q = only(analyseText(text), 'just how fast the piers')
  assert.equal(span(text, q.speakerMention), 'a 12-page safety analysis')
  // A bare adverb before no question word opens no content.
  assert.deepEqual(analyseText('Mayor Ann Ruiz revealed just enough to calm the crowd.').quotes, [])
})

test('a source after "after" opens its own clause: the writer’s clause before it is no speaker', () => {
  const text = 'The row grew louder after leaked memos from the 2009 budget show the council sold the pier at a loss.'
  assert.equal(span(text, only(analyseText(text), 'the council sold the pier').speakerMention), 'leaked memos')
  const mogul = 'The mayor left the meeting after the shipping mogul claimed that the pier was unsafe.'
  assert.equal(span(mogul, only(analyseText(mogul), 'that the pier was unsafe').speakerMention), 'the shipping mogul')
  // A relative clause before "after" keeps its head as the speaker.
  const officials = 'Harbour officials who spoke after the meeting said the pier deal was dead.'
  assert.equal(span(officials, only(analyseText(officials), 'the pier deal was dead').speakerMention), 'Harbour officials')
})

test('the commas of a date ("since Jan. 1, 2015,") belong to a document subject far from its cue', () => {
  const text = 'A Herald analysis of charities that have raised $1 million or more since Jan. 1, 2015, shows rural groups falling behind.'
  assert.equal(span(text, only(analyseText(text), 'rural groups falling behind').speakerMention), 'A Herald analysis')
  // Any other comma still breaks the subject: a list is no document.
  const list = 'Farmers, fishers and charities that have raised money since 2015 shows rural groups falling behind.'
  assert.equal(find(analyseText(list), 'rural groups falling behind'), undefined)
})

test('"the port authority" speaks for itself when no body named before is an authority; "the union" is the union named before', () => {
  const text =
    'Ferry crews walked out on Monday.\n\n"We will not go back until the offer improves," said Ana Ruiz of the Ferry Crews Union.\n\nThe port authority said it was "disappointed" by the action.\n\nThe union said talks could resume on Friday.'
  const quotes = analyseText(text)
  assert.equal(only(quotes, 'it was').speaker?.name, 'The port authority')
  assert.equal(only(quotes, 'talks could resume').speaker?.name, 'the Ferry Crews Union')
})

test('"said Ana Ruiz of the Ferry Crews Union": the person speaks, not the body after "of"', () => {
  const text = '"Rates will rise," said John Smith of the Brookings Institution.\n\n"Rates will fall," said Mary Jones from the Bank of Ireland.'
  const quotes = analyseText(text)
  assert.equal(only(quotes, 'Rates will rise').speaker?.name, 'John Smith')
  assert.equal(only(quotes, 'Rates will fall').speaker?.name, 'Mary Jones')
})

test('"…, said Hill, while Jane Ortiz, an analyst, warned that …": two reports in one sentence, each with its own speaker', () => {
  const text = 'The plan is sound and affordable, said Mark Hill, while Jane Ortiz, an analyst at Lakeside Bank, warned that revenue forecasts were too rosy.'
  const quotes = analyseText(text)
  const hill = only(quotes, 'The plan is sound')
  assert.equal(hill.speaker?.name, 'Mark Hill')
  assert.ok(!hill.text.includes('Ortiz'), hill.text)
  assert.equal(only(quotes, 'that revenue forecasts were too rosy').speaker?.name, 'Jane Ortiz')
  // A participle after the speaker is the reporter's: no second report.
  const vow = '“We’re going to do our job,” said Rep. Ann Vale, the incoming chair of the committee, vowing to pass the bill.'
  assert.equal(find(analyseText(vow), 'to pass the bill'), undefined)
})

test('"Officials, speaking on condition of anonymity, said …": a participle aside between the subject and its cue', () => {
  const text = 'Officials, speaking on condition of anonymity, said the damage could exceed $100 million. The minister, speaking to reporters in Paris, said the talks had failed.'
  const quotes = analyseText(text)
  assert.equal(only(quotes, 'the damage could exceed').speaker?.name, 'Officials')
  assert.equal(only(quotes, 'the talks had failed').speaker?.name, 'The minister')
})

test('"Sources familiar with the case said …": the adjective\'s phrase belongs to the speaker', () => {
  const text = 'Sources familiar with the case said the fine could double. People close to the talks said a deal was near.'
  const quotes = analyseText(text)
  assert.equal(only(quotes, 'the fine could double').speaker?.name, 'Sources familiar with the case')
  assert.equal(only(quotes, 'a deal was near').speaker?.name, 'People close to the talks')
})

test('"A spokesman for the utility, which has faced criticism, said …": the description with its modifier speaks', () => {
  const text = 'A spokesman for the utility, which has faced criticism over past fires, said its equipment was being inspected.'
  assert.equal(only(analyseText(text), 'its equipment was being inspected').speaker?.name, 'A spokesman for the utility')
})

test('"wrote in a note to clients that …": a cue word after an article is the medium; "Analysts at Westpark Bank" speak, not the bank', () => {
  const text = 'Analysts at Westpark Bank wrote in a note to clients that the decision was fully priced in.'
  assert.equal(only(analyseText(text), 'that the decision was fully priced in').speaker?.name, 'Analysts at Westpark Bank')
  const report = 'The ferry company said in a report that sales had doubled.'
  assert.equal(only(analyseText(report), 'that sales had doubled').speaker?.name, 'The ferry company')
})

test('"said prices rose in December": a bare plural and an irregular past make the reported clause', () => {
  const a = analyseText('Shops had a strong month.\n\nCritics said prices rose in December, and analysts said sales fell sharply.')
  assert.equal(only(a, 'prices rose in December').speaker?.name, 'Critics')
  assert.equal(only(a, 'sales fell sharply').speaker?.name, 'analysts')
})

test('"Retailers say …" opening a sentence is a group of people, not a person named Retailers', () => {
  const a = analyseText('Rules changed in May.\n\nRetailers say the rules are too strict.')
  assert.equal(only(a, 'the rules are too strict').speaker?.kind, 'group')
  const named = analyseText('Maxine Waters spoke on Monday.\n\nWaters said the rules were too strict.')
  assert.equal(only(named, 'the rules were too strict').speaker?.name, 'Maxine Waters')
})

test('"Costs had doubled, Lee said.": three words with an auxiliary are reported content; two words or a time clause are not', () => {
  const a = analyseText('The budget was published on Monday.\n\nCosts had doubled, Ana Lee said. We will appeal, said Tom Hale.')
  assert.equal(only(a, 'Costs had doubled').speaker?.name, 'Ana Lee')
  assert.equal(only(a, 'We will appeal').speaker?.name, 'Tom Hale')
  assert.equal(find(analyseText('Sales rose, Ana Lee said.'), 'Sales rose'), undefined)
  const scene = analyseText('Ana Lee lost her son in May.\n\nAfter he died, she urged police to investigate.')
  assert.equal(find(scene, 'After he died'), undefined)
  assert.ok(find(scene, 'police to investigate'))
})
