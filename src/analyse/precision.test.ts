/**
 * Where reported content ends and what is no content (fourth boundary
 * pass): each test is a small invented text for one rule, with a case the
 * rule must leave alone.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'
import { find, only, span } from './testing.js'

test('a reported phrase ends before the reporter’s setting: ", where …", "as" with a clause', () => {
  const text = 'A Harbour Institute survey shows a tight contest in the county, where nine seats are up for election. The Harbour Institute poll indicates a narrowing race as Mayor Ines Varga consolidates her base.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'a tight contest').content[0] ?? null), 'a tight contest in the county')
  assert.equal(span(text, only(a, 'a narrowing race').content[0] ?? null), 'a narrowing race')
})

test('a reported clause keeps its ", where …" and "as …": it has a verb of its own', () => {
  const text = 'Mayor Ines Varga said the ferry will stop at the old pier, where the market stands. Harbour official Tomas Berg said the fares rose as fuel costs climbed.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'the ferry will stop').content[0] ?? null), 'the ferry will stop at the old pier, where the market stands')
  assert.equal(span(text, only(a, 'the fares rose').content[0] ?? null), 'the fares rose as fuel costs climbed')
})

test('a fronted phrase or subordinate clause before a trailing attribution is no content', () => {
  const text = 'In a Harbour Gazette essay last week, Ines Varga acknowledged their uphill battle. But when the council cut funding for the ferry two years later, Tomas Berg said enough.'
  const a = analyseText(text)
  assert.equal(a.quotes.some((q) => span(text, q.content[0] ?? null)?.startsWith('In a Harbour Gazette')), false)
  assert.equal(a.quotes.some((q) => span(text, q.content[0] ?? null)?.startsWith('But when the council')), false)
})

test('a fronted phrase with a verb is content, and so is a subordinate clause the sentence goes on from', () => {
  const text = 'In the end, the ferry will stop at the old pier, Tomas Berg said. But while fares rose last year, Ines Varga said, ridership held steady.'
  const a = analyseText(text)
  assert.equal(span(text, only(a, 'In the end').content[0] ?? null), 'In the end, the ferry will stop at the old pier')
  assert.equal(only(a, 'But while fares rose').speaker?.name, 'Ines Varga')
})

test('a "when" clause right after "said" tells when it was said, not what', () => {
  const text = 'Several ferry workers have complained about the schedule. That was what Ines Varga said when she resigned from the harbour board in 2014.'
  assert.equal(analyseText(text).quotes.some((q) => span(text, q.content[0] ?? null)?.startsWith('when she resigned')), false)
})

test('a reported clause opening with "when" goes on after its comma', () => {
  const text = 'Tomas Berg said when the council meets next month, the ferry fares will be cut.'
  assert.equal(span(text, only(analyseText(text), 'when the council meets').content[0] ?? null), 'when the council meets next month, the ferry fares will be cut')
})

test('reported content ends before a relative clause with its own attribution: ", which he said …"', () => {
  const text = 'Tomas Berg said the harbour cameras do not show whether the driver had anything in his hands, which he said were on the wheel.'
  assert.equal(span(text, only(analyseText(text), 'the harbour cameras').content[0] ?? null), 'the harbour cameras do not show whether the driver had anything in his hands')
})

test('a relative clause with no attribution of its own stays in the content', () => {
  const text = 'Ines Varga said the ferry will stop at the old pier, which the council rebuilt last year.'
  assert.equal(span(text, only(analyseText(text), 'the ferry will stop').content[0] ?? null), 'the ferry will stop at the old pier, which the council rebuilt last year')
})

test('a speech act’s object goes on with its examples: ", including …", ", such as …"', () => {
  const text = 'Mayor Ines Varga criticized the new harbour fees, including the charge on small fishing boats that doubled last spring.'
  assert.equal(span(text, only(analyseText(text), 'the new harbour fees').content[0] ?? null), 'the new harbour fees, including the charge on small fishing boats that doubled last spring')
})

test('a speech act’s object still ends at a comma that opens no example', () => {
  const text = 'Mayor Ines Varga criticized the new harbour fees, a decision the council made last spring.'
  assert.equal(span(text, only(analyseText(text), 'the new harbour fees').content[0] ?? null), 'the new harbour fees')
})

test('mixed typography: a quotation opened with a straight mark closes with a curly one', () => {
  const text = 'Harbour staff were unhappy. "The ferry will never run on time,” said Tomas Berg, the harbour master. “We have no doubt about it.”'
  const q = only(analyseText(text), 'The ferry will never')
  assert.equal(span(text, q.content[0] ?? null), 'The ferry will never run on time')
  assert.equal(q.speaker?.name, 'Tomas Berg')
})

test('a curly mark inside a word closes no straight quotation', () => {
  const text = '"The ferry”s timetable will change in May," said Tomas Berg.'
  assert.equal(span(text, only(analyseText(text), 'The ferry').content[0] ?? null), 'The ferry”s timetable will change in May')
})

test('a speech act’s object ends at a dash typed as two hyphens', () => {
  const text = 'Mayor Ines Varga called on the council to rebuild the old pier -- a project the harbour board opposes.'
  assert.equal(span(text, only(analyseText(text), 'the council to rebuild').content[0] ?? null), 'the council to rebuild the old pier')
})

test('a hyphen inside a word does not end a speech act’s object', () => {
  const text = 'Mayor Ines Varga called on the council to rebuild the harbour-front pier.'
  assert.equal(span(text, only(analyseText(text), 'the council to rebuild').content[0] ?? null), 'the council to rebuild the harbour-front pier')
})

test('a speech act’s medium ("in an on-air diatribe", "in his weekly column") is left out of its content', () => {
  const text =
    'Tomas Berg denounced the ferry levy in an on-air diatribe. Ines Varga condemned the harbour closure in her weekly column.\n\n' +
    'Petra Voss condemned the rant of the ferry captain.'
  const a = analyseText(text)
  assert.equal(only(a, 'the ferry levy').text, 'the ferry levy')
  assert.equal(only(a, 'the harbour closure').text, 'the harbour closure')
  assert.equal(only(a, 'the rant').text, 'the rant of the ferry captain')
})

test('a transcript’s note in brackets, quoted ("(CROSSTALK.)"), is no one’s words; a quotation with an aside in brackets is', () => {
  const text = 'Ines Varga: “We will build the pier.” "(CROSSTALK.)" Tomas Berg said, “The pier (the old one) will stay.”'
  const a = analyseText(text)
  assert.equal(find(a, '(CROSSTALK'), undefined)
  assert.equal(only(a, 'The pier (the old one)').speaker?.name, 'Tomas Berg')
})

test('an act the writer bids ("Don’t blame Bush.") reports no one’s words; one done is reported', () => {
  const text = 'The ferry is late again. Don’t blame Mayor Lund. Councillor Petra Voss blamed the harbour board for the delay.'
  const a = analyseText(text)
  assert.equal(find(a, 'Mayor Lund'), undefined)
  assert.equal(only(a, 'the harbour board').speaker?.name, 'Petra Voss')
})

test('"…, shows X …": what evidence shows never inverts its subject; "…, said X" does', () => {
  const text = 'A Harbour Gazette review of ferry fares charged since Jan. 1, 2019, shows northern routes outpacing Southern Lines in recent months. The fares will rise again, said Ines Varga.'
  const a = analyseText(text)
  assert.equal(find(a, 'A Harbour Gazette review'), undefined)
  assert.equal(only(a, 'The fares will rise').speaker?.name, 'Ines Varga')
})

test('an act supposed in the past tense of a condition ("If the plan rejected …, …") was not done; one reported is', () => {
  const text = 'If the levy rejected small growers, the harbour would suffer. Councillor Petra Voss rejected the levy on Monday.'
  const a = analyseText(text)
  assert.equal(find(a, 'small growers'), undefined)
  assert.equal(only(a, 'the levy').speaker?.name, 'Petra Voss')
})

test('"echoing Mr. Lund": the person echoed is no content; "echoing the mayor’s plea" is', () => {
  const a = analyseText('The Gazette covered the strike as a rightful move, echoing Mr. Lund.')
  assert.equal(find(a, 'Mr. Lund'), undefined)
  const b = analyseText('The Gazette covered the strike as a rightful move, echoing the mayor’s plea for calm.')
  assert.equal(only(b, 'the mayor’s plea').text, 'the mayor’s plea for calm')
})

test('"…by 2.1 percent, more than a point less than …": the reporter’s comparison of a figure ends the content', () => {
  const text = 'The harbour board expects that ferry traffic will grow by 2.1 percent, more than a point less than it forecast in May. Ines Varga said fares rose 5 percent, which hurt the islands.'
  const a = analyseText(text)
  assert.equal(only(a, 'that ferry traffic').text, 'that ferry traffic will grow by 2.1 percent')
  assert.equal(only(a, 'fares rose').text, 'fares rose 5 percent, which hurt the islands')
})

test('"Chastened by …, Mayor Varga revised …, promising …": a fronted participle is no speaker, the subject after its phrase is', () => {
  const text = 'Chastened by the audits, as well as complaints over the fares, Mayor Ines Varga revised her plan, promising to cut ferry prices. Tomas Berg revised his budget, promising to repair the pier.'
  const a = analyseText(text)
  assert.equal(only(a, 'to cut ferry prices').speaker?.name, 'Ines Varga')
  assert.equal(only(a, 'to repair the pier').speaker?.name, 'Tomas Berg')
})

test('"In the wake of the Gazette report, Varga has …": a document noun closing a fronted phrase is no cue; a verb "report" still is', () => {
  const text = 'In the wake of the Harbour Gazette report, Ines Varga has portrayed herself as a shrewd manager of the port. Harbour officials report that ferry fares rose in May.'
  const a = analyseText(text)
  assert.equal(a.quotes.some((q) => q.speaker?.name?.includes('wake') || q.text.startsWith('Ines Varga has portrayed')), false)
  assert.equal(only(a, 'that ferry fares').text, 'that ferry fares rose in May')
})

test('"It’s worth noting that …" is the writer’s own aside; a speaker noting something reports it', () => {
  const text = 'It’s worth noting that the ferry has never once run on time. Councillor Petra Voss noted that the ferry runs late.'
  const a = analyseText(text)
  assert.equal(find(a, 'that the ferry has never'), undefined)
  assert.equal(only(a, 'that the ferry runs late').speaker?.name, 'Petra Voss')
})

test('"added" with a count for object reports nothing ("the index added 12 points"); "added 40 percent of …" still can', () => {
  const text = 'The harbour index added 12 points, or 0.8 per cent, to 1,520. Ines Varga added 40 percent of the crews had quit.'
  const a = analyseText(text)
  assert.equal(find(a, '12 points'), undefined)
  assert.equal(only(a, '40 percent of the crews').speaker?.name, 'Ines Varga')
})
