import assert from 'node:assert/strict'
import { addArticle } from '../../src/services/articles.js'
import type { ServiceDeps } from '../../src/services/deps.js'

const WORDS = 'harbour council ferry budget tram station mayor river bridge school hospital court market farm factory museum airport storm union teacher nurse driver pilot library garden forest village island'.split(' ')

/** Story `i` about `word`: no two (i, word) share enough of their text to count as copies. */
export function storyText(i: number, word: string): string {
  const seed = [...word].reduce((sum, ch) => sum * 31 + ch.charCodeAt(0), 0) % 9973
  const w = (s: number, k: number) => WORDS[(i * 7 + seed + s * 5 + k * 11) % WORDS.length]
  const sentences = Array.from({ length: 8 }, (_, s) => `The ${w(s, 0)} by the ${w(s, 1)} counted ${seed * 1000 + i * 100 + s * 7} visitors and ${w(s, 2)} staff on day ${i + s}.`)
  return `Story ${i} of the ${w(0, 3)}\n\nA ${word} of things happened. ${sentences.join(' ')}`
}

/**
 * Adds stories `from` … `from + stories - 1` about `word` (each holds it),
 * each followed by `copies` wire copies (the same text signed by another
 * outlet). Returns each story's visible article and its copies.
 */
export async function addStories(deps: ServiceDeps, options: { stories: number; copies: number; word: string; from?: number }): Promise<{ id: string; copies: string[] }[]> {
  const { stories, copies, word, from = 0 } = options
  const out: { id: string; copies: string[] }[] = []
  for (let i = from; i < from + stories; i++) {
    const text = storyText(i, word)
    const first = await addArticle(deps, { body: text, source: 'paste' })
    assert.ok(first.ok)
    const story = { id: first.value.id, copies: [] as string[] }
    for (let c = 0; c < copies; c++) {
      const copy = await addArticle(deps, { body: `${text}\n\nThis story was first published by the Courier ${c}.`, source: 'paste' })
      assert.ok(copy.ok)
      story.copies.push(copy.value.id)
    }
    out.push(story)
  }
  return out
}
