import { sql, type Transaction } from 'kysely'
import { parseJson } from '../../lib/json.js'
import type { Database, RelateDocsTable } from '../schema/index.js'
import type { Db } from '../db.js'

/** Rows per multi-row statement: far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 400

/** An indexed article as Similar Posts reads it. */
export interface RelateDoc {
  articleId: string
  urlKey: string | null
  day: number | null
  /** Term → tf weight (before IDF). */
  terms: Map<string, number>
  names: string[]
  /** Verbatim quotes of the article (shortened). */
  quotes: string[]
  /** The postings written for it (term → weight), so they can be deleted by key. */
  postings: Map<string, number>
  minhash: string
  clusterId: string
}

/**
 * Stored form of the features, compact because every Similar Posts query
 * parses dozens of them: terms as one space-separated string (posted terms
 * first), their weights and the posting weights as arrays.
 */
interface FeaturesJson {
  t?: string
  w?: number[]
  p?: number[]
  n?: string[]
  q?: string[]
}

function encodeFeatures(doc: RelateDoc): string {
  const posted = [...doc.postings.keys()]
  const rest = [...doc.terms.keys()].filter((t) => !doc.postings.has(t))
  const order = [...posted, ...rest]
  return JSON.stringify({ t: order.join(' '), w: order.map((t) => doc.terms.get(t) ?? 0), p: [...doc.postings.values()], n: doc.names, q: doc.quotes })
}

function toDoc(r: RelateDocsTable): RelateDoc {
  const f = parseJson<FeaturesJson>(r.features, {})
  const order = f.t ? f.t.split(' ') : []
  const w = f.w ?? []
  const p = f.p ?? []
  const terms = new Map<string, number>()
  const postings = new Map<string, number>()
  order.forEach((t, i) => {
    terms.set(t, w[i] ?? 0)
    if (i < p.length) postings.set(t, p[i] ?? 0)
  })
  return { articleId: r.article_id, urlKey: r.url_key, day: r.day, terms, names: f.n ?? [], quotes: f.q ?? [], postings, minhash: r.minhash, clusterId: r.cluster_id }
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
      features: encodeFeatures(doc),
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

export async function insertPostings(trx: Transaction<Database>, articleId: string, postings: Map<string, number>): Promise<void> {
  const rows = [...postings].map(([term, weight]) => ({ term, weight, article_id: articleId }))
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('relate_terms').values(rows.slice(i, i + CHUNK)).execute()
}

/** Deletes postings by their full key: a term's list is ordered by weight, so the weight finds the row directly. */
export async function deletePostings(trx: Transaction<Database>, articleId: string, postings: Map<string, number>): Promise<void> {
  for (const [term, weight] of postings) {
    await trx.deleteFrom('relate_terms').where('term', '=', term).where('weight', '=', weight).where('article_id', '=', articleId).execute()
  }
}

/**
 * Candidates of a Similar Posts query: for each query term, the `perTerm`
 * articles in which it weighs most (impact-ordered postings bound the work
 * per term), scored by the sum of query weight × posting weight, best
 * `limit` first. One statement: a UNION ALL of per-term range reads (each a
 * backward scan of the key), summed in the database so only `limit` rows
 * come back instead of every posting read.
 */
export async function postingCandidates(db: Db, query: [term: string, weight: number][], perTerm: number, limit: number): Promise<{ articleId: string; score: number }[]> {
  if (query.length === 0 || limit <= 0) return []
  const arms = query.map(
    ([t, w]) => sql`SELECT article_id, weight * ${w} AS w FROM (SELECT article_id, weight FROM relate_terms WHERE term = ${t} ORDER BY weight DESC LIMIT ${perTerm}) AS p`,
  )
  const rows = await sql<{ article_id: string; score: number | string }>`SELECT article_id, sum(w) AS score FROM (${sql.join(arms, sql` UNION ALL `)}) AS m
    GROUP BY article_id ORDER BY score DESC, article_id LIMIT ${limit}`.execute(db)
  return rows.rows.map((r) => ({ articleId: r.article_id, score: Number(r.score) }))
}

export async function insertBands(trx: Transaction<Database>, articleId: string, bands: string[]): Promise<void> {
  if (bands.length === 0) return
  await trx.insertInto('relate_bands').values(bands.map((band) => ({ band, article_id: articleId }))).execute()
}

export async function deleteBands(trx: Transaction<Database>, articleId: string, bands: string[]): Promise<void> {
  if (bands.length === 0) return
  await trx.deleteFrom('relate_bands').where('article_id', '=', articleId).where('band', 'in', bands).execute()
}

/** Members read per band key: a key shared by hundreds of articles comes from boilerplate, not from a copy. */
export const BAND_READ_LIMIT = 100
/** Band candidates whose signatures are compared, those sharing the most band keys first. */
export const BAND_CANDIDATES = 24

/**
 * Copy candidates: articles with the same URL key, and those sharing the
 * most band keys with the given ones. Work is bounded whatever the corpus
 * size: each band key reads its newest BAND_READ_LIMIT members (ids are
 * time-ordered), and only the BAND_CANDIDATES sharing the most keys are
 * returned (a true copy shares several keys; boilerplate shares one).
 */
export async function copyCandidates(db: Db, bands: string[], urlKey: string | null, exclude: string): Promise<string[]> {
  const ids = new Set<string>()
  if (bands.length > 0) {
    const arms = [...new Set(bands)].map(
      (b) => sql`SELECT * FROM (SELECT article_id FROM relate_bands WHERE band = ${b} ORDER BY article_id DESC LIMIT ${BAND_READ_LIMIT}) AS b`,
    )
    const rows = await sql<{ article_id: string; shared: number | string }>`SELECT article_id, count(*) AS shared FROM (${sql.join(arms, sql` UNION ALL `)}) AS m
      WHERE article_id <> ${exclude} GROUP BY article_id ORDER BY count(*) DESC, article_id DESC LIMIT ${BAND_CANDIDATES}`.execute(db)
    for (const r of rows.rows) ids.add(r.article_id)
  }
  if (urlKey) {
    const rows = await db.selectFrom('relate_docs').select('article_id').where('url_key', '=', urlKey).execute()
    for (const r of rows) ids.add(r.article_id)
  }
  ids.delete(exclude)
  return [...ids]
}

/** What a copy check needs of an indexed article. */
export interface CopyInfo {
  articleId: string
  urlKey: string | null
  minhash: string
  clusterId: string
}

/** Copy-check data of the given articles, without parsing their features. */
export async function copyInfo(db: Db, ids: string[]): Promise<CopyInfo[]> {
  const out: CopyInfo[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('relate_docs')
      .select(['article_id', 'url_key', 'minhash', 'cluster_id'])
      .where('article_id', 'in', ids.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) out.push({ articleId: r.article_id, urlKey: r.url_key, minhash: r.minhash, clusterId: r.cluster_id })
  }
  return out
}

export async function clusterMembers(db: Db, clusterId: string): Promise<string[]> {
  const rows = await db.selectFrom('relate_docs').select('article_id').where('cluster_id', '=', clusterId).orderBy('article_id').execute()
  return rows.map((r) => r.article_id)
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

/** Of `ids`, the hidden copies with the article that leads their cluster (the copy lists show). */
export async function clusterLeaders(db: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('relate_docs')
      .select(['article_id', 'cluster_id'])
      .where('article_id', 'in', ids.slice(i, i + CHUNK))
      .whereRef('cluster_id', '!=', 'article_id')
      .execute()
    for (const r of rows) out.set(r.article_id, r.cluster_id)
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
