import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * quotes.cue_text: the cue as written ("criticised", "according to"), so a
 * quote shown away from its article (a person's page, search) can say how it
 * was said: "criticised: the plan". Filled for the quotes already stored from
 * their article's text, in JavaScript: offsets are UTF-16 indices, which the
 * databases' substr functions do not count in.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await sql`ALTER TABLE quotes ADD COLUMN cue_text TEXT`.execute(db)
  const BATCH = 500
  let after = ''
  for (;;) {
    const rows = await sql<{ id: string; cue_start: number; cue_end: number; body_text: string }>`
      SELECT q.id, q.cue_start, q.cue_end, a.body_text FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE q.cue_start IS NOT NULL AND q.cue_end IS NOT NULL AND q.id > ${after} ORDER BY q.id LIMIT ${BATCH}`.execute(db)
    for (const r of rows.rows) {
      await sql`UPDATE quotes SET cue_text = ${r.body_text.slice(Number(r.cue_start), Number(r.cue_end))} WHERE id = ${r.id}`.execute(db)
    }
    if (rows.rows.length < BATCH) break
    after = rows.rows[rows.rows.length - 1]?.id ?? after
  }
}
