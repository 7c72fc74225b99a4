import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * Person keys fold letters that Unicode decomposition leaves alone ("ł", "ø",
 * "ß" …), so "Jarosław Kaczyński" and "Jaroslaw Kaczynski" are one person.
 * Re-keys the people already stored. The letter table is this migration's
 * own copy, frozen: a later change to the live rule (analyse/people.ts) must
 * not change what this migration did.
 */
const PLAIN_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i' }
const FOLDED = /[łøđðßæœþı]/g

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  const BATCH = 500
  let after = ''
  for (;;) {
    const rows = await sql<{ id: string; name_key: string }>`SELECT id, name_key FROM people WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(db)
    for (const r of rows.rows) {
      const key = r.name_key.replace(FOLDED, (c) => PLAIN_LETTERS[c] ?? c)
      if (key === r.name_key) continue
      const words = key.split(' ')
      const family = words.length > 1 ? (words[words.length - 1] ?? null) : null
      await sql`UPDATE people SET name_key = ${key}, family_key = ${family} WHERE id = ${r.id}`.execute(db)
    }
    if (rows.rows.length < BATCH) break
    after = rows.rows[rows.rows.length - 1]?.id ?? after
  }
}
