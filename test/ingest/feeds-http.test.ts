import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { feedsApi } from '../../src/http/api/feeds.js'
import { createApp } from '../../src/http/app.js'
import { feedPages } from '../../src/http/web/feeds.js'
import type { FeedDeps } from '../../src/services/feeds.js'
import type { Store } from '../../src/store/db.js'
import { localFetchDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { startServer, type TestServer } from './server.js'

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Tom &amp; Jerry's &lt;News&gt;</title><link>https://tj.example/</link>
<item><title>One</title><link>https://tj.example/1</link></item></channel></rss>`

describe('feeds pages and API', () => {
  let server: TestServer
  let store: Store
  let app: ReturnType<typeof createApp>
  let csrf = ''
  let cookie = ''

  before(async () => {
    server = await startServer({
      '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS),
      '/down.xml': (_req, res) => res.writeHead(500).end(),
    })
    store = await sqliteStore()
    const deps: FeedDeps = localFetchDeps(store, () => new Date('2024-05-10T12:00:00Z'))
    app = createApp(deps, { mounts: [{ path: '/feeds', app: feedPages(deps) }, { path: '/api/feeds', app: feedsApi(deps) }] })
    const first = await app.request('/feeds')
    cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())?.[1] ?? ''
  })
  after(async () => {
    await store?.close()
    await server?.close()
  })

  const form = (path: string, fields: Record<string, string>) =>
    app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, ...fields }).toString() })
  const json = (path: string, method: string, body?: unknown) =>
    app.request(path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })

  it('adds a feed from the form and lists it with its title escaped', async () => {
    assert.ok(csrf.length > 10)
    const added = await form('/feeds', { url: `${server.origin}/feed.xml`, interval: '30' })
    assert.equal(added.status, 303)
    const page = await (await app.request('/feeds', { headers: { cookie } })).text()
    assert.match(page, /Tom &amp; Jerry(&#39;|')s &lt;News&gt;/)
    assert.ok(!page.includes('<News>'))
    assert.match(page, /every 30 min/)
  })

  it('shows a form error for a URL that is refused', async () => {
    const res = await form('/feeds', { url: 'http://10.0.0.1/feed.xml' })
    assert.equal(res.status, 422)
    assert.match(await res.text(), /private address: refused|refused/)
  })

  it('serves the same feeds through the JSON API, and exports OPML', async () => {
    const list = (await (await json('/api/feeds', 'GET')).json()) as { items: { id: string; url: string; lastError: string | null }[] }
    assert.equal(list.items.length, 1)
    const created = await json('/api/feeds', 'POST', { url: `${server.origin}/down.xml` })
    assert.equal(created.status, 422, 'a feed that cannot be fetched is refused at add time')
    const bad = await json('/api/feeds', 'POST', { url: 'not a url' })
    assert.equal(bad.status, 422)
    const id = list.items[0]?.id ?? ''
    const refresh = await json(`/api/feeds/${id}/refresh`, 'POST')
    assert.equal(refresh.status, 202)
    const opml = await (await app.request('/feeds/export.opml')).text()
    assert.match(opml, /xmlUrl="http:\/\/127\.0\.0\.1:\d+\/feed\.xml"/)
    assert.match(opml, /Tom &amp; Jerry/)
    const removed = await json(`/api/feeds/${id}`, 'DELETE')
    assert.equal(removed.status, 200)
    assert.equal((await json(`/api/feeds/${id}`, 'GET')).status, 404)
  })

  it('shows only the desk\u2019s own status messages, whatever the query string says', async () => {
    const spoof = await (await app.request(`/feeds?notice=${encodeURIComponent('Your session expired: sign in again at evil.example')}`)).text()
    assert.ok(!spoof.includes('evil.example'))
    assert.doesNotMatch(spoof, /class="notice"/)
    assert.doesNotMatch(await (await app.request('/feeds?notice=constructor')).text(), /class="notice"/)
    assert.match(await (await app.request('/feeds?notice=removed')).text(), /<p class="notice" role="status">Feed removed; its articles stay on the desk\.<\/p>/)
    const added = await form('/feeds', { url: `${server.origin}/feed.xml` })
    assert.equal(added.headers.get('location'), '/feeds?notice=added')
  })

  it('imports OPML from the form and names each outline it skipped, with why', async () => {
    const body = new FormData()
    body.set('_csrf', csrf)
    const opml = '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="p" xmlUrl="http://10.0.0.5/feed.xml"/><outline text="f" xmlUrl="ftp://files.example/f.xml"/></body></opml>'
    body.set('file', new File([opml], 'subs.opml', { type: 'text/x-opml' }))
    const res = await app.request('/feeds/import', { method: 'POST', headers: { cookie }, body })
    assert.equal(res.status, 200)
    const page = await res.text()
    assert.match(page, /Imported 0 feeds \(0 already followed, 2 skipped\)/)
    assert.match(page, /Skipped http:\/\/10\.0\.0\.5\/feed\.xml: 10\.0\.0\.5 is a private-network address: refused/)
    assert.match(page, /Skipped ftp:\/\/files\.example\/f\.xml: only http and https feeds can be followed, not ftp:/)
  })
})
