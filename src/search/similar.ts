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
const QUERY_TERMS = 150
const POSTINGS_PER_TERM = 200
/** Candidates rescored exactly. */
const RESCORE = 1000
/** Score from which a post is reported as the same story. */
export const SAME_STORY = 0.3

export async function similarArticles(db: Kysely<Database>, _dialect: DialectName, articleId: string, limit: number): Promise<SimilarPost[]> {
  const doc = await getRelateDoc(db, articleId)
  if (!doc || limit <= 0) return []
  const docs = await docCount(db)
  const df = await documentFrequencies(db, Object.keys(doc.terms))
  const query = tfidf(doc.terms, (t) => idf(df.get(t) ?? 1, docs))
  const candidates = await candidateIds(db, query, articleId)
  const others = (await relateDocsByIds(db, candidates))
  const missing = others.flatMap((d) => Object.keys(d.terms)).filter((t) => !df.has(t))
  for (const [t, n] of await documentFrequencies(db, missing)) df.set(t, n)
  const idfOf = (t: string): number => idf(df.get(t) ?? 1, docs)
  const scored = others.map((d) => scoreCandidate(doc, query, d, idfOf)).sort((a, b) => b.score - a.score)
  return withArticles(db, scored.slice(0, limit))
}

/** Articles sharing the query's heaviest terms, by their summed posting weights. */
async function candidateIds(db: Kysely<Database>, query: Vector, exclude: string): Promise<string[]> {
  const top = [...query.weights].sort((a, b) => b[1] - a[1]).slice(0, QUERY_TERMS)
  const acc = new Map<string, number>()
  const lists = await Promise.all(top.map(([term]) => topPostings(db, term, POSTINGS_PER_TERM)))
  lists.forEach((list, i) => {
    const w = top[i]?.[1] ?? 0
    for (const p of list) acc.set(p.articleId, (acc.get(p.articleId) ?? 0) + w * p.weight)
  })
  acc.delete(exclude)
  return [...acc].sort((a, b) => b[1] - a[1]).slice(0, RESCORE).map(([id]) => id)
}

interface Scored {
  doc: RelateDoc
  score: number
  why: SimilarPost['why']
}

function scoreCandidate(query: RelateDoc, qv: Vector, d: RelateDoc, idfOf: (t: string) => number): Scored {
  const dv = tfidf(d.terms, idfOf)
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
