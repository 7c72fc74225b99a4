/**
 * Near-duplicate clusters: the same page under two URLs and syndicated copies
 * of one text. Candidates come from shared LSH band keys or the same
 * normalised URL; a candidate is a copy when its MinHash signature agrees
 * enough. Each cluster is led by its oldest member (the one lists show).
 */
import type { Kysely, Transaction } from 'kysely'
import { decodeSignature, estimatedJaccard } from '../relate/minhash.js'
import { clusterMembers, copyCandidates, getRelateDoc, mergeClusters, nonPrimaryIds, reassignCluster, relateDocsByIds } from '../store/repos/relate-repo.js'
import type { Database } from '../store/schema/index.js'

/** Estimated shingle Jaccard from which two texts count as copies of one another. */
export const COPY_THRESHOLD = 0.6

/**
 * The cluster a new article joins: that of its copies (merging them when it
 * bridges several), or its own id when it has none.
 */
export async function assignCluster(trx: Transaction<Database>, articleId: string, signature: number[], bands: string[], urlKey: string | null): Promise<string> {
  const candidates = await copyCandidates(trx, bands, urlKey, articleId)
  if (candidates.length === 0) return articleId
  const docs = await relateDocsByIds(trx, candidates)
  const clusters = new Set<string>()
  for (const d of docs) {
    const sameUrl = urlKey !== null && d.urlKey === urlKey
    if (sameUrl || estimatedJaccard(signature, decodeSignature(d.minhash)) >= COPY_THRESHOLD) clusters.add(d.clusterId)
  }
  if (clusters.size === 0) return articleId
  // The oldest leader wins; ids are not always time-ordered, so take the smallest for determinism.
  const leader = [...clusters].sort()[0] ?? articleId
  await mergeClusters(trx, [...clusters], leader)
  return leader
}

/** Called when an article leaves the index: if it led its cluster, the next member takes over. */
export async function leaveCluster(trx: Transaction<Database>, articleId: string, clusterId: string): Promise<void> {
  if (clusterId === articleId) await reassignCluster(trx, articleId)
}

/** The other copies of an article ("Also published as …"). */
export async function duplicatesOf(db: Kysely<Database>, articleId: string): Promise<{ id: string; title: string; url: string | null }[]> {
  const doc = await getRelateDoc(db, articleId)
  if (!doc) return []
  const members = (await clusterMembers(db, doc.clusterId)).filter((m) => m !== articleId)
  if (members.length === 0) return []
  const rows = await db.selectFrom('articles').select(['id', 'title', 'url']).where('id', 'in', members).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, title: r.title, url: r.url }))
}

/** Of the given article ids, those that are a non-primary copy of a duplicate cluster (lists hide them). */
export async function hiddenCopies(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  return new Set(await nonPrimaryIds(db, ids))
}
