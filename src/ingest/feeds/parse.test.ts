import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { parseFeed } from './parse.js'
import type { ParsedFeed } from './types.js'

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/ingest/feeds/${name}`, import.meta.url))
function parsed(name: string, url?: string): ParsedFeed {
  const result = parseFeed(fixture(name), url === undefined ? {} : { url })
  assert.ok(result.ok, JSON.stringify(result))
  return result.value
}

describe('parseFeed', () => {
  it('reads RSS 2.0 with content:encoded, dc:creator, ttl, relative links and bad dates', () => {
    const feed = parsed('rss2.xml', 'https://gazette.example/rss.xml')
    assert.equal(feed.format, 'rss')
    assert.equal(feed.title, 'The Harbour Gazette')
    assert.equal(feed.siteUrl, 'https://gazette.example/')
    assert.equal(feed.ttlMinutes, 45)
    assert.deepEqual(feed.entries[0], {
      guid: 'gazette-1001',
      url: 'https://gazette.example/2024/05/ferry',
      title: 'Council approves & funds new ferry',
      publishedAt: '2024-05-01T08:30:00.000Z',
      contentHtml: '<p>The council voted <b>7–2</b> for the ferry. “It is a good day,” said the mayor.</p>',
      summary: 'The council voted 7–2 for the ferry.',
      author: 'Maria Jones',
      updatedAt: null,
    })
    assert.equal(feed.entries[1]?.guid, 'https://gazette.example/2024/04/wall', 'the link stands in for a missing guid')
    assert.equal(feed.entries[1]?.contentHtml, 'Workers finished the <i>repair</i>.')
    assert.deepEqual(feed.entries.map((e) => e.url), [
      'https://gazette.example/2024/05/ferry', 'https://gazette.example/2024/04/wall', 'https://gazette.example/2024/04/relative',
    ])
    assert.equal(feed.entries[2]?.publishedAt, null)
    assert.deepEqual(feed.skipped, [{ index: 2, reason: 'entry has neither an id nor a link' }])
    assert.equal(feed.salvaged, false)
  })

  it('reads RSS 1.0 / RDF', () => {
    const feed = parsed('rdf.xml')
    assert.equal(feed.format, 'rdf')
    assert.equal(feed.title, 'Wire RDF')
    assert.deepEqual(feed.entries.map((e) => [e.guid, e.title, e.publishedAt, e.author]), [
      ['https://wire.example/a', 'Storm reaches coast', '2024-05-02T06:00:00.000Z', 'Wire Staff'],
      ['https://wire.example/b', 'Markets calm', null, null],
    ])
  })

  it('reads Atom: alternate links, html titles, published before updated, xhtml content', () => {
    const feed = parsed('atom.xml')
    assert.equal(feed.format, 'atom')
    assert.equal(feed.title, 'Science Desk')
    assert.equal(feed.siteUrl, 'https://science.example/')
    const [comet, updated] = feed.entries
    assert.equal(comet?.title, 'Comet visible tonight')
    assert.equal(comet?.url, 'https://science.example/comet')
    assert.equal(comet?.publishedAt, '2024-05-03T10:00:00.000Z')
    assert.equal(comet?.author, 'Ada Park')
    assert.equal(comet?.summary, 'Look north after dark.')
    assert.equal(comet?.contentHtml, '<p>Look north after dark, said Dr Park.</p>')
    assert.equal(updated?.publishedAt, '2024-05-02T08:00:00.000Z')
    assert.deepEqual([comet?.updatedAt, updated?.updatedAt], ['2024-05-03T11:00:00.000Z', '2024-05-02T08:00:00.000Z'], 'the updated date, to see an entry change')
    assert.match(updated?.contentHtml ?? '', /Inline <b>XHTML<\/b> body/)
  })

  it('reads JSON Feed, turning content_text into HTML and skipping unusable items', () => {
    const feed = parsed('feed.json')
    assert.equal(feed.format, 'json')
    assert.equal(feed.siteUrl, 'https://json.example/')
    assert.deepEqual(feed.entries.map((e) => [e.guid, e.url, e.publishedAt, e.author]), [
      ['j1', 'https://json.example/one', '2024-05-04T07:00:00.000Z', 'Jo Lee'],
      ['j2', 'https://elsewhere.example/two', null, 'Desk'],
    ])
    assert.equal(feed.entries[1]?.contentHtml, '<p>Plain text only &amp; more.</p>')
    assert.equal(feed.skipped.length, 1)
  })

  it('keeps the good entries of a feed with broken ones', () => {
    const feed = parsed('broken-entries.xml')
    assert.equal(feed.salvaged, true)
    assert.deepEqual(feed.entries.map((e) => e.title), ['Kept: first good story', 'Kept: second good story'])
    assert.deepEqual(feed.skipped.map((s) => s.index), [1, 3])
    assert.match(feed.skipped[1]?.reason ?? '', /duplicate/)
  })

  it('decodes the charset the XML declares', () => {
    const feed = parsed('latin1.xml')
    assert.equal(feed.title, 'Café News')
    assert.equal(feed.entries[0]?.title, 'Crème brûlée')
  })

  it('fails with a typed error on what is not a feed', () => {
    const cases: [string, string][] = [
      ['<!doctype html><html><body><p>A page</p></body></html>', 'not_a_feed'],
      ['', 'empty_input'],
      ['{"version": "https://jsonfeed.org/version/1.1", "title": ', 'malformed_feed'],
      ['{"hello": "world"}', 'not_a_feed'],
      ['<rss version="2.0"><channel><title>x</ti', 'malformed_feed'],
    ]
    for (const [body, code] of cases) {
      const result = parseFeed(body)
      assert.ok(!result.ok, body)
      assert.equal(result.error.code, code, body)
    }
  })

  it('caps the number of entries', () => {
    const result = parseFeed(fixture('rss2.xml'), { maxEntries: 1 })
    assert.ok(result.ok)
    assert.equal(result.value.entries.length, 1)
  })
})
