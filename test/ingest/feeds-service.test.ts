import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { createStoreQueue } from '../../src/pipeline/queue.js'
import { scheduleDueFeeds } from '../../src/pipeline/scheduler.js'
import { drainQueue } from '../../src/pipeline/worker.js'
import { exportOpml, importOpml } from '../../src/services/feed-opml.js'
import { addFeed, feedJobHandlers, listFeeds, refreshFeed, removeFeed } from '../../src/services/feeds.js'
import type { FeedDeps } from '../../src/services/feeds.js'
import type { Store } from '../../src/store/db.js'
import { localFetchDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { startServer } from './server.js'
import type { Handler, TestServer } from './server.js'

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ingest/feeds/${name}`, import.meta.url), 'utf8')

function articlePage(title: string): string {
  const p = (s: string): string => `<p>${s}</p>`
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>
${p(`${title}: the harbour council met on Tuesday evening to discuss the plan in detail, with residents filling the hall.`)}
${p('“We have waited long enough for this decision,” said Maria Jones, who chairs the residents’ association.')}
${p('The vote followed months of consultation with shipping companies, fishermen and the regional transport authority.')}
${p('Work is expected to begin in the autumn and to last for about eighteen months, according to the council’s engineers.')}
</article></body></html>`
}

/** Points a fixture feed's article links at the test server, so pages are fetched from loopback only. */
const localise = (xml: string, origin: string): string => xml.replace(/https:\/\/(gazette|wire|science|json|broken)\.example/g, `${origin}/$1`)

describe('feeds service against a local server', () => {
  let server: TestServer
  let store: Store
  let deps: FeedDeps
  let clock = new Date('2024-05-10T12:00:00Z')
  let feedStatus = 200

  before(async () => {
    server = await startServer({})
    const routes: Record<string, Handler> = {
      '/rss.xml': (req, res) => {
        if (feedStatus !== 200) return void res.writeHead(feedStatus, { 'retry-after': '7200' }).end()
        if (req.headers['if-none-match'] === '"rss-1"') return void res.writeHead(304).end()
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"rss-1"' }).end(localise(fixture('rss2.xml'), server.origin))
      },
      '/atom.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(localise(fixture('atom.xml'), server.origin)),
      '/rdf.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(localise(fixture('rdf.xml'), server.origin)),
      '/feed.json': (_req, res) => res.writeHead(200, { 'content-type': 'application/feed+json' }).end(localise(fixture('feed.json'), server.origin)),
      '/broken.xml': (_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(localise(fixture('broken-entries.xml'), server.origin)),
      '/home': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Home</body></html>'),
      '/not-a-feed': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>No feed here.</p></body></html>'),
    }
    for (const path of ['/gazette/2024/05/ferry', '/2024/04/relative', '/wire/a', '/wire/b', '/science/comet', '/json/one', '/broken/good-1', '/broken/good-2']) {
      routes[path] = (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Story at ${path}`))
    }
    // /gazette/2024/04/wall and /science/updated are missing (404): their feed content must be kept instead.
    await server.close()
    server = await startServer(routes)
    store = await sqliteStore()
    deps = localFetchDeps(store, () => clock)
  })
  after(async () => {
    await store?.close()
    await server?.close()
  })

  const sources = async (): Promise<Record<string, string>> => {
    const rows = await store.db.selectFrom('articles').select(['url', 'source']).execute()
    return Object.fromEntries(rows.map((r) => [String(r.url).replace(server.origin, ''), r.source]))
  }

  it('adds an RSS feed and stores each new entry: the page when it loads, the feed content when it does not', async () => {
    const added = await addFeed(deps, { url: `${server.origin}/rss.xml` })
    assert.ok(added.ok, JSON.stringify(added))
    assert.equal(added.value.feed.title, 'The Harbour Gazette')
    const report = await refreshFeed(deps, added.value.feed.id)
    assert.ok(report.ok)
    assert.equal(report.value.status, 'updated')
    assert.equal(report.value.newEntries, 3)
    assert.deepEqual(report.value.entries.map((e) => e.outcome.status), ['page', 'feed-content', 'page'], JSON.stringify(report.value.entries))
    assert.deepEqual(await sources(), {
      '/gazette/2024/05/ferry': 'feed',
      '/gazette/2024/04/wall': 'feed-content',
      '/2024/04/relative': 'feed',
    })
    // RSS <ttl>45</ttl> is shorter than the 60-minute interval: the interval wins.
    assert.equal(report.value.nextCheckAt, new Date(clock.getTime() + 60 * 60_000).toISOString())
  })

  it('asks again with the ETag, and stores nothing twice', async () => {
    const [feed] = await listFeeds(deps)
    assert.ok(feed)
    const again = await refreshFeed(deps, feed.id)
    assert.ok(again.ok)
    assert.equal(again.value.status, 'not_modified')
    assert.equal(server.requests.at(-1)?.headers['if-none-match'], '"rss-1"')
    assert.equal(feed.counts.entries, 3)
    assert.equal(feed.counts.feedContent, 1)
  })

  it('records a 503 with its Retry-After and backs off', async () => {
    const [feed] = await listFeeds(deps)
    assert.ok(feed)
    feedStatus = 503
    const failed = await refreshFeed(deps, feed.id)
    feedStatus = 200
    assert.ok(failed.ok)
    assert.equal(failed.value.status, 'failed')
    const [after] = await listFeeds(deps)
    assert.match(after?.lastError ?? '', /503/)
    assert.equal(after?.errorCount, 1)
    assert.equal(after?.nextCheckAt, new Date(clock.getTime() + 120 * 60_000).toISOString())
  })

  it('reads Atom, RDF and JSON feeds end to end', async () => {
    for (const [path, expected] of [['/atom.xml', 2], ['/rdf.xml', 2], ['/feed.json', 2]] as const) {
      const added = await addFeed(deps, { url: `${server.origin}${path}` })
      assert.ok(added.ok, path)
      const report = await refreshFeed(deps, added.value.feed.id)
      assert.ok(report.ok && report.value.status === 'updated', path)
      assert.equal(report.value.newEntries, expected, path)
    }
    const s = await sources()
    assert.equal(s['/science/comet'], 'feed', JSON.stringify(s))
    assert.equal(s['/science/updated'], 'feed-content')
    assert.equal(s['/wire/a'], 'feed')
    assert.equal(s['/json/one'], 'feed')
  })

  it('keeps the good entries of a feed with broken ones', async () => {
    const added = await addFeed(deps, { url: `${server.origin}/broken.xml` })
    assert.ok(added.ok)
    const report = await refreshFeed(deps, added.value.feed.id)
    assert.ok(report.ok)
    assert.equal(report.value.newEntries, 2)
    const s = await sources()
    assert.equal(s['/broken/good-1'], 'feed')
    assert.equal(s['/broken/good-2'], 'feed')
  })

  it('finds the feed a web page advertises, refuses a page without one, and refuses private addresses', async () => {
    const found = await addFeed(deps, { url: `${server.origin}/home` })
    assert.ok(found.ok)
    assert.equal(found.value.created, false, 'the Atom feed is already subscribed')
    assert.equal(found.value.feed.url, `${server.origin}/atom.xml`)
    const none = await addFeed(deps, { url: `${server.origin}/not-a-feed` })
    assert.ok(!none.ok && none.error.code === 'not_a_feed')
    const blocked = await addFeed(deps, { url: 'http://169.254.169.254/latest/meta-data/' })
    assert.ok(!blocked.ok && blocked.error.code === 'blocked_address')
  })

  it('schedules due feeds through the queue and runs them with the worker handlers', async () => {
    clock = new Date(clock.getTime() + 3 * 3600_000)
    const queue = createStoreQueue(store.db, { now: () => clock })
    const queued = await scheduleDueFeeds(store.db, queue, { now: () => clock })
    assert.equal(queued, 5)
    assert.equal(await scheduleDueFeeds(store.db, queue, { now: () => clock }), 0, 'a claimed feed is not queued twice')
    const ran = await drainQueue(queue, feedJobHandlers({ ...deps, queue }))
    const retried = await store.db.selectFrom('feed_entries').select('guid').where('attempts', '=', 2).execute()
    assert.equal(retried.length, 3, 'the three entries whose page was missing (404) are tried again, through the queue too')
    assert.equal(ran, 5 + retried.length)
    assert.equal(await queue.pending(), 0)
    const feeds = await listFeeds(deps)
    assert.ok(feeds.every((f) => f.lastCheckedAt === clock.toISOString()))
    assert.equal(feeds.find((f) => f.url.endsWith('/rss.xml'))?.errorCount, 0)
  })

  it('offers again an entry whose storing never finished (a crash between seeing and storing it)', async () => {
    await store.db.updateTable('feed_entries').set({ status: null, article_id: null, created_at: '2000-01-01T00:00:00.000Z' }).where('guid', '=', 'j1').execute()
    const jsonFeed = (await listFeeds(deps)).find((f) => f.url.endsWith('/feed.json'))
    assert.ok(jsonFeed)
    const report = await refreshFeed(deps, jsonFeed.id)
    assert.ok(report.ok)
    assert.deepEqual(report.value.entries.map((e) => [e.guid, e.outcome.status]), [['j1', 'page']])
    const again = await refreshFeed(deps, jsonFeed.id)
    assert.ok(again.ok)
    assert.equal(again.value.newEntries, 0)
  })

  it('exports OPML and imports it into an empty desk; removes a feed', async () => {
    const xml = await exportOpml(deps)
    const other = await sqliteStore()
    try {
      const imported = await importOpml({ ...deps, store: other }, xml)
      assert.ok(imported.ok)
      assert.equal(imported.value.added.length, 5)
      assert.deepEqual(imported.value.added.map((f) => f.title).sort(), (await listFeeds(deps)).map((f) => f.title).sort())
    } finally {
      await other.close()
    }
    const [first] = await listFeeds(deps)
    assert.ok(first)
    assert.ok((await removeFeed(deps, first.id)).ok)
    assert.equal((await listFeeds(deps)).length, 4)
    assert.equal((await removeFeed(deps, first.id)).ok, false)
  })
})
