import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { anyTerm, groupsMatched, isEmptyQuery, MAX_TERMS, parseQuery, textMatches, type Term } from './query.js'

const w = (word: string): Term => ({ kind: 'word', word })
const p = (...words: string[]): Term => ({ kind: 'phrase', words })

describe('search query language', () => {
  it('requires every word, lower case, stop words left out', () => {
    assert.deepEqual(parseQuery('Rail Strike'), { all: [[w('rail')], [w('strike')]], none: [] })
    assert.deepEqual(parseQuery('What did the minister say about the economy?'), { all: [[w('minister')], [w('say')], [w('economy')]], none: [] })
    assert.ok(isEmptyQuery(parseQuery('the')), 'only stop words: nothing to search for')
    assert.ok(isEmptyQuery(parseQuery('   ')))
  })

  it('reads quoted words as a phrase, stop words kept', () => {
    assert.deepEqual(parseQuery('"cannot accept this outcome" port'), { all: [[p('cannot', 'accept', 'this', 'outcome')], [w('port')]], none: [] })
    assert.deepEqual(parseQuery('"the"'), { all: [], none: [] }, 'a phrase of stop words only is nothing')
    assert.deepEqual(parseQuery('"harbour strike'), { all: [[p('harbour', 'strike')]], none: [] }, 'an unclosed quote runs to the end')
    assert.deepEqual(parseQuery('U.S. covid-19'), { all: [[p('u', 's')], [p('covid', '19')]], none: [] }, 'joined words are a phrase')
  })

  it('takes OR between two terms as either, and only in capitals', () => {
    assert.deepEqual(parseQuery('rail OR port strike'), { all: [[w('rail'), w('port')], [w('strike')]], none: [] })
    assert.deepEqual(parseQuery('rail OR "port strike" OR ferry'), { all: [[w('rail'), p('port', 'strike'), w('ferry')]], none: [] })
    assert.deepEqual(parseQuery('rail or port'), { all: [[w('rail')], [w('port')]], none: [] }, 'lower-case or is a stop word')
    assert.deepEqual(parseQuery('OR rail OR'), { all: [[w('rail')]], none: [] }, 'a dangling OR is ignored')
    assert.deepEqual(parseQuery('rail OR the port'), { all: [[w('rail'), w('port')]], none: [] }, 'stop words between do not matter')
  })

  it('excludes -word, -"phrase" and NOT word', () => {
    assert.deepEqual(parseQuery('election -president NOT senate -"vice president"'), { all: [[w('election')]], none: [w('president'), w('senate'), p('vice', 'president')] })
    assert.ok(isEmptyQuery(parseQuery('-rail')), 'only exclusions: nothing to search for')
    assert.deepEqual(parseQuery('NOT rail'), { all: [], none: [w('rail')] })
    assert.deepEqual(parseQuery('well-known'), { all: [[p('well', 'known')]], none: [] }, 'a hyphen inside a word does not exclude')
  })

  it('passes FTS5 and tsquery syntax through as plain words', () => {
    assert.deepEqual(parseQuery('title:rail* NEAR(a b) port & !x | (y)'), {
      all: [[p('title', 'rail')], [p('near', 'a')], [w('b')], [w('port')], [w('x')], [w('y')]],
      none: [],
    })
    assert.deepEqual(parseQuery('rail"; DROP TABLE articles; --'), { all: [[w('rail')], [p('drop', 'table', 'articles')]], none: [] })
  })

  it('bounds the number of terms', () => {
    const many = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ')
    assert.equal(parseQuery(many).all.length, MAX_TERMS)
  })

  it('falls back to any term', () => {
    const q = parseQuery('minister economy OR budget -rail')
    assert.deepEqual(anyTerm(q), { all: [[w('minister'), w('economy'), w('budget')]], none: [w('rail')] })
  })
})

it('checks a quote against the whole query: groups, phrases in order, excluded terms, whole words', () => {
  const q = (text: string) => parseQuery(text)
  assert.equal(textMatches(q('harbour fares'), 'The harbour fares will rise.'), true)
  assert.equal(textMatches(q('harbour -fares'), 'The harbour fares will rise.'), false)
  assert.equal(textMatches(q('"fares will"'), 'The harbour fares will rise.'), true)
  assert.equal(textMatches(q('"will fares"'), 'The harbour fares will rise.'), false)
  assert.equal(textMatches(q('tram OR harbour'), 'The harbour fares will rise.'), true)
  assert.equal(textMatches(q('fare'), 'The harbour fares will rise.'), false, 'word for word, no stemming')
})

it('counts the groups of a query a text satisfies, to rank partial matches', () => {
  const q = parseQuery('harbour "fares will" tram OR rise')
  assert.equal(groupsMatched(q, 'The harbour fares will rise.'), 3)
  assert.equal(groupsMatched(q, 'The harbour will reopen.'), 1)
  assert.equal(groupsMatched(q, 'Tram fares stay.'), 1)
  assert.equal(groupsMatched(q, 'Nothing here.'), 0)
})
