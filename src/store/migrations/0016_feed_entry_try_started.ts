import type { Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * feed_entries.try_started_at: when the try that now holds the entry
 * started (null when none runs). A try is counted (`attempts`) when it
 * starts, so a try that never settles (its process crashed, ran out of
 * memory on a hostile page, or was killed) is still a try: once its lease
 * runs out, the next refresh finds it by this column, records it as failed
 * ("the try did not finish") and tries again on the entry schedule, giving
 * up after the last try. Before, such an entry was claimed again without a
 * try counted, and a page that stopped the process every time was tried for
 * ever. The column also keeps a first try that is running out of the
 * failures listed. Tries running while this migration ran have none and are
 * taken over as before, uncounted.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('feed_entries').addColumn('try_started_at', 'text').execute()
}
