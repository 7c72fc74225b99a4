/**
 * The local speaker mention next to a cue: a name ("Jeremy Chan"), a pronoun
 * ("he"), a title or description ("the analyst", "a spokesperson for the
 * ministry"), an organisation ("Reuters") or a group ("Critics").
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, tokenFrom, type Context } from './context.js'
import { BETWEEN, DETERMINERS, EVIDENCE, EVIDENCE_SUBJECT, GROUP_NOUNS, NOT_NAME, PARTICLES, PRONOUNS, cueLemma } from './lexicon.js'
import { isCapitalised } from './names.js'
import { isOpeningAdverb } from './openers.js'
import { entityAt } from './entities.js'
import type { Token } from './text.js'
import { timeEndingAt } from './timing.js'
import { beforeBracket, contractedPronoun, isPossessive } from './mentionshape.js'
import { affiliated, closeTo, isOpeningGroup } from './affiliation.js'
import { appositiveName, dashAsideOpen, extendOf, cueAsModifier, isVerbLike, issuedBy, opensAside, possessed, postmodified, verbBetween } from './descriptions.js'

export { phraseAfter } from './descriptions.js'

export type MentionKind = 'name' | 'pronoun' | 'nominal'

export interface Mention extends Span {
  kind: MentionKind
  /** Token index range [from, to). */
  from: number
  to: number
  /** For a relative "who": the noun phrase it stands for. */
  antecedent?: Mention
}

const NUMBER_WORDS = /^(\d[\d,.%]*|\p{Ll}+-(?:thirds|fourths|fifths|quarters)|nearly|about|almost|roughly|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|millions|half|most|majorities|majority)$/u

const NAME_JOIN = new Set(['de', 'da', 'del', 'di', 'van', 'von', 'der', 'le', 'la', 'du', 'al', 'bin', 'st.', '.', '-', 'of', '&', 'for', 'and'])
export const NOMINAL_STOP = new Set(['that', 'which', 'who', 'and', 'or', 'but', 'to', 'in', 'on', 'at', 'by', 'with', 'as', 'if', 'when', 'than', 'because', 'while', 'so', 'it', 'there'])

export function tok(ctx: Context, i: number): Token | undefined {
  return ctx.tokens[i]
}

/** Skip adverbs and auxiliaries backwards from i (inclusive): "Chan [also] said". */
function skipBetweenBack(ctx: Context, i: number, min: number): number {
  let k = i
  while (k >= min && k > i - 3 && (BETWEEN.has(tok(ctx, k)?.lower ?? '') || MANNER.test(tok(ctx, k)?.text ?? ''))) k--
  return k
}

/** "finally said", "angrily told": a manner or time adverb in -ly (lower case, so no name such as "Kelly"; not "the family said"). */
const MANNER = /^(?!(?:family|ally|assembly|supply|rally|anomaly|monopoly|reply|belly|bully|folly|tally|daily|weekly|monthly|quarterly|early|elderly|italy|july|lily|holly|jelly|homily|melancholy)$)\p{Ll}{3,}ly$/u

/** The mention ending at token k (inclusive), scanning back no further than min. */
export function mentionEndingAt(ctx: Context, k: number, min: number): Mention | null {
  const t = tok(ctx, k)
  if (!t || k < min || isQuotedToken(ctx, k)) return null
  // "You said …" in an interview addresses the interviewee: no speaker mention.
  if (t.lower === 'you') return null
  if (PRONOUNS.has(t.lower)) return make(ctx, 'pronoun', k, k)
  if (GROUP_NOUNS.has(t.lower)) return groupPhrase(ctx, k, min)
  if (isOpeningGroup(ctx, k) && !isCapitalised(tok(ctx, k + 1) ?? t)) return make(ctx, 'nominal', k, k)
  if (isCapitalised(t) && !NOT_NAME.has(t.lower)) {
    let s = k
    while (s - 1 >= min && !isQuotedToken(ctx, s - 1)) {
      const p = tok(ctx, s - 1)
      if (!p) break
      if (isCapitalised(p) && !NOT_NAME.has(p.lower) && !cueLemma(p.lower) && !isOpeningAdverb(ctx.tokens, s - 1)) s--
      else if (NAME_JOIN.has(p.lower) && isCapitalised(tok(ctx, s - 2) ?? p) && s - 2 >= min && p.start - (tok(ctx, s - 2)?.end ?? 0) <= 1) s -= 2
      else break
    }
    if (tok(ctx, s - 1)?.lower === 'the' && s - 1 >= min) s--
    return make(ctx, 'name', s, k)
  }
  // "the report says", "a new estimate warns": a document noun that is also a cue verb, after its determiner or
  // modifier ("shows" and "found" keep their own rule for documents, evidenceWithLongSubject in indirect.ts).
  const documentNoun = EVIDENCE_SUBJECT.test(t.lower) && !!tok(ctx, k - 1)?.word && k - 1 >= min && !EVIDENCE.has(cueLemma(tok(ctx, k + 1)?.lower ?? '') ?? '')
  if (!t.word || NOMINAL_STOP.has(t.lower) || (cueLemma(t.lower) && !documentNoun)) return null
  // A description: walk back to its determiner ("the senior analyst") or a bare plural ("Critics").
  let s = k
  while (s > min && s > k - 5) {
    const p = tok(ctx, s - 1)
    // "Bernie Sanders’ campaign": cross a possessive apostrophe.
    if (p && /^['’]$/.test(p.text) && /s$/i.test(tok(ctx, s - 2)?.text ?? '') && s - 2 >= min) {
      s--
      continue
    }
    // "eight in 10 voters", "two of three Republicans": a proportion, not a preposition.
    if (isProportion(ctx, s - 1, min)) {
      s -= 2
      continue
    }
    if (!p || !p.word || isQuotedToken(ctx, s - 1) || NOMINAL_STOP.has(p.lower) || (cueLemma(p.lower) && !cueAsModifier(ctx, s - 1, min))) break
    s--
    if (DETERMINERS.has(p.lower)) break
  }
  const first = tok(ctx, s)
  if (!first) return null
  const head = t.lower
  // "the senior analyst", "Critics", "22 percent", "Cisco’s Talos cybersecurity unit".
  const properLed = s < k && isCapitalised(first) && !NOT_NAME.has(first.lower)
  // "local farmers said": a bare plural opening the clause.
  const barePlural = /^\p{Ll}+[^s]s$/u.test(t.text) && (s <= min || /^(,|and|but|;)$/.test(tok(ctx, s - 1)?.lower ?? ''))
  if (DETERMINERS.has(first.lower) || GROUP_NOUNS.has(head) || NUMBER_WORDS.test(first.lower) || properLed || barePlural || (s === k && isCapitalised(t))) {
    if (s === k && DETERMINERS.has(head)) return null
    return make(ctx, 'nominal', s, k)
  }
  return null
}

/** "eight [in] 10 voters", "two [of] three Republicans": a proportion, not a preposition. */
function isProportion(ctx: Context, i: number, min: number): boolean {
  return /^(in|of)$/.test(tok(ctx, i)?.lower ?? '') && NUMBER_WORDS.test(tok(ctx, i - 1)?.lower ?? '') && i - 1 >= min
}

/** "Critics", "veteran MPs", "The shelter residents", "his supporters": a group noun and its modifiers. */
function groupPhrase(ctx: Context, k: number, min: number): Mention {
  let s = k
  while (s > min && s > k - 4) {
    const p = tok(ctx, s - 1)
    // "eight in 10 voters"; "lawyers and experts": two plural nouns joined.
    const joined = p?.lower === 'and' && /\p{Ll}[^s]s$/u.test(tok(ctx, s - 2)?.text ?? '') && s - 2 >= min
    if (p && (isProportion(ctx, s - 1, min) || joined)) {
      s -= 2
      continue
    }
    if (!p || !p.word || isQuotedToken(ctx, s - 1) || NOMINAL_STOP.has(p.lower) || cueLemma(p.lower) || BETWEEN.has(p.lower)) break
    if (/^\p{Lu}/u.test(p.text) && !DETERMINERS.has(p.lower) && s - 1 > min && tok(ctx, s - 2)?.word) break
    s--
    if (DETERMINERS.has(p.lower)) break
  }
  return make(ctx, 'nominal', s, k)
}

/** Subject of a cue at token c: "Chan said", "Jeremy Chan, a senior analyst …, told". */
export function subjectBefore(ctx: Context, c: number, min: number): Mention | null {
  let k = skipBetweenBack(ctx, c - 1, min)
  // "The board on Friday announced": when it was said sits between the subject and its cue.
  const time = timeEndingAt(ctx, k, min)
  if (time <= k) k = skipBetweenBack(ctx, time - 1, min)
  // "Proponents of the bill, however, say": a sentence adverb between commas.
  if (tok(ctx, k)?.text === ',' && /^(however|though|too|meanwhile|instead|therefore|moreover|also)$/.test(tok(ctx, k - 1)?.lower ?? '') && tok(ctx, k - 2)?.text === ',' && k - 3 >= min) k -= 3
  // "Export Development Canada (EDC) said", "Sen. Bernie Sanders (I-Vt.) said": a short bracket belongs to the name.
  const bracket = beforeBracket(ctx, k, min)
  if (bracket !== k && bracket >= min) k = skipBetweenBack(ctx, bracket, min)
  // "McConnell, who in 2010 said …", "Sanders on Tuesday said …": a year or a day between the subject and its verb.
  if (/^(in|on|since)$/.test(tok(ctx, k - 1)?.lower ?? '') && /^((1[89]|20)\d\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(tok(ctx, k)?.lower ?? '') && tok(ctx, k - 2)?.word && k - 2 >= min) k -= 2
  // "John Dickey, the chief executive of Ora Media -- the company that … -- told me": the aside stands as a comma does.
  const aside = dashAsideOpen(ctx, k, min)
  if (aside >= 0) k = aside
  if (k < min) return null
  const t = tok(ctx, k)
  if (!t) return null
  // "She’s said", "they’ve argued", "who’s called for": a pronoun with its auxiliary ("she’s said to be" is passive).
  const contracted = contractedPronoun(ctx, k, c)
  if (contracted === 'passive') return null
  if (contracted && contracted !== 'who') return { kind: 'pronoun', from: k, to: k + 1, start: t.start, end: t.start + contracted.length }
  if (t.lower === 'who' || contracted === 'who') {
    // "Chan, who said …": the relative pronoun is the local mention, the phrase before it the speaker.
    // "Clinton — who’s called for …": a dash opens the relative clause as a comma does.
    const back = /^(,|—|–|--)$/.test(tok(ctx, k - 1)?.text ?? '') ? k - 2 : k - 1
    let np = mentionEndingAt(ctx, back, min)
    // "Nunes, the ferocious brawler who calls herself …": the name before the description.
    if (np?.kind === 'nominal' && tok(ctx, np.from - 1)?.text === ',') {
      const name = mentionEndingAt(ctx, np.from - 2, min)
      if (name?.kind === 'name') np = name
    }
    return np ? { ...make(ctx, 'pronoun', k, k), antecedent: np } : null
  }
  if (t.lower === 'which' && tok(ctx, c + 1)?.lower === 'that') {
    // "the European Union, which contended that …", "the study -- which notes that …": an organisation or a document speaks.
    let back = k - 1
    while (back > k - 3 && /^(,|-|--|—|–)$/.test(tok(ctx, back)?.text ?? '')) back--
    const np = mentionEndingAt(ctx, back, min)
    if (!np || (np.kind !== 'name' && !EVIDENCE_SUBJECT.test(tok(ctx, np.to - 1)?.lower ?? ''))) return null
    return { ...make(ctx, 'pronoun', k, k), antecedent: np }
  }
  if (t.text === ',' || aside >= 0) {
    // Appositive between commas: the leftmost person name before one of the commas
    // ("Jeremy Chan, a senior analyst …, told"; "the director for EHS, Jeff Fraser, says").
    const candidates: Mention[] = []
    const direct = mentionEndingAt(ctx, k - 1, min)
    // "…, Jeff Fraser, says" names the speaker; "… to Mr. Sanders, said David Axelrod" does not.
    const set = direct && (direct.from <= min || /^(,|but|and|so|yet)$/i.test(tok(ctx, direct.from - 1)?.lower ?? ''))
    if (direct && set && direct.kind === 'name' && !isPossessive(ctx, direct)) candidates.push(direct)
    for (let j = (direct ? direct.from : k) - 1; j >= min && j > k - 40; j--) {
      if (isQuotedToken(ctx, j)) break
      if (tok(ctx, j)?.text !== ',') continue
      const bare = mentionEndingAt(ctx, beforeBracket(ctx, j - 1, min), min)
      // "A spokesman for the utility, which …, said": the description reaches back over its modifier.
      const m = bare?.kind === 'nominal' ? extendOf(ctx, bare, min) : bare
      // A description with a relative clause or a participle (descriptions.ts).
      const relative = m?.kind === 'nominal' && opensAside(ctx, j + 1, m)
      if (m && (m.kind === 'name' || relative) && !isPossessive(ctx, m)) candidates.push(m)
      // "…, said Hill, while Jane Ortiz, an analyst, warned": the clause opens at its conjunction, no subject lies before.
      if (m && CLAUSE_OPENER.test(tok(ctx, m.from - 1)?.lower ?? '')) break
    }
    const people = candidates.filter((m) => entityAt(ctx.entities, m)?.kind === 'person')
    return people[people.length - 1] ?? candidates[candidates.length - 1] ?? null
  }
  const m = mentionEndingAt(ctx, k, min)
  // "Those close to him say": an object pronoun is no subject, but the people close to it are.
  if (!m) return /^(him|her|them)$/.test(t.lower) ? closeTo(ctx, make(ctx, 'pronoun', k, k), min) : null
  // "an analysis released by the Transport Department last month reveals": the agent of a participle is no subject.
  if (isPossessive(ctx, m) || (m.kind === 'name' && tok(ctx, m.from - 1)?.lower === 'by')) return null
  const close = closeTo(ctx, m, min)
  if (close) return close
  if (m.kind === 'name') return affiliated(ctx, m, min) ?? m
  if (m.kind !== 'nominal') return m
  // "Rempel this week called …": a time phrase sits between the subject and its verb.
  if (TIME_HEAD.test(tok(ctx, m.to - 1)?.lower ?? '')) return m.from - 1 >= min ? subjectBefore(ctx, m.from, min) : null
  // "a person familiar with the talks said": the description reaches back over its modifier.
  const extended = extendOf(ctx, m, min)
  if (extended !== m) return extended
  // "in a carefully worded response said": a prepositional phrase is not the subject ("after the mogul claimed" opens a clause).
  if (/^(in|on|at|during|with|from|by|under|through|via)$/.test(tok(ctx, m.from - 1)?.lower ?? '')) return null
  return m
}

const CLAUSE_OPENER = /^(while|whereas|although|though|because|since|but)$/

const TIME_HEAD = /^(week|weekend|month|year|day|morning|afternoon|evening|night|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/

/** Inverted subject after a cue: "said Chan", "said Jeremy Chan, a senior analyst". */
export function subjectAfter(ctx: Context, c: number, max: number): Mention | null {
  let k = c + 1
  if (PARTICLES.has(tok(ctx, k)?.lower ?? '') && c > 0 && cueLemma(tok(ctx, c)?.lower ?? '')) {
    // "chimed in Smith" yes; "said in a commentary" is a place, not a speaker.
    if (DETERMINERS.has(tok(ctx, k + 1)?.lower ?? '')) return null
    k++
  }
  if (k >= max) return null
  k = skipRoleWords(ctx, k, max)
  const first = k
  const t = tok(ctx, k)
  if (!t || isQuotedToken(ctx, k)) return null
  if (PRONOUNS.has(t.lower) && t.lower !== 'it' && t.lower !== 'you') return make(ctx, 'pronoun', k, k)
  if (isCapitalised(t) && !NOT_NAME.has(t.lower)) {
    while (k + 1 < max) {
      const n = tok(ctx, k + 1)
      if (n && isCapitalised(n) && !isQuotedToken(ctx, k + 1) && !NOT_NAME.has(n.lower)) k++
      else if (n && NAME_JOIN.has(n.lower) && n.lower !== '.' && isCapitalised(tok(ctx, k + 2) ?? n) && k + 2 < max) k += 2
      else break
    }
    // "writes Huber's longtime tag team partner Erick Rowan": the possessive only describes the speaker.
    if (/['’]s?$/u.test(tok(ctx, k)?.text ?? '')) return possessed(ctx, k, max)
    // "says Cambridge resident Andre Campbell": a place or organisation, role words, then the name.
    // "said John Smith of the Brookings Institution": a preposition after the name opens its body, no role words.
    const later = MEMBER_OF.test(tok(ctx, k + 1)?.lower ?? '') ? k + 1 : skipRoleWords(ctx, k + 1, max)
    if (later > k + 1 && later - k <= 4 && !verbBetween(ctx, k + 1, later)) return subjectAfter(ctx, later - 1, max) ?? make(ctx, 'name', first, k)
    return make(ctx, 'name', first, k)
  }
  if (t.lower === 'the' && isCapitalised(tok(ctx, k + 1) ?? t) && !isCapitalised(t)) {
    // "the United States Supreme Court": a name after its article.
    const inner = subjectAfter(ctx, k, max)
    if (inner?.kind === 'name') return { ...inner, from: k, start: t.start }
  }
  if (DETERMINERS.has(t.lower)) {
    let e = k + 1
    while (e < max && e < k + 5) {
      const n = tok(ctx, e)
      if (!n || !n.word || NOMINAL_STOP.has(n.lower) || isQuotedToken(ctx, e) || isVerbLike(ctx, e)) break
      e++
    }
    if (e > k + 1) return issuedBy(ctx, e, max) ?? appositiveName(ctx, postmodified(ctx, make(ctx, 'nominal', k, e - 1), max), max)
  }
  return null
}

const MEMBER_OF = /^(of|at|from|with|for)$/

/** "said lead author Dr. Allan Garland": skip lower-case role words before a name. */
function skipRoleWords(ctx: Context, k: number, max: number): number {
  const t = tok(ctx, k)
  if (!t || !t.word || isCapitalised(t) || DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower)) return k
  for (let e = k; e < max && e < k + 4; e++) {
    const n = tok(ctx, e)
    if (!n || !n.word || isQuotedToken(ctx, e) || NOMINAL_STOP.has(n.lower) || isVerbLike(ctx, e)) return k
    if (isCapitalised(n)) return e
  }
  return k
}

/** Words that never end a speaker mention: "Trump formally", "A total of 39 are", "the mayor via". */
const NOT_MENTION_END = /^(is|are|was|were|be|been|being|has|have|had|both|via|the|a|an|of|for|also|who)$|^\p{Ll}+ed$/u

/** The name mention covering the characters [start, end) (a name found by a pattern over the text), or null. */
export function nameMentionAt(ctx: Context, start: number, end: number): Mention | null {
  const from = tokenFrom(ctx, start)
  if (from >= ctx.tokens.length) return null
  let to = from
  while (to + 1 < ctx.tokens.length && (ctx.tokens[to + 1]?.end ?? Infinity) <= end) to++
  return make(ctx, 'name', from, to)
}

export function make(ctx: Context, kind: MentionKind, from: number, lastToken: number): Mention {
  let last = lastToken
  while (kind !== 'pronoun' && last > from && (NOT_MENTION_END.test(tok(ctx, last)?.text ?? '') || MANNER.test(tok(ctx, last)?.text ?? ''))) last--
  const a = tok(ctx, from)
  const b = tok(ctx, last)
  const end = b ? b.end - (/['’]s?$/u.exec(b.text)?.[0].length ?? 0) : 0
  return { kind, from, to: last + 1, start: a?.start ?? 0, end: Math.max(end, a?.start ?? 0) }
}
