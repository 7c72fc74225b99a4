import { sql, type Kysely, type Transaction } from 'kysely'
import { parseJson } from '../../lib/json.js'
import type { Database, RelateDocsTable } from '../schema/index.js'

type Db = Kysely<Database> | Transaction<Database>

/** Rows per multi-row statement: far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 400

/** An indexed article as Similar Posts reads it. */
export interface RelateDoc {
  articleId: string
  urlKey: string | null
  day: number | null
  terms: Record<string, number>
  names: string[]
  minhash: string
  clusterId: string
}

interface FeaturesJson {
  t?: Record<string, number>
  n?: string[]
}

function toDoc(r: RelateDocsTable): RelateDoc {
  const f = parseJson<FeaturesJson>(r.features, {})
  return { articleId: r.article_id, urlKey: r.url_key, day: r.day, terms: f.t ?? {}, names: f.n ?? [], minhash: r.minhash, clusterId: r.cluster_id }
}

export async function getRelateDoc(db: Db, articleId: string): Promise<RelateDoc | null> {
  const row = await db.selectFrom('relate_docs').selectAll().where('article_id', '=', articleId).executeTakeFirst()
  return row ? toDoc(row) : null
}

export async function relateDocsByIds(db: Db, ids: string[]): Promise<RelateDoc[]> {
  const out: RelateDoc[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('relate_docs').selectAll().where('article_id', 'in', ids.slice(i, i + CHUNK)).execute()
    for (const r of rows) out.push(toDoc(r))
  }
  return out
}

export async function insertRelateDoc(trx: Transaction<Database>, doc: RelateDoc): Promise<void> {
  await trx
    .insertInto('relate_docs')
    .values({
      article_id: doc.articleId,
      url_key: doc.urlKey,
      day: doc.day,
      features: JSON.stringify({ t: doc.terms, n: doc.names }),
      minhash: doc.minhash,
      cluster_id: doc.clusterId,
    })
    .execute()
}

export async function deleteRelateDoc(trx: Transaction<Database>, articleId: string): Promise<void> {
  await trx.deleteFrom('relate_docs').where('article_id', '=', articleId).execute()
}

/**
 * Adds each term's delta to its document frequency and returns the new
 * frequencies of every term given (delta 0 included). Rows are written in
 * sorted order; callers take the relate_meta lock first (addDocCount), so two
 * concurrent writers on PostgreSQL queue instead of deadlocking.
 */
export async function addDocumentFrequencies(trx: Transaction<Database>, deltas: Map<string, number>): Promise<Map<string, number>> {
  const sorted = [...deltas].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const out = new Map<string, number>()
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const rows = await trx
      .insertInto('relate_df')
      .values(sorted.slice(i, i + CHUNK).map(([term, df]) => ({ term, df })))
      .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ df: eb('relate_df.df', '+', eb.ref('excluded.df')) })))
      .returning(['term', 'df'])
      .execute()
    for (const r of rows) out.set(r.term, Number(r.df))
  }
  const gone = [...out].filter(([, df]) => df <= 0).map(([t]) => t)
  for (let i = 0; i < gone.length; i += CHUNK) await trx.deleteFrom('relate_df').where('term', 'in', gone.slice(i, i + CHUNK)).execute()
  return out
}

export async function documentFrequencies(db: Db, terms: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  const unique = [...new Set(terms)]
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('relate_df').select(['term', 'df']).where('term', 'in', unique.slice(i, i + CHUNK)).execute()
    for (const r of rows) out.set(r.term, Number(r.df))
  }
  return out
}

/**
 * Adds `delta` to the number of indexed articles and returns the new count.
 * Every relate write calls this first: on PostgreSQL the row lock serialises
 * relate writers, which keeps df row locks from deadlocking.
 */
export async function addDocCount(trx: Transaction<Database>, delta: number): Promise<number> {
  const row = await trx
    .insertInto('relate_meta')
    .values({ key: 'docs', value: delta })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('relate_meta.value', '+', eb.ref('excluded.value')) })))
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

export async function docCount(db: Db): Promise<number> {
  const row = await db.selectFrom('relate_meta').select('value').where('key', '=', 'docs').executeTakeFirst()
  return row ? Number(row.value) : 0
}

export async function insertPostings(trx: Transaction<Database>, articleId: string, weights: Map<string, number>): Promise<void> {
  const rows = [...weights].map(([term, weight]) => ({ term, article_id: articleId, weight }))
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('relate_terms').values(rows.slice(i, i + CHUNK)).execute()
}

export async function deletePostings(trx: Transaction<Database>, articleId: string, terms: string[]): Promise<void> {
  for (let i = 0; i < terms.length; i += CHUNK) {
    await trx.deleteFrom('relate_terms').where('article_id', '=', articleId).where('term', 'in', terms.slice(i, i + CHUNK)).execute()
  }
}

/** The `limit` articles in which `term` weighs most: impact-ordered postings bound the work per query term. */
export async function topPostings(db: Db, term: string, limit: number): Promise<{ articleId: string; weight: number }[]> {
  const rows = await db
    .selectFrom('relate_terms')
    .select(['article_id', 'weight'])
    .where('term', '=', term)
    .orderBy('weight', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ articleId: r.article_id, weight: Number(r.weight) }))
}

export async function insertBands(trx: Transaction<Database>, articleId: string, bands: string[]): Promise<void> {
  if (bands.length === 0) return
  await trx.insertInto('relate_bands').values(bands.map((band) => ({ band, article_id: articleId }))).execute()
}

export async function deleteBands(trx: Transaction<Database>, articleId: string, bands: string[]): Promise<void> {
  if (bands.length === 0) return
  await trx.deleteFrom('relate_bands').where('article_id', '=', articleId).where('band', 'in', bands).execute()
}

/** Articles sharing at least one band key or the URL key with the given ones: copy candidates. */
export async function copyCandidates(db: Db, bands: string[], urlKey: string | null, exclude: string): Promise<string[]> {
  const ids = new Set<string>()
  if (bands.length > 0) {
    const rows = await db.selectFrom('relate_bands').select('article_id').distinct().where('band', 'in', bands).execute()
    for (const r of rows) ids.add(r.article_id)
  }
  if (urlKey) {
    const rows = await db.selectFrom('relate_docs').select('article_id').where('url_key', '=', urlKey).execute()
    for (const r of rows) ids.add(r.article_id)
  }
  ids.delete(exclude)
  return [...ids]
}

export async function clusterMembers(db: Db, clusterId: string): Promise<string[]> {
  const rows = await db.selectFrom('relate_docs').select('article_id').where('cluster_id', '=', clusterId).orderBy('article_id').execute()
  return rows.map((r) => r.article_id)
}

/** Moves every member of the clusters `from` into cluster `to`. */
export async function mergeClusters(trx: Transaction<Database>, from: string[], to: string): Promise<void> {
  const others = from.filter((c) => c !== to)
  if (others.length === 0) return
  await trx.updateTable('relate_docs').set({ cluster_id: to }).where('cluster_id', 'in', others).execute()
}

/** Of `ids`, those whose cluster is led by another article. */
export async function nonPrimaryIds(db: Db, ids: string[]): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('relate_docs')
      .select('article_id')
      .where('article_id', 'in', ids.slice(i, i + CHUNK))
      .whereRef('cluster_id', '!=', 'article_id')
      .execute()
    for (const r of rows) out.push(r.article_id)
  }
  return out
}

/** Size of the relate tables, for benchmarks and the admin page. */
export async function relateCounts(db: Db): Promise<{ docs: number; postings: number; terms: number; bands: number }> {
  const n = async (table: 'relate_docs' | 'relate_terms' | 'relate_df' | 'relate_bands'): Promise<number> => {
    const r = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)
    return Number(r.rows[0]?.n ?? 0)
  }
  return { docs: await n('relate_docs'), postings: await n('relate_terms'), terms: await n('relate_df'), bands: await n('relate_bands') }
}

/** After the first article of a cluster is removed, the next oldest member leads it. Returns the new leader. */
export async function reassignCluster(trx: Transaction<Database>, removedId: string): Promise<string | null> {
  const members = await clusterMembers(trx, removedId)
  const rest = members.filter((m) => m !== removedId)
  const leader = rest[0]
  if (leader === undefined) return null
  await trx.updateTable('relate_docs').set({ cluster_id: leader }).where('cluster_id', '=', removedId).where('article_id', '!=', removedId).execute()
  return leader
}
