import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isTransientPageFailure, nextCheckAfterError, nextCheckAfterSuccess, nextEntryRetry } from './schedule-policy.js'

const now = new Date('2024-05-01T00:00:00Z')
const minutesAfter = (d: Date): number => (d.getTime() - now.getTime()) / 60_000

describe('feed schedule policy', () => {
  it('uses the desk interval, lengthened (never shortened) by TTL and Cache-Control', () => {
    const cases: [number, { ttlMinutes?: number; maxAgeSeconds?: number }, number][] = [
      [60, {}, 60],
      [60, { ttlMinutes: 30 }, 60],
      [60, { ttlMinutes: 180 }, 180],
      [60, { maxAgeSeconds: 7200 }, 120],
      [60, { maxAgeSeconds: 60 }, 60],
      [60, { ttlMinutes: 100_000 }, 1440],
    ]
    for (const [interval, hints, expected] of cases) assert.equal(minutesAfter(nextCheckAfterSuccess(now, interval, hints)), expected, JSON.stringify(hints))
  })

  it('backs off exponentially on errors, capped at a day, and honours Retry-After', () => {
    assert.deepEqual([1, 2, 3, 4, 10].map((n) => minutesAfter(nextCheckAfterError(now, 30, n))), [30, 60, 120, 240, 1440])
    assert.equal(minutesAfter(nextCheckAfterError(now, 30, 1, 7200)), 120)
    assert.equal(minutesAfter(nextCheckAfterError(now, 30, 3, 60)), 120)
  })

  it('tries a failed entry page again after 15 min, 1 h, 4 h and 16 h, then gives up', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => minutesAfter(nextEntryRetry(now, n) as Date)), [15, 60, 240, 960])
    assert.equal(nextEntryRetry(now, 5), null)
  })

  it('retries missing pages, server errors and network failures, not refusals', () => {
    const transient = [{ code: 'http_status', status: 404 }, { code: 'http_status', status: 503 }, { code: 'http_status', status: 429 }, { code: 'timeout' }, { code: 'network' }]
    const permanent = [{ code: 'http_status', status: 403 }, { code: 'http_status', status: 410 }, { code: 'blocked_address' }, { code: 'bad_content_type', status: 200 }, { code: 'too_large' }]
    assert.deepEqual(transient.map(isTransientPageFailure), transient.map(() => true))
    assert.deepEqual(permanent.map(isTransientPageFailure), permanent.map(() => false))
  })
})
