/**
 * Similar Posts: the same story first, then the same topic. Candidates come
 * from impact-ordered postings of the article's heaviest terms (bounded work
 * per query); each candidate is then scored exactly: tf-idf cosine of the
 * stored term weights with current document frequencies, times time
 * proximity. Copies of the article itself are "Also published as", not
 * Similar Posts, and copies among the results are shown once.
 */
import type { Kysely } from 'kysely'
import { cosine, idf, sharedTerms, tfidf, timeFactor, type Vector } from '../relate/score.js'
import type { DialectName } from '../store/db.js'
import { docCount, documentFrequencies, getRelateDoc, relateDocsByIds, topPostings, type RelateDoc } from '../store/repos/relate-repo.js'
import type { Database } from '../store/schema/index.js'

export { duplicatesOf, hiddenCopies } from './duplicates.js'
export { indexArticleRelations, removeArticleRelations } from './similar-index.js'

export interface SimilarPost {
  id: string
  title: string
  outlet: string | null
  publishedAt: string | null
  score: number
  sameStory: boolean
  why: { sharedPeople: string[]; sharedTerms: string[]; daysApart: number | null }
}

/** Query terms looked up in the inverted index, and postings read per term. */
const QUERY_TERMS = 60
const POSTINGS_PER_TERM = 200
/** Candidates rescored exactly. */
const RESCORE = 100
/** First-round matches fed back into the query, and the weight of each. */
const FEEDBACK_DOCS = 3
const FEEDBACK_WEIGHT = 1
/** Score from which a post is reported as the same story. */
export const SAME_STORY = 0.3

export async function similarArticles(db: Kysely<Database>, _dialect: DialectName, articleId: string, limit: number): Promise<SimilarPost[]> {
  const doc = await getRelateDoc(db, articleId)
  if (!doc || limit <= 0) return []
  const docs = await docCount(db)
  const df = await documentFrequencies(db, Object.keys(doc.terms))
  const query = tfidf(doc.terms, (t) => idf(df.get(t) ?? 1, docs))
  const candidates = await candidateIds(db, query, articleId)
  const others = (await relateDocsByIds(db, candidates)).filter((d) => d.clusterId !== doc.clusterId)
  const missing = others.flatMap((d) => Object.keys(d.terms)).filter((t) => !df.has(t))
  for (const [t, n] of await documentFrequencies(db, missing)) df.set(t, n)
  const idfOf = (t: string): number => idf(df.get(t) ?? 1, docs)
  const vectors = new Map(others.map((d) => [d.articleId, tfidf(d.terms, idfOf)]))
  const first = others.map((d) => scoreCandidate(doc, query, d, vectors)).sort((a, b) => b.score - a.score)
  const expanded = expandQuery(query, first.slice(0, FEEDBACK_DOCS), vectors)
  const scored = others.map((d) => scoreCandidate(doc, expanded, d, vectors)).sort((a, b) => b.score - a.score)
  return withArticles(db, onePerCluster(scored).slice(0, limit))
}

/** Articles sharing the query's heaviest terms, by their summed posting weights. */
async function candidateIds(db: Kysely<Database>, query: Vector, exclude: string): Promise<string[]> {
  const top = [...query.weights].sort((a, b) => b[1] - a[1]).slice(0, QUERY_TERMS)
  const acc = new Map<string, number>()
  const lists = await Promise.all(top.map(([term]) => topPostings(db, term, POSTINGS_PER_TERM)))
  lists.forEach((list, i) => {
    const w = top[i]?.[1] ?? 0
    for (const p of list) acc.set(p.articleId, (acc.get(p.articleId) ?? 0) + w * w)
  })
  acc.delete(exclude)
  return [...acc].sort((a, b) => b[1] - a[1]).slice(0, RESCORE).map(([id]) => id)
}

interface Scored {
  doc: RelateDoc
  score: number
  why: SimilarPost['why']
}

/**
 * Pseudo-relevance feedback: the query plus its best first-round matches,
 * each weighted by its score. Articles on the same story share words the
 * query article itself happens not to use, and this finds them.
 */
function expandQuery(query: Vector, best: Scored[], vectors: Map<string, Vector>): Vector {
  const weights = new Map(query.weights)
  for (const s of best) {
    const v = vectors.get(s.doc.articleId)
    if (!v || v.norm === 0) continue
    const scale = (FEEDBACK_WEIGHT * s.score * query.norm) / v.norm
    for (const [t, w] of v.weights) weights.set(t, (weights.get(t) ?? 0) + scale * w)
  }
  let sq = 0
  for (const w of weights.values()) sq += w * w
  return { weights, norm: Math.sqrt(sq) }
}

function scoreCandidate(query: RelateDoc, qv: Vector, d: RelateDoc, vectors: Map<string, Vector>): Scored {
  const dv = vectors.get(d.articleId) ?? { weights: new Map(), norm: 0 }
  const daysApart = query.day !== null && d.day !== null ? Math.abs(query.day - d.day) : null
  const score = cosine(qv, dv) * timeFactor(daysApart)
  const terms = sharedTerms(qv, dv, 8).filter((t) => !t.startsWith('n:')).slice(0, 5)
  return { doc: d, score, why: { sharedPeople: sharedNames(query.names, d.names), sharedTerms: terms, daysApart } }
}

/** Names of the query article also named in the other (same full name, or same last word of a multi-word name). */
function sharedNames(a: string[], b: string[]): string[] {
  const full = new Set(b.map((n) => n.toLowerCase()))
  const last = new Set(b.map((n) => n.toLowerCase().split(' ').pop() ?? ''))
  return a.filter((n) => full.has(n.toLowerCase()) || last.has(n.toLowerCase().split(' ').pop() ?? '')).slice(0, 5)
}

function onePerCluster(scored: Scored[]): Scored[] {
  const seen = new Set<string>()
  return scored.filter((s) => {
    if (seen.has(s.doc.clusterId)) return false
    seen.add(s.doc.clusterId)
    return true
  })
}

async function withArticles(db: Kysely<Database>, scored: Scored[]): Promise<SimilarPost[]> {
  if (scored.length === 0) return []
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'outlet', 'published_at'])
    .where('id', 'in', scored.map((s) => s.doc.articleId))
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return scored.flatMap((s) => {
    const r = byId.get(s.doc.articleId)
    if (!r) return []
    const score = Math.round(s.score * 1000) / 1000
    return [{ id: r.id, title: r.title, outlet: r.outlet, publishedAt: r.published_at, score, sameStory: s.score >= SAME_STORY, why: s.why }]
  })
}
