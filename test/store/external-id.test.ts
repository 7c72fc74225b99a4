import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { addArticle, type AddArticleInput } from '../../src/services/articles.js'
import { exportArticles } from '../../src/services/export.js'
import { migrate } from '../../src/store/migrations/index.js'
import { getArticle } from '../../src/store/repos/article-repo.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

const record = (id: string, text: string, collection = 'corpus'): AddArticleInput => ({
  body: text, title: 'Harbour report', publishedAt: '2024-03-01', externalId: id, collection, source: 'import',
})

forEachStore('articles with an external id', (getStore) => {
  const add = async (input: AddArticleInput, skipExisting = true) => {
    const r = await addArticle(testDeps(getStore()), input, { skipExisting })
    assert.ok(r.ok, JSON.stringify(r))
    return r.value
  }
  const exported = async (what: 'articles' | 'quotes', id: string) => {
    const out: Record<string, unknown>[] = []
    for await (const line of exportArticles(testDeps(getStore()), what)) if (line['id'] === id || line['articleId'] === id) out.push(line)
    return out
  }

  it('keeps the id with its collection and exports it with the article and each quote', async () => {
    const added = await add(record('doc-42', '“The quay is safe again,” said Mira Olsen, the harbour master, on Monday.'))
    const stored = await getArticle(getStore().db, added.id)
    assert.deepEqual([stored?.collection, stored?.externalId], ['corpus', 'doc-42'])
    const [article] = await exported('articles', added.id)
    assert.deepEqual([article?.['collection'], article?.['externalId']], ['corpus', 'doc-42'])
    const quotes = await exported('quotes', added.id)
    assert.ok(quotes.length > 0)
    for (const q of quotes) assert.deepEqual([q['collection'], q['externalId']], ['corpus', 'doc-42'])
  })

  it('the same id again with corrected text updates its article; the same text is skipped; another collection is another record', async () => {
    const first = await add(record('doc-7', 'Ships numbr 7 docked at the harbour on day 7, the port authority said.'))
    const same = await add(record('doc-7', 'Ships numbr 7 docked at the harbour on day 7, the port authority said.'))
    assert.equal(same.skipped, true)
    const fixed = await add(record('doc-7', 'Ships number 7 docked at the harbour on day 7, the port authority said.'))
    assert.equal(fixed.id, first.id)
    assert.equal(fixed.created, false)
    assert.ok(!fixed.skipped)
    const stored = await getArticle(getStore().db, first.id)
    assert.match(stored?.bodyText ?? '', /number 7/)
    assert.equal(stored?.externalId, 'doc-7')
    const other = await add(record('doc-7', 'Ships number 8 docked at the harbour on day 8, the port authority said.', 'other-corpus'))
    assert.notEqual(other.id, first.id)
  })

  it('refuses a corrected record whose text is already another article, changing neither', async () => {
    const a = await add(record('doc-a', 'The ferry timetable changes in May, the operator said.'))
    const b = await add(record('doc-b', 'The tram timetable changes in June, the operator said.'))
    const r = await addArticle(testDeps(getStore()), record('doc-b', 'The ferry timetable changes in May, the operator said.'), { skipExisting: true })
    assert.ok(!r.ok && r.error.code === 'duplicate_text', JSON.stringify(r))
    assert.equal((await getArticle(getStore().db, a.id))?.externalId, 'doc-a')
    assert.match((await getArticle(getStore().db, b.id))?.bodyText ?? '', /tram/)
  })

  it('a copy of an imported record found by its text keeps the record id', async () => {
    const text = 'The lighthouse keeper retired after forty years, the council said.'
    const first = await add(record('doc-9', text))
    const pasted = await add({ body: `Harbour report\n\n${text}`, source: 'paste' }, false)
    assert.equal(pasted.id, first.id)
    assert.equal((await getArticle(getStore().db, first.id))?.externalId, 'doc-9')
  })

  it('an article stored before it had a record id takes the id on re-import, so a correction updates it', async () => {
    const text = 'The pier reopens on Friday after repairs, the harbour office said.'
    const pasted = await add({ body: `Harbour report\n\n${text}`, source: 'paste' }, false)
    const again = await add(record('doc-11', text))
    assert.equal(again.skipped, true)
    assert.equal(again.id, pasted.id)
    assert.equal((await getArticle(getStore().db, pasted.id))?.externalId, 'doc-11')
    const fixed = await add(record('doc-11', 'The pier reopens on Saturday after repairs, the harbour office said.'))
    assert.equal(fixed.id, pasted.id)
    assert.match((await getArticle(getStore().db, pasted.id))?.bodyText ?? '', /Saturday/)
  })

  it('a correction is taken whole: a dek it drops is gone, and importing it again is skipped', async () => {
    const page = (dek: string, word: string) => `<html><head><title>Harbour report</title>${dek}</head><body><article><p>The ${word} dredger arrives in May, the harbour office said on Tuesday.</p><p>Work will take six weeks.</p></article></body></html>`
    const html = (id: string, body: string): AddArticleInput => ({ body, contentType: 'text/html', externalId: id, collection: 'corpus', source: 'import' })
    const first = await add(html('doc-12', page('<meta name="description" content="A dredger is on its way.">', 'new')))
    assert.equal((await getArticle(getStore().db, first.id))?.article.dek, 'A dredger is on its way.')
    const fixed = await add(html('doc-12', page('', 'second')))
    assert.equal(fixed.id, first.id)
    assert.equal((await getArticle(getStore().db, first.id))?.article.dek, null)
    assert.equal((await add(html('doc-12', page('', 'second')))).skipped, true)
  })

  it('migration 0010 upgrades a desk that has articles', async () => {
    const store = getStore()
    const kept = await add(record('doc-old', 'The old pier closed for repairs, the harbour office said.'))
    await sql`DELETE FROM newsdesk_migrations WHERE id = 10`.execute(store.db)
    await store.db.schema.dropIndex('idx_articles_external_id').execute()
    await store.db.schema.alterTable('articles').dropColumn('external_id').execute()
    await store.db.schema.alterTable('articles').dropColumn('collection').execute()
    assert.deepEqual(await migrate(store.db, store.dialect), ['10_article_external_id'])
    const stored = await getArticle(store.db, kept.id)
    assert.deepEqual([stored?.collection, stored?.externalId], [null, null])
    const again = await add(record('doc-old', 'The old pier closed for repairs, the harbour office said.'), false)
    assert.equal(again.id, kept.id, 'same text as before, now filed under its id')
    assert.equal((await getArticle(store.db, kept.id))?.externalId, 'doc-old')
  })
})
