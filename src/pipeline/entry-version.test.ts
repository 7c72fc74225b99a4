import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { FeedEntry } from '../ingest/feeds/index.js'
import { changesAreStamps, entryChange, type SeenEntry } from './entry-version.js'

const seen: SeenEntry = { url: 'https://a.example/1', title: 'Ferry vote', publishedAt: '2024-05-01T08:00:00.000Z', entryUpdatedAt: '2024-05-01T09:00:00.000Z', status: 'page' }
const entry = (patch: Partial<FeedEntry>): FeedEntry => ({
  guid: 'g', url: seen.url, title: seen.title, publishedAt: seen.publishedAt, updatedAt: seen.entryUpdatedAt, contentHtml: null, summary: null, author: null, ...patch,
})

describe('feed entry versions', () => {
  it('fetches again an entry with a new updated date or a new link, only notes a new title', () => {
    assert.equal(entryChange(seen, entry({})), 'none')
    assert.equal(entryChange(seen, entry({ updatedAt: '2024-05-02T10:00:00.000Z' })), 'date')
    assert.equal(entryChange(seen, entry({ url: 'https://a.example/1-corrected' })), 'link')
    assert.equal(entryChange(seen, entry({ title: 'Ferry vote delayed' })), 'noted')
    assert.equal(entryChange({ ...seen, status: null }, entry({ updatedAt: '2024-05-02T10:00:00.000Z' })), 'none', 'waiting for its first outcome')
  })

  it('uses the published date when the feed gives no updated date, and only notes a first version', () => {
    const rss = { ...seen, entryUpdatedAt: seen.publishedAt }
    assert.equal(entryChange(rss, entry({ updatedAt: null })), 'none')
    assert.equal(entryChange(rss, entry({ updatedAt: null, publishedAt: '2024-05-03T08:00:00.000Z' })), 'date')
    assert.equal(entryChange({ ...seen, entryUpdatedAt: null }, entry({})), 'noted', 'remembered before versions were kept')
  })

  it('takes dates or links that change on most entries at once for request stamps', () => {
    assert.equal(changesAreStamps(['date', 'date', 'date', 'date', 'none'], 5), true)
    assert.equal(changesAreStamps(['link', 'link', 'date', 'link', 'none'], 5), true)
    assert.equal(changesAreStamps(['date', 'none', 'none', 'none'], 4), false)
    assert.equal(changesAreStamps(['date', 'date', 'date'], 3), false)
  })

  it('a link that only gains tracking parameters points to the same page', () => {
    assert.equal(entryChange(seen, entry({ url: 'https://a.example/1?utm_source=rss&utm_medium=feed' })), 'none')
    assert.equal(entryChange(seen, entry({ url: 'https://www.a.example/1' })), 'none')
  })
})
