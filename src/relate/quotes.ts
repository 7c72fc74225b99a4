/**
 * Shared quotes: rewrites of one wire story reuse its quotes word for word,
 * so two articles carrying the same run of quoted words are very likely the
 * same story. Similar Posts shows them as a reason ("why"). They are not a
 * ranking signal: measured on the development set, weighting shared quote
 * shingles in the cosine lowered MAP (sibling stories quote the same people).
 */
import type { Quote } from '../domain/index.js'
import { words } from './tokens.js'

/** Words per shingle: long enough that a shared one is rarely chance. */
const SHINGLE = 4
/** Quotes shorter than this many words are too generic to identify a story. */
const MIN_WORDS = 5
/**
 * Shared shingles that make a quote "shared": a run of six words. Two
 * overlapping shingles are only a five-word run, and stock phrases that long
 * recur across unrelated stories ("are in the process of", "for the creation of a").
 */
const MIN_SHARED = 3
const MAX_QUOTES = 8
const MAX_QUOTE_CHARS = 160

/** The word shingles of one quoted text. */
export function quoteShingles(text: string): Set<string> {
  const w = words(text)
  const out = new Set<string>()
  if (w.length < MIN_WORDS) return out
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '))
  return out
}

/** Quotes in the speaker's own words (direct or mixed), longest first: reported speech is reworded by each outlet. */
function verbatimQuotes(quotes: Quote[]): string[] {
  const texts = quotes.filter((q) => q.kind !== 'indirect').map((q) => q.text.replace(/\s+/g, ' ').trim())
  return [...new Set(texts)].filter((t) => words(t).length >= MIN_WORDS).sort((a, b) => b.length - a.length)
}

/** The quote texts kept with an article's features (shortened, longest first). */
export function quoteSnippets(quotes: Quote[]): string[] {
  return verbatimQuotes(quotes)
    .slice(0, MAX_QUOTES)
    .map((t) => (t.length > MAX_QUOTE_CHARS ? `${t.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…` : t))
}

/** Of the article's quote snippets, those sharing at least MIN_SHARED word shingles with the other article's quotes. */
export function sharedQuotes(snippets: string[], other: string[]): string[] {
  if (snippets.length === 0 || other.length === 0) return []
  const theirs = new Set<string>()
  for (const s of other) for (const sh of quoteShingles(stripEllipsis(s))) theirs.add(sh)
  return snippets.filter((s) => {
    let n = 0
    for (const sh of quoteShingles(stripEllipsis(s))) if (theirs.has(sh) && ++n >= MIN_SHARED) return true
    return false
  })
}

function stripEllipsis(s: string): string {
  return s.replace(/…$/, '')
}
