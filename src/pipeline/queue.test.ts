import assert from 'node:assert/strict'
import { it } from 'node:test'
import { forEachStore } from '../../test/helpers/stores.js'
import { createStoreQueue } from './queue.js'
import { drainQueue, PermanentJobError, runJob } from './worker.js'

forEachStore('job queue', (getStore) => {
  let clock = new Date('2024-05-01T10:00:00Z')
  const now = () => clock

  it('runs due jobs once, oldest first, and not future ones', async () => {
    const { db } = getStore()
    const queue = createStoreQueue(db, { now, workerId: 'w1' })
    await queue.enqueue('a', { n: 1 })
    clock = new Date(clock.getTime() + 1)
    await queue.enqueue('a', { n: 2 })
    await queue.enqueue('a', { n: 3 }, { runAt: new Date(clock.getTime() + 60_000) })
    const seen: { n: number }[] = []
    const ran = await drainQueue(queue, { a: async (job) => void seen.push(job.payload as { n: number }) })
    assert.equal(ran, 2)
    assert.deepEqual(seen, [{ n: 1 }, { n: 2 }])
    assert.equal(await queue.pending(), 1)
    clock = new Date(clock.getTime() + 61_000)
    await drainQueue(queue, { a: async (job) => void seen.push(job.payload as { n: number }) })
    assert.deepEqual(seen.at(-1), { n: 3 })
    assert.equal(await queue.pending(), 0)
  })

  it('never gives one job to two workers, and takes it back after the lease', async () => {
    const { db } = getStore()
    const w1 = createStoreQueue(db, { now, workerId: 'w1', leaseMs: 1000 })
    const w2 = createStoreQueue(db, { now, workerId: 'w2', leaseMs: 1000 })
    await w1.enqueue('b', {})
    const claims = await Promise.all([w1.claim(['b']), w2.claim(['b']), w1.claim(['b']), w2.claim(['b'])])
    assert.equal(claims.filter((c) => c !== null).length, 1)
    assert.equal(await w2.claim(['b']), null)
    clock = new Date(clock.getTime() + 2000)
    const retaken = await w2.claim(['b'])
    assert.ok(retaken !== null)
    assert.equal(retaken.attempts, 2)
    await w2.complete(retaken)
    assert.equal(await w1.pending(), 0)
  })

  it('retries a failing job with back-off and keeps it as dead after the last attempt', async () => {
    const { db } = getStore()
    const queue = createStoreQueue(db, { now, workerId: 'w1', maxAttempts: 2, backoffMs: () => 10_000 })
    await queue.enqueue('c', {})
    const failing = { c: async () => Promise.reject(new Error('site down')) }
    assert.equal(await drainQueue(queue, failing), 1)
    assert.equal(await drainQueue(queue, failing), 0, 'not due again before the back-off')
    clock = new Date(clock.getTime() + 10_001)
    assert.equal(await drainQueue(queue, failing), 1)
    clock = new Date(clock.getTime() + 10_001)
    assert.equal(await drainQueue(queue, failing), 0, 'dead after two attempts')
    const dead = await db.selectFrom('jobs').selectAll().where('kind', '=', 'c').executeTakeFirstOrThrow()
    assert.deepEqual([dead.status, dead.attempts, dead.last_error], ['dead', 2, 'site down'])
  })

  it('does not retry a permanent failure or an unknown kind', async () => {
    const { db } = getStore()
    const queue = createStoreQueue(db, { now, workerId: 'w1' })
    await queue.enqueue('d', {})
    const job = await queue.claim(['d'])
    assert.ok(job !== null)
    assert.equal(await runJob(queue, { d: async () => Promise.reject(new PermanentJobError('bad payload')) }, job), false)
    const row = await db.selectFrom('jobs').select(['status']).where('id', '=', job.id).executeTakeFirstOrThrow()
    assert.equal(row.status, 'dead')
  })
})
