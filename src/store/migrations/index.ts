import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'
import type { Database } from '../schema/index.js'
import * as m0001 from './0001_core.js'
import * as m0002 from './0002_relate.js'
import * as m0003 from './0003_feeds.js'
import * as m0004 from './0004_quote_search.js'
import * as m0005 from './0005_article_search_by_id.js'
import * as m0006 from './0006_quote_cue_text.js'
import * as m0007 from './0007_people_family_key.js'
import * as m0008 from './0008_feed_entry_retries.js'
import * as m0009 from './0009_article_search_vector.js'
import * as m0010 from './0010_article_external_id.js'
import * as m0012 from './0012_feed_entry_claims.js'
import * as m0014 from './0014_people_plain_letters.js'
import * as m0015 from './0015_quote_search_vector.js'
import * as m0016 from './0016_feed_entry_try_started.js'
import * as m0017 from './0017_reply_edits.js'

interface Migration {
  id: number
  name: string
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>
}

/**
 * Every migration, in order. Forward-only: once a migration has shipped it is
 * never edited; a change is a new, higher-numbered migration.
 */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'core', up: m0001.up },
  { id: 2, name: 'relate', up: m0002.up },
  { id: 3, name: 'feeds', up: m0003.up },
  { id: 4, name: 'quote_search', up: m0004.up },
  { id: 5, name: 'article_search_by_id', up: m0005.up },
  { id: 6, name: 'quote_cue_text', up: m0006.up },
  { id: 7, name: 'people_family_key', up: m0007.up },
  { id: 8, name: 'feed_entry_retries', up: m0008.up },
  { id: 9, name: 'article_search_vector', up: m0009.up },
  { id: 10, name: 'article_external_id', up: m0010.up },
  // 11 and 13 were held for parallel branches that needed no migration: ids need not be consecutive, only increasing.
  { id: 12, name: 'feed_entry_claims', up: m0012.up },
  { id: 14, name: 'people_plain_letters', up: m0014.up },
  { id: 15, name: 'quote_search_vector', up: m0015.up },
  { id: 16, name: 'feed_entry_try_started', up: m0016.up },
  { id: 17, name: 'reply_edits', up: m0017.up },
]

/** Applies the migrations not yet applied, each in its own transaction. Returns their names. */
export async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  await db.schema
    .createTable('newsdesk_migrations')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute()
  const applied: string[] = []
  for (const migration of MIGRATIONS) {
    const done = await applyOne(db, dialect, migration)
    if (done) applied.push(`${migration.id}_${migration.name}`)
  }
  return applied
}

async function applyOne(db: Kysely<Database>, dialect: DialectName, migration: Migration): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') {
      // Serialise concurrent starters (serve + worker) on one lock per migration.
      await sql`SELECT pg_advisory_xact_lock(${7_400_000 + migration.id})`.execute(trx)
    }
    const row = await trx.selectFrom('newsdesk_migrations').select('id').where('id', '=', migration.id).executeTakeFirst()
    if (row) return false
    await migration.up(trx as unknown as Kysely<unknown>, dialect)
    await trx
      .insertInto('newsdesk_migrations')
      .values({ id: migration.id, name: migration.name, applied_at: new Date().toISOString() })
      .execute()
    return true
  })
}
