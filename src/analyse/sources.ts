/**
 * Sources named outside a verb: "According to X, …" and "…, according to
 * X", "For X, …" and a headline's "Name: …"; and the subject a sentence
 * opens with, after its openers and a fronted adverbial.
 */
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { contentEnd, hasFiniteVerb, narratesPast } from './clause.js'
import { build, type Found } from './found.js'
import { make, phraseAfter, subjectAfter, type Mention } from './mentions.js'
import { isCapitalised } from './names.js'
import { isOpeningAdverb, isOpeningParticiple } from './openers.js'
import { resolveMention } from './resolve.js'
import type { Span } from '../domain/index.js'
import { nextWord } from './ahead.js'

const PARTICIPLE_PHRASE = /^(published|released|issued|conducted|commissioned|updated|obtained|completed|dated|posted)$/

export function accordingTo(ctx: Context, unit: Unit, c: number): Found | null {
  const to = ctx.tokens[c + 1]
  const t = ctx.tokens[c]
  if (!to || !t) return null
  const cue = { start: t.start, end: to.end }
  // "according to early results of exit polls conducted by …": any phrase up to the comma is the source.
  const named = subjectAfter(ctx, c + 1, unit.to)
  const m = named ?? phraseAfter(ctx, c + 2, unit.to)
  if (!m) return null
  // "…, according to X." (the content comes first) or "According to X, …".
  const before = trimSpan(ctx.text, { start: unit.start, end: t.start })
  const inside = accordingInside(ctx, unit, c, m, before)
  if (inside) return build(ctx, unit, inside.content, cue, m, inside.next, !named)
  if ((ctx.text.slice(before.start, before.end).match(/[\p{L}\p{N}]+/gu) ?? []).length >= 4) {
    return build(ctx, unit, before, cue, m, unit.to, !named)
  }
  let k = m.to
  while (k < unit.to && ctx.tokens[k]?.text !== ',') k++
  // "According to the city's assessment, published in November, the number …": the source's participle phrase.
  if (PARTICIPLE_PHRASE.test(ctx.tokens[k + 1]?.text ?? '')) {
    let j = k + 2
    while (j < unit.to && j < k + 10 && ctx.tokens[j]?.text !== ',') j++
    if (ctx.tokens[j]?.text === ',') k = j
  }
  if (k >= unit.to - 1) return null
  const end = contentEnd(ctx, k + 1, unit.to)
  return build(ctx, unit, trimSpan(ctx.text, { start: ctx.tokens[k + 1]?.start ?? unit.end, end: end.offset }), cue, m, end.next, !named)
}

/**
 * "The harsh truth, according to addiction experts, is that …": a source set
 * between commas inside the sentence; the content is the sentence on both sides.
 */
function accordingInside(ctx: Context, unit: Unit, c: number, m: Mention, before: Span): { content: Span[]; next: number } | null {
  let close = m.to
  if (ctx.tokens[c - 1]?.text !== ',' || ctx.tokens[close]?.text !== ',' || isQuotedToken(ctx, c - 1)) return null
  // "according to Ana Ruiz, the port director, will …": the appositive belongs to the source.
  if (/^(the|a|an)$/.test(ctx.tokens[close + 1]?.lower ?? '')) {
    for (let j = close + 2; j < unit.to && j <= close + 9; j++) {
      if (ctx.tokens[j]?.text === ',') {
        close = j
        break
      }
    }
  }
  const end = contentEnd(ctx, close + 1, unit.to)
  const after = trimSpan(ctx.text, { start: ctx.tokens[close + 1]?.start ?? unit.end, end: end.offset })
  const wordsAfter = (ctx.text.slice(after.start, after.end).match(/[\p{L}\p{N}]+/gu) ?? []).length
  // The sentence goes on with its own verb: "X, according to Y, rebuffed …"; not "…, according to Y, who …".
  if (wordsAfter < 3 || /^(who|which|that|and|but|adding|saying)$/.test(ctx.tokens[close + 1]?.lower ?? '') || !hasFiniteVerb(ctx, close, end.next)) return null
  return { content: [before, after], next: end.next }
}

/** "For Bennet, the realistic options …": only for a person already quoted in the article, and not told in the past. */
export function forX(ctx: Context, unit: Unit, c: number): Found | null {
  if (!isCapitalised(ctx.tokens[c + 1] ?? { word: false, text: '' } as never)) return null
  const m = subjectAfter(ctx, c, unit.to)
  if (!m || m.kind !== 'name' || ctx.tokens[m.to]?.text !== ',') return null
  const speaker = resolveMention(ctx, m)
  if (!speaker || speaker.kind !== 'person' || !speaker.entityId || !ctx.spoken.has(speaker.entityId)) return null
  const t = ctx.tokens[c]
  if (!t) return null
  const end = contentEnd(ctx, m.to + 1, unit.to)
  // "For Mr. Ruiz, the merger opened the door to …": what it meant to him then is the reporter's narration.
  if (narratesPast(ctx, m.to + 1, end.next)) return null
  return build(ctx, unit, trimSpan(ctx.text, { start: ctx.tokens[m.to + 1]?.start ?? unit.end, end: end.offset }), { start: t.start, end: t.end }, m, end.next)
}

const OPENERS = /^(but|and|however|meanwhile|still|yet|so|now|then|also|instead|indeed)$/
const ORDINAL_ADVERB = /^(first|second|third|fourth|fifth|firstly|secondly|thirdly|last|next|finally|lastly)$/
const ADVERBIAL = /^(on|in|at|after|before|when|while|since|as|although|though|if|during|despite|last|earlier|later|speaking|asked|in|from|with|without|under|over|for|by|because|until|unlike|like|amid|following)$/

/** The grammatical subject at the start of a sentence, after openers and a fronted adverbial. */
export function sentenceSubject(ctx: Context, unit: Unit): Mention | null {
  let k = firstWordIndex(ctx, unit)
  if (k < 0) return null
  while (OPENERS.test(ctx.tokens[k]?.lower ?? '')) k++
  if (ctx.tokens[k]?.text === ',') k++
  // "First, she mixed up …", "Lastly, excerpts …": a sentence adverb set off by a comma is no subject.
  if (ctx.tokens[k + 1]?.text === ',' && (ORDINAL_ADVERB.test(ctx.tokens[k]?.lower ?? '') || isOpeningAdverb(ctx.tokens, k))) k += 2
  if (ADVERBIAL.test(ctx.tokens[k]?.lower ?? '')) {
    let j = k
    while (j < unit.to && j < k + 15 && ctx.tokens[j]?.text !== ',') j++
    if (ctx.tokens[j]?.text !== ',') return null
    k = j + 1
    // On “Face the Nation,” Sanders …: the comma closes a quoted title.
    if (/^["”’»]$/.test(ctx.tokens[k]?.text ?? '')) k++
    // "On July 6, 2015, Sanders …": the year of a date.
    if (/^\d{4}$/.test(ctx.tokens[k]?.text ?? '') && ctx.tokens[k + 1]?.text === ',') k += 2
    // "On Thursday, however, Trump …": a sentence adverb set off after the adverbial.
    if (OPENERS.test(ctx.tokens[k]?.lower ?? '') && ctx.tokens[k + 1]?.text === ',') k += 2
  }
  // "Chastened by the analyses, as well as …, Trump revised …": a fronted participle's phrase ends at the comma before a capital.
  if (isOpeningParticiple(ctx.tokens, k)) {
    let j = k + 1
    while (j < unit.to && j < k + 25 && !(ctx.tokens[j]?.text === ',' && isCapitalised(ctx.tokens[j + 1] ?? ctx.tokens[j]!))) j++
    if (ctx.tokens[j]?.text !== ',') return null
    k = j + 1
  }
  // "Meanwhile, it attacked the plan, saying …": "it" (a body named before) opening the sentence with its past-tense verb.
  if (ctx.tokens[k]?.lower === 'it' && /^\p{Ll}+ed$/u.test(ctx.tokens[k + 1]?.text ?? '')) return make(ctx, 'pronoun', k, k)
  return subjectAfter(ctx, k - 1, unit.to)
}

/** "Graham: Trump’s rhetoric is destroying the party" — a headline or lead naming its speaker before a colon. */
export function colonHeadline(ctx: Context, unit: Unit): Found | null {
  const k = firstWordIndex(ctx, unit)
  if (k < 0) return null
  const m = subjectAfter(ctx, k - 1, Math.min(unit.to, k + 6))
  const colon = m ? ctx.tokens[m.to] : undefined
  if (!m || !colon || m.kind !== 'name' || m.from !== k) return null
  // "Obama on Climate Change: The Trends Are ‘Terrifying’": a title's speaker on a topic.
  const topic = unit.paragraph === 0 && colon.lower === 'on' ? topicColon(ctx, m.to + 1, unit.to) : -1
  if (topic > 0) return buildAfterColon(ctx, unit, m, m.to, topic)
  if (colon.text !== ':') return null
  // In the title any name will do ("Graham: Trump’s rhetoric …", "Poll: …") but a section's kicker ("Football: Rovers
  // win derby"); in the body only a known person.
  const speaker = resolveMention(ctx, m)
  const known = !!speaker?.entityId && ctx.entities.confirmed.has(speaker.entityId)
  const kicker = m.to - m.from === 1 && SECTION_KICKERS.has(ctx.tokens[m.from]?.lower ?? '')
  if (!known && !(unit.paragraph === 0 && speaker && !kicker)) return null
  return buildAfterColon(ctx, unit, m, m.to, m.to)
}

/** Words a title opens with to say which section or format a story is in, never who speaks ("Football: …", "Analysis: …"). */
const SECTION_KICKERS = new Set(
  `sport sports football soccer cricket rugby tennis golf boxing basketball baseball hockey athletics cycling motorsport
  racing olympics business markets money economy finance politics world national local metro opinion analysis comment
  commentary editorial editorials review reviews interview explainer explained factcheck fact-check obituary obituaries
  letters science health tech technology culture arts entertainment music film films movies television tv books travel
  weather lifestyle food fashion education environment climate crime courts breaking exclusive update updated live watch
  video videos photos pictures gallery podcast quiz recap preview`.split(/\s+/),
)

/** The colon closing a short title-case topic after "on" ("on Climate Change:"), or -1. */
function topicColon(ctx: Context, k: number, max: number): number {
  for (let i = k; i < max && i <= k + 5; i++) {
    const t = ctx.tokens[i]
    if (t?.text === ':') return i > k ? i : -1
    if (!t || !t.word || !isCapitalised(t)) return -1
  }
  return -1
}

/** The rest of the unit after the colon at `colon`, the cue running from `cueFrom` to it. */
function buildAfterColon(ctx: Context, unit: Unit, m: Mention, cueFrom: number, colon: number): Found | null {
  const first = ctx.tokens[cueFrom]
  const last = ctx.tokens[colon]
  if (!first || !last) return null
  const start = ctx.tokens[colon + 1]?.start ?? unit.end
  return build(ctx, unit, trimSpan(ctx.text, { start, end: unit.end }), { start: first.start, end: last.end }, m, unit.to)
}

export function firstWordIndex(ctx: Context, unit: Unit): number {
  const i = nextWord(ctx, unit.from, unit.to)
  return i < unit.to ? i : -1
}

/**
 * "In the wake of the Gazette report, Varga has portrayed herself as …": a
 * document noun closing the prepositional phrase that opens the sentence
 * (the comma right after it) is that phrase's noun, no cue; the sentence's
 * own verb reports.
 */
const PREPOSITION = /^(in|after|following|amid|despite|since|with|under|from|before|unlike|like|per)$/

/** Is the cue candidate at c the last word of a fronted prepositional phrase? */
export function frontedPhraseNoun(ctx: Context, unit: Unit, c: number): boolean {
  const first = firstWordIndex(ctx, unit)
  if (first < 0 || c <= first + 1 || ctx.tokens[c + 1]?.text !== ',') return false
  if (!PREPOSITION.test(ctx.tokens[first]?.lower ?? '')) return false
  for (let i = first + 1; i < c; i++) if (/^[,;:—–]$/.test(ctx.tokens[i]?.text ?? '')) return false
  return true
}
