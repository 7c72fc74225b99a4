import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { buildOpml, parseOpml } from './opml.js'

describe('OPML', () => {
  it('reads subscriptions from nested folders, dropping duplicates and non-web URLs', () => {
    const result = parseOpml(readFileSync(new URL('../../../test/fixtures/ingest/feeds/subscriptions.opml', import.meta.url)))
    assert.ok(result.ok)
    assert.equal(result.value.title, 'My desk')
    assert.deepEqual(result.value.feeds, [
      { url: 'https://gazette.example/rss.xml', title: 'Harbour Gazette', siteUrl: 'https://gazette.example/', folders: ['Local'] },
      { url: 'https://science.example/atom.xml', title: 'Science & Tech', siteUrl: null, folders: ['Local'] },
      { url: 'https://wire.example/rss', title: 'Wire', siteUrl: null, folders: [] },
    ])
    assert.deepEqual(result.value.skipped, [{ url: 'file:///etc/passwd', reason: 'only http and https feeds can be followed, not file:' }])
  })

  it('writes escaped XML that reads back to the same subscriptions', () => {
    const feeds = [
      { url: 'https://x.example/feed?a=1&b=2', title: 'Tom & Jerry\'s "<news>"', siteUrl: 'https://x.example/?q=<1>' },
      { url: 'https://y.example/rss', title: null, siteUrl: null },
    ]
    const xml = buildOpml(feeds, { title: 'Desk <1>', now: new Date('2024-05-01T00:00:00Z') })
    assert.ok(!xml.includes('<news>'))
    assert.ok(!xml.includes('a=1&b=2'))
    assert.match(xml, /a=1&amp;b=2/)
    const back = parseOpml(xml)
    assert.ok(back.ok)
    assert.equal(back.value.title, 'Desk <1>')
    assert.deepEqual(back.value.feeds.map((f) => [f.url, f.siteUrl]), [
      ['https://x.example/feed?a=1&b=2', 'https://x.example/?q=%3C1%3E'],
      ['https://y.example/rss', null],
    ])
    assert.equal(back.value.feeds[0]?.title, 'Tom & Jerry\'s "<news>"')
    assert.equal(back.value.feeds[1]?.title, 'https://y.example/rss')
  })

  it('writes a readable document for a desk that follows no feeds', () => {
    const xml = buildOpml([], { title: 'Desk <1> & co', now: new Date('2024-05-01T00:00:00Z') })
    const back = parseOpml(xml)
    assert.ok(back.ok, JSON.stringify(back))
    assert.equal(back.value.title, 'Desk <1> & co')
    assert.deepEqual(back.value.feeds, [])
  })

  it('fails with a typed error on a file that is not OPML', () => {
    const result = parseOpml('<html><body>no</body></html>')
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'malformed_opml')
  })
})
