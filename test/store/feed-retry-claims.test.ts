import assert from 'node:assert/strict'
import { it } from 'node:test'
import { fail, ok } from '../../src/domain/index.js'
import type { FeedEntry } from '../../src/ingest/feeds/index.js'
import { feedJobHandlers, refreshFeed } from '../../src/services/feeds.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'
import { claimDueRetries, getEntry, rememberEntry, settleEntry } from '../../src/store/repos/feed-entry-repo.js'
import { insertFeed } from '../../src/store/repos/feed-repo.js'
import type { Db } from '../../src/store/db.js'
import { storeFeedEntry, type EntryContext } from '../../src/pipeline/feed-entry.js'
import type { FetchDocument } from '../../src/pipeline/feed-refresh.js'
import { createStoreQueue } from '../../src/pipeline/queue.js'
import { drainQueue } from '../../src/pipeline/worker.js'

const at = (minutes: number): Date => new Date(Date.parse('2024-05-01T01:00:00.000Z') + minutes * 60_000)
const iso = (minutes: number): string => at(minutes).toISOString()

/** A feed with one entry whose page failed once (a 503) and is due for another try at minute 15. */
async function feedWithDueRetry(db: Db, id: string): Promise<FeedEntry> {
  await insertFeed(db, {
    id, url: `https://${id}.example/feed`, title: id, siteUrl: null, etag: null, lastModified: null, intervalMinutes: 60,
    nextCheckAt: iso(600), lastCheckedAt: iso(0), lastError: null, errorCount: 0, lastWarning: null, createdAt: iso(0),
  })
  const entry: FeedEntry = { guid: 'g', url: `https://${id}.example/story`, title: 'Story', publishedAt: iso(-60), updatedAt: null, contentHtml: null, summary: null, author: null }
  await rememberEntry(db, { feedId: id, guid: 'g', url: entry.url, title: entry.title, publishedAt: entry.publishedAt, createdAt: iso(0) })
  await settleEntry(db, id, 'g', { articleId: null, status: 'failed', error: 'the server answered 503', attempts: 1, retryAt: iso(15), triedAt: iso(0) })
  return entry
}

/** Every page answers 503 after a pause (so two tries overlap); `fetched` counts the tries. */
function slowFailingPages(): { fetch: FetchDocument; fetched: string[] } {
  const fetched: string[] = []
  const fetch: FetchDocument = async (url) => {
    fetched.push(url)
    await new Promise((r) => setTimeout(r, 20))
    return { ok: false, error: { code: 'http_status', message: 'the server answered 503', url, status: 503 } }
  }
  return { fetch, fetched }
}

const entryContext = (db: Db, fetch: FetchDocument, minutes: number): EntryContext => ({
  db, fetch, now: () => at(minutes), store: () => Promise.resolve(fail('unused', 'no article is stored here')),
})

forEachStore('feed entry retry claims', (getStore) => {
  it('tries a retry claimed twice (its lease ran out while its job waited) once, under the later claim', async () => {
    const { db } = getStore()
    const entry = await feedWithDueRetry(db, 'c1')
    const [first] = await claimDueRetries(db, 'c1', iso(20), iso(50), 10)
    const [second] = await claimDueRetries(db, 'c1', iso(55), iso(85), 10)
    assert.ok(first && second, 'due again after the lease')
    const pages = slowFailingPages()
    const late = await storeFeedEntry(entryContext(db, pages.fetch, 60), 'c1', entry, first.claimToken)
    assert.equal(late.status, 'skipped', 'the job of the lapsed claim does nothing')
    assert.deepEqual(pages.fetched, [])
    const current = await storeFeedEntry(entryContext(db, pages.fetch, 61), 'c1', entry, second.claimToken)
    assert.equal(current.status, 'failed')
    assert.equal(pages.fetched.length, 1)
    const row = await getEntry(db, 'c1', 'g')
    assert.deepEqual([row?.attempts, row?.retryAt, row?.claimToken], [2, iso(61 + 60), null], 'one more try counted; the next in an hour')
  })

  it('lets one of two workers running the same claimed job try it', async () => {
    const { db } = getStore()
    const entry = await feedWithDueRetry(db, 'c2')
    const [claimed] = await claimDueRetries(db, 'c2', iso(20), iso(50), 10)
    assert.ok(claimed)
    const pages = slowFailingPages()
    const outcomes = await Promise.all([1, 2].map(() => storeFeedEntry(entryContext(db, pages.fetch, 21), 'c2', entry, claimed.claimToken)))
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['failed', 'skipped'])
    assert.equal(pages.fetched.length, 1)
    assert.equal((await getEntry(db, 'c2', 'g'))?.attempts, 2)
  })

  it('extends the lease while the try runs, and counts a try that throws as a failed try, tried again on the schedule', async () => {
    const { db } = getStore()
    const entry = await feedWithDueRetry(db, 'c3')
    const [claimed] = await claimDueRetries(db, 'c3', iso(20), iso(50), 10)
    assert.ok(claimed)
    let seenDuringTry: string | null = null
    const throwing: FetchDocument = async () => {
      seenDuringTry = (await getEntry(db, 'c3', 'g'))?.retryAt ?? null
      throw new Error('the connection went away')
    }
    await assert.rejects(storeFeedEntry(entryContext(db, throwing, 45), 'c3', entry, claimed.claimToken), /connection went away/)
    assert.equal(seenDuringTry, iso(45 + 30), 'leased for 30 minutes from the start of the try')
    const row = await getEntry(db, 'c3', 'g')
    assert.deepEqual([row?.status, row?.attempts, row?.retryAt, row?.claimToken], ['failed', 2, iso(45 + 60), null])
    assert.match(row?.error ?? '', /the try failed: the connection went away/)
    const pages = slowFailingPages()
    const rerun = await storeFeedEntry(entryContext(db, pages.fetch, 46), 'c3', entry, claimed.claimToken)
    assert.equal(rerun.status, 'skipped', 'the queue\u2019s rerun of the job finds the try recorded')
    assert.deepEqual(pages.fetched, [])
  })

  it('gives up on an entry whose every try throws, after as many tries as a failing page', async () => {
    const store = getStore()
    const entry = await feedWithDueRetry(store.db, 'c5')
    let minutes = 20
    let tries = 0
    const fetchDocument: FetchDocument = (url) => {
      if (url.endsWith('/feed')) return Promise.resolve(ok({ requestedUrl: url, url, status: 304, notModified: true, body: new Uint8Array(), contentType: null, etag: null, lastModified: null, maxAgeSeconds: null, headers: {}, redirects: [], fetchedAt: iso(minutes) }))
      tries++
      return Promise.reject(new Error('the page trips a bug'))
    }
    const queue = createStoreQueue(store.db, { now: () => at(minutes) })
    const deps = { ...testDeps(store, { now: () => at(minutes) }), fetchDocument, queue }
    // Refreshes every half hour and a busy worker every minute, for two days.
    for (; minutes < 48 * 60; minutes++) {
      if (minutes % 30 === 0) assert.ok((await refreshFeed(deps, 'c5')).ok)
      await drainQueue(queue, feedJobHandlers(deps))
    }
    assert.equal(tries, 4, 'tries 2 to 5 (the first failed before): then it gives up')
    const row = await getEntry(store.db, 'c5', 'g')
    assert.deepEqual([row?.status, row?.attempts, row?.retryAt], ['failed', 5, null])
    assert.match(row?.error ?? '', /gave up after 5 tries/)
    assert.equal(entry.guid, 'g')
  })

  it('counts one try when a busy queue holds a retry past its lease and the next refresh queues it again', async () => {
    const store = getStore()
    const entry = await feedWithDueRetry(store.db, 'c4')
    let minutes = 20
    const pages = slowFailingPages()
    const fetchDocument: FetchDocument = (url, options) => {
      if (url.endsWith('/feed')) return Promise.resolve(ok({ requestedUrl: url, url, status: 304, notModified: true, body: new Uint8Array(), contentType: null, etag: null, lastModified: null, maxAgeSeconds: null, headers: {}, redirects: [], fetchedAt: iso(minutes) }))
      return pages.fetch(url, options)
    }
    const queue = createStoreQueue(store.db, { now: () => at(minutes) })
    const deps = { ...testDeps(store, { now: () => at(minutes) }), fetchDocument, queue }
    for (const when of [20, 55]) {
      minutes = when
      const report = await refreshFeed(deps, 'c4')
      assert.ok(report.ok)
      assert.equal(report.value.retried, 1, `minute ${when}: the retry is claimed and queued`)
    }
    assert.equal(await queue.pending(), 2)
    minutes = 60
    await drainQueue(queue, feedJobHandlers(deps))
    assert.deepEqual(pages.fetched, [entry.url])
    assert.equal((await getEntry(store.db, 'c4', 'g'))?.attempts, 2)
  })
})

forEachStore('feed entry first-try claims', (getStore) => {
  /** A feed of one entry; the feed document is fetched fresh each time (no 304), its page answers 503 after a pause. */
  function oneEntryFeed(origin: string): { fetch: FetchDocument; pageFetches: string[]; minutes: { now: number } } {
    const minutes = { now: 0 }
    const pages = slowFailingPages()
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${origin}/</link><item><guid>n1</guid><title>New story</title><link>${origin}/new-story</link></item></channel></rss>`
    const fetch: FetchDocument = (url, options) => {
      if (!url.endsWith('/feed')) return pages.fetch(url, options)
      const body = new TextEncoder().encode(rss)
      return Promise.resolve(ok({ requestedUrl: url, url, status: 200, notModified: false, body, contentType: 'application/rss+xml', etag: null, lastModified: null, maxAgeSeconds: null, headers: {}, redirects: [], fetchedAt: iso(minutes.now) }))
    }
    return { fetch, pageFetches: pages.fetched, minutes }
  }

  it('tries a new entry once when a busy queue holds its first try past the lease and a later refresh offers it again', async () => {
    const store = getStore()
    await insertFeed(store.db, {
      id: 'n1', url: 'https://n1.example/feed', title: 'n1', siteUrl: null, etag: null, lastModified: null, intervalMinutes: 30,
      nextCheckAt: iso(0), lastCheckedAt: null, lastError: null, errorCount: 0, lastWarning: null, createdAt: iso(0),
    })
    const feed = oneEntryFeed('https://n1.example')
    const queue = createStoreQueue(store.db, { now: () => at(feed.minutes.now) })
    const deps = { ...testDeps(store, { now: () => at(feed.minutes.now) }), fetchDocument: feed.fetch, queue }
    const offered: number[] = []
    for (const when of [0, 30, 65, 90]) {
      feed.minutes.now = when
      const report = await refreshFeed(deps, 'n1')
      assert.ok(report.ok)
      offered.push(report.value.newEntries + report.value.retried)
    }
    assert.deepEqual(offered, [1, 0, 1, 0], 'offered when new, and again only once its first try\u2019s lease has run out')
    feed.minutes.now = 95
    await drainQueue(queue, feedJobHandlers(deps))
    assert.deepEqual(feed.pageFetches, ['https://n1.example/new-story'], 'the page is fetched once, by the later claim')
    assert.deepEqual([(await getEntry(store.db, 'n1', 'n1'))?.attempts], [1])
  })

  it('reports a try whose lease ran out while it ran, and whose entry a later refresh took over, as skipped', async () => {
    const { db } = getStore()
    const entry = await feedWithDueRetry(db, 'n2')
    const [claimed] = await claimDueRetries(db, 'n2', iso(20), iso(50), 10)
    assert.ok(claimed)
    const takeOver: FetchDocument = async (url) => {
      // The try runs past its 30-minute lease; a refresh claims the entry again meanwhile.
      assert.equal((await claimDueRetries(db, 'n2', iso(60), iso(90), 10)).length, 1)
      return { ok: false, error: { code: 'http_status', message: 'the server answered 503', url, status: 503 } }
    }
    const outcome = await storeFeedEntry(entryContext(db, takeOver, 21), 'n2', entry, claimed.claimToken)
    assert.equal(outcome.status, 'skipped')
    const row = await getEntry(db, 'n2', 'g')
    // Counted once, when it started (a try whose process stopped is counted the same way); its outcome is not recorded.
    assert.deepEqual([row?.attempts, row?.error, row?.retryAt], [2, 'the server answered 503', iso(90)], 'the later claim holds the entry')
  })
})
