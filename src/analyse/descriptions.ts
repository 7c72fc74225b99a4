/**
 * Longer speaker descriptions around a cue: "Huber’s longtime partner Erick
 * Rowan", "his wife, Amanda,", "a statement released by the Prime Minister’s
 * Office", "according to people in attendance".
 */
import { isQuotedToken, type Context } from './context.js'
import { DETERMINERS, EVIDENCE_SUBJECT, GROUP_NOUNS, NOT_NAME, ORG_WORDS, POSSESSIVES, ROLE_NOUN, actLemma, cueLemma } from './lexicon.js'
import { isCapitalised } from './names.js'
import { NOMINAL_STOP, make, mentionEndingAt, subjectAfter, tok, type Mention } from './mentions.js'
import { entityAt } from './entities.js'
import type { Token } from './text.js'

/** "said a statement released by the Prime Minister’s Office": the body that issued the text speaks. */
export function issuedBy(ctx: Context, e: number, max: number): Mention | null {
  let k = e
  const words: string[] = []
  for (let i = e - 1; i >= 0 && words.length < 3; i--) words.unshift(tok(ctx, i)?.lower ?? '')
  if (!words.some((w) => /^(statement|release|report|letter|post|tweet|memo|filing|notice)$/.test(w))) return null
  if (/^(released|issued|posted|published|sent)$/.test(tok(ctx, k)?.lower ?? '')) k++
  if (!/^(by|from)$/.test(tok(ctx, k)?.lower ?? '')) return null
  let n = k + 1
  if (tok(ctx, n)?.lower === 'the') n++
  const t = tok(ctx, n)
  if (!t || !isCapitalised(t) || n >= max) return null
  const m = subjectAfter(ctx, n - 1, max)
  return m && m.kind === 'name' ? m : null
}

/** After "Huber's": role words then a name ("… partner Erick Rowan"), else the description itself. */
export function possessed(ctx: Context, k: number, max: number): Mention | null {
  let e = k + 1
  while (e < max && e < k + 7) {
    const n = tok(ctx, e)
    if (!n || !n.word || isQuotedToken(ctx, e) || NOMINAL_STOP.has(n.lower) || isVerbLike(ctx, e)) break
    if (isCapitalised(n)) return subjectAfter(ctx, e - 1, max)
    e++
  }
  return e > k + 1 ? appositiveName(ctx, make(ctx, 'nominal', k, e - 1), max) : null
}

/** "according to his wife, Amanda, …": a name set off after a possessive description is the speaker. */
export function appositiveName(ctx: Context, m: Mention, max: number): Mention {
  const lead = tok(ctx, m.from)
  const possessive = POSSESSIVES.has(lead?.lower ?? '') || (!!lead && isCapitalised(lead) && /['’]s?$/u.test(lead.text))
  if (!possessive || tok(ctx, m.to)?.text !== ',') return m
  let e = m.to + 1
  while (e < max && e < m.to + 5 && tok(ctx, e) && isCapitalised(tok(ctx, e) as Token) && !NOT_NAME.has(tok(ctx, e)?.lower ?? '')) e++
  if (e === m.to + 1 || !/^[,.]$/.test(tok(ctx, e)?.text ?? '.')) return m
  return make(ctx, 'name', m.to + 1, e - 1)
}

/** "according to [people in attendance], …": the words up to the next comma or the sentence end. */
export function phraseAfter(ctx: Context, k: number, max: number): Mention | null {
  let e = k
  while (e < max && e < k + 15) {
    const t = tok(ctx, e)
    // "according to show insiders": a first word in its base form is a noun ("written documents" stays out).
    const noun = e === k && !!t && cueLemma(t.lower) === t.lower
    if (!t || isQuotedToken(ctx, e) || /^[,;:.!?()—–]$/.test(t.text) || (!noun && (isVerbLike(ctx, e) || /^\p{Ll}+ed$/u.test(t.text)))) break
    e++
  }
  return e > k && tok(ctx, k)?.word ? make(ctx, 'nominal', k, e - 1) : null
}

const AUX = /^(is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do)$/

/** "Norman’s lawyers [are] preparing", "The diocese [issued] a second": where a description stops. */
export function isVerbLike(ctx: Context, i: number): boolean {
  const t = tok(ctx, i)
  // Verbs are lower-case: "the United States" holds no verb "states".
  if (!t || t.text !== t.lower) return false
  if (AUX.test(t.lower) || cueLemma(t.lower)) return true
  return /^\p{Ll}+ed$/u.test(t.text) && /^(a|an|the|his|her|their|its)$/.test(tok(ctx, i + 1)?.lower ?? '')
}

const POSTMOD = /^(with|of|for|at|from|on)$/

/** "a person familiar with the talks", "an official with Animal Protection Services": the modifier belongs to the description. */
export function postmodified(ctx: Context, m: Mention, max: number): Mention {
  let e = m.to
  if (tok(ctx, e)?.lower === 'familiar' && tok(ctx, e + 1)?.lower === 'with') e++
  if (!POSTMOD.test(tok(ctx, e)?.lower ?? '')) return m
  let j = e + 1
  if (DETERMINERS.has(tok(ctx, j)?.lower ?? '')) j++
  let words = 0
  while (j < max && words < 6) {
    const t = tok(ctx, j)
    if (!t || !t.word || isQuotedToken(ctx, j) || isVerbLike(ctx, j)) break
    const joins = /^(of|and|&)$/.test(t.lower) && isCapitalised(tok(ctx, j + 1) ?? t) && words > 0
    if (NOMINAL_STOP.has(t.lower) && !joins) break
    j++
    words++
  }
  return words > 0 ? make(ctx, 'nominal', m.from, j - 1) : m
}

/** "Trump attacked Clinton", "Obama told Biden": a verb between two names is no role word ("Cambridge resident"). */
export function verbBetween(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = tok(ctx, i)?.lower ?? ''
    if (/^\p{Ll}{3,}ed$/u.test(w) || cueLemma(w) || actLemma(w) || FINITE_VERB.test(w)) return true
  }
  return false
}

const FINITE_VERB = /^(is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)$/

/** A dash ("—", "–", or the last "-" of "--"), as one of a pair around an aside. */
function isDash(ctx: Context, i: number): boolean {
  const t = tok(ctx, i)?.text ?? ''
  return t === '—' || t === '–' || (t === '-' && tok(ctx, i - 1)?.text === '-')
}

/**
 * "John Dickey, the chief executive of Ora Media -- the company that owns
 * the programme -- told me": the dash closing an aside at token k; returns the
 * token before the opening dash (where a comma would stand), or -1.
 */
export function dashAsideOpen(ctx: Context, k: number, min: number): number {
  if (!isDash(ctx, k)) return -1
  for (let j = k - 2; j > min && j > k - 40; j--) {
    if (isQuotedToken(ctx, j)) return -1
    if (!isDash(ctx, j)) continue
    const open = tok(ctx, j - 1)?.text === '-' ? j - 1 : j
    return open - 1 >= min ? open : -1
  }
  return -1
}

/** Nouns of a medium of speech: "in a statement" places no speaker. */
const MEDIUM = /^(statements?|interviews?|releases?|emails?|letters?|posts?|tweets?|speech|speeches|filings?|reports?|briefings?|conferences?|calls?|messages?)$/

/** "a spokesperson for the ministry": a description ending in "of/for X" starts further back. */
export function extendOf(ctx: Context, m: Mention, min: number): Mention {
  const p = tok(ctx, m.from - 1)
  // "a narrator in the ad", not "the company in a statement": "in" a place, not a medium of speech.
  const inPlace = p?.lower === 'in' && !MEDIUM.test(tok(ctx, m.to - 1)?.lower ?? '')
  if (!p || (!/^(of|for|at|with|from)$/.test(p.lower) && !inPlace)) return m
  const head = mentionEndingAt(ctx, m.from - 2, min)
  if (head && head.kind === 'nominal' && DETERMINERS.has(tok(ctx, head.from)?.lower ?? '')) return make(ctx, 'nominal', head.from, m.to - 1)
  // "Sources familiar with the case", "People close to the talks": the adjective's phrase belongs to its noun.
  if (head && head.kind === 'nominal' && /^(familiar|close)$/.test(tok(ctx, head.to - 1)?.lower ?? '')) return make(ctx, 'nominal', head.from, m.to - 1)
  // "elected officials from both parties say": a group of people, whatever comes before it.
  if (head && GROUP_NOUNS.has(tok(ctx, head.to - 1)?.lower ?? '') && tok(ctx, head.to - 1)?.text === tok(ctx, head.to - 1)?.lower) return make(ctx, 'nominal', head.from, m.to - 1)
  // "…, attorneys for the family said": a bare plural role noun set off by a comma.
  if (head && head.to - head.from === 1 && isPluralRole(tok(ctx, head.from)?.text ?? '')) return make(ctx, 'nominal', head.from, m.to - 1)
  // "Proponents of the new bill": a capitalised plural opening the sentence.
  const word = head && head.to - head.from === 1 ? tok(ctx, head.from) : undefined
  if (head && word && /^\p{Lu}\p{Ll}+[^s]s$/u.test(word.text) && !entityAt(ctx.entities, head)) return make(ctx, 'nominal', head.from, m.to - 1)
  return m
}

/** "attorneys", "lawyers", "spokesmen": the plural of a role noun, in lower case. */
function isPluralRole(word: string): boolean {
  const singular = word.replace(/men$/, 'man').replace(/s$/, '')
  return word !== singular && /^\p{Ll}+$/u.test(word) && ROLE_NOUN.test(singular)
}

const PREPOSITION = /^(of|from|for|about|with|into|over|under|after|before|against|by|in|on|at|to|than)$/

/** A past participle opening a description: "released Friday", "published by the council", "conducted in May". */
const ASIDE_PARTICIPLE = /^(?:\p{Ll}+ed|written|known|shown|given|taken|led|held|drawn|seen|made|done|built|run|set|put|sent|paid|begun)$/u

/**
 * Does the aside opening at token k describe the nominal m before its comma?
 * "A White House official, who requested anonymity, said", "Officials,
 * speaking on condition of anonymity, said", "The reports,
 * citing unnamed sources, said", "Critics, including Sen. Ruiz, say"; for a
 * body or a document also "The union,
 * which represents nurses, said", "The survey, released Friday, found".
 */
export function opensAside(ctx: Context, k: number, m: Mention): boolean {
  const first = tok(ctx, k)?.lower ?? ''
  // "Officials, speaking on condition of anonymity, said", "The minister, speaking to reporters, said".
  if (/^(who|citing|quoting|including|speaking|requesting)$/.test(first)) return true
  const head = tok(ctx, m.to - 1)?.lower ?? ''
  // "An expert cited in the report, which …, said": the object of a preposition is no subject.
  if ((!EVIDENCE_SUBJECT.test(head) && !ORG_WORDS.has(head)) || PREPOSITION.test(tok(ctx, m.from - 1)?.lower ?? '')) return false
  return first === 'which' || ASIDE_PARTICIPLE.test(first)
}

/**
 * "the state auditor", "the New York state attorney general": a cue's base
 * form at token i, after a determiner or a name and before a noun, modifies
 * the speaker's description ("a report from …" keeps its own rule).
 */
export function cueAsModifier(ctx: Context, i: number, min: number): boolean {
  const word = tok(ctx, i)
  const before = tok(ctx, i - 1)
  if (!word || !before || i - 1 < min || cueLemma(word.lower) !== word.lower || PREPOSITION.test(tok(ctx, i + 1)?.lower ?? '')) return false
  return DETERMINERS.has(before.lower) || isCapitalised(before)
}
