/**
 * Similar Posts: the same story first, then the same topic. Candidates come
 * from impact-ordered postings of the article's heaviest terms (bounded work
 * per query); each candidate is then scored exactly: tf-idf cosine of the
 * stored term weights with current document frequencies, times time
 * proximity; the ranking then favours posts whose nearest neighbours among
 * the candidates are the article's own (similar-rerank.ts). Copies of the
 * article itself are "Also published as", not Similar Posts, and copies
 * among the results are shown once.
 */
import type { Kysely } from 'kysely'
import { sharedQuotes } from '../relate/quotes.js'
import { cosine, daysBetween, idf, sharedTerms, tfidf, timeFactor, type Vector } from '../relate/score.js'
import { surfaceForms } from '../relate/tokens.js'
import type { DialectName } from '../store/db.js'
import { clusterMembers, getRelateDoc, postingCandidates, relateDocsByIds, type RelateDoc } from '../store/repos/relate-repo.js'
import { personIdsByName } from '../store/repos/people-repo.js'
import { dfReader } from './similar-df.js'
import { rerankByNeighbours } from './similar-rerank.js'
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
  /** How close the post is: the same story, the same topic, or only related (a theme or a few words in common). */
  relation: 'story' | 'topic' | 'related'
  /** sharedQuotes: the article's quotes (shortened) that the post carries too, word for word. */
  why: { sharedPeople: string[]; sharedQuotes: string[]; sharedTerms: string[]; daysApart: number | null }
  /** Other copies of this post (same text or same page elsewhere), folded into this entry. */
  copies: string[]
}

/** The knobs of a Similar Posts query; benchmarks vary them to measure what the bounds cost. */
export interface SimilarTuning {
  /** Query terms looked up in the inverted index. */
  queryTerms: number
  /** Postings read per query term (the articles where it weighs most). */
  postingsPerTerm: number
  /** Candidates rescored exactly. */
  rescore: number
  /** First-round matches fed back into the query, and the weight of each. */
  feedbackDocs: number
  feedbackWeight: number
}

export const SIMILAR_TUNING: SimilarTuning = { queryTerms: 60, postingsPerTerm: 100, rescore: 60, feedbackDocs: 3, feedbackWeight: 1 }

/**
 * A post is the same story when it is this similar and names someone (or
 * something) the article names. Calibrated on half of the development set:
 * precision 0.92, recall 0.73 there; 0.77 and 0.46 on the held-out half.
 */
export const SAME_STORY = 0.15

/**
 * A story's articles appear within weeks of each other: posts further apart
 * are the same topic at most (an election campaign and its result).
 */
export const STORY_SPAN_DAYS = 30

/**
 * Below this similarity a listed post is shown as "related", not "same
 * topic": on a small desk the list fills with posts that share a theme
 * ("SARS-CoV-2 passes a million infections" beside an article on Korea, at
 * 0.08). A display threshold only: the list and its order are unchanged.
 */
export const SAME_TOPIC = 0.1

/**
 * Below this similarity a post shares a common word or two with the article
 * ("repair", "work") and nothing else: it is not listed. Measured on the
 * development set (bench:similar): MAP 0.789 → 0.786 at this floor, 0.762 at
 * 0.04; a floor of 0.02 drops the unrelated tail readers saw on a small desk.
 */
export const MIN_SIMILARITY = 0.02

export async function similarArticles(
  db: Kysely<Database>,
  _dialect: DialectName,
  articleId: string,
  limit: number,
  tuning: SimilarTuning = SIMILAR_TUNING,
): Promise<SimilarPost[]> {
  const doc = await getRelateDoc(db, articleId)
  if (!doc || limit <= 0) return []
  const df = await dfReader(db)
  await df.load(doc.terms.keys())
  const idfOf = (t: string): number => idf(df.get(t), df.docs)
  const query = tfidf(doc.terms, idfOf)
  // The article's own copies are "Also published as", never candidates.
  const copies = new Set([articleId, ...(await clusterMembers(db, doc.clusterId))])
  const candidates = await candidateIds(db, query, copies, tuning)
  const others = (await relateDocsByIds(db, candidates)).filter((d) => d.clusterId !== doc.clusterId)
  await df.load(termsOf(others))
  const vectors = others.map((d) => ({ doc: d, vector: tfidf(d.terms, idfOf), score: 0, similarity: 0 }))
  rank(vectors, query, doc.day)
  for (const c of vectors) c.similarity = c.score
  rank(vectors, expandQuery(query, vectors.slice(0, tuning.feedbackDocs), tuning.feedbackWeight), doc.day)
  // Stories are cliques: a post near the article's neighbours outranks a page sharing only common words.
  rerankByNeighbours(vectors)
  const shown = onePerCluster(vectors.filter((c) => c.similarity >= MIN_SIMILARITY)).slice(0, limit)
  const people = await personIdsByName(db, [articleId, ...shown.map((s) => s.best.doc.articleId)])
  const namesakes = (other: string) => (name: string) => isNamesake(people.get(articleId), people.get(other), name)
  const written = shown.length > 0 ? surfaceForms(await articleWords(db, articleId)) : new Map<string, string>()
  // Ranked by the expanded query; the score shown (and sameStory) is the plain similarity of the two articles.
  return withArticles(
    db,
    shown.map(({ best, copies }) => ({ doc: best.doc, score: best.similarity, copies, why: explain(doc, query, best, namesakes(best.doc.articleId), written) })),
  )
}

/** The title and text of an article, for the words its terms were written as. */
async function articleWords(db: Kysely<Database>, id: string): Promise<string> {
  const row = await db.selectFrom('articles').select(['title', 'body_text']).where('id', '=', id).executeTakeFirst()
  return row ? `${row.title}\n${row.body_text}` : ''
}

/** Two articles name different people of the same name (a chef and an analyst both called Jeremy Chan). */
function isNamesake(a: Map<string, string> | undefined, b: Map<string, string> | undefined, name: string): boolean {
  const key = name.toLowerCase()
  const x = a?.get(key)
  const y = b?.get(key)
  return x !== undefined && y !== undefined && x !== y
}

function* termsOf(docs: RelateDoc[]): Generator<string> {
  for (const d of docs) yield* d.terms.keys()
}

interface Candidate {
  doc: RelateDoc
  vector: Vector
  /** Ranking score (cosine with the current query × time proximity). */
  score: number
  /** Cosine with the article itself × time proximity. */
  similarity: number
}

/** Scores every candidate against `query` (cosine × time proximity) and sorts them, best first. */
function rank(candidates: Candidate[], query: Vector, day: number | null): void {
  for (const c of candidates) c.score = cosine(query, c.vector) * timeFactor(daysBetween(day, c.doc.day))
  candidates.sort((a, b) => b.score - a.score)
}

/** Articles sharing the query's heaviest terms, by their summed posting weights. */
async function candidateIds(db: Kysely<Database>, query: Vector, exclude: Set<string>, tuning: SimilarTuning): Promise<string[]> {
  const top = [...query.weights].sort((a, b) => b[1] - a[1]).slice(0, tuning.queryTerms)
  const found = await postingCandidates(db, top, tuning.postingsPerTerm, tuning.rescore + exclude.size)
  return found.filter((c) => !exclude.has(c.articleId)).slice(0, tuning.rescore).map((c) => c.articleId)
}

interface Scored {
  doc: RelateDoc
  score: number
  copies: string[]
  why: SimilarPost['why']
}

/**
 * Pseudo-relevance feedback: the query plus its best first-round matches,
 * each weighted by its score. Articles on the same story share words the
 * query article itself happens not to use, and this finds them.
 */
function expandQuery(query: Vector, best: Candidate[], weight: number): Vector {
  const weights = new Map(query.weights)
  for (const s of best) {
    const v = s.vector
    if (v.norm === 0) continue
    const scale = (weight * s.score * query.norm) / v.norm
    for (const [t, w] of v.weights) weights.set(t, (weights.get(t) ?? 0) + scale * w)
  }
  let sq = 0
  for (const w of weights.values()) sq += w * w
  return { weights, norm: Math.sqrt(sq) }
}

/**
 * Why a post is listed: the names (people, organisations, places), quotes and
 * words it shares with the article, and the days between them. A name that
 * is a different person in each article is not shared.
 */
function explain(query: RelateDoc, qv: Vector, c: Candidate, namesake: (name: string) => boolean, written: Map<string, string>): SimilarPost['why'] {
  // Terms are stems ("rais"); the reader sees them as the article wrote them ("raise").
  const terms = sharedTerms(qv, c.vector, 8).filter((t) => !t.startsWith('n:')).slice(0, 5).map((t) => written.get(t) ?? t)
  return {
    sharedPeople: sharedNames(query.names, c.doc.names).filter((n) => !namesake(n)).slice(0, 5),
    sharedQuotes: sharedQuotes(query.quotes, c.doc.quotes).slice(0, 3),
    sharedTerms: terms,
    daysApart: daysBetween(query.day, c.doc.day),
  }
}

/**
 * Names of the query article also named in the other: the same words, or one
 * name's words inside the other's ("Hu Jintao" in "President Hu Jintao").
 * A shared last word alone is no match ("White House", "Noodle House").
 */
function sharedNames(a: string[], b: string[]): string[] {
  const key = (n: string): string => ` ${n.toLowerCase().replace(/\s+/g, ' ').trim()} `
  const others = b.map(key)
  return a.filter((n) => others.some((o) => o.includes(key(n)) || key(n).includes(o)))
}

/** The best-scored member of each duplicate cluster, with the other members found among the candidates. */
function onePerCluster(scored: Candidate[]): { best: Candidate; copies: string[] }[] {
  const byCluster = new Map<string, { best: Candidate; copies: string[] }>()
  for (const c of scored) {
    const entry = byCluster.get(c.doc.clusterId)
    if (entry) entry.copies.push(c.doc.articleId)
    else byCluster.set(c.doc.clusterId, { best: c, copies: [] })
  }
  return [...byCluster.values()]
}

async function withArticles(db: Kysely<Database>, scored: Scored[]): Promise<SimilarPost[]> {
  if (scored.length === 0) return []
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'outlet', 'published_at'])
    .where('id', 'in', scored.map((s) => s.doc.articleId))
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const posts = scored.flatMap((s) => {
    const r = byId.get(s.doc.articleId)
    if (!r) return []
    const score = Math.round(s.score * 1000) / 1000
    // A shared verbatim quote is same-story evidence as strong as a shared name.
    const named = s.why.sharedPeople.length > 0 || s.why.sharedQuotes.length > 0
    const sameStory = s.score >= SAME_STORY && named && (s.why.daysApart === null || s.why.daysApart <= STORY_SPAN_DAYS)
    const relation: SimilarPost['relation'] = sameStory ? 'story' : s.score >= SAME_TOPIC ? 'topic' : 'related'
    return [{ id: r.id, title: r.title, outlet: r.outlet, publishedAt: r.published_at, score, sameStory, relation, why: s.why, copies: s.copies }]
  })
  // The same story first, then the same topic; each group keeps its ranking.
  return [...posts.filter((p) => p.sameStory), ...posts.filter((p) => !p.sameStory)]
}
