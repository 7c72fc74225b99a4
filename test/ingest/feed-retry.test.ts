import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { addFeed, feedFailures, listFeeds, refreshFeed } from '../../src/services/feeds.js'
import type { FeedDeps, RefreshReport } from '../../src/services/feeds.js'
import type { Store } from '../../src/store/db.js'
import { localFetchDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { startServer } from './server.js'
import type { Handler, TestServer } from './server.js'

function articlePage(title: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>${title}: the harbour council met on Tuesday evening to discuss the plan in detail, with residents filling the hall.</p>
<p>“We have waited long enough for this decision,” said Maria Jones, who chairs the residents’ association.</p>
<p>The vote followed months of consultation with shipping companies, fishermen and the regional transport authority.</p>
<p>Work is expected to begin in the autumn and to last for about eighteen months, according to the council’s engineers.</p>
</article></body></html>`
}

const SUMMARY = '&lt;p&gt;The feed’s own summary of the ferry story: the harbour council voted on Tuesday to run a night ferry across the bay from the spring.&lt;/p&gt;'

function rss(origin: string): string {
  const item = (guid: string, link: string, description = ''): string =>
    `<item><title>Entry ${guid}</title><link>${link}</link><guid>${guid}</guid><pubDate>Fri, 10 May 2024 09:00:00 GMT</pubDate>${description ? `<description>${description}</description>` : ''}</item>`
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Retry Desk</title><link>${origin}/</link>
${item('late', `${origin}/pages/late`)}
${item('soon', `${origin}/pages/soon`, SUMMARY)}
${item('private', 'http://10.0.0.5/private')}
${item('down', `${origin}/pages/down`)}
</channel></rss>`
}

const outcomeOf = (report: RefreshReport, guid: string) => report.entries.find((e) => e.guid === guid)?.outcome

describe('feed entries whose page failed are tried again', () => {
  let server: TestServer
  let store: Store
  let deps: FeedDeps
  let clock = new Date('2024-05-10T12:00:00Z')
  let feedId = ''
  const pages: Record<string, number> = { '/pages/late': 503, '/pages/soon': 404, '/pages/down': 500 }
  const page = (path: string): Handler => (_req, res) => {
    const status = pages[path] ?? 200
    if (status !== 200) return void res.writeHead(status, { 'content-type': 'text/plain' }).end('not now')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Story at ${path}`))
  }
  const refresh = async (): Promise<RefreshReport> => {
    const r = await refreshFeed(deps, feedId)
    assert.ok(r.ok)
    return r.value
  }
  const articles = () => store.db.selectFrom('articles').select(['id', 'url', 'source']).orderBy('url').execute()

  before(async () => {
    const routes: Record<string, Handler> = {
      '/rss.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"r1"') return void res.writeHead(304).end()
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"r1"' }).end(rss(server.origin))
      },
    }
    for (const path of Object.keys(pages)) routes[path] = page(path)
    server = await startServer(routes)
    store = await sqliteStore()
    deps = localFetchDeps(store, () => clock)
    const added = await addFeed(deps, { url: `${server.origin}/rss.xml` })
    assert.ok(added.ok)
    feedId = added.value.feed.id
  })
  after(async () => {
    await store?.close()
    await server?.close()
  })

  it('retries a 5xx and a 404 later, not a refused address, and upgrades feed content in place', async () => {
    const first = await refresh()
    assert.equal(first.newEntries, 4)
    assert.equal(outcomeOf(first, 'late')?.status, 'failed')
    assert.equal(outcomeOf(first, 'late')?.retryAt, '2024-05-10T12:15:00.000Z')
    const soon = outcomeOf(first, 'soon')
    assert.ok(soon?.status === 'feed-content' && soon.retryAt !== null, JSON.stringify(soon))
    const privateOne = outcomeOf(first, 'private')
    assert.ok(privateOne?.status === 'failed' && privateOne.retryAt === null, JSON.stringify(privateOne))
    assert.match(privateOne.error, /refused/)

    pages['/pages/late'] = 200
    pages['/pages/soon'] = 200
    clock = new Date(clock.getTime() + 20 * 60_000)
    const second = await refresh()
    assert.equal(second.status, 'not_modified', 'retries run when the feed has not changed too')
    assert.deepEqual(second.entries.map((e) => [e.guid, e.outcome.status]).sort(), [['down', 'failed'], ['late', 'page'], ['soon', 'page']])
    const upgraded = outcomeOf(second, 'soon')
    assert.ok(upgraded?.status === 'page')
    assert.equal(upgraded.articleId, soon.articleId, 'the feed-content article is updated in place')
    const stored = await articles()
    assert.deepEqual(stored.map((a) => [a.url?.replace(server.origin, ''), a.source]), [['/pages/late', 'feed'], ['/pages/soon', 'feed']])
    assert.equal((await refresh()).retried, 0, 'a stored page is not tried again')
  })

  it('gives up after five tries, and lists each failure with its reason', async () => {
    let last: RefreshReport | null = null
    for (let i = 0; i < 5; i++) {
      clock = new Date(clock.getTime() + 24 * 3600_000)
      const r = await refresh()
      if (r.retried > 0) last = r
    }
    const down = last === null ? undefined : outcomeOf(last, 'down')
    assert.ok(down?.status === 'failed' && down.retryAt === null, JSON.stringify(down))
    assert.match(down.error, /answered 500.*gave up after 5 tries/)
    const [feed] = await listFeeds(deps)
    assert.deepEqual(feed?.counts, { entries: 4, stored: 2, feedContent: 0, failed: 2, retrying: 0 })
    assert.deepEqual(feed?.failures.map((f) => [f.guid, f.attempts, f.retryAt]), [['down', 5, null], ['private', 1, null]])
    const all = await feedFailures(deps, feedId)
    assert.ok(all.ok)
    assert.match(all.value.find((f) => f.guid === 'private')?.error ?? '', /10\.0\.0\.5.*refused/)
  })
})
