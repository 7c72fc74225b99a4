import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'
import { sql } from 'kysely'
import { migrate } from '../../src/store/migrations/index.js'
import { addArticle, deleteArticle } from '../../src/services/articles.js'
import { deleteOwnReply, editReply, moderateReply, postReply, replyThreads, replyCount } from '../../src/services/replies.js'
import { createUser, viewerFor } from '../../src/services/accounts.js'
import { latestArticles, personProfile, viewArticle } from '../../src/services/reading.js'
import { searchArticles } from '../../src/services/search.js'
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
    // The search index follows the update: the new words are found once, the replaced ones no more.
    assert.deepEqual((await searchArticles(deps, 'landfall')).items.map((a) => a.id), [first.value.id])
    assert.deepEqual((await searchArticles(deps, 'nears')).items, [])
    // Article ids are indexed for deletes, never searched as words.
    assert.deepEqual((await searchArticles(deps, first.value.id)).items, [])
  })

  it('upgrades the SQLite search index to find articles by id, keeping what was indexed', async (t) => {
    const store = getStore()
    if (store.dialect !== 'sqlite') return t.skip('PostgreSQL searches the articles rows themselves')
    const deps = testDeps(store)
    const added = await addArticle(deps, { body: story('Orchard frost ruins the apple harvest', 'Growers lost most of the crop overnight.'), source: 'paste' })
    assert.ok(added.ok)
    // Back to the table of migration 0001 (article_id UNINDEXED), then upgrade again.
    await sql`DELETE FROM newsdesk_migrations WHERE id = 5`.execute(store.db)
    await sql`DROP TABLE articles_fts`.execute(store.db)
    await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body_text, tokenize = 'porter unicode61')`.execute(store.db)
    await sql`INSERT INTO articles_fts (article_id, title, body_text) SELECT id, title, body_text FROM articles`.execute(store.db)
    assert.deepEqual(await migrate(store.db, store.dialect), ['5_article_search_by_id'])
    assert.deepEqual((await searchArticles(deps, 'orchard frost')).items.map((a) => a.id), [added.value.id])
    assert.equal(await deleteArticle(deps, added.value.id), true)
    const left = await sql<{ n: number }>`SELECT count(*) AS n FROM articles_fts WHERE article_id = ${added.value.id}`.execute(store.db)
    assert.equal(Number(left.rows[0]?.n), 0)
  })

  it('fills the cue of quotes stored before migration 0006 from their article, astral characters and all', async () => {
    const store = getStore()
    const deps = testDeps(store)
    const added = await addArticle(deps, { body: story('Ferry fares 🚢 rise', '🚢🚢 Fares rise by a third in May. Councillor Maren Holt criticised the new ferry timetable on Monday.'), source: 'paste' })
    assert.ok(added.ok)
    const cues = async () => (await viewArticle(deps, added.value.id))?.quotes.map((q) => q.cueText)
    assert.deepEqual(await cues(), ['criticised'])
    await sql`DELETE FROM newsdesk_migrations WHERE id = 6`.execute(store.db)
    await sql`ALTER TABLE quotes DROP COLUMN cue_text`.execute(store.db)
    assert.deepEqual(await migrate(store.db, store.dialect), ['6_quote_cue_text'])
    assert.deepEqual(await cues(), ['criticised'])
  })

  it('adding the same article concurrently stores one record', async () => {
    const deps = testDeps(getStore())
    const text = story('Council approves the budget', 'The council approved the budget by nine votes to four, the mayor said.')
    const results = await Promise.all([1, 2, 3].map(() => addArticle(deps, { body: text, source: 'paste' })))
    const ids = new Set(results.map((r) => (r.ok ? r.value.id : r.error.message)))
    assert.equal(ids.size, 1)
    const found = (await searchArticles(deps, 'council budget')).items
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
    await postReply(deps, viewerFor(null, 0), added.value.id, { authorName: 'A', body: 'first' })
    assert.equal(await deleteArticle(deps, added.value.id), true)
    assert.equal(await viewArticle(deps, added.value.id), null)
    assert.equal(await personProfile(deps, personId), null, 'a person with nothing left is removed')
    assert.deepEqual((await searchArticles(deps, 'Minister resigns')).items, [])
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

  it('files a page under another site\'s canonical URL as a new article, never over the stored one', async () => {
    const deps = testDeps(getStore())
    const victimUrl = 'https://wire.example.com/world/summit-ends'
    const victim = await addArticle(deps, { body: story('Summit ends without a deal', 'Leaders left the summit without a deal, the host said.'), url: victimUrl, source: 'url' })
    const page = `<html><head><link rel="canonical" href="${victimUrl}"><title>Fake</title></head><body><article><h1>Fake summit story</h1><p>Everything you read before was wrong, a stranger said today in a long statement.</p></article></body></html>`
    const forged = await addArticle(deps, { body: page, contentType: 'text/html', url: 'https://blog.attacker.example/post', source: 'api' })
    const pasted = await addArticle(deps, { body: page, contentType: 'text/html', source: 'paste' })
    assert.ok(victim.ok && forged.ok && pasted.ok)
    assert.notEqual(forged.value.id, victim.value.id)
    assert.notEqual(pasted.value.id, victim.value.id)
    assert.equal((await viewArticle(deps, victim.value.id))?.stored.article.title, 'Summit ends without a deal')
  })

  it('resolves a URL that belongs to one article and a text that belongs to another without failing', async () => {
    const deps = testDeps(getStore())
    const a = await addArticle(deps, { body: story('Tram line opens', 'The new tram line opened to passengers this morning.'), url: 'https://city.example/a', source: 'url' })
    const b = await addArticle(deps, { body: story('Library closes', 'The central library closed for a year of repairs.'), url: 'https://city.example/b', source: 'url' })
    const mixed = await addArticle(deps, { body: story('Tram line opens', 'The new tram line opened to passengers this morning.'), url: 'https://city.example/b', source: 'url' })
    assert.ok(a.ok && b.ok && mixed.ok)
    assert.equal(mixed.value.id, a.value.id, 'same text is the same article')
    assert.equal((await viewArticle(deps, b.value.id))?.stored.article.title, 'Library closes')
  })

  it('refuses a soft error page ("document not found") and stores nothing', async () => {
    const deps = testDeps(getStore())
    const before = (await searchArticles(deps, 'requested')).items.length
    const result = await addArticle(deps, { body: 'floridatoday.com document not found\n\nThe document you requested could not be found.', source: 'paste' })
    assert.ok(!result.ok && result.error.code === 'error_page', JSON.stringify(result))
    assert.match(result.error.message, /error page/)
    assert.equal((await searchArticles(deps, 'requested')).items.length, before)
  })

  it('refuses a non-http address', async () => {
    const deps = testDeps(getStore())
    const result = await addArticle(deps, { body: story('Hello', 'A short story about a harbour.'), url: 'javascript:alert(1)//', source: 'api' })
    assert.equal(result.ok, false)
    if (!result.ok) assert.equal(result.error.code, 'bad_url')
  })

  it('keeps reply threads at most five deep and deletes an article with a long thread', async () => {
    const deps = testDeps(getStore())
    const added = await addArticle(deps, { body: story('Port strike ends', 'Dock workers returned to work on Monday, the union said.'), source: 'paste' })
    assert.ok(added.ok)
    const guest = viewerFor(null, 0)
    let parentId: string | null = null
    for (let i = 0; i < 12; i++) {
      const r = await postReply(deps, guest, added.value.id, { authorName: `R${i}`, body: `answer ${i}`, parentId })
      assert.ok(r.ok)
      parentId = r.value.id
    }
    const threads = await replyThreads(deps, guest, added.value.id)
    let depth = 0
    for (let level = threads; level.length > 0; level = level.flatMap((r) => r.children)) depth++
    assert.equal(depth, 5)
    assert.equal(await deleteArticle(deps, added.value.id), true)
  })

  it('a hidden reply keeps its visible answers in place for readers, withheld itself, and takes no new answers', async () => {
    const deps = testDeps(getStore())
    const added = await addArticle(deps, { body: story('Ferry fares rise', 'Fares on the harbour ferry rise by a third in May, the operator said.'), source: 'paste' })
    assert.ok(added.ok)
    const guest = viewerFor(null, 1)
    const made = await createUser(deps, { username: 'ed', displayName: 'Ed Itor', password: 'a long enough password' }, 'editor')
    assert.ok(made.ok, JSON.stringify(made))
    const editor = viewerFor(made.value, 1)
    const twin = await createUser(deps, { username: 'ed2', displayName: ' ed  itor ', password: 'a long enough password' }, 'reader')
    assert.ok(!twin.ok && twin.error.code === 'taken', 'a second account may not show the same name')
    assert.ok((await createUser(deps, { username: 'elodie', displayName: 'Élodie Martin', password: 'a long enough password' }, 'reader')).ok)
    // Case beyond ASCII, and the decomposed spelling of É, fold the same on both databases.
    const accent = await createUser(deps, { username: 'elodie2', displayName: 'E\u0301LODIE MARTIN', password: 'a long enough password' }, 'reader')
    assert.ok(!accent.ok && accent.error.code === 'taken', JSON.stringify(accent))
    // Invisible characters (a zero-width space, a direction mark) make no new name, and are not stored.
    const hidden = await createUser(deps, { username: 'ed3', displayName: 'Ed\u200b Itor\u200f', password: 'a long enough password' }, 'reader')
    assert.ok(!hidden.ok && hidden.error.code === 'taken', JSON.stringify(hidden))
    const blank = await createUser(deps, { username: 'ed4', displayName: '\u200b\u3164', password: 'a long enough password' }, 'reader')
    assert.ok(!blank.ok && blank.error.code === 'invalid_account', JSON.stringify(blank))
    const joined = await createUser(deps, { username: 'joined', displayName: 'Jo\u200d Lee', password: 'a long enough password' }, 'reader')
    assert.ok(joined.ok && joined.value.displayName === 'Jo Lee', JSON.stringify(joined))
    const rude = await postReply(deps, guest, added.value.id, { authorName: 'Troll', body: 'something rude' })
    assert.ok(rude.ok)
    const answer = await postReply(deps, guest, added.value.id, { authorName: 'Ana', body: 'Fares were frozen for five years.', parentId: rude.value.id })
    const lone = await postReply(deps, guest, added.value.id, { authorName: 'Troll', body: 'more rudeness' })
    assert.ok(answer.ok && lone.ok)
    assert.ok((await moderateReply(deps, editor, rude.value.id, 'hidden')).ok)
    assert.ok((await moderateReply(deps, editor, lone.value.id, 'hidden')).ok)
    const seen = await replyThreads(deps, guest, added.value.id)
    assert.equal(seen.length, 1, 'the hidden reply without answers is gone')
    assert.deepEqual([seen[0]?.status, seen[0]?.authorName, seen[0]?.body], ['hidden', '', ''])
    assert.equal(seen[0]?.children[0]?.body, 'Fares were frozen for five years.')
    assert.equal(replyCount(seen), 1)
    assert.equal(replyCount(await replyThreads(deps, editor, added.value.id)), 1)
    assert.equal((await replyThreads(deps, editor, added.value.id)).length, 2, 'moderators see every reply')
    const refused = await postReply(deps, guest, added.value.id, { authorName: 'Bo', body: 'me too', parentId: rude.value.id })
    assert.ok(!refused.ok && /hidden/.test(refused.error.message))
    // Past the deepest level an answer joins an ancestor: a hidden one takes it no more than a hidden parent.
    let parent: string | null = null
    const chain: string[] = []
    for (let i = 0; i < 5; i++) {
      const r = await postReply(deps, guest, added.value.id, { authorName: `R${i}`, body: `level ${i}`, parentId: parent })
      assert.ok(r.ok)
      chain.push(r.value.id)
      parent = r.value.id
    }
    assert.ok((await moderateReply(deps, editor, chain[3] ?? '', 'hidden')).ok)
    const deep = await postReply(deps, guest, added.value.id, { authorName: 'Bo', body: 'deep answer', parentId: chain[4] })
    assert.ok(!deep.ok && /hidden/.test(deep.error.message), JSON.stringify(deep))
    // A signed-in author replies under the account's name, whatever the form sends.
    const signed = await postReply(deps, editor, added.value.id, { body: 'Noted, thanks.' })
    assert.ok(signed.ok, JSON.stringify(signed))
    assert.equal(signed.value.authorName, 'Ed Itor')
  })

  it('an author edits and deletes their own reply; a deleted one holding answers stays as an empty place', async () => {
    const deps = testDeps(getStore())
    const added = await addArticle(deps, { body: story('Tram line extended', 'The tram line reaches the airport in 2027, the city said.'), source: 'paste' })
    assert.ok(added.ok)
    const made = await createUser(deps, { username: 'tess', displayName: 'Tess Writer', password: 'a long enough password' }, 'reader')
    assert.ok(made.ok)
    const tess = viewerFor(made.value, 1)
    const guest = viewerFor(null, 1)
    const mine = await postReply(deps, tess, added.value.id, { body: 'About time.' })
    assert.ok(mine.ok)
    assert.equal((await editReply(deps, guest, mine.value.id, 'hijacked')).ok, false)
    const edited = await editReply(deps, tess, mine.value.id, 'About time; the buses are full.')
    assert.ok(edited.ok && edited.value.editedAt)
    const answer = await postReply(deps, guest, added.value.id, { authorName: 'Ana', body: 'They are.', parentId: mine.value.id })
    assert.ok(answer.ok)
    assert.ok((await deleteOwnReply(deps, tess, mine.value.id)).ok)
    const [place] = await replyThreads(deps, guest, added.value.id)
    assert.deepEqual([place?.status, place?.body, place?.authorName, place?.children[0]?.body], ['deleted', '', '', 'They are.'])
    assert.equal(replyCount(await replyThreads(deps, guest, added.value.id)), 1)
    assert.equal(place?.userId, null, 'the deleted place keeps no account')
    assert.equal((await editReply(deps, tess, edited.value.id, 'About time; the buses are full.')).ok, false, 'a deleted reply is not edited')
    const late = await postReply(deps, guest, added.value.id, { authorName: 'Bo', body: 'Me too.', parentId: mine.value.id })
    assert.ok(!late.ok && /deleted/.test(late.error.message), 'no new answer to a deleted reply')
    const lone = await postReply(deps, tess, added.value.id, { body: 'Never mind.' })
    assert.ok(lone.ok && (await deleteOwnReply(deps, tess, lone.value.id)).ok)
    assert.equal((await replyThreads(deps, tess, added.value.id)).length, 1, 'an unanswered reply goes entirely')
    // Ana deletes her answer: the empty place that held only it goes too.
    const made2 = await createUser(deps, { username: 'ana', displayName: 'Ana Answer', password: 'a long enough password' }, 'reader')
    assert.ok(made2.ok)
    const ana = viewerFor(made2.value, 1)
    const again = await postReply(deps, tess, added.value.id, { body: 'Trams are slow.' })
    assert.ok(again.ok)
    const anaAnswer = await postReply(deps, ana, added.value.id, { body: 'Not these ones.', parentId: again.value.id })
    assert.ok(anaAnswer.ok && (await deleteOwnReply(deps, tess, again.value.id)).ok && (await deleteOwnReply(deps, ana, anaAnswer.value.id)).ok)
    const left = await deps.store.db.selectFrom('replies').select('id').where('article_id', '=', added.value.id).execute()
    assert.equal(left.length, 2, 'the first place and its answer stay; the second place and its answer are gone')
    // Saving the same words is no edit.
    const same = await postReply(deps, ana, added.value.id, { body: 'Unchanged.' })
    assert.ok(same.ok)
    const saved = await editReply(deps, ana, same.value.id, 'Unchanged.')
    assert.ok(saved.ok && saved.value.editedAt === null)
    assert.equal(await deleteArticle(deps, added.value.id), true)
  })

  it('an answer past the deepest level joins its ancestor even when that one is an author’s deleted place', async () => {
    const deps = testDeps(getStore())
    const added = await addArticle(deps, { body: story('Night buses return', 'Night buses return to the city in June, the transit authority said.'), source: 'paste' })
    assert.ok(added.ok)
    const made = await createUser(deps, { username: 'deep', displayName: 'Dee Writer', password: 'a long enough password' }, 'reader')
    assert.ok(made.ok)
    const dee = viewerFor(made.value, 1)
    const guest = viewerFor(null, 1)
    const chain: string[] = []
    for (let level = 0; level < 5; level++) {
      const r = await postReply(deps, level === 3 ? dee : guest, added.value.id, { authorName: 'Gil', body: `level ${level + 1}`, parentId: chain[chain.length - 1] ?? null })
      assert.ok(r.ok)
      chain.push(r.value.id)
    }
    assert.ok((await deleteOwnReply(deps, dee, chain[3]!)).ok)
    const answer = await postReply(deps, guest, added.value.id, { authorName: 'Gil', body: 'level 6', parentId: chain[4] })
    assert.ok(answer.ok, JSON.stringify(answer))
    assert.equal(answer.value.parentId, chain[3])
    assert.equal(await deleteArticle(deps, added.value.id), true)
  })

  it('links a family name alone to the one full name on the desk that ends with it, and keeps namesakes apart', async () => {
    const deps = testDeps(getStore())
    const quotedBy = async (body: string) => {
      const r = await addArticle(deps, { body, source: 'paste' })
      assert.ok(r.ok)
      return (await viewArticle(deps, r.value.id))?.quotes[0]?.personId
    }
    const full = await quotedBy(story('Mayor opens the bridge', '“It is a great day for the city,” said Oskar Lindqvist, the mayor of Umea.'))
    const alone = await quotedBy(story('Bridge traffic doubles', '“We expected this,” Lindqvist said on Friday about the traffic figures.'))
    assert.ok(full && alone)
    assert.equal(alone, full)
    await quotedBy(story('Envoys meet', '“Talks went well,” said Hana Park, the trade envoy.'))
    await quotedBy(story('Strikers return', '“We are back at work,” said Minjun Park, a union leader.'))
    const ambiguous = await quotedBy(story('Trade figures out', '“Exports rose again,” Park said.'))
    assert.equal(ambiguous ?? null, null, 'two Parks on the desk: a bare "Park" is not guessed')
  })
})
