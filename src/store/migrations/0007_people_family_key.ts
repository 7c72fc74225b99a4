import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * people.family_key: the last word of a full name's key ("chan" for "jeremy
 * chan"), indexed, so "Chan" finds the desk's Jeremy Chan by an index lookup.
 * It was `name_key LIKE '% chan'`, a read of the whole people table for every
 * family name an article uses alone (20 ms a lookup at 200,000 people).
 * Filled for the people already stored in JavaScript, with the rule new rows
 * had when this migration was written (familyKeyAt0007 below).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await sql`ALTER TABLE people ADD COLUMN family_key TEXT`.execute(db)
  const BATCH = 500
  let after = ''
  for (;;) {
    const rows = await sql<{ id: string; name_key: string }>`SELECT id, name_key FROM people WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(db)
    for (const r of rows.rows) {
      const key = familyKeyAt0007(r.name_key)
      if (key) await sql`UPDATE people SET family_key = ${key} WHERE id = ${r.id}`.execute(db)
    }
    if (rows.rows.length < BATCH) break
    after = rows.rows[rows.rows.length - 1]?.id ?? after
  }
  await sql`CREATE INDEX idx_people_family_key ON people (family_key)`.execute(db)
}

/**
 * The family name of a full name's key ("jeremy chan" → "chan"), as
 * people-repo's familyKeyOf had it when this migration was written. A frozen
 * copy, not an import: a migration must fill the column the same way on every
 * desk whenever it runs, so a later change to the repository's rule must not
 * change this backfill (that change would need a migration of its own).
 */
export function familyKeyAt0007(nameKey: string): string | null {
  const words = nameKey.split(' ')
  return words.length > 1 ? (words[words.length - 1] ?? null) : null
}
