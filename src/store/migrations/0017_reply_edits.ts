import type { Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * replies.edited_at: when the author last changed the reply's words (NULL
 * when never). A reply its author deleted keeps its row, with status
 * 'deleted' and no words, while answers hang under it; the status column is
 * plain text, so that needs no change here.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('replies').addColumn('edited_at', 'text').execute()
}
