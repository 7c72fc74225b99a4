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

/** How long a claimed retry (and then its running try) holds the entry before a refresh may offer it again. */
export const ENTRY_RETRY_LEASE_MS = 30 * 60_000

/**
 * How long a new (or updated) entry's first try holds it: its job may wait
 * behind others in the queue. A first try whose job dies is then due like a
 * retry, and the job of a claim that ran out finds its token gone.
 */
export const ENTRY_FIRST_TRY_LEASE_MS = 60 * 60_000

/** When a lease of `leaseMs` taken at `now` runs out, as stored (ISO text). */
export function leaseEnd(now: Date, leaseMs: number): string {
  return new Date(now.getTime() + leaseMs).toISOString()
}

/** Most tries at a feed entry's page before the desk gives up on it. */
export const MAX_ENTRY_ATTEMPTS = 5

/** The wait before the second try at an entry's page; each later try waits four times longer (15 min, 1 h, 4 h, 16 h). */
const FIRST_ENTRY_RETRY_MINUTES = 15

/** When to try an entry's page again after its `attempts`-th failed try, or null when that was the last. */
export function nextEntryRetry(now: Date, attempts: number): Date | null {
  if (attempts >= MAX_ENTRY_ATTEMPTS) return null
  return new Date(now.getTime() + FIRST_ENTRY_RETRY_MINUTES * 4 ** Math.max(0, attempts - 1) * 60_000)
}

/**
 * Whether a page that could not be fetched may load later: a missing page
 * (often published after its feed entry), a server error, a rate limit, a
 * timeout or a refused connection. A refused address, a type that is no
 * page, a page too large or a redirect loop stays as it is.
 */
export function isTransientPageFailure(error: { code: string; status?: number }): boolean {
  if (error.code === 'timeout' || error.code === 'network') return true
  if (error.code !== 'http_status' || error.status === undefined) return false
  return error.status === 404 || error.status === 408 || error.status === 425 || error.status === 429 || error.status >= 500
}
