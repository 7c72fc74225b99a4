import assert from 'node:assert/strict'
import { it } from 'node:test'
import { ok } from '../../src/domain/index.js'
import type { FetchDocument } from '../../src/pipeline/feed-refresh.js'
import { createStoreQueue, type JobQueue } from '../../src/pipeline/queue.js'
import { runJob, type JobHandler } from '../../src/pipeline/worker.js'
import { feedJobHandlers, listFeeds, refreshFeed } from '../../src/services/feeds.js'
import type { FeedDeps } from '../../src/services/feeds.js'
import { settleStoppedTries } from '../../src/pipeline/entry-tries.js'
import { claimDueRetries, getEntry, rememberEntry, settleEntry, startClaimedTry } from '../../src/store/repos/feed-entry-repo.js'
import { entryCounts, entryFailures } from '../../src/store/repos/feed-entry-status-repo.js'
import { insertFeed } from '../../src/store/repos/feed-repo.js'
import type { Db, Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

const at = (minutes: number): Date => new Date(Date.parse('2024-05-01T01:00:00.000Z') + minutes * 60_000)
const iso = (minutes: number): string => at(minutes).toISOString()
const STOPPED = /^the try did not finish \(the process stopped\)/

/**
 * A desk following one feed of one story whose page stops the process that
 * fetches it (a crash, an out-of-memory kill): the fetch never returns.
 * `pageFetched` is called when a try reaches the page.
 */
async function deskWithKillerPage(store: Store, id: string, clock: { minutes: number }, pageFetched: () => void): Promise<FeedDeps & { queue: JobQueue }> {
  await insertFeed(store.db, {
    id, url: `https://${id}.example/feed`, title: id, siteUrl: null, etag: null, lastModified: null, intervalMinutes: 30,
    nextCheckAt: iso(0), lastCheckedAt: null, lastError: null, errorCount: 0, lastWarning: null, createdAt: iso(0),
  })
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://${id}.example/</link><item><guid>k1</guid><title>Killer story</title><link>https://${id}.example/killer</link></item></channel></rss>`
  const fetchDocument: FetchDocument = (url) => {
    if (!url.endsWith('/feed')) {
      pageFetched()
      return new Promise(() => undefined)
    }
    const body = new TextEncoder().encode(rss)
    return Promise.resolve(ok({ requestedUrl: url, url, status: 200, notModified: false, body, contentType: 'application/rss+xml', etag: null, lastModified: null, maxAgeSeconds: null, headers: {}, redirects: [], fetchedAt: iso(clock.minutes) }))
  }
  const queue = createStoreQueue(store.db, { now: () => at(clock.minutes) })
  return { ...testDeps(store, { now: () => at(clock.minutes) }), fetchDocument, queue }
}

/**
 * A worker process that runs the due jobs until one of them fetches the
 * killer page: the process stops there, leaving that job locked and its try
 * unsettled (a later process takes the job over once its lock runs out).
 */
async function workerUntilStopped(queue: JobQueue, handlers: Record<string, JobHandler>, stopped: { signal: Promise<'stopped'> }): Promise<void> {
  for (let job = await queue.claim(Object.keys(handlers)); job !== null; job = await queue.claim(Object.keys(handlers))) {
    const ran = runJob(queue, handlers, job).then(() => 'ran' as const)
    if ((await Promise.race([stopped.signal, ran])) === 'stopped') return
  }
}

/** A feed of one remembered entry, `g`, claimed for its first try under `claim-<id>` until minute 60. */
async function feedWithClaimedEntry(db: Db, id: string): Promise<void> {
  await insertFeed(db, {
    id, url: `https://${id}.example/feed`, title: id, siteUrl: null, etag: null, lastModified: null, intervalMinutes: 30,
    nextCheckAt: iso(600), lastCheckedAt: iso(0), lastError: null, errorCount: 0, lastWarning: null, createdAt: iso(0),
  })
  await rememberEntry(db, { feedId: id, guid: 'g', url: `https://${id}.example/story`, title: 'Story', createdAt: iso(0), claim: { token: `claim-${id}`, leaseUntil: iso(60) } })
}

forEachStore('feed entry tries that stop the process', (getStore) => {
  it('counts a try the process never finished, and gives up on a page that stops it every time', async () => {
    const store = getStore()
    const clock = { minutes: 0 }
    let tries = 0
    const stopped = { signal: new Promise<'stopped'>(() => undefined) }
    let stop = (): void => undefined
    const armed = (): void => {
      stopped.signal = new Promise((resolve) => (stop = () => resolve('stopped')))
    }
    const deps = await deskWithKillerPage(store, 'k1', clock, () => {
      tries++
      stop()
    })
    const handlers = feedJobHandlers(deps)
    let afterFirst: Awaited<ReturnType<typeof listFeeds>> = []
    // Refreshes every half hour and a worker process every minute (each one stopped by the page), for two days.
    for (; clock.minutes < 48 * 60; clock.minutes++) {
      if (clock.minutes % 30 === 0) assert.ok((await refreshFeed(deps, 'k1')).ok)
      armed()
      await workerUntilStopped(deps.queue, handlers, stopped)
      if (clock.minutes === 31) afterFirst = await listFeeds(deps)
    }
    assert.equal(tries, 5, 'tried five times, as a failing page is: then given up')
    const row = await getEntry(store.db, 'k1', 'k1')
    assert.deepEqual([row?.status, row?.attempts, row?.retryAt, row?.claimToken], ['failed', 5, null, null])
    assert.match(row?.error ?? '', /the try did not finish \(the process stopped\) \(gave up after 5 tries\)/)
    const [feed] = await listFeeds(deps)
    assert.deepEqual(feed?.counts, { entries: 1, stored: 0, feedContent: 0, failed: 1, retrying: 0 })
    assert.deepEqual(feed?.failures.map((f) => [f.guid, f.status, f.attempts, f.retryAt]), [['k1', 'failed', 5, null]])
    assert.match(feed?.failures[0]?.error ?? '', STOPPED)
    const first = afterFirst[0]
    assert.deepEqual(first?.failures.map((f) => [f.attempts, f.retryAt]), [[1, iso(30 + 15)]], 'listed after its first stopped try, to be tried again like a failed page')
    assert.match(first?.failures[0]?.error ?? '', STOPPED)
    assert.equal(first?.counts.retrying, 1)
  })

  it('lists no first try while it runs, and records one whose lease ran out as failed, to be tried again', async () => {
    const { db } = getStore()
    await feedWithClaimedEntry(db, 's1')
    const run = { token: 'run-s1', startedAt: iso(1), leaseUntil: iso(31) }
    assert.equal(await startClaimedTry(db, 's1', 'g', 'claim-s1', run), 1, 'counted when it starts')
    assert.deepEqual(await entryFailures(db, 's1', 10), [])
    assert.equal((await entryCounts(db)).get('s1')?.retrying, 0, 'a running first try is no retry')
    assert.equal(await settleStoppedTries({ db, now: () => at(30) }, 's1'), 0, 'still within its lease')
    assert.equal(await settleStoppedTries({ db, now: () => at(31) }, 's1'), 1)
    const row = await getEntry(db, 's1', 'g')
    assert.deepEqual([row?.status, row?.attempts, row?.retryAt, row?.claimToken, row?.tryStartedAt], ['failed', 1, iso(31 + 15), null, null])
    assert.match(row?.error ?? '', STOPPED)
    assert.deepEqual((await entryFailures(db, 's1', 10)).map((e) => e.guid), ['g'])
    const late = await settleEntry(db, 's1', 'g', { articleId: null, status: 'failed', error: 'late', attempts: 1, claim: run.token })
    assert.equal(late, false, 'the stopped run, should it finish after all, records nothing')
  })

  it('keeps the article an earlier try stored when the last try stops the process', async () => {
    const { db } = getStore()
    await feedWithClaimedEntry(db, 's2')
    await settleEntry(db, 's2', 'g', { articleId: 'art-s2', status: 'feed-content', error: 'the server answered 503', attempts: 4, retryAt: iso(15), triedAt: iso(0) })
    const [claimed] = await claimDueRetries(db, 's2', iso(20), iso(50), 10)
    assert.ok(claimed)
    assert.equal(await startClaimedTry(db, 's2', 'g', claimed.claimToken, { token: 'run-s2', startedAt: iso(21), leaseUntil: iso(51) }), 5)
    assert.equal(await settleStoppedTries({ db, now: () => at(51) }, 's2'), 1)
    const row = await getEntry(db, 's2', 'g')
    assert.deepEqual([row?.status, row?.articleId, row?.attempts, row?.retryAt], ['feed-content', 'art-s2', 5, null])
    assert.equal(row?.error, 'the try did not finish (the process stopped) (gave up after 5 tries)')
    assert.deepEqual((await entryCounts(db)).get('s2'), { entries: 1, stored: 0, feedContent: 1, failed: 0, retrying: 0 })
  })
})
