import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { sql } from 'kysely'
import { addArticle } from '../../src/services/articles.js'
import { searchArticles } from '../../src/services/search.js'
import { hiddenCopies } from '../../src/search/duplicates.js'
import { parseQuery } from '../../src/search/query.js'
import { articleSearch, indexArticleText, searchArticleIds } from '../../src/store/dialect.js'
import { migrate } from '../../src/store/migrations/index.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { addStories, storyText } from '../helpers/search-stories.js'
import { forEachStore } from '../helpers/stores.js'

async function add(store: Store, title: string, body: string): Promise<string> {
  const added = await addArticle(testDeps(store), { body: `${title}\n\n${body}`, source: 'paste' })
  assert.ok(added.ok)
  return added.value.id
}

/** The plan PostgreSQL picks for a search, with sequential scans priced out (a test table is tiny). */
async function searchPlan(store: Store, query: string): Promise<string> {
  const search = articleSearch(store.dialect, parseQuery(query), 30)
  assert.ok(search)
  return store.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx)
    const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (VERBOSE) ${search}`.execute(trx)
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n')
  })
}

forEachStore('article search', (getStore) => {
  it('finds articles by their words, the best match first', async () => {
    const store = getStore()
    const once = await add(store, 'Harbour budget approved', 'The council approved the budget. The new rail line was mentioned once.')
    const often = await add(store, 'Rail line opens', 'The rail line opens on Monday. Rail fares stay low and rail staff are ready.')
    await add(store, 'Ferry strike', 'Every ferry stays in port tomorrow.')
    assert.deepEqual(await searchArticleIds(store.db, store.dialect, parseQuery('rail'), 30), [often, once])
    assert.deepEqual(await searchArticleIds(store.db, store.dialect, parseQuery('rail council'), 30), [once])
  })

  it('on PostgreSQL matches and ranks on the stored search_vector, through its GIN index, a bounded tier of matches', async (t) => {
    const store = getStore()
    if (store.dialect !== 'postgres') return t.skip('SQLite searches articles_fts')
    const plan = await searchPlan(store, 'rail')
    assert.match(plan, /Bitmap Index Scan on idx_articles_search_vector/, plan)
    assert.match(plan, /ts_rank\(tier\.search_vector/, plan)
    assert.match(plan, /Limit[\s\S]*Sort Key: .*created_at.* DESC, .*id.* DESC/, 'the matches ranked are the newest of a tier')
    assert.doesNotMatch(plan, /to_tsvector/, 'no document vector is computed while searching')
  })

  it('upgrades a desk whose articles were stored before migration 0009', async () => {
    const store = getStore()
    if (store.dialect === 'postgres') {
      // The desk as it was: the expression index of 0001, no column, 0009 not applied.
      await sql`ALTER TABLE articles DROP COLUMN search_vector`.execute(store.db)
      await sql`CREATE INDEX idx_articles_search ON articles USING gin (to_tsvector('english', title || ' ' || body_text))`.execute(store.db)
      await sql`DELETE FROM newsdesk_migrations WHERE id = 9`.execute(store.db)
    }
    const old = await add(store, 'Tramway vote', 'The tramway vote was postponed again by the assembly.')
    assert.deepEqual(await migrate(store.db, store.dialect), store.dialect === 'postgres' ? ['9_article_search_vector'] : [])
    assert.deepEqual(await searchArticleIds(store.db, store.dialect, parseQuery('tramway'), 30), [old])
    if (store.dialect === 'postgres') {
      const indexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'articles' AND indexname LIKE 'idx_articles_search%'`.execute(store.db)
      assert.deepEqual(indexes.rows.map((r) => r.indexname), ['idx_articles_search_vector'], 'the expression index is gone')
    }
  })
  it('shows a match in a hidden copy as the article that represents its story, once', async () => {
    const store = getStore()
    const deps = testDeps(store)
    const [story] = await addStories(deps, { stories: 1, copies: 2, word: 'heron' })
    assert.ok(story)
    assert.deepEqual([...(await hiddenCopies(store.db, [story.id, ...story.copies]))].sort(), [...story.copies].sort(), 'the copies are folded into the story')
    const onlyInCopies = await searchArticles(deps, 'courier heron')
    assert.deepEqual(onlyInCopies.items.map((a) => a.id), [story.id], 'the words only the copies have find the story')
    assert.deepEqual((await searchArticles(deps, 'heron')).items.map((a) => a.id), [story.id], 'three matching copies, one result')
  })

  it('shows a story by its matching copy when the story’s own article holds an excluded word', async () => {
    const store = getStore()
    const deps = testDeps(store)
    const text = storyText(3, 'egret')
    const leader = await addArticle(deps, { body: `${text} The walkway stays closed.`, source: 'paste' })
    const copy = await addArticle(deps, { body: `${text} The courier reported it first.`, source: 'paste' })
    assert.ok(leader.ok && copy.ok)
    assert.deepEqual([...(await hiddenCopies(store.db, [leader.value.id, copy.value.id]))], [copy.value.id], 'the copy is folded into the story')
    assert.deepEqual((await searchArticles(deps, 'egret courier')).items.map((a) => a.id), [leader.value.id])
    assert.deepEqual((await searchArticles(deps, 'egret courier -walkway')).items.map((a) => a.id), [copy.value.id])
  })

  it('cuts pages after folding copies, and pages through every story', async () => {
    const store = getStore()
    const deps = testDeps(store)
    const stories = await addStories(deps, { stories: 6, copies: 2, word: 'pelican' })
    const first = await searchArticles(deps, 'pelican', { limit: 4 })
    assert.equal(first.items.length, 4, 'four stories, though the best twelve matches are copies of four')
    assert.equal(first.next, 4)
    const second = await searchArticles(deps, 'pelican', { limit: 4, offset: first.next ?? 0 })
    assert.equal(second.items.length, 2)
    assert.equal(second.next, null)
    const shown = [...first.items, ...second.items].map((a) => a.id)
    assert.deepEqual([...shown].sort(), stories.map((s) => s.id).sort(), 'every story once, never a copy')
  })
  it('speaks one query language on both engines: phrases, OR, -word, stop words, a fallback to any word', async () => {
    const store = getStore()
    const deps = testDeps(store)
    const ids = async (q: string) => (await searchArticles(deps, q)).items.map((a) => a.id)
    const phrase = await add(store, 'Quayside talks', 'The dockers said: we cannot accept this outcome, and the quayside stays shut.')
    const words = await add(store, 'Funicular strike', 'The funicular dockers will accept the outcome; this cannot last.')
    const reopens = await add(store, 'Quayside reopens', 'The quayside reopens after the talks.')
    await add(store, 'Referendum night', 'The chancellor lost the referendum.')
    const count = await add(store, 'Referendum count', 'The referendum count continues in the north.')
    assert.deepEqual(await ids('"cannot accept this outcome"'), [phrase], 'a quoted phrase matches as a phrase')
    assert.deepEqual((await ids('cannot accept this outcome')).sort(), [phrase, words].sort(), 'unquoted, the words anywhere')
    assert.deepEqual((await ids('funicular OR quayside')).sort(), [phrase, words, reopens].sort())
    assert.deepEqual(await ids('referendum -chancellor'), [count])
    assert.deepEqual(await ids('referendum NOT chancellor'), [count])
    assert.deepEqual(await ids('NOT chancellor'), [], 'an exclusion alone finds nothing')
    assert.deepEqual(await ids('the'), [], 'stop words are ignored on both engines')
    assert.deepEqual(await ids('the referendum of the north'), [count])
    const question = await searchArticles(deps, 'What did the dockers say about the quayside?')
    assert.equal(question.match, 'any', 'no article has dockers, say and quayside: any of them, and says so')
    assert.equal(question.items[0]?.id, phrase, 'the article with the most of the words first')
    assert.deepEqual(question.items.map((a) => a.id).sort(), [phrase, words, reopens].sort())
    assert.equal((await searchArticles(deps, 'quayside dockers')).match, 'all')
    for (const odd of ['title:quayside*', 'NEAR(quayside talks)', 'quayside"', '" OR -', '(quayside) & !talks', "quayside'; DROP TABLE articles; --", '*', '^quayside']) {
      await searchArticles(deps, odd) // FTS5 or tsquery syntax is never read from user text: no error
    }
    assert.deepEqual(await ids('(quayside) AND dockers'), [phrase], 'AND is a word like any other, and a stop word')
  })
})

/** An article as a row, created at a given time (addArticle stamps the clock's time). */
async function insertArticle(store: Store, id: string, body: string, createdAt: string): Promise<void> {
  const title = `Lake report ${id}`
  await store.db
    .insertInto('articles')
    .values({ id, url: null, canonical_url: null, content_hash: id, title, dek: null, authors: '[]', published_at: null, updated_at: null, outlet: null, lang: 'en', body_text: body, word_count: 12, source: 'paste', created_at: createdAt, modified_at: createdAt })
    .execute()
  await indexArticleText(store.db, store.dialect, id, title, body)
}

/** Ten articles with the word, oldest first: the first three say it often, the seven after once. */
async function ospreys(store: Store): Promise<string[]> {
  const ids = Array.from({ length: 10 }, (_, i) => `osprey-${i}`)
  for (const [i, id] of ids.entries()) {
    const body = i < 3 ? 'The osprey nests again: osprey chicks and an osprey pair were seen.' : `Walkers counted ${i} herons and one osprey at the lake.`
    await insertArticle(store, id, body, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString())
  }
  return ids
}

forEachStore('article search, broad searches', (getStore) => {
  const osprey = parseQuery('osprey')
  let ids: string[] = []
  before(async () => {
    ids = await ospreys(getStore())
  })

  it('pages through one fixed order of matches, whatever the page size', async () => {
    const store = getStore()
    const whole = await searchArticleIds(store.db, store.dialect, osprey, 100, 0, 4)
    assert.equal(whole.length, 10)
    const paged: string[] = []
    for (let offset = 0; offset < 10; offset += 3) paged.push(...(await searchArticleIds(store.db, store.dialect, osprey, 3, offset, 4)))
    assert.deepEqual(paged, whole, 'pages of 3 across tiers of 4 read as one list')
  })

  it('on PostgreSQL ranks the newest matches first, a tier at a time, and a search with fewer matches whole', async (t) => {
    const store = getStore()
    if (store.dialect !== 'postgres') return t.skip('SQLite ranks every match')
    const tiered = await searchArticleIds(store.db, store.dialect, osprey, 10, 0, 4)
    assert.deepEqual(tiered.slice(0, 4).sort(), ids.slice(6).sort(), 'the four newest matches first, though they say it once')
    assert.deepEqual(tiered.slice(4, 8).sort(), ids.slice(2, 6).sort())
    assert.deepEqual(tiered.slice(8).sort(), ids.slice(0, 2).sort())
    const whole = await searchArticleIds(store.db, store.dialect, osprey, 3, 0)
    assert.deepEqual(whole.sort(), ids.slice(0, 3).sort(), 'fewer matches than a tier: the best first')
  })
})
