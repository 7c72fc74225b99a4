import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** Fixed-window hit counts per key, kept in the process. */
export interface FixedWindow {
  /** Counts one hit for `key`: null while within the limit, else the milliseconds until its window ends. */
  hit(key: string): number | null
  /** Forgets the key's hits. */
  reset(key: string): void
}

/** At most `max` hits per key in each window of `windowMs`. */
export function fixedWindow(options: { windowMs: number; max: number; now?: () => number }): FixedWindow {
  const hits = new Map<string, { count: number; resetAt: number }>()
  const now = options.now ?? Date.now
  return {
    hit(key) {
      const t = now()
      let entry = hits.get(key)
      if (!entry || entry.resetAt <= t) {
        entry = { count: 0, resetAt: t + options.windowMs }
        hits.set(key, entry)
        if (hits.size > 10_000) prune(hits, t)
      }
      entry.count++
      return entry.count > options.max ? entry.resetAt - t : null
    },
    reset(key) {
      hits.delete(key)
    },
  }
}

/**
 * A fixed-window limit per client address for writes (forms and API posts).
 * It lives in the process: with several server processes each counts alone,
 * which still bounds abuse per process.
 */
export function rateLimit(options: { windowMs: number; max: number; trustProxy?: boolean; now?: () => number }): MiddlewareHandler {
  const writes = fixedWindow(options)
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const waitMs = writes.hit(clientKey(c, options.trustProxy ?? false))
    if (waitMs !== null) {
      setRetryAfter(c, waitMs)
      if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'rate_limited', message: 'too many requests: wait a minute' } }, 429)
      return c.text('Too many requests: wait a minute and try again.', 429)
    }
    return next()
  }
}

/** Tells the client how long to wait (whole seconds, rounded up). */
export function setRetryAfter(c: Context, waitMs: number): void {
  c.header('Retry-After', String(Math.ceil(waitMs / 1000)))
}

/** The client's address: the connection's, or the last X-Forwarded-For hop when a trusted proxy sits in front. */
export function clientKey(c: Context, trustProxy: boolean): string {
  // The last entry is the one our proxy appended; the ones before it are whatever the client sent.
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').pop()?.trim() : undefined
  if (forwarded) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function prune(hits: Map<string, { resetAt: number }>, t: number): void {
  for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k)
}
