/**
 * The local speaker mention next to a cue: a name ("Jeremy Chan"), a pronoun
 * ("he"), a title or description ("the analyst", "a spokesperson for the
 * ministry"), an organisation ("Reuters") or a group ("Critics").
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, type Context } from './context.js'
import { BETWEEN, DETERMINERS, GROUP_NOUNS, NOT_NAME, PARTICLES, PRONOUNS, cueLemma } from './lexicon.js'
import { isCapitalised } from './names.js'
import { entityAt } from './entities.js'
import type { Token } from './text.js'

export type MentionKind = 'name' | 'pronoun' | 'nominal'

export interface Mention extends Span {
  kind: MentionKind
  /** Token index range [from, to). */
  from: number
  to: number
  /** For a relative "who": the noun phrase it stands for. */
  antecedent?: Mention
}

const NUMBER_WORDS = /^(\d[\d,.%]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|millions|half|most|majorities|majority)$/

const NAME_JOIN = new Set(['de', 'da', 'del', 'di', 'van', 'von', 'der', 'le', 'la', 'du', 'al', 'bin', 'st.', '.', '-', 'of', '&', 'for', 'and'])
const NOMINAL_STOP = new Set(['that', 'which', 'who', 'and', 'or', 'but', 'to', 'in', 'on', 'at', 'by', 'with', 'as', 'if', 'when', 'than', 'because', 'while', 'so', 'it', 'there'])

function tok(ctx: Context, i: number): Token | undefined {
  return ctx.tokens[i]
}

/** Skip adverbs and auxiliaries backwards from i (inclusive): "Chan [also] said". */
function skipBetweenBack(ctx: Context, i: number, min: number): number {
  let k = i
  while (k >= min && BETWEEN.has(tok(ctx, k)?.lower ?? '') && k > i - 3) k--
  return k
}

/** The mention ending at token k (inclusive), scanning back no further than min. */
export function mentionEndingAt(ctx: Context, k: number, min: number): Mention | null {
  const t = tok(ctx, k)
  if (!t || k < min || isQuotedToken(ctx, k)) return null
  if (PRONOUNS.has(t.lower) && t.lower !== 'you') return make(ctx, 'pronoun', k, k)
  if (GROUP_NOUNS.has(t.lower)) return groupPhrase(ctx, k, min)
  if (isCapitalised(t) && !NOT_NAME.has(t.lower)) {
    let s = k
    while (s - 1 >= min && !isQuotedToken(ctx, s - 1)) {
      const p = tok(ctx, s - 1)
      if (!p) break
      if (isCapitalised(p) && !NOT_NAME.has(p.lower) && !cueLemma(p.lower)) s--
      else if (NAME_JOIN.has(p.lower) && isCapitalised(tok(ctx, s - 2) ?? p) && s - 2 >= min && p.start - (tok(ctx, s - 2)?.end ?? 0) <= 1) s -= 2
      else break
    }
    if (tok(ctx, s - 1)?.lower === 'the' && s - 1 >= min) s--
    return make(ctx, 'name', s, k)
  }
  if (!t.word || NOMINAL_STOP.has(t.lower) || cueLemma(t.lower)) return null
  // A description: walk back to its determiner ("the senior analyst") or a bare plural ("Critics").
  let s = k
  while (s > min && s > k - 5) {
    const p = tok(ctx, s - 1)
    // "Bernie Sanders’ campaign": cross a possessive apostrophe.
    if (p && /^['’]$/.test(p.text) && /s$/i.test(tok(ctx, s - 2)?.text ?? '') && s - 2 >= min) {
      s--
      continue
    }
    if (!p || !p.word || isQuotedToken(ctx, s - 1) || NOMINAL_STOP.has(p.lower) || cueLemma(p.lower)) break
    s--
    if (DETERMINERS.has(p.lower)) break
  }
  const first = tok(ctx, s)
  if (!first) return null
  const head = t.lower
  // "the senior analyst", "Critics", "22 percent", "Cisco’s Talos cybersecurity unit".
  const properLed = s < k && isCapitalised(first) && !NOT_NAME.has(first.lower)
  if (DETERMINERS.has(first.lower) || GROUP_NOUNS.has(head) || NUMBER_WORDS.test(first.lower) || properLed || (s === k && isCapitalised(t))) {
    if (s === k && DETERMINERS.has(head)) return null
    return make(ctx, 'nominal', s, k)
  }
  return null
}

/** "Critics", "veteran MPs", "The shelter residents", "his supporters": a group noun and its modifiers. */
function groupPhrase(ctx: Context, k: number, min: number): Mention {
  let s = k
  while (s > min && s > k - 4) {
    const p = tok(ctx, s - 1)
    if (!p || !p.word || isQuotedToken(ctx, s - 1) || NOMINAL_STOP.has(p.lower) || cueLemma(p.lower) || BETWEEN.has(p.lower)) break
    if (/^\p{Lu}/u.test(p.text) && !DETERMINERS.has(p.lower) && s - 1 > min && tok(ctx, s - 2)?.word) break
    s--
    if (DETERMINERS.has(p.lower)) break
  }
  return make(ctx, 'nominal', s, k)
}

/** Subject of a cue at token c: "Chan said", "Jeremy Chan, a senior analyst …, told". */
export function subjectBefore(ctx: Context, c: number, min: number): Mention | null {
  const k = skipBetweenBack(ctx, c - 1, min)
  if (k < min) return null
  const t = tok(ctx, k)
  if (!t) return null
  if (t.lower === 'who') {
    // "Chan, who said …": the relative pronoun is the local mention, the phrase before it the speaker.
    const back = tok(ctx, k - 1)?.text === ',' ? k - 2 : k - 1
    const np = mentionEndingAt(ctx, back, min)
    return np ? { ...make(ctx, 'pronoun', k, k), antecedent: np } : null
  }
  if (t.text === ',') {
    // Appositive between commas: the leftmost person name before one of the commas
    // ("Jeremy Chan, a senior analyst …, told"; "the director for EHS, Jeff Fraser, says").
    const candidates: Mention[] = []
    const direct = mentionEndingAt(ctx, k - 1, min)
    if (direct && direct.kind === 'name' && !isPossessive(ctx, direct)) candidates.push(direct)
    for (let j = (direct ? direct.from : k) - 1; j >= min && j > k - 40; j--) {
      if (isQuotedToken(ctx, j)) break
      if (tok(ctx, j)?.text !== ',') continue
      const m = mentionEndingAt(ctx, j - 1, min)
      if (m && m.kind === 'name' && !isPossessive(ctx, m)) candidates.push(m)
    }
    const people = candidates.filter((m) => entityAt(ctx.entities, m)?.kind === 'person')
    return people[people.length - 1] ?? candidates[candidates.length - 1] ?? null
  }
  const m = mentionEndingAt(ctx, k, min)
  if (!m || isPossessive(ctx, m)) return null
  if (m.kind !== 'nominal') return m
  // "Rempel this week called …": a time phrase sits between the subject and its verb.
  if (TIME_HEAD.test(tok(ctx, m.to - 1)?.lower ?? '')) return m.from - 1 >= min ? subjectBefore(ctx, m.from, min) : null
  // "in a carefully worded response said": a prepositional phrase is not the subject.
  if (/^(in|on|at|during|with|after|from|by|under|through|via)$/.test(tok(ctx, m.from - 1)?.lower ?? '')) return null
  return extendOf(ctx, m, min)
}

const TIME_HEAD = /^(week|weekend|month|year|day|morning|afternoon|evening|night|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/

/** "Trump’s pledge": a possessive is not the subject of the cue. */
function isPossessive(ctx: Context, m: Mention): boolean {
  return /['’]s?$/u.test(tok(ctx, m.to - 1)?.text ?? '')
}

/** "a spokesperson for the ministry": a description ending in "of/for X" starts further back. */
function extendOf(ctx: Context, m: Mention, min: number): Mention {
  const p = tok(ctx, m.from - 1)
  if (!p || !/^(of|for|at|with)$/.test(p.lower)) return m
  const head = mentionEndingAt(ctx, m.from - 2, min)
  if (head && head.kind === 'nominal') return make(ctx, 'nominal', head.from, m.to - 1)
  return m
}

/** Inverted subject after a cue: "said Chan", "said Jeremy Chan, a senior analyst". */
export function subjectAfter(ctx: Context, c: number, max: number): Mention | null {
  let k = c + 1
  if (PARTICLES.has(tok(ctx, k)?.lower ?? '') && c > 0 && cueLemma(tok(ctx, c)?.lower ?? '')) k++
  if (k >= max) return null
  k = skipRoleWords(ctx, k, max)
  const first = k
  const t = tok(ctx, k)
  if (!t || isQuotedToken(ctx, k)) return null
  if (PRONOUNS.has(t.lower) && t.lower !== 'it' && t.lower !== 'you') return make(ctx, 'pronoun', k, k)
  if (isCapitalised(t) && !NOT_NAME.has(t.lower)) {
    while (k + 1 < max) {
      const n = tok(ctx, k + 1)
      if (n && isCapitalised(n) && !isQuotedToken(ctx, k + 1)) k++
      else if (n && NAME_JOIN.has(n.lower) && n.lower !== '.' && isCapitalised(tok(ctx, k + 2) ?? n) && k + 2 < max) k += 2
      else break
    }
    // "says Cambridge resident Andre Campbell": a place or organisation, role words, then the name.
    const later = skipRoleWords(ctx, k + 1, max)
    if (later > k + 1 && later - k <= 4) return subjectAfter(ctx, later - 1, max) ?? make(ctx, 'name', first, k)
    return make(ctx, 'name', first, k)
  }
  if (DETERMINERS.has(t.lower)) {
    let e = k + 1
    while (e < max && e < k + 5) {
      const n = tok(ctx, e)
      if (!n || !n.word || NOMINAL_STOP.has(n.lower) || isQuotedToken(ctx, e)) break
      e++
    }
    if (e > k + 1) return make(ctx, 'nominal', k, e - 1)
  }
  return null
}

/** "said lead author Dr. Allan Garland": skip lower-case role words before a name. */
function skipRoleWords(ctx: Context, k: number, max: number): number {
  const t = tok(ctx, k)
  if (!t || !t.word || isCapitalised(t) || DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower)) return k
  for (let e = k; e < max && e < k + 4; e++) {
    const n = tok(ctx, e)
    if (!n || !n.word || isQuotedToken(ctx, e) || NOMINAL_STOP.has(n.lower)) return k
    if (isCapitalised(n)) return e
  }
  return k
}

function make(ctx: Context, kind: MentionKind, from: number, last: number): Mention {
  const a = tok(ctx, from)
  const b = tok(ctx, last)
  const end = b ? b.end - (/['’]s?$/u.exec(b.text)?.[0].length ?? 0) : 0
  return { kind, from, to: last + 1, start: a?.start ?? 0, end: Math.max(end, a?.start ?? 0) }
}
