/**
 * Paragraphs, sentences and word tokens with offsets. Our own linear-time
 * scanners: the analyser only needs word boundaries, capitalisation and
 * sentence ends, and these run several times faster than a full NLP pipeline
 * (see bench/quotes.ts for the measured comparison with wink-nlp).
 */
import type { Span } from '../domain/index.js'
import { AGAINST_ONLY, cueLemma, STRONG } from './lexicon.js'

function isCueForm(w: string): boolean {
  const lemma = cueLemma(w)
  return (!!lemma && STRONG.has(lemma)) || AGAINST_ONLY.test(w)
}

export interface Token extends Span {
  text: string
  /** Lower-cased text, for lexicon look-ups. */
  lower: string
  /** True for words (letters or digits), false for punctuation. */
  word: boolean
}

export interface Sentence extends Span {
  paragraph: number
}

/** Non-empty lines of the text: blank lines and single newlines both separate paragraphs. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = []
  const re = /[^\n]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index
    let end = start + m[0].length
    while (start < end && /\s/.test(text[start] ?? '')) start++
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--
    if (end > start) out.push({ start, end })
  }
  return out
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu

/** Word and punctuation tokens of text[start, end). A trailing dot stays on the word only for abbreviations. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = []
  const re = new RegExp(TOKEN_RE.source, 'gu')
  re.lastIndex = start
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    let s = m[0]
    if (m.index + s.length > end) s = s.slice(0, end - m.index)
    if (s.length > 1 && s.endsWith('.') && !isAbbreviation(s)) {
      pushToken(out, s.slice(0, -1), m.index)
      pushToken(out, '.', m.index + s.length - 1)
    } else pushToken(out, s, m.index)
  }
  return out
}

function pushToken(out: Token[], text: string, start: number): void {
  out.push({ start, end: start + text.length, text, lower: text.toLowerCase(), word: /[\p{L}\p{N}]/u.test(text) })
}

const ABBREVIATIONS = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'capt.', 'sgt.', 'st.',
  'jr.', 'sr.', 'inc.', 'corp.', 'co.', 'ltd.', 'no.', 'vs.', 'etc.', 'jan.', 'feb.', 'mar.', 'apr.', 'aug.',
  'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'u.s.', 'u.k.', 'u.n.', 'd.c.', 'a.m.', 'p.m.', 'e.g.', 'i.e.',
  'gov.', 'supt.', 'cst.', 'det.', 'insp.', 'const.', 'hon.', 'rev.', 'mt.', 'ft.', 'ave.', 'blvd.', 'fla.',
  'calif.', 'mass.', 'wash.', 'ont.', 'que.', 'alta.', 'sask.', 'man.',
])

/** Abbreviations keep their dot; single capitals ("J.") are initials. */
export function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase()
  if (ABBREVIATIONS.has(lower)) return true
  return /^\p{Lu}\.$/u.test(word) || /^(?:\p{L}\.){2,}$/u.test(word)
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»'])

/**
 * Sentences of one paragraph. A sentence ends after . ! ? (plus closing marks)
 * when the next token starts a new sentence; abbreviations and initials do not end one.
 */
export function splitSentences(text: string, para: Span, paragraph: number): Sentence[] {
  const out: Sentence[] = []
  let start = para.start
  const re = /[.!?]+/g
  re.lastIndex = para.start
  // Searched up to the paragraph's end only: a text with no full stop would have each paragraph scan to the end of the text.
  const upto = text.slice(0, para.end)
  for (let m = re.exec(upto); m; m = re.exec(upto)) {
    let end = m.index + m[0].length
    while (end < para.end && CLOSERS.has(text[end] ?? '')) end++
    if (end >= para.end) break
    if (!/\s/.test(text[end] ?? '')) continue
    if (m[0] === '.' && endsWithAbbreviation(text, start, m.index + 1)) continue
    let next = end
    while (next < para.end && /\s/.test(text[next] ?? '')) next++
    if (!/[\p{Lu}\p{N}"“‘'«„(]/u.test(text[next] ?? '')) continue
    // “Is it over?” Nunes said. — a quotation closed after a full stop ended its sentence (“… recklessness.” South
    // Korean President Park said …) unless all that follows is a short attribution (“The plan is dead.” Smith said.).
    if (/["”’»]/.test(text[end - 1] ?? '') && attributionFollows(text, next, para.end, m[0] === '.' ? 4 : 12)) continue
    out.push({ start, end, paragraph })
    start = next
    re.lastIndex = next
  }
  if (start < para.end) out.push({ start, end: para.end, paragraph })
  return out
}

const ATTRIBUTION_WORDS = 6

/**
 * “Is it over?” Nunes said. — a question or exclamation closing a quotation
 * does not end the sentence when a short attribution clause follows.
 */
function attributionFollows(text: string, from: number, to: number, maxWords: number): boolean {
  const clause = /^[^.!?"“”]*[.!?]?/.exec(text.slice(from, Math.min(to, from + 200)))?.[0] ?? ''
  const words = clause.match(/[\p{L}][\p{L}'’.-]*/gu) ?? []
  if (words.length === 0) return false
  const limit = Math.min(words.length, ATTRIBUTION_WORDS)
  // A short clause ending the sentence ("Nunes said."), not a new sentence ("The statement said that …").
  if (words.length > maxWords || /\bthat\b/i.test(clause) || (maxWords < 12 && !/[.!?]$/.test(clause))) return false
  for (let i = 0; i < limit; i++) {
    const w = (words[i] ?? '').toLowerCase().replace(/\.+$/, '')
    if (isCueForm(w)) return i === 0 || /^\p{Lu}/u.test(words[0] ?? '') || /^(he|she|they|we|i|it)$/.test(words[0]?.toLowerCase() ?? '')
  }
  return false
}

function endsWithAbbreviation(text: string, from: number, dotEnd: number): boolean {
  let s = dotEnd - 1
  while (s > from && /[\p{L}.]/u.test(text[s - 1] ?? '')) s--
  const word = text.slice(s, dotEnd)
  return word.length > 1 && isAbbreviation(word) && !/^(?:\p{L}\.){2,}$/u.test(word) || /^\p{Lu}\.$/u.test(word)
}

/** All sentences of a text, paragraph by paragraph. */
export function sentencesOf(text: string, paras: Span[]): Sentence[] {
  const out: Sentence[] = []
  paras.forEach((p, i) => out.push(...splitSentences(text, p, i)))
  return out
}
