import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { feedsApi } from '../../src/http/api/feeds.js'
import { createApp } from '../../src/http/app.js'
import { fetchUrl } from '../../src/ingest/fetch/index.js'
import { createApiToken, createUser } from '../../src/services/accounts.js'
import type { FeedDeps } from '../../src/services/feeds.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'

const SEED = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8')
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link><item><title>One</title><link>https://wire.example/1</link></item></channel></rss>'
const OPML = '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="a" xmlUrl="https://a.example/feed.xml"/><outline text="f" xmlUrl="ftp://f.example/f.xml"/></body></opml>'

type Doc = { paths: Record<string, Record<string, { responses: Record<string, Response_> }>>; components: { responses: Record<string, Response_> } }
type Response_ = { $ref?: string; description?: string; content?: Record<string, { schema: object }> }
type Init = { body?: unknown; raw?: string; token?: string | null }

/** Feeds fetched from no network: the wire's RSS, a page with no feed anywhere else. */
const fetchDocument: FeedDeps['fetchDocument'] = async (url) => {
  const feed = url.startsWith('https://wire.example/')
  const body = new TextEncoder().encode(feed ? RSS : '<html><body><p>No feed here.</p></body></html>')
  return { ok: true, value: { requestedUrl: url, url, status: 200, notModified: false, body, contentType: feed ? 'application/rss+xml' : 'text/html', etag: null, lastModified: null, maxAgeSeconds: null, headers: {}, redirects: [], fetchedAt: new Date().toISOString() } }
}

describe('the OpenAPI document describes every answer of the API', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let doc: Doc
  let token = ''
  const ajv = new Ajv2020({ allErrors: true, validateFormats: false })
  const validators = new WeakMap<object, ValidateFunction>()
  const seen = new Map<string, Set<string>>()

  before(async () => {
    store = await sqliteStore()
    const deps: FeedDeps = { ...testDeps(store, { fetchUrl: (url) => fetchUrl(url) }), fetchDocument }
    app = createApp(deps, { writesPerMinute: 1000, mounts: [{ path: '/api/feeds', app: feedsApi(deps) }] })
    doc = (await (await app.request('/api/openapi.json')).json()) as Doc
    const editor = await createUser(deps, { username: 'ed', displayName: 'Ed', password: 'a long password' }, 'editor')
    assert.ok(editor.ok)
    token = await createApiToken(deps, editor.value.id, 'contract')
  })
  after(() => store.close())

  /** The response documented for this status, its $ref followed. */
  const documented = (method: string, template: string, status: number): Response_ | undefined => {
    const found = doc.paths[template]?.[method.toLowerCase()]?.responses[String(status)]
    const name = found?.$ref?.replace('#/components/responses/', '')
    return name === undefined ? found : doc.components.responses[name]
  }

  /** Sends the request (as the editor unless `token` says otherwise), checks the answer against the document, and returns its JSON. */
  async function call(method: string, template: string, path: string, expected: number, init: Init = {}): Promise<Record<string, unknown>> {
    const auth = init.token === undefined ? token : init.token
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body))
    const res = await app.request(path, { method, headers, body })
    const label = `${method} ${path} → ${res.status}`
    assert.equal(res.status, expected, `${label}: ${res.status === expected ? '' : await res.clone().text()}`)
    const response = documented(method, template, res.status)
    assert.ok(response, `${label} is not documented`)
    seen.set(`${method.toLowerCase()} ${template}`, (seen.get(`${method.toLowerCase()} ${template}`) ?? new Set()).add(String(res.status)))
    if (res.status === 204) return {}
    const type = (res.headers.get('content-type') ?? '').split(';')[0] ?? ''
    const media = response.content?.[type]
    assert.ok(media, `${label}: ${type} is not documented`)
    if (type !== 'application/json') return {}
    const json = (await res.json()) as Record<string, unknown>
    const validate = validators.get(media.schema) ?? ajv.compile(media.schema)
    validators.set(media.schema, validate)
    assert.ok(validate(json), `${label}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(json).slice(0, 300)}`)
    return json
  }

  it('articles, similar posts, search and people', async () => {
    const added = await call('POST', '/api/articles', '/api/articles', 201, { body: { text: SEED } })
    await call('POST', '/api/articles', '/api/articles', 200, { body: { text: SEED } })
    await call('POST', '/api/articles', '/api/articles', 201, { body: { title: 'Kim meets Putin', text: 'Kim Jong Un met Vladimir Putin in Pyongyang to discuss missiles.' } })
    await call('POST', '/api/articles', '/api/articles', 400, { raw: 'text=hello' })
    await call('POST', '/api/articles', '/api/articles', 403, { body: { text: SEED }, token: null })
    await call('POST', '/api/articles', '/api/articles', 401, { body: { text: SEED }, token: 'nd_wrong' })
    await call('POST', '/api/articles', '/api/articles', 422, { body: { title: 'nothing else' } })
    await call('POST', '/api/articles', '/api/articles', 422, { body: { url: 'http://10.0.0.1/story' } })
    await call('POST', '/api/articles', '/api/articles', 422, { body: { text: 'a'.repeat(1_500_000) } })
    await call('POST', '/api/articles', '/api/articles', 413, { body: { html: `<html><body><article><p>${'word '.repeat(120_000)}</p></article></body></html>` } })
    await call('GET', '/api/articles', '/api/articles?limit=5', 200)
    await call('GET', '/api/articles', '/api/articles?limit=0', 400)
    await call('GET', '/api/articles', '/api/articles', 401, { token: 'nd_wrong' })
    const id = String(added.id)
    const detail = await call('GET', '/api/articles/{id}', `/api/articles/${id}`, 200)
    await call('GET', '/api/articles/{id}', '/api/articles/nope', 404)
    await call('GET', '/api/articles/{id}/similar', `/api/articles/${id}/similar`, 200)
    await call('GET', '/api/articles/{id}/similar', `/api/articles/${id}/similar?limit=0`, 400)
    await call('GET', '/api/articles/{id}/similar', '/api/articles/nope/similar', 404)
    await call('GET', '/api/search', '/api/search?q=Kim', 200)
    await call('GET', '/api/search', '/api/search', 400)
    const personId = (detail.quotes as { personId: string | null }[]).find((q) => q.personId)?.personId
    await call('GET', '/api/people', '/api/people?q=Kim', 200)
    await call('GET', '/api/people', '/api/people?limit=0', 400)
    await call('GET', '/api/people/{id}', `/api/people/${personId}`, 200)
    await call('GET', '/api/people/{id}', `/api/people/${personId}?offset=-1`, 400)
    await call('GET', '/api/people/{id}', '/api/people/nope', 404)
  })

  it('replies', async () => {
    const id = String(((await call('GET', '/api/articles', '/api/articles?limit=1', 200)).items as { id: string }[])[0]?.id)
    const replies = `/api/articles/${id}/replies`
    const reply = await call('POST', '/api/articles/{id}/replies', replies, 201, { body: { body: 'First.' } })
    await call('POST', '/api/articles/{id}/replies', replies, 201, { body: { body: 'An answer.', authorName: 'Gus', parentId: reply.id }, token: null })
    await call('POST', '/api/articles/{id}/replies', replies, 422, { body: { body: 'x' }, token: null })
    await call('POST', '/api/articles/{id}/replies', replies, 400, { raw: '{' })
    await call('POST', '/api/articles/{id}/replies', '/api/articles/nope/replies', 404, { body: { body: 'x' } })
    await call('GET', '/api/articles/{id}/replies', replies, 200)
    await call('GET', '/api/articles/{id}/replies', '/api/articles/nope/replies', 404)
    const own = `/api/replies/${reply.id}`
    await call('PATCH', '/api/replies/{id}', own, 200, { body: { body: 'First, edited.' } })
    await call('PATCH', '/api/replies/{id}', own, 422, { body: { body: ' ' } })
    await call('PATCH', '/api/replies/{id}', own, 400, { raw: 'nope' })
    await call('PATCH', '/api/replies/{id}', own, 403, { body: { body: 'hijacked' }, token: null })
    await call('PATCH', '/api/replies/{id}', '/api/replies/nope', 404, { body: { body: 'x' } })
    for (const action of ['hide', 'show']) {
      await call('POST', `/api/replies/{id}/${action}`, `${own}/${action}`, 200)
      await call('POST', `/api/replies/{id}/${action}`, `${own}/${action}`, 403, { token: null })
      await call('POST', `/api/replies/{id}/${action}`, `/api/replies/nope/${action}`, 404)
    }
    await call('DELETE', '/api/replies/{id}', own, 403, { token: null })
    await call('DELETE', '/api/replies/{id}', own, 204)
    await call('DELETE', '/api/replies/{id}', own, 404)
    await call('POST', '/api/replies/{id}/show', `${own}/show`, 422, { body: {} })
  })

  it('feeds', async () => {
    const feed = await call('POST', '/api/feeds', '/api/feeds', 201, { body: { url: 'https://wire.example/rss' } })
    await call('POST', '/api/feeds', '/api/feeds', 200, { body: { url: 'https://wire.example/rss', intervalMinutes: 30 } })
    await call('POST', '/api/feeds', '/api/feeds', 400, { raw: 'url=x' })
    await call('POST', '/api/feeds', '/api/feeds', 422, { body: { url: 'http://10.0.0.1/feed.xml' } })
    await call('POST', '/api/feeds', '/api/feeds', 422, { body: { url: 'https://page.example/' } })
    await call('POST', '/api/feeds', '/api/feeds', 403, { body: { url: 'https://wire.example/rss' }, token: null })
    await call('POST', '/api/feeds/opml', '/api/feeds/opml', 200, { body: { opml: OPML } })
    await call('POST', '/api/feeds/opml', '/api/feeds/opml', 422, { body: {} })
    await call('POST', '/api/feeds/opml', '/api/feeds/opml', 422, { body: { opml: '<html>not OPML</html>' } })
    await call('POST', '/api/feeds/opml', '/api/feeds/opml', 400, { raw: OPML })
    await call('POST', '/api/feeds/opml', '/api/feeds/opml', 413, { body: { opml: 'x'.repeat(3_200_000) } })
    await call('GET', '/api/feeds/opml', '/api/feeds/opml', 200)
    await call('GET', '/api/feeds', '/api/feeds', 200)
    const one = `/api/feeds/${feed.id}`
    await call('GET', '/api/feeds/{id}', one, 200)
    await call('GET', '/api/feeds/{id}', '/api/feeds/nope', 404)
    await call('PATCH', '/api/feeds/{id}', one, 200, { body: { title: 'The wire' } })
    await call('PATCH', '/api/feeds/{id}', one, 409, { body: { url: 'https://a.example/feed.xml' } })
    await call('PATCH', '/api/feeds/{id}', one, 422, { body: { intervalMinutes: 1 } })
    await call('PATCH', '/api/feeds/{id}', one, 400, { raw: '' })
    await call('PATCH', '/api/feeds/{id}', '/api/feeds/nope', 404, { body: { title: 'x' } })
    await call('POST', '/api/feeds/{id}/refresh', `${one}/refresh`, 202)
    await call('POST', '/api/feeds/{id}/refresh', '/api/feeds/nope/refresh', 404)
    await call('DELETE', '/api/feeds/{id}', one, 200)
    await call('DELETE', '/api/feeds/{id}', one, 404)
  })

  it('deleting an article, and too many writes', async () => {
    const id = String(((await call('GET', '/api/articles', '/api/articles?limit=1', 200)).items as { id: string }[])[0]?.id)
    await call('DELETE', '/api/articles/{id}', `/api/articles/${id}`, 403, { token: null })
    await call('DELETE', '/api/articles/{id}', `/api/articles/${id}`, 204)
    await call('DELETE', '/api/articles/{id}', `/api/articles/${id}`, 404)
    const busy = createApp(testDeps(store), { writesPerMinute: 1 })
    const swap = app
    app = busy
    await call('DELETE', '/api/articles/{id}', `/api/articles/${id}`, 404)
    await call('DELETE', '/api/articles/{id}', `/api/articles/${id}`, 429)
    app = swap
  })

  it('called every operation, and met every status the document names', () => {
    const statuses = new Set<string>()
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const key = `${method} ${template}`
        assert.ok([...(seen.get(key) ?? [])].some((s) => s.startsWith('2')), `${key} never succeeded`)
        for (const status of Object.keys(op.responses)) statuses.add(status)
      }
    }
    const met = new Set([...seen.values()].flatMap((s) => [...s]))
    assert.deepEqual([...statuses].filter((s) => !met.has(s)), [])
  })
})
