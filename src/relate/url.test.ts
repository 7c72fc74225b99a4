import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normaliseUrl, normaliseUrlOrNull } from './url.js'

describe('normaliseUrl', () => {
  const canonical = 'https://example.com/news/2024/11/story'
  const sameStory = [
    'https://example.com/news/2024/11/story',
    'http://example.com/news/2024/11/story/',
    'HTTPS://WWW.Example.COM/news/2024/11/story',
    'https://www.example.com:443/news/2024/11/story#comments',
    'http://example.com:80/news/2024/11/story',
    'https://example.com/news/2024/11/story?utm_source=twitter&utm_medium=social&utm_campaign=x',
    'https://example.com/news/2024/11/story?fbclid=IwAR123&gclid=abc',
    'https://example.com/news/2024/11/story/amp',
    'https://example.com/news/2024/11/story?amp=1',
    'https://amp.example.com/news/2024/11/story',
    'https://example.com/amp/news/2024/11/story',
    'https://example.com/news/2024/11/story?outputType=amp',
    'https://www-example-com.cdn.ampproject.org/news/2024/11/story',
    'https://web.archive.org/web/20041118055945/http://www.example.com/news/2024/11/story',
    'http://web.archive.org/web/20051107132950id_/http://www.example.com:80/news/2024/11/story',
    'https://archive.ph/20240101000000/https://example.com/news/2024/11/story',
  ]
  for (const url of sameStory) {
    it(`maps ${url}`, () => assert.equal(normaliseUrl(url), canonical))
  }

  it('keeps parameters that select the page, in a stable order', () => {
    assert.equal(normaliseUrl('https://example.com/article.php?page=2&id=7&utm_source=x'), 'https://example.com/article.php?id=7&page=2')
    assert.notEqual(normaliseUrl('https://example.com/a?id=1'), normaliseUrl('https://example.com/a?id=2'))
  })

  it('keeps path case and non-default ports', () => {
    assert.equal(normaliseUrl('https://example.com:8443/News/Story'), 'https://example.com:8443/News/Story')
  })

  it('treats index pages as their folder', () => {
    assert.equal(normaliseUrl('http://www.cnn.com/2004/TECH/index.html'), 'https://cnn.com/2004/TECH')
  })

  it('rejects what is not an http(s) URL', () => {
    assert.throws(() => normaliseUrl('mailto:desk@example.com'))
    assert.throws(() => normaliseUrl('not a url'))
  })
})

describe('normaliseUrlOrNull', () => {
  it('gives the canonical form, or null for nothing and for what is not an http(s) URL', () => {
    assert.equal(normaliseUrlOrNull(' http://www.example.com/story/?utm_source=x '), 'https://example.com/story')
    assert.equal(normaliseUrlOrNull(null), null)
    assert.equal(normaliseUrlOrNull(''), null)
    assert.equal(normaliseUrlOrNull('mailto:desk@example.com'), null)
  })
})
