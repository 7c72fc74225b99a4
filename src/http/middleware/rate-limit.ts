import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/**
 * A fixed-window limit per client address for writes (forms and API posts).
 * It lives in the process: with several server processes each counts alone,
 * which still bounds abuse per process.
 */
export function rateLimit(options: { windowMs: number; max: number; trustProxy?: boolean; now?: () => number }): MiddlewareHandler {
  const hits = new Map<string, { count: number; resetAt: number }>()
  const now = options.now ?? Date.now
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const key = clientKey(c, options.trustProxy ?? false)
    const t = now()
    let entry = hits.get(key)
    if (!entry || entry.resetAt <= t) {
      entry = { count: 0, resetAt: t + options.windowMs }
      hits.set(key, entry)
      if (hits.size > 10_000) prune(hits, t)
    }
    entry.count++
    if (entry.count > options.max) {
      c.header('Retry-After', String(Math.ceil((entry.resetAt - t) / 1000)))
      if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'rate_limited', message: 'too many requests: wait a minute' } }, 429)
      return c.text('Too many requests: wait a minute and try again.', 429)
    }
    return next()
  }
}

function clientKey(c: Context, trustProxy: boolean): string {
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
