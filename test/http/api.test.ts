import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import { z } from 'zod'
import { ArticleDetailOut, ArticleSummaryOut, PersonOut, PersonQuoteOut, SimilarOut } from '../../src/http/api/schemas.js'
import { createApp } from '../../src/http/app.js'
import { fetchUrl } from '../../src/ingest/fetch/index.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore, sqliteStore } from '../helpers/stores.js'

const SEED = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8')
const json = (value: unknown) => ({ method: 'POST', body: JSON.stringify(value), headers: { 'content-type': 'application/json' } })

forEachStore('the JSON API', (getStore) => {
  let app: ReturnType<typeof createApp>

  before(() => {
    app = createApp(testDeps(getStore(), { fetchUrl: (url) => fetchUrl(url) }), { writesPerMinute: 1000 })
  })

  it('adds, lists, reads and finds similar articles', async () => {
    const added = await app.request('/api/articles', json({ text: SEED, url: 'https://b-17.example/kim-trump?utm_source=x' }))
    assert.equal(added.status, 201)
    const { id } = (await added.json()) as { id: string }
    const other = await app.request('/api/articles', json({ title: 'Kim Jong Un meets Putin', text: 'Kim Jong Un met Vladimir Putin in Pyongyang to discuss Russia, Ukraine and North Korea’s missiles.' }))
    assert.equal(other.status, 201)
    const again = await app.request('/api/articles', json({ text: SEED }))
    assert.equal(again.status, 200, 'the same article again is an update')

    const list = (await (await app.request('/api/articles?limit=10')).json()) as { items: { id: string }[] }
    assert.equal(list.items.length, 2)

    const detail = (await (await app.request(`/api/articles/${id}`)).json()) as {
      article: { title: string; text: string; canonicalUrl: string }
      quotes: { content: { start: number; end: number }[]; speakerName: string; text: string }[]
    }
    assert.equal(detail.article.title, 'Trump faces a far more emboldened Kim Jong Un this time around')
    assert.equal(detail.article.canonicalUrl, 'https://b-17.example/kim-trump')
    const bennet = detail.quotes.find((q) => q.speakerName === 'Bruce Bennet' && q.text.includes('furious'))
    assert.ok(bennet)
    const span = bennet.content[0]
    assert.ok(span && detail.article.text.slice(span.start, span.end).includes('Kim was furious'))

    const similar = (await (await app.request(`/api/articles/${id}/similar`)).json()) as { items: { id: string }[] }
    assert.ok(similar.items.some((s) => s.id !== id))

    // The responses have the shapes the OpenAPI document promises.
    ArticleDetailOut.parse(detail)
    z.array(SimilarOut).parse(similar.items)
    const personId = (detail.quotes as unknown as { personId: string | null }[]).find((q) => q.personId)?.personId
    assert.ok(personId)
    PersonOut.parse(await (await app.request(`/api/people/${personId}`)).json())
    z.object({ items: z.array(ArticleSummaryOut), quotes: z.array(PersonQuoteOut) }).parse(await (await app.request('/api/search?q=Kim')).json())
  })

  it('answers clear errors for bad requests and unknown ids', async () => {
    const bad = await app.request('/api/articles', json({ title: 'nothing else' }))
    assert.equal(bad.status, 422)
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /url, text or html/)
    const missing = await app.request('/api/articles/nope')
    assert.equal(missing.status, 404)
    const empty = await app.request('/api/articles', json({ text: '  ' }))
    assert.equal(empty.status, 422)
    const notJson = await app.request('/api/articles', { method: 'POST', body: 'text=hello', headers: { 'content-type': 'application/json' } })
    assert.equal(notJson.status, 400)
    assert.match(((await notJson.json()) as { error: { message: string } }).error.message, /not JSON/)
    const { items } = (await (await app.request('/api/articles?limit=1')).json()) as { items: { id: string }[] }
    assert.equal(items.length, 1)
    for (const limit of ['0', 'abc', '2.5', '51']) {
      const res = await app.request(`/api/articles/${items[0]?.id}/similar?limit=${limit}`)
      assert.equal(res.status, 400, limit)
      assert.match(((await res.json()) as { error: { message: string } }).error.message, /limit must be a whole number from 1 to 50/)
    }
    assert.equal((await app.request('/api/articles?limit=0')).status, 400)
    assert.equal((await app.request('/api/articles?cursor=garbage')).status, 400)
    assert.equal((await app.request('/api/search')).status, 400)
    assert.equal((await app.request('/api/search?q=%20')).status, 400)
  })

  it('names the field a reply lacks, after saying whether the article exists', async () => {
    const { items } = (await (await app.request('/api/articles?limit=1')).json()) as { items: { id: string }[] }
    const nameless = await app.request(`/api/articles/${items[0]?.id}/replies`, json({ body: 'x' }))
    assert.equal(nameless.status, 422)
    assert.deepEqual(await nameless.json(), { error: { code: 'invalid_request', message: 'authorName: a guest reply needs a name' } })
    const empty = await app.request(`/api/articles/${items[0]?.id}/replies`, json({ body: ' ', authorName: 'Gus' }))
    assert.match(((await empty.json()) as { error: { message: string } }).error.message, /^body: the reply is empty$/)
    const unknown = await app.request('/api/articles/nope/replies', json({ body: 'x' }))
    assert.equal(unknown.status, 404)
    assert.deepEqual(await unknown.json(), { error: { code: 'not_found', message: 'no such article' } })
    const noReply = await app.request('/api/replies/nope', { ...json({ body: '' }), method: 'PATCH' })
    assert.equal(noReply.status, 404, 'no such reply, before its words')
  })

  it('answers an error with its code and message only', async () => {
    const refused = await app.request('/api/articles', json({ url: 'http://10.0.0.1/story' }))
    assert.equal(refused.status, 422)
    const body = (await refused.json()) as { error: Record<string, unknown> }
    assert.deepEqual(Object.keys(body.error), ['code', 'message'], 'no url, status or retryAfterSeconds of the fetch error')
    assert.equal(body.error.code, 'blocked_address')
  })

  it('answers 405 with Allow for a known address under another method', async () => {
    for (const [method, path, allow] of [['PUT', '/api/articles', 'GET, HEAD, POST'], ['DELETE', '/api/search', 'GET, HEAD'], ['POST', '/api/articles/abc', 'GET, HEAD, DELETE']] as const) {
      const res = await app.request(path, { ...json({}), method })
      assert.equal(res.status, 405, `${method} ${path}`)
      assert.equal(res.headers.get('allow'), allow)
      assert.deepEqual(await res.json(), { error: { code: 'method_not_allowed', message: `${method} is not answered here: use ${allow}` } })
    }
    const nowhere = await app.request('/api/nowhere', { ...json({}), method: 'PUT' })
    assert.equal(nowhere.status, 404)
    assert.equal(nowhere.headers.get('allow'), null)
  })

  it('publishes an OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> }
    assert.equal(doc.openapi, '3.1.0')
    assert.ok(doc.paths['/api/articles/{id}/similar'])
    const post = (doc.paths['/api/articles'] as { post: { security: unknown[]; responses: Record<string, unknown> } }).post
    assert.deepEqual(post.security, [{ apiToken: [] }])
    assert.ok(post.responses['403'])
    assert.ok((doc as unknown as { components: { securitySchemes: { apiToken: { scheme: string } } } }).components.securitySchemes.apiToken.scheme === 'bearer')
  })

  it('searches titles and text', async () => {
    const found = (await (await app.request('/api/search?q=Pyongyang%20missiles')).json()) as { items: { title: string }[] }
    assert.ok(found.items.some((a) => a.title === 'Kim Jong Un meets Putin'))
    const said = (await (await app.request('/api/search?q=WEAKER%20hand')).json()) as { quotes: { speakerName: string; text: string }[] }
    assert.equal(said.quotes[0]?.speakerName, 'Jeremy Chan')
    const twoWords = (await (await app.request('/api/search?q=trump%20CARROTS')).json()) as { quotes: { speakerName: string }[] }
    assert.equal(twoWords.quotes[0]?.speakerName, 'Jeremy Chan', 'all the words, in any order and case')
    const part = (await (await app.request('/api/search?q=carrot')).json()) as { quotes: unknown[] }
    assert.deepEqual(part.quotes, [], 'whole words only')
    type Said = { quotes: { speakerName: string }[]; quoteMatch: string }
    const either = (await (await app.request('/api/search?q=carrots%20OR%20rollback')).json()) as Said
    assert.deepEqual([either.quotes.length, either.quoteMatch], [2, 'all'], 'alternatives only')
    const some = (await (await app.request('/api/search?q=carrots%20zeppelin')).json()) as Said
    assert.deepEqual([some.quotes[0]?.speakerName, some.quoteMatch], ['Jeremy Chan', 'any'], 'no quote has both words: those with one, and says so')
    assert.match(await (await app.request('/search?q=carrots%20zeppelin')).text(), /No quote has all of these words/)
    const odd = await app.request(`/api/search?q=${encodeURIComponent('100% _ \\ "')}`)
    assert.equal(odd.status, 200)
    assert.deepEqual(((await odd.json()) as { quotes: unknown[] }).quotes, [])
  })
})

describe('API tokens', () => {
  it('lets a script with an editor token add articles once the desk has accounts', async () => {
    const { createApiToken, createUser } = await import('../../src/services/accounts.js')
    const store = await sqliteStore()
    const deps = testDeps(store)
    const app = createApp(deps, { writesPerMinute: 1000 })
    const editor = await createUser(deps, { username: 'ed', displayName: 'Ed', password: 'a long password' }, 'editor')
    assert.ok(editor.ok)
    const token = await createApiToken(deps, editor.value.id, 'test')
    const body = { text: 'Tokens work\n\nThe script added this article, the editor said.' }
    assert.equal((await app.request('/api/articles', json(body))).status, 403)
    const withToken = await app.request('/api/articles', { ...json(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } })
    assert.equal(withToken.status, 201)
    const wrong = await app.request('/api/articles', { ...json(body), headers: { 'content-type': 'application/json', authorization: 'Bearer nd_wrong' } })
    assert.equal(wrong.status, 401, 'an unknown token is an error, not a guest')
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'invalid_token')
    await store.close()
  })
})
