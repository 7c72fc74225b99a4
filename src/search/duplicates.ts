/**
 * Near-duplicate clusters: the same page under two URLs and syndicated copies
 * of one text. Candidates come from shared LSH band keys or the same
 * normalised URL; a candidate is a copy when its MinHash signature agrees
 * enough. Each cluster is led by its first member (the one lists show); when
 * the leader is removed the next oldest member leads (its members were all
 * copies of the old leader, so they stay close to one another).
 */
import type { Kysely, Transaction } from 'kysely'
import { decodeSignature, estimatedJaccard } from '../relate/minhash.js'
import { clusterMembers, copyCandidates, copyInfo, getRelateDoc, nonPrimaryIds, reassignCluster, type CopyInfo } from '../store/repos/relate-repo.js'
import type { Database } from '../store/schema/index.js'

/** Estimated shingle Jaccard from which two texts count as copies of one another. */
export const COPY_THRESHOLD = 0.6

/**
 * The cluster a new article joins: that of a copy candidate whose cluster
 * leader it also copies (the leader it resembles most). Comparing with the
 * leader, not just any member, keeps clusters from chaining: an article
 * revised five times is not one cluster with its first and last versions
 * sharing nothing. Otherwise the article leads a cluster of its own.
 */
export async function assignCluster(trx: Transaction<Database>, articleId: string, signature: number[], bands: string[], urlKey: string | null): Promise<string> {
  const candidates = await copyCandidates(trx, bands, urlKey, articleId)
  if (candidates.length === 0) return articleId
  const docs = await copyInfo(trx, candidates)
  const isCopy = (d: CopyInfo): number => (urlKey !== null && d.urlKey === urlKey ? 1 : estimatedJaccard(signature, decodeSignature(d.minhash)))
  const clusters = [...new Set(docs.filter((d) => isCopy(d) >= COPY_THRESHOLD).map((d) => d.clusterId))]
  if (clusters.length === 0) return articleId
  const known = new Map(docs.map((d) => [d.articleId, d]))
  const missing = clusters.filter((c) => !known.has(c))
  for (const d of await copyInfo(trx, missing)) known.set(d.articleId, d)
  let best: { clusterId: string; similarity: number } | null = null
  for (const clusterId of clusters.sort()) {
    const leader = known.get(clusterId)
    const similarity = leader ? isCopy(leader) : 0
    if (similarity >= COPY_THRESHOLD && (!best || similarity > best.similarity)) best = { clusterId, similarity }
  }
  return best?.clusterId ?? articleId
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
