import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { feedsApi, FeedOut } from '../../src/http/api/feeds.js'
import { createApp } from '../../src/http/app.js'
import { feedPages } from '../../src/http/web/feeds.js'
import { createUser } from '../../src/services/accounts.js'
import { addFeed, getFeed, type FeedDeps } from '../../src/services/feeds.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'
import { client } from './client.js'

forEachStore('editing a feed on the feeds page and through the API', (getStore) => {
  let deps: FeedDeps
  let app: ReturnType<typeof createApp>
  let browser: ReturnType<typeof client>
  let feedId = ''
  let otherId = ''

  before(async () => {
    deps = testDeps(getStore())
    app = createApp(deps, { writesPerMinute: 1000, mounts: [{ path: '/feeds', app: feedPages(deps) }, { path: '/api/feeds', app: feedsApi(deps) }] })
    browser = client(app)
    const harbour = await addFeed(deps, { url: 'https://harbour.example/feed.xml', title: 'Harbour <Times>', verify: false })
    const wire = await addFeed(deps, { url: 'https://wire.example/rss', verify: false })
    assert.ok(harbour.ok && wire.ok)
    feedId = harbour.value.feed.id
    otherId = wire.value.feed.id
  })

  const json = (path: string, method: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    app.request(path, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

  it('links each feed to a form holding its settings, escaped', async () => {
    const list = await (await browser.get('/feeds')).text()
    assert.match(list, new RegExp(`<a class="edit-feed" href="/feeds/${feedId}/edit">Edit</a>`))
    const page = await browser.get(`/feeds/${feedId}/edit`)
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.match(html, /name="title" maxlength="500" value="Harbour &lt;Times&gt;"/)
    assert.match(html, /name="url" required="" value="https:\/\/harbour\.example\/feed\.xml"/)
    assert.match(html, /name="interval" required="" min="5" max="10080" value="60"/)
    assert.match(html, /name="_csrf"/)
    assert.equal((await browser.get('/feeds/no-such-feed/edit')).status, 404)
  })

  it('saves title, address and interval from the form and says so', async () => {
    const saved = await browser.post(`/feeds/${feedId}/edit`, { title: 'Harbour desk', url: 'https://harbour.example/atom.xml', interval: '15' })
    assert.equal(saved.status, 303)
    assert.equal(saved.headers.get('location'), `/feeds?notice=edited#feed-${feedId}`)
    const feed = await getFeed(deps, feedId)
    assert.deepEqual([feed?.title, feed?.url, feed?.intervalMinutes], ['Harbour desk', 'https://harbour.example/atom.xml', 15])
    const list = await (await browser.get('/feeds?notice=edited')).text()
    assert.match(list, /Feed settings saved\./)
    assert.match(list, /Harbour desk/)
    assert.match(list, /every 15 min/)
  })

  it('the add form keeps the address and interval typed when a feed is refused', async () => {
    const res = await browser.post('/feeds', { url: 'http://10.0.0.1/feed.xml', interval: '45' })
    assert.equal(res.status, 422)
    const html = await res.text()
    assert.match(html, /Not added: .*private-network address/)
    assert.ok(html.includes('value="http://10.0.0.1/feed.xml"'))
    assert.ok(html.includes('value="45"'), 'the interval typed is kept, not reset to 60')
  })

  it('shows what was wrong and keeps what the user typed', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ title: 'Typed title', url: 'https://harbour.example/atom.xml', interval: '3' }, 422, /whole number of minutes from 5 to 10080 \(a week\), not 3/],
      [{ title: 'Typed title', url: 'https://harbour.example/atom.xml', interval: '' }, 422, /whole number of minutes from 5 to 10080 \(a week\)\./],
      [{ title: 'Typed title', url: 'http://10.0.0.1/feed.xml', interval: '20' }, 422, /the address: 10\.0\.0\.1 is a private-network address: refused/],
      [{ title: 'Typed title', url: 'ftp://files.example/x', interval: '2' }, 422, /the address: .*ftp.*; the interval must be/],
      [{ title: 'Typed title', url: 'https://wire.example/rss', interval: '20' }, 409, /another feed \(.*\) already has the address https:\/\/wire\.example\/rss/],
      [{ title: 'Typed title', url: '', interval: '20' }, 422, /Give the address of the feed/],
    ]
    for (const [fields, status, message] of cases) {
      const res = await browser.post(`/feeds/${feedId}/edit`, fields)
      assert.equal(res.status, status, JSON.stringify(fields))
      const html = await res.text()
      assert.match(html, message, JSON.stringify(fields))
      assert.match(html, /role="alert"/)
      assert.match(html, /name="title" maxlength="500" value="Typed title"/)
      assert.ok(html.includes(`name="url" required="" value="${fields.url}"`), `the address typed is kept: ${fields.url}`)
      assert.ok(html.includes(`value="${fields.interval}"`), 'the interval typed is kept')
    }
    const feed = await getFeed(deps, feedId)
    assert.deepEqual([feed?.title, feed?.intervalMinutes], ['Harbour desk', 15], 'nothing was saved')
  })

  it('refuses a form without its CSRF token', async () => {
    const res = await browser.post(`/feeds/${feedId}/edit`, { title: 'Forged', url: 'https://harbour.example/atom.xml', interval: '15' }, { csrf: null })
    assert.equal(res.status, 403)
    assert.equal((await getFeed(deps, feedId))?.title, 'Harbour desk')
  })

  it('changes a feed through PATCH /api/feeds/:id, validating the body with its schema', async () => {
    const res = await json(`/api/feeds/${feedId}`, 'PATCH', { intervalMinutes: 30, title: null })
    assert.equal(res.status, 200)
    const feed = FeedOut.parse(await res.json())
    assert.deepEqual([feed.id, feed.intervalMinutes, feed.title, feed.url], [feedId, 30, null, 'https://harbour.example/atom.xml'])
    const bad: [unknown, number, RegExp][] = [
      [{ intervalMinutes: 4 }, 422, /intervalMinutes: /],
      [{}, 422, /give title, url or intervalMinutes/],
      [{ interval: 30 }, 422, /interval/],
      [{ url: 'not a url' }, 422, /url: /],
      [{ url: 'http://127.0.0.1/feed' }, 422, /loopback|refused/],
      [{ url: 'https://wire.example/rss' }, 409, /already has the address/],
    ]
    for (const [body, status, message] of bad) {
      const answer = await json(`/api/feeds/${feedId}`, 'PATCH', body)
      assert.equal(answer.status, status, JSON.stringify(body))
      assert.match(((await answer.json()) as { error: { message: string } }).error.message, message, JSON.stringify(body))
    }
    assert.equal((await json('/api/feeds/no-such-feed', 'PATCH', { intervalMinutes: 30 })).status, 404)
    assert.equal((await json(`/api/feeds/${feedId}`, 'PATCH', '{not json')).status, 400)
    const form = await json(`/api/feeds/${feedId}`, 'PATCH', 'intervalMinutes=30', { 'content-type': 'application/x-www-form-urlencoded' })
    assert.equal(form.status, 403, 'a cross-site form cannot reach it')
    assert.equal((await getFeed(deps, otherId))?.url, 'https://wire.example/rss')
  })

  it('documents PATCH /api/feeds/{id} in the OpenAPI document, as a write that needs a token', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown; responses: Record<string, unknown> }>> }
    const patch = doc.paths['/api/feeds/{id}']?.patch
    assert.ok(patch)
    assert.deepEqual(patch.security, [{ apiToken: [] }])
    assert.match(JSON.stringify(patch.requestBody), /intervalMinutes.*"minimum":5/)
    assert.deepEqual(Object.keys(patch.responses).sort(), ['200', '400', '401', '403', '404', '409', '413', '422', '429'])
  })

  it('asks before it stops following a feed, and leads a direct load of a form-only address back to the feeds', async () => {
    const extra = await addFeed(deps, { url: 'https://ferry.example/news.rss', title: 'Ferry news', verify: false })
    assert.ok(extra.ok)
    const id = extra.value.feed.id
    assert.ok((await (await browser.get('/feeds')).text()).includes(`<a class="danger" href="/feeds/${id}/remove">Remove…</a>`))
    const asked = await (await browser.get(`/feeds/${id}/remove`)).text()
    assert.match(asked, /Stop following this feed\?[^]*Ferry news[^]*The articles it brought stay on the desk\./)
    assert.ok(await getFeed(deps, id), 'asking removes nothing')
    const removed = await browser.post(`/feeds/${id}/remove`, {})
    assert.deepEqual([removed.status, removed.headers.get('location')], [303, '/feeds?notice=removed'])
    assert.equal(await getFeed(deps, id), null)
    assert.equal((await browser.get(`/feeds/${id}/remove`)).status, 404)
    assert.equal((await browser.get('/feeds/import')).headers.get('location'), '/feeds')
  })

  it('lets only editors and admins edit once the desk has accounts', async () => {
    assert.ok((await createUser(deps, { username: 'ada', displayName: 'Ada', password: 'a long password' }, 'admin')).ok)
    assert.ok((await createUser(deps, { username: 'rita', displayName: 'Rita', password: 'a long password' }, 'reader')).ok)
    const guest = client(app)
    assert.equal((await guest.get(`/feeds/${feedId}/edit`)).status, 403)
    assert.equal((await guest.post(`/feeds/${feedId}/edit`, { title: 'Guest', url: 'https://harbour.example/atom.xml', interval: '15' })).status, 403)
    assert.equal((await json(`/api/feeds/${feedId}`, 'PATCH', { title: 'Guest' })).status, 403)
    assert.doesNotMatch(await (await guest.get('/feeds')).text(), /class="edit-feed"/)
    const reader = client(app)
    assert.equal((await reader.post('/login', { username: 'rita', password: 'a long password' })).status, 303)
    assert.equal((await reader.post(`/feeds/${feedId}/edit`, { title: 'Reader', url: 'https://harbour.example/atom.xml', interval: '15' })).status, 403)
    const admin = client(app)
    assert.equal((await admin.post('/login', { username: 'ada', password: 'a long password' })).status, 303)
    assert.equal((await admin.post(`/feeds/${feedId}/edit`, { title: 'Admin desk', url: 'https://harbour.example/atom.xml', interval: '15' })).status, 303)
    assert.equal((await getFeed(deps, feedId))?.title, 'Admin desk')
  })
})
