import assert from 'node:assert/strict'
import { it } from 'node:test'
import { cosine, tfidf, type Vector } from '../relate/score.js'
import { rerankByNeighbours } from './similar-rerank.js'

/** A vector of the words of `text`, every word weighing the same. */
function vector(text: string): Vector {
  const counts = new Map<string, number>()
  for (const w of text.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1)
  return tfidf(counts, () => 1)
}

const article = vector('bridge bridge lenne varga collapse storm council town')
const posts: Record<string, string> = {
  // The same story: the collapse of the River Lenne bridge.
  report: 'bridge bridge lenne varga collapse span engineers',
  followup: 'lenne varga collapse span engineers ferry repair',
  // Council business, sharing only the article's everyday words with it.
  council: 'council town storm meeting budget parking',
  budget: 'council town meeting budget parking school',
  parking: 'town meeting budget parking school council',
}

function candidates(): { id: string; vector: Vector; doc: { day: number | null }; similarity: number; score: number }[] {
  const out = Object.entries(posts).map(([id, text]) => {
    const v = vector(text)
    const similarity = cosine(article, v)
    return { id, vector: v, doc: { day: null }, similarity, score: similarity }
  })
  return out.sort((a, b) => b.score - a.score)
}

const options = { neighbours: 2, expansion: 2, weight: 0.2 }

it('ranks a post whose neighbours are the article’s own above a page sharing only everyday words', () => {
  const ranked = candidates()
  assert.deepEqual(ranked.slice(0, 3).map((c) => c.id), ['report', 'council', 'followup'])
  rerankByNeighbours(ranked, options)
  assert.deepEqual(ranked.slice(0, 3).map((c) => c.id), ['report', 'followup', 'council'])
})

it('keeps the ranking at weight 0 and with a single candidate', () => {
  const ranked = candidates()
  const before = ranked.map((c) => [c.id, c.score])
  rerankByNeighbours(ranked, { ...options, weight: 0 })
  assert.deepEqual(ranked.map((c) => [c.id, c.score]), before)
  const one = candidates().slice(0, 1)
  const score = one[0]?.score
  rerankByNeighbours(one, options)
  assert.equal(one[0]?.score, score)
})

it('counts time apart between candidates: the same words a year apart are further neighbours', () => {
  const near = candidates()
  const far = candidates().map((c) => ({ ...c, doc: { day: c.id === 'followup' ? 400 : 0 } }))
  rerankByNeighbours(near, options)
  rerankByNeighbours(far, options)
  const score = (list: typeof near, id: string): number => list.find((c) => c.id === id)?.score ?? 0
  assert.ok(score(far, 'followup') < score(near, 'followup'), `${score(far, 'followup')} vs ${score(near, 'followup')}`)
})
