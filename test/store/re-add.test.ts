import assert from 'node:assert/strict'
import { it } from 'node:test'
import { addArticle, type AddArticleInput } from '../../src/services/articles.js'
import { getArticle } from '../../src/store/repos/article-repo.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

const TEXT = 'The old bridge reopened on Friday after two years of repairs, the city engineer said. Traffic was light in the morning.'

function page(opts: { meta: boolean; text?: string }): string {
  const head = opts.meta
    ? '<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="The Paper"><meta name="description" content="The river crossing is back after two years."><meta property="article:published_time" content="2024-02-01T09:00:00Z">'
    : ''
  const dek = opts.meta ? '<p class="dek">The river crossing is back after two years.</p>' : ''
  return `<html><head><title>Bridge reopens</title>${head}</head><body><article><h1>Bridge reopens</h1>${dek}<p>${opts.text ?? TEXT}</p><p>Residents welcomed the news and said the detour had cost them an hour a day.</p></article></body></html>`
}

forEachStore('adding a stored article again', (getStore) => {
  const add = async (input: AddArticleInput) => {
    const r = await addArticle(testDeps(getStore()), input)
    assert.ok(r.ok, JSON.stringify(r))
    return r.value
  }
  const stored = async (id: string) => {
    const a = await getArticle(getStore().db, id)
    assert.ok(a)
    return a
  }

  it('pasting the text of an imported article keeps its date, address and source', async () => {
    const url = 'https://paper.example/bridge-paste'
    const first = await add({ body: TEXT, title: 'Bridge reopens', url, publishedAt: '2024-02-01', source: 'import' })
    const again = await add({ body: `Bridge reopens\n\n${TEXT}`, source: 'paste' })
    assert.equal(again.id, first.id)
    const a = await stored(first.id)
    assert.deepEqual([a.article.publishedAt, a.url, a.source], ['2024-02-01T00:00:00.000Z', url, 'import'])
  })

  it('a re-fetch without byline, outlet, dek or date updates the text and keeps those details', async () => {
    const url = 'https://paper.example/bridge-refetch'
    const first = await add({ body: page({ meta: true }), contentType: 'text/html', url, source: 'url' })
    const changed = 'The old bridge reopened on Saturday after two years of repairs, the city engineer said. Traffic was heavy.'
    const again = await add({ body: page({ meta: false, text: changed }), contentType: 'text/html', url, source: 'feed' })
    assert.equal(again.id, first.id)
    const a = await stored(first.id)
    assert.match(a.bodyText, /Saturday/, 'a first-hand re-fetch still updates the text')
    assert.deepEqual(a.article.authors, ['Ana Ruiz'])
    assert.equal(a.article.outlet, 'The Paper')
    assert.equal(a.article.dek, 'The river crossing is back after two years.')
    assert.equal(a.article.publishedAt, '2024-02-01T09:00:00.000Z')
    assert.equal(a.source, 'url')
  })

  it('keeps the earliest publication date whichever copy comes first', async () => {
    const url = 'https://paper.example/ferry'
    const body = 'Ferry fares rise\n\nFares on the harbour ferry rise by a third in May, the operator said on Monday.'
    const rss = await add({ body, url, publishedAt: 'Wed, 01 May 2024 08:00:00 GMT', source: 'feed' })
    await add({ body, url, publishedAt: '2024-05-02T10:00:00Z', source: 'feed' })
    assert.equal((await stored(rss.id)).article.publishedAt, '2024-05-01T08:00:00.000Z')
    const late = await add({ body: body.replace('Monday', 'Tuesday'), url: `${url}-2`, publishedAt: '2024-05-03T10:00:00Z', source: 'feed' })
    await add({ body: body.replace('Monday', 'Tuesday'), url: `${url}-2`, publishedAt: '2024-05-01T07:00:00Z', source: 'feed' })
    assert.equal((await stored(late.id)).article.publishedAt, '2024-05-01T07:00:00.000Z')
  })

  it('keeps the stored address over a tracking variant, and takes the clean one over a stored tracking variant', async () => {
    const body = 'Tram line opens\n\nThe new tram line opened to passengers this morning, the transport office said.'
    const first = await add({ body, url: 'https://paper.example/art3.html', source: 'feed' })
    await add({ body, url: 'https://paper.example/art3.html?utm_source=rss', source: 'feed' })
    assert.equal((await stored(first.id)).url, 'https://paper.example/art3.html')
    const body2 = body.replace('this morning', 'at noon')
    const tracked = await add({ body: body2, url: 'https://paper.example/art4.html?utm_source=rss&fbclid=x', source: 'feed' })
    await add({ body: body2, url: 'https://paper.example/art4.html', source: 'url' })
    assert.equal((await stored(tracked.id)).url, 'https://paper.example/art4.html')
  })
})
