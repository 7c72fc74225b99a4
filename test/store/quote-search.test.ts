import assert from 'node:assert/strict'
import { it } from 'node:test'
import { CompiledQuery, sql } from 'kysely'
import { addArticle, deleteArticle } from '../../src/services/articles.js'
import { quotesMatching } from '../../src/services/quote-search.js'
import { parseQuery, type SearchQuery } from '../../src/search/query.js'
import { quoteMatches } from '../../src/store/dialect.js'
import { migrate } from '../../src/store/migrations/index.js'
import { quotesMatchingQuery } from '../../src/store/repos/analysis-repo.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

const story = (title: string, body: string) => `${title}\n\n${body}`

/** Every one of the words, as typed (not lowered or split): what the index is asked for. */
const allOf = (words: string[]): SearchQuery => ({ all: words.map((word) => [{ kind: 'word', word }]), none: [] })

/** The quote texts the index finds for the words: no service-side filtering on top. */
async function found(store: Store, words: string[] | string): Promise<string[]> {
  const query = typeof words === 'string' ? parseQuery(words) : allOf(words)
  return (await quotesMatchingQuery(store.db, store.dialect, query, 50)).map((q) => q.text)
}

/** On SQLite, the index rows of an article's quotes (PostgreSQL has no side table to go stale). */
async function indexRows(store: Store, articleId?: string): Promise<number | null> {
  if (store.dialect !== 'sqlite') return null
  const rows = articleId
    ? await sql<{ n: number }>`SELECT count(*) AS n FROM quotes_fts WHERE article_id = ${articleId}`.execute(store.db)
    : await sql<{ n: number }>`SELECT count(*) AS n FROM quotes_fts`.execute(store.db)
  return Number(rows.rows[0]?.n)
}

async function quoteRows(store: Store): Promise<number> {
  const row = await store.db.selectFrom('quotes').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

async function add(store: Store, body: string, url?: string): Promise<string> {
  const added = await addArticle(testDeps(store), url ? { body, url, source: 'url' } : { body, source: 'paste' })
  assert.ok(added.ok)
  assert.ok(added.value.quoteCount > 0, 'the story has a quote')
  return added.value.id
}

forEachStore('quote search index', (getStore) => {
  it('finds whole words only, in any case, with accents as written', async () => {
    const store = getStore()
    await add(store, story('Harbour reopens', '“The harbour reopens on Monday and the café too,” said Ines Duarte, the port director.'))
    assert.equal((await found(store, ['harbour'])).length, 1)
    assert.equal((await found(store, ['HARBOUR', 'monday'])).length, 1, 'any case, any order')
    assert.equal((await found(store, ['CAFÉ'])).length, 1, 'case folds beyond ASCII')
    assert.deepEqual(await found(store, ['harbo']), [], 'not a prefix')
    assert.deepEqual(await found(store, ['harbours']), [], 'no stemming')
    assert.deepEqual(await found(store, ['arbour']), [], 'not a substring')
    assert.deepEqual(await found(store, ['cafe']), [], 'accents matter')
    assert.deepEqual(await found(store, ['harbour', 'tuesday']), [], 'every word must be there')
  })

  it('reads words between punctuation as the service does', async () => {
    const store = getStore()
    await add(store, story('Vaccine talks', '“The U.S. position on covid-19 has not changed since 2021,” said Petra Lind, a trade negotiator.'))
    assert.equal((await found(store, ['U', 'S', 'position'])).length, 1)
    assert.equal((await found(store, ['covid', '19'])).length, 1)
    const said = await quotesMatching(testDeps(store), 'U.S. covid-19')
    assert.equal(said.quotes[0]?.speakerName, 'Petra Lind')
  })

  it('gives newest articles first', async () => {
    const store = getStore()
    const older = await add(store, story('Bridge vote', '“The bridge vote is close,” said Tomas Berg, a councillor.'))
    const newer = await add(store, story('Bridge vote again', '“The bridge vote failed,” said Alma Reyes, the mayor.'))
    const quotes = await quotesMatchingQuery(store.db, store.dialect, allOf(['bridge', 'vote']), 50)
    assert.deepEqual(quotes.map((q) => q.articleId), [newer, older])
  })

  it('forgets the quotes of a deleted article', async () => {
    const store = getStore()
    const id = await add(store, story('Ferry strike', '“Every ferry stays in port tomorrow,” said Nils Aho, the union leader.'))
    assert.equal((await found(store, ['ferry', 'tomorrow'])).length, 1)
    assert.equal(await deleteArticle(testDeps(store), id), true)
    assert.deepEqual(await found(store, ['ferry', 'tomorrow']), [])
    assert.equal((await indexRows(store, id)) ?? 0, 0)
    const left = await indexRows(store)
    if (left !== null) assert.equal(left, await quoteRows(store), 'one index row per stored quote')
  })

  it('keeps no stale rows when an article is stored again with new quotes', async () => {
    const store = getStore()
    const url = 'https://news.example.org/2026/dam'
    const id = await add(store, story('Dam inspection', '“The dam walls are cracked,” said Aino Virta, the engineer.'), url)
    const again = await add(store, story('Dam inspection ends', '“The dam spillway is sound,” said Aino Virta, the engineer.'), url)
    assert.equal(again, id, 'the same article, re-analysed')
    assert.deepEqual(await found(store, ['walls', 'cracked']), [])
    assert.equal((await found(store, ['spillway'])).length, 1)
    const rows = await indexRows(store, id)
    if (rows !== null) {
      assert.equal(rows, 1)
      assert.equal(await indexRows(store), await quoteRows(store), 'one index row per stored quote')
    }
  })

  it('indexes the quotes a desk already has when the migration runs', async () => {
    const store = getStore()
    await add(store, story('Orchard frost', '“The frost took half the orchard,” said Lea Brun, a grower.'))
    // Back to the state before the migration that indexes quotes (0004 on SQLite, 0015 on PostgreSQL), then upgrade again.
    if (store.dialect === 'sqlite') {
      await sql`DELETE FROM newsdesk_migrations WHERE id = 4`.execute(store.db)
      await sql`DROP TABLE quotes_fts`.execute(store.db)
    } else {
      await sql`DELETE FROM newsdesk_migrations WHERE id = 15`.execute(store.db)
      await sql`ALTER TABLE quotes DROP COLUMN search_vector`.execute(store.db)
    }
    assert.deepEqual(await migrate(store.db, store.dialect), [store.dialect === 'sqlite' ? '4_quote_search' : '15_quote_search_vector'])
    assert.equal((await found(store, ['orchard', 'frost'])).length, 1)
    const rows = await indexRows(store)
    if (rows !== null) assert.equal(rows, await quoteRows(store))
  })

  it('answers from the index on PostgreSQL', async (t) => {
    const store = getStore()
    if (store.dialect !== 'postgres') return t.skip('SQLite reads quotes_fts by construction')
    const query = store.db.selectFrom('quotes').select('id').where(quoteMatches('postgres', parseQuery('harbour OR "ferry fares" -tram'), 10)).compile()
    const plan = await store.db.transaction().execute(async (trx) => {
      // On a tiny table a sequential scan is cheapest; forbid it to see whether the index can serve at all.
      await sql`SET LOCAL enable_seqscan = off`.execute(trx)
      return trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]))
    })
    assert.match(plan.rows.map((r) => r['QUERY PLAN']).join('\n'), /idx_quotes_search_vector/)
  })
})

forEachStore('who said it, with the search box’s language', (getStore) => {
  it('keeps to phrases, alternatives and excluded words of the query', async () => {
    const store = getStore()
    await add(store, story('Ferry fares rise', '“The ferry fares will rise in May,” said Councillor Maren Holt on Monday.'))
    await add(store, story('Tram fares freeze', '“The tram fares stay frozen until May,” said Councillor Ilse Varga on Tuesday.'))
    const texts = async (q: string) => (await quotesMatching(testDeps(store), q)).quotes.map((x) => x.text).sort()
    assert.equal((await texts('fares may')).length, 2)
    assert.deepEqual(await texts('fares may -tram'), ['The ferry fares will rise in May'])
    assert.deepEqual(await texts('"fares stay" may'), ['The tram fares stay frozen until May'])
    assert.deepEqual(await texts('fares rise OR frozen'), (await texts('fares may')))
    assert.deepEqual(await texts('"fares may"'), [], 'a phrase alone has nothing to fall back to')
    assert.equal((await quotesMatching(testDeps(store), 'fares "frozen ferry"')).match, 'any', 'no quote has the phrase: those with fares, and says so')
  })
})

forEachStore('who said it: alternatives and the any-word fallback', (getStore) => {
  async function fareQuotes(store: Store): Promise<void> {
    await add(store, story('Ferry fares rise', '“The ferry fares will rise in May,” said Councillor Maren Holt on Monday.'))
    await add(store, story('Tram fares freeze', '“The tram fares stay frozen until May,” said Councillor Ilse Varga on Tuesday.'))
    await add(store, story('Pier repairs', '“The pier needs new railings before summer,” said Oskar Lund, the harbour master.'))
  }

  it('finds quotes for a query of alternatives only, in the index itself', async () => {
    const store = getStore()
    await fareQuotes(store)
    const said = await quotesMatching(testDeps(store), 'ferry OR tram')
    assert.deepEqual(said.quotes.map((q) => q.speakerName).sort(), ['Ilse Varga', 'Maren Holt'])
    assert.equal(said.match, 'all')
    assert.deepEqual(await found(store, '"fares stay" OR railings -tram'), ['The pier needs new railings before summer'], 'phrases, OR and exclusions reach the index')
    assert.deepEqual((await found(store, 'ferry OR pier')).length, 2)
  })

  it('falls back to any of the words when no quote has them all, the quotes with the most first, and says so', async () => {
    const store = getStore()
    await fareQuotes(store)
    const said = await quotesMatching(testDeps(store), 'ferry rise railings')
    assert.equal(said.match, 'any')
    assert.deepEqual(
      said.quotes.map((q) => q.speakerName),
      ['Maren Holt', 'Oskar Lund'],
      'two of the words before one, though the pier quote is newer; the tram quote has none',
    )
    assert.deepEqual((await quotesMatching(testDeps(store), 'ferry "fares will" rise')).match, 'all')
    const nothing = await quotesMatching(testDeps(store), 'gondola cablecar')
    assert.deepEqual(nothing, { quotes: [], match: 'any' })
    assert.deepEqual(await quotesMatching(testDeps(store), 'gondola'), { quotes: [], match: 'all' }, 'one word: nothing to fall back to')
    assert.deepEqual((await quotesMatching(testDeps(store), 'ferry pier -railings')).quotes.map((q) => q.speakerName), ['Maren Holt'], 'the fallback keeps exclusions')
  })
})
