/**
 * Similarity of two indexed articles: cosine of their tf-idf vectors, then
 * time proximity. Pure: document frequencies come in as a function.
 */

/** Smoothed inverse document frequency: never zero, never negative. */
export function idf(df: number, docs: number): number {
  return Math.log(1 + Math.max(docs, 1) / Math.max(df, 1))
}

export interface Vector {
  weights: Map<string, number>
  norm: number
}

/** tf weight × idf for every term; a term never seen in the corpus counts as seen once. */
export function tfidf(terms: Record<string, number> | Map<string, number>, idfOf: (term: string) => number): Vector {
  const weights = new Map<string, number>()
  let sq = 0
  for (const [term, tf] of terms instanceof Map ? terms : Object.entries(terms)) {
    const w = tf * idfOf(term)
    weights.set(term, w)
    sq += w * w
  }
  return { weights, norm: Math.sqrt(sq) }
}

export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a]
  let dot = 0
  for (const [t, w] of small.weights) {
    const v = large.weights.get(t)
    if (v !== undefined) dot += w * v
  }
  return dot / (a.norm * b.norm)
}

/** The terms two vectors share, by their contribution to the cosine. */
export function sharedTerms(a: Vector, b: Vector, limit: number): string[] {
  const shared: [string, number][] = []
  for (const [t, w] of a.weights) {
    const v = b.weights.get(t)
    if (v !== undefined) shared.push([t, w * v])
  }
  return shared.sort((x, y) => y[1] - x[1]).slice(0, limit).map(([t]) => t)
}

/** Days between two publication days, or null when either is unknown. */
export function daysBetween(a: number | null, b: number | null): number | null {
  return a !== null && b !== null ? Math.abs(a - b) : null
}

/**
 * Multiplier for how far apart two articles were published: the same story
 * is reported within days; a year apart it is at most the same topic.
 */
export function timeFactor(daysApart: number | null): number {
  if (daysApart === null) return 1
  return 0.7 + 0.3 * Math.exp(-daysApart / 30)
}
