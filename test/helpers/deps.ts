import pino from 'pino'
import { loadConfig } from '../../src/config/index.js'
import type { ServiceDeps } from '../../src/services/deps.js'
import type { Store } from '../../src/store/db.js'

/** Services over a test store, with a silent logger and a clock that ticks one second per call. */
export function testDeps(store: Store, overrides: Partial<ServiceDeps> = {}): ServiceDeps {
  let t = Date.parse('2026-01-01T00:00:00Z')
  return {
    store,
    config: loadConfig({ NEWSDESK_DATA_DIR: '/tmp/newsdesk-test-unused' }),
    log: pino({ level: 'silent' }),
    now: () => new Date((t += 1000)),
    ...overrides,
  }
}

/** Services whose fetcher may reach this machine's test servers (127.0.0.1 allowed), with the clock given. */
export function localFetchDeps(store: Store, now: () => Date, dataDir = '/nonexistent'): ServiceDeps {
  return { store, config: loadConfig({ NEWSDESK_DATA_DIR: dataDir, NEWSDESK_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }), log: pino({ level: 'silent' }), now }
}
