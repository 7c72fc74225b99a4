import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyseText } from '../../analyse/index.js'
import { renderQuotes } from './quotes.js'

test('quotes: speakers by name, role and organisation; a described speaker as written', () => {
  const text = 'Maria Lopez, a senior economist at the Bank of Canada, spoke on Monday.\n\n“Rates will stay high for a while,” said Lopez.\n\nThe drummer Ken Baxter died in March. His daughter said he died at home without pain.'
  const out = renderQuotes(analyseText(text), text)
  assert.match(out, /- \[direct\] Maria Lopez \(senior economist, Bank of Canada\): “Rates will stay high for a while”/)
  assert.match(out, /- \[indirect\] “His daughter” \(unnamed\): he died at home without pain/)
})

test('quotes: nothing found', () => {
  assert.equal(renderQuotes(analyseText('The river rose overnight.'), 'The river rose overnight.'), 'no quotes found\n')
})
