import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { it } from 'node:test'
import pino from 'pino'
import { testDeps } from '../../test/helpers/deps.js'
import { sqliteStore } from '../../test/helpers/stores.js'
import { REFRESH_FEED } from '../pipeline/scheduler.js'
import { addFeed } from './feeds.js'
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
