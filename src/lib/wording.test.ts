import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countOf, onceEach, personMeta } from './wording.js'

describe('wording shared by the pages and the command line', () => {
  it('lists a role written in two cases once, as first written', () => {
    assert.deepEqual(onceEach(['President', 'Senior analyst', 'president', 'senior analyst', 'Eurasia Group']), ['President', 'Senior analyst', 'Eurasia Group'])
  })

  it('counts quotes in the singular and the plural beside a role', () => {
    assert.equal(countOf(1, 'quote'), '1 quote')
    assert.equal(personMeta({ role: 'senior analyst', organisation: 'Eurasia Group', quoteCount: 3 }), 'senior analyst, Eurasia Group · 3 quotes')
    assert.equal(personMeta({ role: null, organisation: null, quoteCount: 1 }), '1 quote')
  })
})
