import { spawnSync } from 'node:child_process'
import { after, before, describe } from 'node:test'
import pg from 'pg'
import { openStore, type Store } from '../../src/store/db.js'
import { migrate } from '../../src/store/migrations/index.js'

/** Where store tests look for PostgreSQL; set NEWSDESK_TEST_PG=off to skip it. */
const PG_URL = process.env.NEWSDESK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'

let pgReachable: boolean | null = null

/**
 * Whether PostgreSQL answers, asked once per process and synchronously (in a
 * child process), so suites can be declared, or skipped, before any test runs.
 */
function postgresReachable(): boolean {
  if (PG_URL === 'off') return false
  if (pgReachable === null) {
    const probe = `const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:1500});c.connect().then(()=>c.query('SELECT 1')).then(()=>process.exit(0),()=>process.exit(1))`
    pgReachable = spawnSync(process.execPath, ['-e', probe, PG_URL], { timeout: 5000 }).status === 0
  }
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
    if (dialect === 'postgres' && !postgresReachable()) {
      console.warn(`PostgreSQL at ${PG_URL} not reachable: skipped "${name}" on PostgreSQL`)
      describe(`${name} [postgres]`, { skip: `PostgreSQL not reachable at ${PG_URL}` }, () => undefined)
      continue
    }
    let store: Store | null = null
    describe(`${name} [${dialect}]`, () => {
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
