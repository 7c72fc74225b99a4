import assert from 'node:assert/strict'
import { it } from 'node:test'
import { forEachStore } from '../../test/helpers/stores.js'
import { claimDueRetries, entriesByGuid, getEntry, rememberEntry, reviseEntry, settleEntry } from '../store/repos/feed-entry-repo.js'
import { entryCounts, entryFailures } from '../store/repos/feed-entry-status-repo.js'
import { claimDueFeeds, deleteFeed, insertFeed, listFeeds, updateFeed } from '../store/repos/feed-repo.js'
import type { StoredFeed } from '../store/repos/feed-repo.js'
import { createStoreQueue } from './queue.js'
import { scheduleDueFeeds } from './scheduler.js'

const feed = (id: string, nextCheckAt: string): StoredFeed => ({
  id, url: `https://${id}.example/feed`, title: id, siteUrl: null, etag: null, lastModified: null, intervalMinutes: 60,
  nextCheckAt, lastCheckedAt: null, lastError: null, errorCount: 0, lastWarning: null, createdAt: '2024-05-01T00:00:00.000Z',
})

forEachStore('feed store', (getStore) => {
  it('remembers each entry guid once per feed and counts outcomes', async () => {
    const { db } = getStore()
    await insertFeed(db, feed('f1', '2024-05-01T00:00:00.000Z'))
    const entry = { feedId: 'f1', guid: 'g1', url: null, title: 'T', createdAt: '2024-05-01T00:00:00.000Z' }
    assert.equal(await rememberEntry(db, entry), true)
    assert.equal(await rememberEntry(db, entry), false)
    assert.equal(await rememberEntry(db, { ...entry, guid: 'g2' }), true)
    await settleEntry(db, 'f1', 'g1', { articleId: 'a1', status: 'page', error: null })
    await settleEntry(db, 'f1', 'g2', { articleId: 'a2', status: 'feed-content', error: 'page 404' })
    assert.deepEqual((await entryCounts(db)).get('f1'), { entries: 2, stored: 1, feedContent: 1, failed: 0, retrying: 0 })
  })

  it('claims due feeds once, however many schedulers ask', async () => {
    const { db } = getStore()
    await insertFeed(db, feed('f2', '2024-05-01T09:00:00.000Z'))
    await insertFeed(db, feed('f3', '2024-05-02T00:00:00.000Z'))
    const now = '2024-05-01T10:00:00.000Z'
    const lease = '2024-05-01T10:30:00.000Z'
    const claims = await Promise.all([claimDueFeeds(db, now, lease, 10), claimDueFeeds(db, now, lease, 10)])
    assert.deepEqual(claims.flat().map((f) => f.id).sort(), ['f1', 'f2'])
    const queue = createStoreQueue(db, { now: () => new Date('2024-05-01T10:31:00.000Z') })
    assert.equal(await scheduleDueFeeds(db, queue, { now: () => new Date('2024-05-01T10:31:00.000Z') }), 2, 'due again after the lease')
    await updateFeed(db, 'f2', { lastError: 'boom', errorCount: 3 })
    const f2 = (await listFeeds(db)).find((f) => f.id === 'f2')
    assert.deepEqual([f2?.lastError, f2?.errorCount], ['boom', 3])
    assert.equal(await deleteFeed(db, 'f1'), true)
    assert.equal((await entryCounts(db)).has('f1'), false)
  })

  it('keeps a failed entry for another try: claimed once when due, listed with its reason, counted', async () => {
    const { db } = getStore()
    await insertFeed(db, feed('f4', '2024-05-01T00:00:00.000Z'))
    const base = { feedId: 'f4', url: 'https://f4.example/a', title: 'A', publishedAt: '2024-04-30T08:00:00.000Z', createdAt: '2024-05-01T00:00:00.000Z' }
    await rememberEntry(db, { ...base, guid: 'a' })
    await rememberEntry(db, { ...base, guid: 'b', url: 'https://f4.example/b' })
    await rememberEntry(db, { ...base, guid: 'c', url: 'http://10.0.0.5/c' })
    const tried = '2024-05-01T01:00:00.000Z'
    await settleEntry(db, 'f4', 'a', { articleId: null, status: 'failed', error: 'the server answered 503', attempts: 1, retryAt: '2024-05-01T01:15:00.000Z', triedAt: tried })
    await settleEntry(db, 'f4', 'b', { articleId: 'art-b', status: 'feed-content', error: 'the server answered 404', attempts: 1, retryAt: '2024-05-01T03:00:00.000Z', triedAt: tried })
    await settleEntry(db, 'f4', 'c', { articleId: null, status: 'failed', error: '10.0.0.5 is a private-network address: refused', attempts: 1, retryAt: null, triedAt: '2024-05-01T02:00:00.000Z' })
    assert.deepEqual((await entryCounts(db)).get('f4'), { entries: 3, stored: 0, feedContent: 1, failed: 2, retrying: 2 })
    assert.deepEqual((await entryFailures(db, 'f4', 10)).map((e) => e.guid), ['c', 'a', 'b'], 'latest try first')
    const now = '2024-05-01T02:00:00.000Z'
    const lease = '2024-05-01T02:30:00.000Z'
    const claims = await Promise.all([claimDueRetries(db, 'f4', now, lease, 10), claimDueRetries(db, 'f4', now, lease, 10)])
    assert.deepEqual(claims.flat().map((e) => [e.guid, e.url, e.publishedAt, e.attempts]), [['a', 'https://f4.example/a', '2024-04-30T08:00:00.000Z', 1]])
    assert.equal((await getEntry(db, 'f4', 'a'))?.retryAt, lease, 'leased until its try settles')
    assert.deepEqual((await claimDueRetries(db, 'f4', '2024-05-01T03:00:00.000Z', '2024-05-01T03:30:00.000Z', 10)).map((e) => e.guid), ['a', 'b'], 'due again after the lease')
    await settleEntry(db, 'f4', 'b', { articleId: 'art-b', status: 'page', error: null, attempts: 2, retryAt: null, triedAt: now })
    assert.deepEqual((await entryFailures(db, 'f4', 10)).map((e) => e.guid), ['c', 'a'])
  })

  it('remembers the version of an entry and revises it, starting its tries again when it is to be fetched again', async () => {
    const { db } = getStore()
    await insertFeed(db, feed('f5', '2024-05-01T00:00:00.000Z'))
    const base = { feedId: 'f5', url: 'https://f5.example/a', title: 'A', publishedAt: '2024-05-01T08:00:00.000Z', createdAt: '2024-05-01T09:00:00.000Z' }
    await rememberEntry(db, { ...base, guid: 'a', entryUpdatedAt: '2024-05-01T08:30:00.000Z' })
    await rememberEntry(db, { ...base, guid: 'b' })
    await settleEntry(db, 'f5', 'a', { articleId: 'art-a', status: 'page', error: 'the server answered 503', attempts: 3, retryAt: '2024-05-02T00:00:00.000Z' })
    const known = await entriesByGuid(db, 'f5', ['a', 'b', 'zzz'])
    assert.deepEqual([...known.keys()].sort(), ['a', 'b'])
    assert.equal(known.get('a')?.entryUpdatedAt, '2024-05-01T08:30:00.000Z')
    await reviseEntry(db, 'f5', 'b', { url: base.url, title: 'B, retitled', publishedAt: base.publishedAt, entryUpdatedAt: base.publishedAt, fetchAgain: null })
    await reviseEntry(db, 'f5', 'a', { url: 'https://f5.example/a2', title: 'A', publishedAt: base.publishedAt, entryUpdatedAt: '2024-05-01T10:00:00.000Z', fetchAgain: { token: 'claim-a', leaseUntil: '2024-05-01T11:00:00.000Z' } })
    const a = await getEntry(db, 'f5', 'a')
    assert.deepEqual([a?.url, a?.entryUpdatedAt, a?.attempts, a?.retryAt, a?.claimToken, a?.articleId, a?.status], ['https://f5.example/a2', '2024-05-01T10:00:00.000Z', 0, '2024-05-01T11:00:00.000Z', 'claim-a', 'art-a', 'page'])
    assert.deepEqual((await entryFailures(db, 'f5', 10)).map((e) => e.guid), [], 'a new version waiting for its first try has not fallen short')
    await settleEntry(db, 'f5', 'b', { articleId: null, status: 'failed', error: 'the page could not be fetched: 404', attempts: 5, retryAt: null })
    assert.deepEqual((await entryFailures(db, 'f5', 10)).map((e) => e.guid), ['b'])
    await reviseEntry(db, 'f5', 'b', { url: 'https://f5.example/b2', title: 'B, retitled', publishedAt: base.publishedAt, entryUpdatedAt: '2024-05-01T11:00:00.000Z', fetchAgain: { token: 'claim-b', leaseUntil: '2024-05-01T12:00:00.000Z' } })
    assert.deepEqual((await entryFailures(db, 'f5', 10)).map((e) => e.guid), [], 'nor has a new version of an entry that gave up')
    assert.equal((await getEntry(db, 'f5', 'b'))?.error, null, 'the old version\u2019s error goes with it')
    assert.equal((await entryCounts(db)).get('f5')?.retrying, 0)
    assert.equal((await getEntry(db, 'f5', 'b'))?.title, 'B, retitled')
  })
})
