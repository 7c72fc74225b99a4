/**
 * Two checks of the indirect step that look at the words around a cue:
 * an attribution set between commas inside the reported sentence ("The
 * plan, she said, will fail"), and subject–verb agreement for base-form cue
 * words that are also nouns ("a swing state, said …" is no "state" verb).
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { contentEnd, FINITE, hasFiniteVerb, startsClause } from './clause.js'
import { BETWEEN, EVIDENCE_SUBJECT, cueLemma } from './lexicon.js'
import type { Mention } from './mentions.js'
import { attributionEnd } from './adjunct.js'
import { relativeWho } from './relative.js'
import { nextLead } from './ahead.js'
import { afterClause } from './ownclause.js'

const MIN_SIDE_WORDS = 2

/**
 * "When she got inside, she said, there were no ballots": the content is the
 * sentence on both sides of the attribution. `from` is the first token of the
 * attribution (its subject, or the cue of an inverted "…, said X, …"), `to`
 * the token after it; both must sit between commas.
 */
export function parenthetical(ctx: Context, unit: Unit, from: number, cueEnd: number): { content: Span[]; next: number } | null {
  const to = attributionEnd(ctx, cueEnd, unit.to)
  const open = ctx.tokens[from - 1]
  if (open?.text !== ',' || ctx.tokens[to]?.text !== ',' || isQuotedToken(ctx, from - 1)) return null
  // "The plan, said Chan, a senior analyst, is …": the sentence resumes after the speaker's appositive.
  // "…, Obama said, a majority of Americans have …": after the cue, "a" opens the sentence again, no appositive.
  const named = !cueLemma(ctx.tokens[cueEnd - 1]?.lower ?? '')
  const close = named && isAppositive(ctx, to + 1, unit.to) ? appositiveEnd(ctx, to + 1, unit.to) : to
  const first = ctx.tokens[close + 1]
  // "…, she said, adding that …" / "…, he said, according to …": the reporter goes on, not the speaker.
  if (close < 0 || !first || !first.word || cueLemma(first.lower) || first.lower === 'according') return null
  // "…, insists Wise, in seeing …": the reporter's own continuation. "…, she says, and lost his life …" goes on
  // with the speaker's sentence (both the GGT and PolNeAR sets annotate it so).
  if (/^(or|in|on|at|with|for|to|from|by|as|after|before)$/.test(first.lower)) return null
  // "…, the engineer said, but the council voted …": a contrasting clause with its own subject is the reporter's;
  // "…, the agency said, and those in the bottom fifth paid …" goes on with the source's list (PolNeAR annotates it so).
  // "…, said Hill, while Ortiz warned …": a contrast with a subject of its own is another report.
  if (/^(but|while|whereas|although|though)$/.test(first.lower) && startsClause(ctx, close + 2)) return null
  // "…, said the analyst, who follows Korea": a relative clause describes the speaker.
  if (/^(who|whose|whom|which)$/.test(first.lower)) return null
  if ((/ing$/.test(first.lower) && !gerundSubject(ctx, close + 1, unit.to)) || (first.lower.endsWith('ly') && /ing$/.test(ctx.tokens[close + 2]?.lower ?? ''))) return null
  const before = trimSpan(ctx.text, { start: unit.start, end: open.start })
  if (words(ctx, before) < MIN_SIDE_WORDS || /["”’»]$/.test(ctx.text.slice(before.start, before.end))) return null
  const end = contentEnd(ctx, close + 1, unit.to)
  const after = trimSpan(ctx.text, { start: first.start, end: end.offset })
  // The sentence goes on with a verb of its own; "…, said Chan, aggressively confronting …" is the reporter's.
  if (words(ctx, after) < MIN_SIDE_WORDS + 1 || !hasFiniteVerb(ctx, close + 1, end.next)) return null
  return { content: [before, after], next: end.next }
}

/**
 * "…, said Brian Baker, a longtime adviser to the family who oversees …":
 * the words after the attribution describe its speaker. An indefinite article
 * opens an appositive; "the" does when a relative pronoun comes before any verb.
 */
function isAppositive(ctx: Context, k: number, max: number): boolean {
  const first = ctx.tokens[k]?.lower ?? ''
  if (first === 'a' || first === 'an') return true
  if (first !== 'the') return false
  for (let i = k + 1; i < max && !/^[,;:]$/.test(ctx.tokens[i]?.text ?? ''); i++) {
    const w = ctx.tokens[i]?.lower ?? ''
    if (/^(who|whose|which|that)$/.test(w)) return true
    if (hasFiniteVerb(ctx, i, i + 1)) return false
  }
  return false
}

/** The comma closing an appositive when a finite verb follows it ("…, a senior analyst, is …"), or -1. */
function appositiveEnd(ctx: Context, k: number, max: number): number {
  for (let i = k + 1; i < max - 1; i++) {
    if (ctx.tokens[i]?.text === ',' && !isQuotedToken(ctx, i)) return FINITE.test(ctx.tokens[i + 1]?.lower ?? '') ? i : -1
  }
  return -1
}

/** "…, he said, replacing the mayor would be …": a gerund with its object, then an auxiliary, is the clause's subject. */
function gerundSubject(ctx: Context, k: number, max: number): boolean {
  for (let i = k + 1; i < max && i <= k + 4; i++) {
    const t = ctx.tokens[i]
    if (!t || !t.word || isQuotedToken(ctx, i)) return false
    if (FINITE.test(t.lower)) return i > k + 1
  }
  return false
}

function words(ctx: Context, s: Span): number {
  return (ctx.text.slice(s.start, s.end).match(/[\p{L}\p{N}]+/gu) ?? []).length
}

const SINGULAR_DET = /^(a|an|this|that|each|every|one)$/
const COUNT = /^(\d[\d,.%]*|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|percent|majority|third|quarter|half|[a-z]+-(?:thirds|fourths|fifths))$/

/**
 * A base-form cue ("say", "state", "report") after a singular subject with
 * no auxiliary before it is not a verb: "a swing state", "the report".
 */
export function agrees(ctx: Context, c: number, subject: Mention, lemma = cueLemma(ctx.tokens[c]?.lower ?? '')): boolean {
  const t = ctx.tokens[c]
  if (!t || lemma !== t.lower) return true
  for (let k = subject.to; k < c; k++) if (BETWEEN.has(ctx.tokens[k]?.lower ?? '')) return true
  // "Mr. Grassley and Mr. Leahy say": a coordinated subject is plural.
  if (/^(and|&)$/.test(ctx.tokens[subject.from - 1]?.lower ?? '') || / and /.test(ctx.text.slice(subject.start, subject.end))) return true
  const head = ctx.tokens[subject.to - 1]?.lower ?? ''
  const first = ctx.tokens[subject.from]?.lower ?? ''
  if (subject.kind === 'pronoun') return !/^(he|she|it)$/.test(head)
  // "one in five say", "9 percent say": counts and shares take a plural verb.
  if (subject.kind === 'nominal') return !SINGULAR_DET.test(first) || /s$/.test(head) || COUNT.test(head)
  return /s$/.test(head)
}

/** "He would not say which …", "she never claimed …": a speech act denied is no quote. */
export function negated(ctx: Context, from: number, c: number): boolean {
  for (let k = Math.max(from, c - 3); k < c; k++) if (/^(not|never|n['’]t|\p{L}+n['’]t)$/u.test(ctx.tokens[k]?.lower ?? '')) return true
  return false
}

const POSTMODIFIER = /^(who|that|which|of|in|from|with|at|for|on|by)$/
/** "a report released last year", "research conducted by …": a participle after the head, then where or when. */
const PARTICIPLE = /^(released|published|conducted|commissioned|obtained|issued|prepared|compiled|produced|funded)$/
const PARTICIPLE_NEXT = /^(by|in|on|at|last|this|earlier|for|from|over|during|since|after|before|to|under|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/

/**
 * "Executives who have worked with him say …", "Friends of the senator say …":
 * a subject the cue is far from, because a relative clause or a prepositional
 * phrase follows its head. The mention is the head phrase, up to the modifier.
 */
export function longSubject(ctx: Context, unit: Unit, c: number): Mention | null {
  const k = afterClause(ctx, afterOpening(ctx, nextLead(ctx, unit.from, c), c), c, unit.to)
  if (c - k > 20 || c - k < 3) return null
  let cut = -1
  for (let i = k; i < c; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i) || (/^[,;:()—–]$/.test(t.text) && !dateComma(ctx, i))) return null
    if (cut < 0 && i > k && (POSTMODIFIER.test(t.lower) || participlePhrase(ctx, i))) cut = i
  }
  if (cut < 0) return null
  // "An official with the agency who was in court told": the whole phrase before "who".
  const who = relativeWho(ctx, k, c)
  if (who > cut) cut = who
  const head = ctx.tokens[cut - 1]
  const first = ctx.tokens[k]
  if (!head || !first || !head.word || /^(is|are|was|were|has|have|had)$/.test(head.lower)) return null
  return { kind: 'nominal', from: k, to: cut, start: first.start, end: head.end }
}

const YEAR = /^(1[89]|20)\d\d$/

/** "since Jan. 1, 2015, shows": the commas around a date's year belong to the subject. */
function dateComma(ctx: Context, i: number): boolean {
  const text = (k: number): string => ctx.tokens[k]?.text ?? ''
  if (text(i) !== ',') return false
  return (/^\d{1,2}$/.test(text(i - 1)) && YEAR.test(text(i + 1))) || (YEAR.test(text(i - 1)) && text(i - 2) === ',' && /^\d{1,2}$/.test(text(i - 3)))
}

/** "released Friday", "being released on Tuesday by …": a participle phrase after a document's head. */
function participlePhrase(ctx: Context, i: number): boolean {
  const at = ctx.tokens[i]?.lower === 'being' ? i + 1 : i
  return PARTICIPLE.test(ctx.tokens[at]?.lower ?? '') && PARTICIPLE_NEXT.test(ctx.tokens[at + 1]?.lower ?? '')
}

const OPENING = /^(on|in|at|during|after|before|earlier|later|last|speaking)$/

/**
 * "On Tuesday’s episode of “The Show,” the former secretary of state …
 * said": a phrase of time or place before the subject, up to a comma and a
 * determiner. Returns the subject's first token, or k when there is none.
 */
function afterOpening(ctx: Context, k: number, c: number): number {
  if (!OPENING.test(ctx.tokens[k]?.lower ?? '')) return k
  for (let j = k + 1; j < c && j <= k + 15; j++) {
    if (ctx.tokens[j]?.text !== ',') continue
    // "…,” the former …": a closing mark may follow the comma.
    const n = /^["”’»]$/.test(ctx.tokens[j + 1]?.text ?? '') ? j + 2 : j + 1
    // "In 2019, research conducted by …": a bare document noun opens the subject too.
    return /^(the|a|an)$/.test(ctx.tokens[n]?.lower ?? '') || EVIDENCE_SUBJECT.test(ctx.tokens[n]?.lower ?? '') ? n : k
  }
  return k
}
