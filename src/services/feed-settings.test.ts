import assert from 'node:assert/strict'
import { it } from 'node:test'
import { testDeps } from '../../test/helpers/deps.js'
import { sqliteStore } from '../../test/helpers/stores.js'
import { insertFeed } from '../store/repos/feed-repo.js'
import { editFeed, getFeed } from './feeds.js'

it('moves a feed to a new address: the old validators and errors go, and it is due at once', async () => {
  const store = await sqliteStore()
  const now = new Date('2024-05-10T12:00:00.000Z')
  const deps = testDeps(store, { now: () => now })
  await insertFeed(store.db, {
    id: 'f1', url: 'https://old.example/feed', title: 'Old desk', siteUrl: 'https://old.example/', etag: '"e1"', lastModified: 'Fri, 10 May 2024 09:00:00 GMT',
    intervalMinutes: 60, nextCheckAt: '2024-05-11T00:00:00.000Z', lastCheckedAt: '2024-05-10T11:00:00.000Z', lastError: 'the server answered 500', errorCount: 3,
    lastWarning: null, createdAt: '2024-05-01T00:00:00.000Z',
  })
  const same = await editFeed(deps, 'f1', { url: ' https://old.example/feed ', title: '' })
  assert.ok(same.ok)
  assert.deepEqual([same.value.etag, same.value.errorCount, same.value.title], ['"e1"', 3, null], 'the same address changes nothing but what else was given')
  const moved = await editFeed(deps, 'https://old.example/feed', { url: 'https://new.example/feed' })
  assert.ok(moved.ok)
  const stored = await getFeed(deps, 'f1')
  assert.deepEqual(stored && [stored.url, stored.etag, stored.lastModified, stored.lastError, stored.errorCount, stored.nextCheckAt, stored.siteUrl], [
    'https://new.example/feed', null, null, null, 0, now.toISOString(), 'https://old.example/',
  ])
  await store.close()
})

it('refuses a title longer than 500 characters, whichever door the edit comes through', async () => {
  const store = await sqliteStore()
  const deps = testDeps(store)
  await insertFeed(store.db, {
    id: 'f2', url: 'https://desk.example/feed', title: 'Desk', siteUrl: null, etag: null, lastModified: null,
    intervalMinutes: 60, nextCheckAt: '2024-05-11T00:00:00.000Z', lastCheckedAt: null, lastError: null, errorCount: 0,
    lastWarning: null, createdAt: '2024-05-01T00:00:00.000Z',
  })
  const long = await editFeed(deps, 'f2', { title: 'x'.repeat(501) })
  assert.equal(long.ok, false)
  assert.equal((await getFeed(deps, 'f2'))?.title, 'Desk')
  assert.ok((await editFeed(deps, 'f2', { title: 'y'.repeat(500) })).ok)
  await store.close()
})
