import assert from 'node:assert/strict'
import { test } from 'node:test'
import { extractText } from './text.js'
import { isErrorPage } from './error-page.js'

const page = (text: string) => {
  const r = extractText(text)
  assert.ok(r.ok)
  return r.value
}

test('soft error pages are recognised by an error message opening the title or the text', () => {
  for (const text of [
    'floridatoday.com document not found\n\nThe document you requested could not be found. Try the search box.',
    '404 Not Found\n\nThe requested URL was not found on this server.',
    '999 Unable to process request at this time -- error 999\n\nPlease try again later.',
    'Page not found | Harbour Herald\n\nSorry, we could not find that page. Return to the home page.',
    'Harbour Herald\n\nAccess denied. You do not have permission to view this page.',
  ]) {
    assert.ok(isErrorPage(page(text)), text)
  }
})

test('news about outages and errors is news, and a long article is an article whatever its title', () => {
  assert.equal(isErrorPage(page('Bank website unavailable for hours\n\nCustomers of Harbour Bank could not log in on Tuesday after a software update failed, the bank said.')), false)
  assert.equal(isErrorPage(page('Ferry service unavailable after storm\n\nThe ferry did not sail on Monday.')), false)
  const long = `Not found: the missing ferry logs\n\n${'The harbour board could not say where the logs went. '.repeat(40)}`
  assert.equal(isErrorPage(page(long)), false)
})
