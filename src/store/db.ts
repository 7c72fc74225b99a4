import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig, type Transaction } from 'kysely'
import pg from 'pg'
import { startCheckpointer } from './checkpointer.js'
import type { Database } from './schema/index.js'

export type DialectName = 'sqlite' | 'postgres'

/** What repositories run queries on: the database itself or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>

/** An open store: the Kysely handle plus what kind of engine is behind it. */
export interface Store {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
}

/**
 * Opens the database named by `url`: `sqlite:<path>` (or `sqlite::memory:`)
 * for the embedded default, `postgres://…` for PostgreSQL.
 */
export function openStore(url: string, options: { pgSchema?: string; sqlite?: SqliteTuning } = {}): Store {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, options.pgSchema)
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url
  return openSqlite(path, { ...SQLITE_DEFAULTS, ...options.sqlite })
}

/** Memory SQLite may use: page cache and memory-mapped reads, in megabytes. */
export interface SqliteTuning {
  cacheMb: number
  mmapMb: number
}

// A 64 MB page cache: the relate tables' indexes are read and written on every article.
const SQLITE_DEFAULTS: SqliteTuning = { cacheMb: 64, mmapMb: 0 }

function openSqlite(path: string, tuning: SqliteTuning): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new SQLite(path)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  // Several processes (serve, import, worker) may write: wait instead of failing.
  database.pragma('busy_timeout = 10000')
  // WAL checkpoints run in a worker thread (checkpointer.ts). A writer that never pauses (a bulk import writes
  // about 250 kB of log per article) outruns it: the writer's own checkpoint at 64 MB of log then bounds the
  // file (it reached 400 MB for a 8 MB database), and the log is cut back to 64 MB once it starts over.
  const checkpointer = path === ':memory:' ? null : startCheckpointer(path)
  database.pragma(`wal_autocheckpoint = ${checkpointer ? 16_384 : 20_000}`)
  database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`)
  database.pragma(`cache_size = -${Math.round(tuning.cacheMb * 1024)}`)
  if (tuning.mmapMb > 0) database.pragma(`mmap_size = ${Math.round(tuning.mmapMb * 1024 * 1024)}`)
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database, 500) }) })
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpointer?.stop()
      await db.destroy()
    },
  }
}

/**
 * Kysely prepares every statement it runs; SQLite then parses and plans the
 * same SQL again and again (a tenth of a bulk load's time). Prepared
 * statements are kept by their SQL text, the least recently used dropped
 * past `size`. Safe because nothing here streams results: a statement is
 * done with before the next query runs.
 */
function withStatementCache(database: SQLite.Database, size: number): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>()
  const prepare = (sql: string): SQLite.Statement => {
    const hit = cache.get(sql)
    if (hit) {
      cache.delete(sql)
      cache.set(sql, hit)
      return hit
    }
    const statement = database.prepare(sql)
    cache.set(sql, statement)
    if (cache.size > size) cache.delete(cache.keys().next().value as string)
    return statement
  }
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

/**
 * Transactions begin IMMEDIATE: they take the write lock at BEGIN, so a second
 * process waits (busy_timeout) instead of failing with "database is locked"
 * when a transaction that read first tries to write.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

function openPostgres(url: string, schema?: string): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}
