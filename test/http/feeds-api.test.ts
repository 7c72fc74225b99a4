import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { FeedOut, feedsApi } from '../../src/http/api/feeds.js'
import { createApp } from '../../src/http/app.js'
import { addFeed } from '../../src/services/feeds.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'

const outline = (url: string) => `<outline text="x" type="rss" xmlUrl="${url}"/>`
const OPML = `<?xml version="1.0"?><opml version="2.0"><head><title>Mixed</title></head><body>
${outline('https://new.example/feed.xml')}${outline('https://old.example/rss')}${outline('ftp://files.example/feed.xml')}</body></opml>`

describe('the feeds API', () => {
  let store: Store
  let app: ReturnType<typeof createApp>

  before(async () => {
    store = await sqliteStore()
    const deps = testDeps(store)
    app = createApp(deps, { writesPerMinute: 1000, mounts: [{ path: '/api/feeds', app: feedsApi(deps) }] })
    assert.ok((await addFeed(deps, { url: 'https://old.example/rss', verify: false })).ok)
  })
  after(() => store.close())

  it('reports an OPML import as the CLI --json does: the added feeds, the addresses already followed, the outlines skipped', async () => {
    const res = await app.request('/api/feeds/opml', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ opml: OPML }) })
    assert.equal(res.status, 200)
    const report = (await res.json()) as { added: unknown; existing: string[]; skipped: { url: string }[] }
    assert.ok(Array.isArray(report.added), 'the feeds added, not their count')
    assert.deepEqual(report.added.map((f) => FeedOut.parse(f).url), ['https://new.example/feed.xml'])
    assert.deepEqual(report.existing, ['https://old.example/rss'])
    assert.deepEqual(report.skipped.map((s) => s.url), ['ftp://files.example/feed.xml'])
  })
})
