/**
 * Keeps the relate tables in step with the articles: one article's features,
 * postings, band keys, document frequencies and cluster, written inside the
 * caller's transaction. Work is proportional to the article and its copy
 * candidates, never to the corpus.
 */
import type { Transaction } from 'kysely'
import type { Analysis, Article } from '../domain/index.js'
import { relateFeatures } from '../relate/features.js'
import { bandKeys, decodeSignature, encodeSignature } from '../relate/minhash.js'
import { idf, tfidf, type Vector } from '../relate/score.js'
import { normaliseUrlOrNull } from '../relate/url.js'
import type { DialectName } from '../store/db.js'
import {
  addDocCount,
  addDocumentFrequencies,
  deleteBands,
  deletePostings,
  deleteRelateDoc,
  getRelateDoc,
  insertBands,
  insertPostings,
  insertRelateDoc,
} from '../store/repos/relate-repo.js'
import type { Database } from '../store/schema/index.js'
import { assignCluster, leaveCluster } from './duplicates.js'

/**
 * Terms of an article entered in the inverted index (its heaviest by tf-idf).
 * While the corpus is small its document frequencies say little about which
 * terms are characteristic, so early articles are indexed under all their
 * terms (MAX_TERMS of the features).
 */
export const POSTINGS_PER_ARTICLE = 60
const POSTINGS_WHILE_SMALL = Infinity
const SMALL_CORPUS = 2000

export interface RelationInput {
  id: string
  article: Article
  analysis: Analysis
  url: string | null
  publishedAt: string | null
}

/** Called inside addArticle's transaction after the article row, its blocks, quotes and entities are written. */
export async function indexArticleRelations(trx: Transaction<Database>, _dialect: DialectName, input: RelationInput): Promise<void> {
  const features = relateFeatures(input.article, input.analysis)
  await lockRelations(trx)
  await removeLocked(trx, input.id)
  const docs = await addDocCount(trx, 1)
  const deltas = new Map(Object.keys(features.terms).map((t) => [t, 1]))
  const df = await addDocumentFrequencies(trx, deltas)
  const vector = tfidf(features.terms, (t) => idf(df.get(t) ?? 1, docs))
  const urlKey = normaliseUrlOrNull(input.article.canonicalUrl ?? input.url)
  const clusterId = await assignCluster(trx, input.id, features.minhash, features.bands, urlKey)
  const postings = postingWeights(vector, docs < SMALL_CORPUS ? POSTINGS_WHILE_SMALL : POSTINGS_PER_ARTICLE)
  await insertRelateDoc(trx, {
    articleId: input.id,
    urlKey,
    day: dayOf(input.publishedAt ?? input.article.publishedAt),
    terms: new Map(Object.entries(features.terms)),
    names: features.names,
    quotes: features.quotes,
    postings,
    minhash: encodeSignature(features.minhash),
    clusterId,
  })
  await insertPostings(trx, input.id, postings)
  await insertBands(trx, input.id, features.bands)
}

/** Called inside deleteArticle's transaction (and before re-indexing an updated article). */
export async function removeArticleRelations(trx: Transaction<Database>, _dialect: DialectName, articleId: string): Promise<void> {
  await lockRelations(trx)
  await removeLocked(trx, articleId)
}

/**
 * Takes the relate write lock (the counter row) before anything is read, so
 * two writers of the same article on PostgreSQL run one after the other and
 * the second sees the first's rows (and replaces them) instead of failing.
 */
async function lockRelations(trx: Transaction<Database>): Promise<void> {
  await addDocCount(trx, 0)
}

async function removeLocked(trx: Transaction<Database>, articleId: string): Promise<void> {
  const doc = await getRelateDoc(trx, articleId)
  if (!doc) return
  await addDocCount(trx, -1)
  await addDocumentFrequencies(trx, new Map([...doc.terms.keys()].map((t) => [t, -1])))
  await deletePostings(trx, articleId, doc.postings)
  await deleteBands(trx, articleId, bandKeys(decodeSignature(doc.minhash)))
  await deleteRelateDoc(trx, articleId)
  await leaveCluster(trx, articleId, doc.clusterId)
}

/** The heaviest terms with their share of the article's unit vector (rounded: the value is part of the row key). */
function postingWeights(vector: Vector, count: number): Map<string, number> {
  const norm = vector.norm || 1
  const top = [...vector.weights].sort((a, b) => b[1] - a[1]).slice(0, count)
  return new Map(top.map(([t, w]) => [t, Math.round((w / norm) * 1e6) / 1e6]))
}

/** Days since 1970-01-01 of an ISO date, or null. */
export function dayOf(date: string | null): number | null {
  if (!date) return null
  const t = Date.parse(date)
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000)
}
