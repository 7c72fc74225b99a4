/** Helpers shared by the analyser's tests: find a quote by how its text starts, read a span. */
import assert from 'node:assert/strict'
import type { Analysis, Quote } from '../domain/index.js'

/** The first quote whose text (opening mark aside) starts with `prefix`. */
export function find(a: Analysis, prefix: string): Quote | undefined {
  return a.quotes.find((x) => x.text.replace(/^["“„«‘]/, '').startsWith(prefix))
}

/** Like `find`, failing the test with the quotes found when there is none. */
export function only(a: Analysis, prefix: string): Quote {
  const q = find(a, prefix)
  assert.ok(q, `no quote starting "${prefix}" in ${JSON.stringify(a.quotes.map((x) => x.text))}`)
  return q
}

/** The text under a span, or null. */
export function span(text: string, s: { start: number; end: number } | null): string | null {
  return s ? text.slice(s.start, s.end) : null
}
