import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Quote } from '../domain/index.js'
import { quoteSnippets, sharedQuotes } from './quotes.js'

const quote = (text: string, kind: Quote['kind'] = 'direct'): Quote => ({
  kind,
  content: [{ start: 0, end: text.length }],
  text,
  cue: null,
  speakerMention: null,
  speaker: null,
  cueText: null,
  continuation: false,
})

describe('shared quotes', () => {
  const wire = 'We will rebuild the bridge before the winter floods come back to the valley'
  const a = quoteSnippets([quote(wire), quote('It was a terrible night for the whole town of Harlow'), quote('Thanks', 'direct')])
  const b = quoteSnippets([quote(`Mayor says: ${wire.slice(0, 50)}`), quote('The council has failed everyone who lives in this district')])

  it('keeps verbatim quotes long enough to identify a story, longest first', () => {
    assert.deepEqual(a, [wire, 'It was a terrible night for the whole town of Harlow'])
    assert.deepEqual(quoteSnippets([quote('The mayor said the bridge would be rebuilt before winter', 'indirect')]), [])
    const long = quoteSnippets([quote('word '.repeat(100).trim())])[0] ?? ''
    assert.ok(long.length <= 160 && long.endsWith('…'))
  })

  it('finds a quote two articles carry word for word, even in part', () => {
    assert.deepEqual(sharedQuotes(a, b), [wire])
    assert.deepEqual(sharedQuotes(b, a).length, 1)
  })

  it('does not count one stock phrase or unrelated quotes as shared', () => {
    const c = quoteSnippets([quote('We are in the process of reviewing every contract we signed')])
    const d = quoteSnippets([quote('They are in the process of moving the offices to the coast')])
    assert.deepEqual(sharedQuotes(c, d), [])
    assert.deepEqual(sharedQuotes(a, []), [])
  })
})
