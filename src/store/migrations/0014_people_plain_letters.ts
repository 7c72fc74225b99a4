import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * Person keys fold letters that Unicode decomposition leaves alone ("ł", "ø",
 * "ß" …), so "Jarosław Kaczyński" and "Jaroslaw Kaczynski" are one person.
 * Re-keys the people already stored, and merges the records that now share a
 * key, as a desk that had folded these letters from the start would hold them
 * (namesakes with different organisations stay apart). The letter table and
 * the merge are this migration's own, frozen: a later change to the live rules
 * (analyse/people.ts, services/people.ts) must not change what it did.
 */
const PLAIN_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i' }
const FOLDED = /[łøđðßæœþı]/g

interface PersonRow {
  id: string
  name: string
  name_key: string
  aliases: string
  roles: string
  organisations: string
  co_mentions: string
}

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  const rekeyed = new Set<string>()
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
      rekeyed.add(key)
    }
    if (rows.rows.length < BATCH) break
    after = rows.rows[rows.rows.length - 1]?.id ?? after
  }
  for (const key of rekeyed) await mergeSameKey(db, key)
}

/** The records of one key become one, the oldest, unless their organisations differ (namesakes). */
async function mergeSameKey(db: Kysely<unknown>, key: string): Promise<void> {
  const rows = (await sql<PersonRow>`SELECT id, name, name_key, aliases, roles, organisations, co_mentions FROM people WHERE name_key = ${key} ORDER BY created_at, id`.execute(db)).rows
  const [survivor, ...others] = rows
  if (!survivor) return
  for (const other of others) {
    if (!sameOrMissing(list(survivor.organisations), list(other.organisations))) continue
    await sql`UPDATE quotes SET person_id = ${survivor.id} WHERE person_id = ${other.id}`.execute(db)
    await sql`UPDATE article_entities SET person_id = ${survivor.id} WHERE person_id = ${other.id}`.execute(db)
    survivor.name = other.name.length > survivor.name.length ? other.name : survivor.name
    for (const field of ['aliases', 'roles', 'organisations', 'co_mentions'] as const) survivor[field] = JSON.stringify([...new Set([...list(survivor[field]), ...list(other[field])])])
    await sql`DELETE FROM people WHERE id = ${other.id}`.execute(db)
  }
  await sql`UPDATE people SET name = ${survivor.name}, aliases = ${survivor.aliases}, roles = ${survivor.roles}, organisations = ${survivor.organisations}, co_mentions = ${survivor.co_mentions} WHERE id = ${survivor.id}`.execute(db)
}

function list(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

function sameOrMissing(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true
  const lower = new Set(a.map((o) => o.toLowerCase()))
  return b.some((o) => lower.has(o.toLowerCase()))
}
