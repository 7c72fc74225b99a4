import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from './index.js'

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
