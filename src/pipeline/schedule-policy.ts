/**
 * When to look at a feed again: pure rules, so they can be tested alone.
 * The desk's interval is the floor; a server asking for less traffic
 * (TTL, Cache-Control max-age, Retry-After) only ever lengthens it; errors
 * back off exponentially.
 */

export const MAX_INTERVAL_MINUTES = 24 * 60

export interface SuccessHints {
  ttlMinutes?: number | null
  maxAgeSeconds?: number | null
}

export function nextCheckAfterSuccess(now: Date, intervalMinutes: number, hints: SuccessHints = {}): Date {
  const fromTtl = hints.ttlMinutes ?? 0
  const fromCache = (hints.maxAgeSeconds ?? 0) / 60
  const minutes = Math.min(Math.max(intervalMinutes, fromTtl, fromCache), Math.max(MAX_INTERVAL_MINUTES, intervalMinutes))
  return new Date(now.getTime() + minutes * 60_000)
}

/** After the n-th consecutive error (1-based): interval × 2^(n-1), capped at a day, never sooner than Retry-After. */
export function nextCheckAfterError(now: Date, intervalMinutes: number, errorCount: number, retryAfterSeconds?: number | null): Date {
  const backoff = Math.min(intervalMinutes * 2 ** Math.max(0, errorCount - 1), Math.max(MAX_INTERVAL_MINUTES, intervalMinutes))
  const minutes = Math.max(backoff, (retryAfterSeconds ?? 0) / 60)
  return new Date(now.getTime() + minutes * 60_000)
}
