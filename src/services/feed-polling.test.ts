import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { it } from 'node:test'
import pino from 'pino'
import { testDeps } from '../../test/helpers/deps.js'
import { sqliteStore } from '../../test/helpers/stores.js'
import { fetchUrl, type Resolver } from '../ingest/fetch/index.js'
import type { FetchDocument } from '../pipeline/feed-refresh.js'
import { REFRESH_FEED } from '../pipeline/scheduler.js'
import { addFeed, listFeeds } from './feeds.js'
import { feedJobHandlers, refreshFeed } from './feed-polling.js'

it('reports a failed refresh to its caller, and the worker logs it as a structured warning', async () => {
  const store = await sqliteStore()
  const lines: string[] = []
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) })
  const deps = {
    ...testDeps(store, { log: pino({ level: 'info' }, sink) }),
    fetchDocument: (url: string) => Promise.resolve({ ok: false as const, error: { code: 'http_status' as const, message: 'the server answered 500', url, status: 500 } }),
  }
  const added = await addFeed(deps, { url: 'https://down.example/feed', verify: false })
  assert.ok(added.ok)
  const id = added.value.feed.id
  const report = await refreshFeed(deps, id)
  assert.ok(report.ok && report.value.status === 'failed')
  assert.deepEqual(lines, [], 'the service leaves logging to its caller')
  await feedJobHandlers(deps)[REFRESH_FEED]?.({ id: 'job', kind: REFRESH_FEED, payload: { feedId: id }, attempts: 1 })
  const logged = lines.map((l) => JSON.parse(l) as { level: number; msg: string; feed_id: string })
  assert.deepEqual(logged.map((l) => [l.level, l.msg, l.feed_id]), [[40, 'feed refresh failed', id]])
  await store.close()
})

it('keeps what a refused feed name resolved to out of its stored error and the add answer, and in the log', async () => {
  const store = await sqliteStore()
  const lines: string[] = []
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) })
  // An internal name: this network's DNS says it is this machine.
  const internal: Resolver = async () => [{ address: '127.0.0.1', family: 4 }]
  const fetchDocument: FetchDocument = (url, options = {}) => fetchUrl(url, { ...options, resolver: internal })
  const deps = { ...testDeps(store, { log: pino({ level: 'info' }, sink) }), fetchDocument }
  const refused = await addFeed(deps, { url: 'https://runsc.example/feed' })
  assert.ok(!refused.ok)
  assert.deepEqual([refused.error.code, refused.error.message], ['blocked_address', 'refused: the address is not a public one'])
  const added = await addFeed(deps, { url: 'https://runsc.example/feed', verify: false })
  assert.ok(added.ok)
  await refreshFeed(deps, added.value.feed.id)
  const [feed] = await listFeeds(deps)
  assert.equal(feed?.lastError, 'refused: the address is not a public one (blocked_address)')
  assert.deepEqual(lines.map((l) => (JSON.parse(l) as { detail: string }).detail), Array(2).fill('runsc.example is 127.0.0.1, a loopback (this machine) address: refused (an admin can allow it with NEWSDESK_ALLOW_PRIVATE_HOSTS)'))
  await store.close()
})
