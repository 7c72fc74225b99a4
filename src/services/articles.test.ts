import assert from 'node:assert/strict'
import { it } from 'node:test'
import { characterCount } from './articles.js'

it('says how long a text is as people say it', () => {
  assert.equal(characterCount(640), '640 characters')
  assert.equal(characterCount(612_345), '612 thousand characters')
  assert.equal(characterCount(999_800), '1 million characters')
  assert.equal(characterCount(1_000_000), '1 million characters')
  assert.equal(characterCount(1_234_567), '1.2 million characters')
  assert.equal(characterCount(20_000_000), '20 million characters')
})
