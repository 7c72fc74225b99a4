import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'
import { addArticle, deleteArticle } from '../../src/services/articles.js'
import { latestArticles, personProfile, searchArticles, viewArticle } from '../../src/services/reading.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

const SEED = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8')

const story = (title: string, body: string) => `${title}\n\n${body}`

forEachStore('articles in the store', (getStore) => {
  it('stores the seed article with its blocks, quotes and people in one go', async () => {
    const deps = testDeps(getStore())
    const added = await addArticle(deps, { body: SEED, source: 'paste' })
    assert.ok(added.ok)
    const view = await viewArticle(deps, added.value.id)
    assert.ok(view)
    assert.equal(view.stored.article.title, 'Trump faces a far more emboldened Kim Jong Un this time around')
    assert.equal(view.stored.article.blocks.filter((b) => b.kind === 'heading').length, 4)
    const speakers = new Set(view.quotes.map((q) => q.speakerName))
    for (const name of ['Jeremy Chan', 'Bruce Bennet', 'Daniel Salisbury', 'Ellen Kim']) assert.ok(speakers.has(name), name)
    // Offsets point into the stored text.
    for (const q of view.quotes) {
      const span = q.content[0]
      assert.ok(span && view.stored.bodyText.slice(span.start, span.end).length > 0)
    }
    const chan = view.quotes.find((q) => q.speakerName === 'Jeremy Chan')
    assert.ok(chan?.personId)
    const profile = await personProfile(deps, chan.personId)
    assert.ok(profile && profile.quotes.length >= 3)
  })

  it('updates instead of duplicating when the same text is added again', async () => {
    const deps = testDeps(getStore())
    const text = story('Flooding closes the river road', 'The river rose two metres overnight, officials said. Residents were told to stay home.')
    const first = await addArticle(deps, { body: text, source: 'paste' })
    const again = await addArticle(deps, { body: `  ${text.replace('overnight,', 'overnight,\n')}  `, source: 'paste' })
    assert.ok(first.ok && again.ok)
    assert.equal(again.value.id, first.value.id)
    assert.equal(again.value.created, false)
  })

  it('updates when the same canonical URL comes back with new text', async () => {
    const deps = testDeps(getStore())
    const url = 'https://news.example.org/2026/storm?utm_source=feed'
    const first = await addArticle(deps, { body: story('Storm nears the coast', 'The storm is 200 km away.'), url, source: 'url' })
    const second = await addArticle(deps, { body: story('Storm reaches the coast', 'The storm made landfall at noon.'), url: 'https://www.news.example.org/2026/storm', source: 'url' })
    assert.ok(first.ok && second.ok)
    assert.equal(second.value.id, first.value.id)
    const view = await viewArticle(deps, first.value.id)
    assert.equal(view?.stored.article.title, 'Storm reaches the coast')
  })

  it('adding the same article concurrently stores one record', async () => {
    const deps = testDeps(getStore())
    const text = story('Council approves the budget', 'The council approved the budget by nine votes to four, the mayor said.')
    const results = await Promise.all([1, 2, 3].map(() => addArticle(deps, { body: text, source: 'paste' })))
    const ids = new Set(results.map((r) => (r.ok ? r.value.id : r.error.message)))
    assert.equal(ids.size, 1)
    const found = await searchArticles(deps, 'council budget')
    assert.equal(found.filter((a) => a.title === 'Council approves the budget').length, 1)
  })

  it('refuses empty and binary input with a clear error and stores nothing', async () => {
    const deps = testDeps(getStore())
    const before = (await latestArticles(deps, { limit: 100 })).items.length
    const empty = await addArticle(deps, { body: '   \n ', source: 'paste' })
    assert.equal(empty.ok, false)
    const binary = await addArticle(deps, { body: new Uint8Array([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8]), fileName: 'x.bin', source: 'upload' })
    assert.equal(binary.ok, false)
    if (!binary.ok) assert.match(binary.error.code, /binary|unsupported/)
    assert.equal((await latestArticles(deps, { limit: 100 })).items.length, before)
  })

  it('deletes an article with its quotes and leaves people pages consistent', async () => {
    const deps = testDeps(getStore())
    const added = await addArticle(deps, { body: story('Minister resigns', '“I have made my decision,” said Maria Lopez, the health minister.'), source: 'paste' })
    assert.ok(added.ok)
    const view = await viewArticle(deps, added.value.id)
    const personId = view?.quotes[0]?.personId
    assert.ok(personId)
    assert.equal(await deleteArticle(deps, added.value.id), true)
    assert.equal(await viewArticle(deps, added.value.id), null)
    assert.equal((await personProfile(deps, personId))?.quotes.length, 0)
    assert.deepEqual(await searchArticles(deps, 'Minister resigns'), [])
  })

  it('keeps one person across articles for spelling variants', async () => {
    const deps = testDeps(getStore())
    const a = await addArticle(deps, { body: story('Talks in Hanoi', '“We will not give up our weapons,” said Kim Jong Un, the North Korean leader.'), source: 'paste' })
    const b = await addArticle(deps, { body: story('Parade in Pyongyang', '“Our army is ready,” Kim Jong-un, the North Korean leader, said on Monday.'), source: 'paste' })
    assert.ok(a.ok && b.ok)
    const qa = (await viewArticle(deps, a.value.id))?.quotes[0]
    const qb = (await viewArticle(deps, b.value.id))?.quotes[0]
    assert.ok(qa?.personId && qb?.personId)
    assert.equal(qa.personId, qb.personId)
  })
})
