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
