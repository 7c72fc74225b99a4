import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'
import { forEachStore } from '../../test/helpers/stores.js'
import type { Store } from '../store/db.js'
import { deleteArticle } from '../store/repos/article-repo.js'
import { relateCounts } from '../store/repos/relate-repo.js'
import { addCorpusItem, corpusArticle, type CorpusItem } from './similar-corpus.js'
import { duplicatesOf, hiddenCopies, indexArticleRelations, removeArticleRelations, similarArticles } from './similar.js'

const items = JSON.parse(readFileSync(new URL('../../test/fixtures/relate/articles.json', import.meta.url), 'utf8')) as CorpusItem[]
const item = (id: string): CorpusItem => {
  const found = items.find((i) => i.id === id)
  if (!found) throw new Error(`no fixture ${id}`)
  return found
}

async function remove(store: Store, id: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await removeArticleRelations(trx, store.dialect, id)
    await deleteArticle(trx, id)
  })
}

/** Every relate row points at an indexed article, and the counters agree with the rows. */
async function assertConsistent(store: Store): Promise<void> {
  const docs = await store.db.selectFrom('relate_docs').select(['article_id', 'cluster_id']).execute()
  const ids = new Set(docs.map((d) => d.article_id))
  const postings = await store.db.selectFrom('relate_terms').select('article_id').distinct().execute()
  for (const p of postings) assert.ok(ids.has(p.article_id), `dangling posting of ${p.article_id}`)
  const bands = await store.db.selectFrom('relate_bands').select('article_id').distinct().execute()
  for (const b of bands) assert.ok(ids.has(b.article_id), `dangling band of ${b.article_id}`)
  for (const d of docs) assert.ok(ids.has(d.cluster_id), `cluster ${d.cluster_id} has no leader`)
  const meta = await store.db.selectFrom('relate_meta').select('value').where('key', '=', 'docs').executeTakeFirst()
  assert.equal(Number(meta?.value ?? 0), docs.length)
  const negative = await store.db.selectFrom('relate_df').select('term').where('df', '<=', 0).execute()
  assert.deepEqual(negative, [])
}

/** Twenty paragraphs of made-up words from a seeded generator, so no two share a shingle by chance. */
function paragraphs(seed: number, count: number): string[] {
  let x = seed
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648)
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'da', 'pe', 'zo', 'gu']
  const word = (): string => Array.from({ length: 2 + (next() % 3) }, () => syllables[next() % syllables.length]).join('')
  return Array.from({ length: count }, () => `${Array.from({ length: 30 }, word).join(' ')}.`)
}

forEachStore('Similar Posts and duplicates', (getStore) => {
  it('indexes a corpus and lists the same story before the same topic', async () => {
    const store = getStore()
    for (const i of items) await addCorpusItem(store, i)
    const similar = await similarArticles(store.db, store.dialect, 'bridge-1', 10)
    const ids = similar.map((s) => s.id)
    assert.equal(ids[0], 'bridge-2', JSON.stringify(similar))
    assert.ok(ids.indexOf('bridge-later') > ids.indexOf('bridge-2'))
    if (ids.includes('election')) assert.ok(ids.indexOf('election') > ids.indexOf('bridge-later'))
    const first = similar[0]
    assert.ok(first?.sameStory)
    assert.ok(first.why.sharedPeople.some((n) => /Varga/.test(n)), JSON.stringify(first.why))
    assert.equal(first.why.daysApart, 1)
    assert.ok(!ids.includes('bridge-1-copy'), 'a copy of the article is not a Similar Post')
    await assertConsistent(store)
  })

  it('reports a syndicated copy under another URL as a duplicate, and hides it from lists', async () => {
    const store = getStore()
    const dups = await duplicatesOf(store.db, 'bridge-1')
    assert.deepEqual(dups.map((d) => d.id), ['bridge-1-copy'])
    assert.deepEqual((await duplicatesOf(store.db, 'bridge-1-copy')).map((d) => d.id), ['bridge-1'])
    assert.deepEqual([...(await hiddenCopies(store.db, ['bridge-1', 'bridge-1-copy', 'bridge-2']))], ['bridge-1-copy'])
    assert.deepEqual(await duplicatesOf(store.db, 'bridge-2'), [])
  })

  it('reports the same page under a URL variant as a duplicate even when the text changed', async () => {
    const store = getStore()
    const original = item('election')
    const archived = { ...original, id: 'election-archive', text: `${original.text}\n\nUpdated: the recount confirmed the result.`, url: 'http://web.archive.org/web/20250512000000/https://kessel-post.example/election-result/?utm_source=x' }
    await addCorpusItem(store, archived)
    assert.deepEqual((await duplicatesOf(store.db, 'election')).map((d) => d.id), ['election-archive'])
    await remove(store, 'election-archive')
  })

  it('keeps identical titles of different stories apart', async () => {
    const store = getStore()
    assert.deepEqual(await duplicatesOf(store.db, 'budget-harlow'), [])
    const similar = await similarArticles(store.db, store.dialect, 'budget-harlow', 10)
    const school = similar.find((s) => s.id === 'budget-school')
    assert.ok(!school?.sameStory, 'a shared title alone is not the same story')
    assert.ok(similar[0]?.id !== 'budget-school', JSON.stringify(similar.map((s) => [s.id, s.score])))
  })

  it('does not list an article that shares only a common word or two', async () => {
    const store = getStore()
    await addCorpusItem(store, {
      id: 'storm-coast',
      title: 'Storm hits the coast',
      text: 'A winter storm flooded the coastal road and tore roofs from beach huts overnight. Crews will repair the sea wall when the wind drops.',
    })
    await addCorpusItem(store, {
      id: 'library-hours',
      title: 'Library opening hours change',
      text: 'The central library opens an hour later from March while staff repair the lift and the reading room gets new shelves.',
    })
    const similar = await similarArticles(store.db, store.dialect, 'storm-coast', 10)
    assert.ok(!similar.some((s) => s.id === 'library-hours'), JSON.stringify(similar.map((s) => [s.id, s.score, s.why.sharedTerms])))
    for (const id of ['storm-coast', 'library-hours']) await remove(store, id)
  })

  it('lists no error page as a Similar Post, though its corpus line is kept', async () => {
    const store = getStore()
    // The corpus (bridge-1, bridge-2 …) was added by the first test.
    const notFound = { id: 'not-found', title: 'dailyexample.com document not found', text: `The document you requested about the ${item('bridge-1').title} was not found.`, url: 'https://dailyexample.com/missing' }
    await addCorpusItem(store, notFound)
    const similar = await similarArticles(store.db, store.dialect, 'bridge-1', 10)
    assert.ok(similar.some((s) => s.id === 'bridge-2'))
    assert.ok(!similar.some((s) => s.id === 'not-found'), JSON.stringify(similar.map((s) => s.id)))
    assert.deepEqual(await similarArticles(store.db, store.dialect, 'not-found', 10), [])
    const stored = await store.db.selectFrom('articles').select('id').where('id', '=', 'not-found').executeTakeFirst()
    assert.equal(stored?.id, 'not-found')
  })

  it('dates a corpus line without a date by its address', () => {
    const article = corpusArticle({ id: 'u', title: 'Port strike ends', text: 'Dock workers returned to work.', url: 'https://example.com/2021/03/09/port-strike-ends' })
    assert.equal(article.publishedAt, '2021-03-09T00:00:00.000Z')
    const dated = corpusArticle({ id: 'd', title: 'Port strike ends', text: 'Dock workers returned to work.', date: '2021-03-10', url: 'https://example.com/2021/03/09/port-strike-ends' })
    assert.equal(dated.publishedAt, '2021-03-10T00:00:00.000Z')
  })

  it('handles an article with no text', async () => {
    const store = getStore()
    assert.deepEqual(await duplicatesOf(store.db, 'empty'), [])
    const similar = await similarArticles(store.db, store.dialect, 'empty', 5)
    assert.ok(Array.isArray(similar))
    assert.deepEqual(await similarArticles(store.db, store.dialect, 'no-such-article', 5), [])
  })

  it('deletes an article without leaving links, and passes cluster leadership on', async () => {
    const store = getStore()
    const before = await relateCounts(store.db)
    await remove(store, 'bridge-1')
    assert.deepEqual(await duplicatesOf(store.db, 'bridge-1-copy'), [])
    assert.deepEqual([...(await hiddenCopies(store.db, ['bridge-1-copy']))], [])
    const similar = await similarArticles(store.db, store.dialect, 'bridge-2', 10)
    assert.ok(!similar.some((s) => s.id === 'bridge-1'))
    assert.equal(similar[0]?.id, 'bridge-1-copy')
    const after = await relateCounts(store.db)
    assert.equal(after.docs, before.docs - 1)
    assert.ok(after.postings < before.postings)
    await assertConsistent(store)
  })

  it('does not chain revisions into one cluster: each copy must copy the cluster leader', async () => {
    const store = getStore()
    const base = paragraphs(1, 20)
    const fresh = paragraphs(2, 20)
    // Each version replaces three more paragraphs: consecutive versions are copies, the first and third are not.
    const version = (n: number): string => base.map((p, i) => (i < 3 * n ? fresh[i] : p)).join('\n\n')
    for (const n of [0, 1, 2, 3]) await addCorpusItem(store, { id: `chain-${n}`, title: `Chain ${n}`, text: version(n) })
    assert.deepEqual((await duplicatesOf(store.db, 'chain-0')).map((d) => d.id), ['chain-1'])
    assert.deepEqual((await duplicatesOf(store.db, 'chain-2')).map((d) => d.id), ['chain-3'])
    for (const n of [0, 1, 2, 3]) await remove(store, `chain-${n}`)
  })

  it('stays consistent when two writers index the same article at once', async () => {
    const store = getStore()
    const fixture = item('bridge-1')
    await addCorpusItem(store, fixture)
    const article = corpusArticle(fixture)
    const input = { id: fixture.id, article, analysis: { quotes: [], entities: [] }, url: fixture.url ?? null, publishedAt: article.publishedAt }
    await Promise.all([0, 1].map(() => store.db.transaction().execute((trx) => indexArticleRelations(trx, store.dialect, input))))
    const rows = await store.db.selectFrom('relate_docs').select('article_id').where('article_id', '=', fixture.id).execute()
    assert.equal(rows.length, 1)
    await assertConsistent(store)
    const dups = await duplicatesOf(store.db, 'bridge-1-copy')
    assert.deepEqual(dups.map((d) => d.id), ['bridge-1'])
  })
})
