import { after, before, describe } from 'node:test'
import pg from 'pg'
import { openStore, type Store } from '../../src/store/db.js'
import { migrate } from '../../src/store/migrations/index.js'

/** Where store tests look for PostgreSQL; set NEWSDESK_TEST_PG=off to skip it. */
const PG_URL = process.env.NEWSDESK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'

let pgReachable: Promise<boolean> | null = null

function checkPostgres(): Promise<boolean> {
  if (PG_URL === 'off') return Promise.resolve(false)
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => undefined)
    }
  })()
  return pgReachable
}

/** A migrated SQLite store in memory. */
export async function sqliteStore(): Promise<Store> {
  const store = openStore('sqlite::memory:')
  await migrate(store.db, store.dialect)
  return store
}

/** A migrated PostgreSQL store in a fresh schema of its own, dropped by `close()`. */
export async function postgresStore(): Promise<Store> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const store = openStore(PG_URL, { pgSchema: schema })
  await migrate(store.db, store.dialect)
  return {
    ...store,
    close: async () => {
      await store.close()
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`DROP SCHEMA ${schema} CASCADE`)
      await c.end()
    },
  }
}

/**
 * Runs a suite once on SQLite and once on PostgreSQL. When no PostgreSQL is
 * reachable the second run is skipped, and says so.
 */
export function forEachStore(name: string, suite: (getStore: () => Store) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    let store: Store | null = null
    const reachable = dialect === 'sqlite' ? true : checkPostgres()
    describe(`${name} [${dialect}]`, async () => {
      if (!(await reachable)) {
        console.warn(`PostgreSQL at ${PG_URL} not reachable: skipped "${name}" on PostgreSQL`)
        describe('skipped', { skip: 'PostgreSQL not reachable' }, () => undefined)
        return
      }
      before(async () => {
        store = dialect === 'sqlite' ? await sqliteStore() : await postgresStore()
      })
      after(async () => {
        await store?.close()
      })
      suite(() => {
        if (!store) throw new Error('store not open')
        return store
      })
    })
  }
}
