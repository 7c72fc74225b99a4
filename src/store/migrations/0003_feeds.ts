import type { Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/** Feeds and the job queue (filled in by the ingest edge's owner). */
export async function up(_db: Kysely<unknown>, _dialect: DialectName): Promise<void> {}
