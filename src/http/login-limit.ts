import { normaliseUsername } from '../services/accounts.js'
import { fixedWindow } from './middleware/rate-limit.js'

const MAX_FAILED = 5
const WINDOW_MS = 15 * 60_000
// No account name is longer than 32 characters: cutting longer names keeps a flood of them from growing the keys.
const MAX_KEY_LENGTH = 64

/** Failed sign-ins per account name and client address, in the process (like the per-address write limit). */
export interface LoginLimiter {
  /** Counts an attempt on the account from this address: null when it may go ahead, else the milliseconds to wait. */
  attempt(username: string, address: string): number | null
  /** A successful sign-in clears the count of the account from this address. */
  succeeded(username: string, address: string): void
}

/**
 * At most five failed sign-ins per account name and client address in
 * fifteen minutes. Keyed by the name as typed (normalised), whether or not
 * such an account exists, so the limit says nothing about which names are
 * real; and by address, so someone failing on purpose locks out only
 * themselves, never the account's owner signing in from elsewhere. Attempts
 * are counted before the password is checked and cleared on success, so
 * parallel guesses cannot slip past the limit.
 */
export function loginLimiter(now: () => number): LoginLimiter {
  const failures = fixedWindow({ windowMs: WINDOW_MS, max: MAX_FAILED, now })
  const key = (username: string, address: string) => `${address}\u0000${normaliseUsername(username).slice(0, MAX_KEY_LENGTH)}`
  return {
    attempt: (username, address) => failures.hit(key(username, address)),
    succeeded: (username, address) => failures.reset(key(username, address)),
  }
}

/** What the sign-in form says when an account is over its limit. */
export function tooManySignIns(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000))
  return `Too many failed sign-ins for this account; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}
