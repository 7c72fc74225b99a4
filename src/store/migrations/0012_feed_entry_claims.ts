import type { Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * feed_entries.claim_token: who holds an entry's retry. A refresh that
 * claims a due retry writes a fresh token with the lease (retry_at) and
 * hands the token to the entry's job; the job starts only by swapping that
 * token for its run's own (compare-and-set) and settles only while it still
 * holds it. Before, a lease that ran out while the job waited in a busy queue
 * let a later refresh claim the entry again, and both jobs tried the page and
 * counted the try. Null: no claim (nothing to retry, or a new entry's job,
 * which does not need one).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('feed_entries').addColumn('claim_token', 'text').execute()
}
