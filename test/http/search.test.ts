import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { z } from 'zod'
import { ArticleSummaryOut, PersonQuoteOut } from '../../src/http/api/schemas.js'
import { createApp } from '../../src/http/app.js'
import { testDeps } from '../helpers/deps.js'
import { addStories } from '../helpers/search-stories.js'
import { forEachStore } from '../helpers/stores.js'

const SearchOut = z.object({ items: z.array(ArticleSummaryOut), next: z.number().int().nullable(), quotes: z.array(PersonQuoteOut) })

forEachStore('search, API and page', (getStore) => {
  let app: ReturnType<typeof createApp>
  let stories: { id: string; copies: string[] }[] = []

  before(async () => {
    const deps = testDeps(getStore())
    app = createApp(deps, { writesPerMinute: 1000 })
    // 32 stories, the first two with a wire copy each: 34 matching articles.
    stories = [...(await addStories(deps, { stories: 2, copies: 1, word: 'albatross' })), ...(await addStories(deps, { stories: 30, copies: 0, word: 'albatross', from: 2 }))]
  })

  const get = async (path: string) => SearchOut.parse(await (await app.request(path)).json())

  it('pages through the stories with limit, offset and next', async () => {
    const first = await get('/api/search?q=albatross&limit=20')
    assert.equal(first.items.length, 20)
    assert.equal(first.next, 20)
    const second = await get(`/api/search?q=albatross&limit=20&offset=${first.next}`)
    assert.equal(second.items.length, 12)
    assert.equal(second.next, null)
    const ids = [...first.items, ...second.items].map((a) => a.id)
    assert.equal(new Set(ids).size, 32)
    assert.deepEqual([...ids].sort(), stories.map((s) => s.id).sort())
  })

  it('refuses a limit or offset out of range', async () => {
    for (const bad of ['limit=0', 'limit=101', 'offset=-1', 'offset=x', 'offset=5000']) {
      const res = await app.request(`/api/search?q=albatross&${bad}`)
      assert.equal(res.status, 400, bad)
    }
  })

  it('declares limit, offset and next in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> } }> }
    const op = doc.paths['/api/search']?.get
    assert.ok(op)
    assert.deepEqual(op.parameters.map((p) => p.name).sort(), ['limit', 'offset', 'q'])
    assert.ok(op.responses['200']?.content['application/json']?.schema.properties.next)
  })

  it('links "More results" on the page, without JavaScript', async () => {
    const page = await (await app.request('/search?q=albatross')).text()
    assert.equal(page.match(/href="\/articles\/[^"#]+"/g)?.length, 30)
    const more = page.match(/<a href="([^"]+)" rel="next">More results/)
    assert.ok(more?.[1], 'a More results link')
    assert.doesNotMatch(page, /rel="prev"/, 'the first page has no page before it')
    const rest = await (await app.request(more[1].replace(/&amp;/g, '&'))).text()
    assert.equal(rest.match(/href="\/articles\/[^"#]+"/g)?.length, 2)
    assert.doesNotMatch(rest, /More results/)
    assert.match(rest, /<a href="\/search\?q=albatross" rel="prev">← Better matches<\/a>/, 'the second page links back to the first')
  })
  it('says a query of only exclusions needs a word to look for, and one of only common words a more specific word', async () => {
    assert.match(await (await app.request('/search?q=-albatross')).text(), /“-albatross” only says what to leave out: add a word to look for\./)
    assert.match(await (await app.request('/search?q=the+what')).text(), /has only common words, which search ignores/)
  })

  it('documents the query language under the box and in the OpenAPI description of q', async () => {
    const page = await (await app.request('/search')).text()
    assert.match(page, /id="search-hint"/)
    assert.match(page, /rail OR port/)
    const doc = JSON.stringify(await (await app.request('/api/openapi.json')).json())
    assert.match(doc, /OR between two words or phrases/)
  })

  it('falls back to any of the words when no article has them all, and says so', async () => {
    const res = await get('/api/search?q=albatross+penguin&limit=5')
    assert.equal(res.items.length, 5)
    assert.equal((await (await app.request('/api/search?q=albatross+penguin')).json() as { match: string }).match, 'any')
    const page = await (await app.request('/search?q=albatross+penguin')).text()
    assert.match(page, /No article has all of these words/)
    const none = await (await app.request('/search?q=the')).text()
    assert.match(none, /only common words/)
  })
})
