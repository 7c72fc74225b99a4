/**
 * Reported speech in one sentence unit: "X said (that) …", "X told Y …",
 * "…, X said.", "…, said X.", "According to X, …", "…, according to X.",
 * "For X, …". A content that contains quotation marks is a mixed quote.
 */
import type { QuoteKind, Span } from '../domain/index.js'
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import type { Draft } from './draft.js'
import { ADDRESSEE, BETWEEN, COGNITION, cueLemma } from './lexicon.js'
import { subjectAfter, subjectBefore, type Mention } from './mentions.js'
import { isCapitalised } from './names.js'
import { resolveMention, isPublisher } from './resolve.js'

const MIN_WORDS = 3

export function indirectInUnit(ctx: Context, unit: Unit): Draft[] {
  const out: Draft[] = []
  const headline = colonHeadline(ctx, unit)
  if (headline) return [headline.draft]
  let from = unit.from
  for (let c = unit.from; c < unit.to; c++) {
    if (c < from || isQuotedToken(ctx, c)) continue
    const d = patternAt(ctx, unit, c, out[out.length - 1] ?? null)
    if (!d) continue
    out.push(d.draft)
    from = d.next
  }
  return out
}

interface Found {
  draft: Draft
  /** Token index to continue scanning from. */
  next: number
}

function patternAt(ctx: Context, unit: Unit, c: number, prev: Draft | null): Found | null {
  const t = ctx.tokens[c]
  if (!t) return null
  if (t.lower === 'according' && ctx.tokens[c + 1]?.lower === 'to') return accordingTo(ctx, unit, c)
  if (t.lower === 'for' && firstWordIndex(ctx, unit) === c) return forX(ctx, unit, c)
  const lemma = cueLemma(t.lower)
  // Cue verbs are lower-case: "United States", "Post" are names.
  if (!lemma || t.text !== t.lower || t.lower.endsWith('ing') && !/^(saying|telling|reporting|arguing|warning|claiming|insisting|adding|noting)$/.test(t.lower)) return null
  const cue = { start: t.start, end: t.end }
  if (t.lower.endsWith('ing') && ctx.tokens[c - 1]?.text === ',') {
    // "Trump hit back on Monday, saying …": the speaker is the subject of the sentence.
    const subject = prev?.mention ?? sentenceSubject(ctx, unit)
    return subject ? leading(ctx, unit, c, lemma, cue, subject) : null
  }
  const subject = subjectBefore(ctx, c, unit.from)
  if (subject && !isPublisher(ctx, ctx.text.slice(subject.start, subject.end))) {
    if (isTrailing(ctx, unit, c, subject)) {
      const content = trimSpan(ctx.text, { start: unit.start, end: subject.start })
      return isClause(ctx, content) ? build(ctx, unit, content, cue, subject, unit.to) : null
    }
    return leading(ctx, unit, c, lemma, cue, subject)
  }
  const back = skipBetween(ctx, c - 1, unit.from)
  if (ctx.tokens[back]?.text === ',' || isQuotedToken(ctx, back)) {
    const after = subjectAfter(ctx, c, unit.to)
    if (after && !isPublisher(ctx, ctx.text.slice(after.start, after.end))) {
      const content = trimSpan(ctx.text, { start: unit.start, end: ctx.tokens[back]?.end ?? t.start })
      return isClause(ctx, content) ? build(ctx, unit, content, cue, after, unit.to) : null
    }
  }
  if (prev?.mention && ctx.tokens[back]?.lower === 'and' && prev.content[0] && prev.content[0].start > prev.mention.start) {
    return leading(ctx, unit, c, lemma, cue, prev.mention)
  }
  return null
}

function skipBetween(ctx: Context, k: number, min: number): number {
  while (k > min && BETWEEN.has(ctx.tokens[k]?.lower ?? '')) k--
  return k
}

/** "…, Chan said." — the subject follows a comma and little comes after the cue. */
function isTrailing(ctx: Context, unit: Unit, c: number, subject: Mention): boolean {
  const before = ctx.text.slice(unit.start, subject.start)
  if (!/(?:,\s*["”’»]?|["”’»]\s*,?)\s*$/.test(before) || before.trim().length === 0) return false
  const rest = ctx.tokens.slice(c + 1, unit.to).filter((x) => x.word)
  if (rest.length === 0) return true
  if (rest.some((x) => x.lower === 'that')) return false
  return rest.length <= 6 || ctx.tokens[c + 1]?.text === ','
}

/** "Chan said (that) …": the content runs from after the cue to the end of the sentence. */
function leading(ctx: Context, unit: Unit, c: number, lemma: string, cue: Span, subject: Mention): Found | null {
  let k = c + 1
  const next = ctx.tokens[k]
  if (!next) return null
  if (next.text === ':' || next.text === ',') k++
  else if (ADDRESSEE.has(lemma)) k = skipObject(ctx, k, unit.to)
  const that = findThat(ctx, k, unit.to)
  if (that >= 0) k = that
  else if (OBJECT_CONTENT.has(lemma)) {
    /* "accused the US of …": the object is part of what was said */
  } else if (!startsClause(ctx, k) || !hasFiniteVerb(ctx, k + 1, Math.min(unit.to, k + 12))) return null
  // "pledged to end the war": an intention, not speech (see the decision in index.ts).
  if (ctx.tokens[k]?.lower === 'to') return null
  const end = contentEnd(ctx, k, unit.to)
  const start = ctx.tokens[k]?.start ?? unit.end
  const content = trimSpan(ctx.text, { start, end: end.offset })
  return build(ctx, unit, content, cue, subject, end.next)
}

/** Skip the addressee of "told reporters", "told B-17", "warned the committee". */
function skipObject(ctx: Context, k: number, max: number): number {
  const t = ctx.tokens[k]
  if (!t) return k
  if (isCapitalised(t)) {
    while (k < max && ctx.tokens[k] && isCapitalised(ctx.tokens[k] as never)) k++
    return k
  }
  if (/^(him|her|them|us|me|reporters|journalists|lawmakers|supporters|voters|police|investigators|officials|the|a|an|his|their|its|our)$/.test(t.lower)) {
    let e = k + 1
    if (/^(the|a|an|his|their|its|our)$/.test(t.lower)) while (e < max && e < k + 4 && ctx.tokens[e]?.word && ctx.tokens[e]?.lower !== 'that') e++
    return e
  }
  return k
}

/** A "that" starting the content within the next few tokens ("said in a statement that …"). */
function findThat(ctx: Context, k: number, max: number): number {
  for (let i = k; i < max && i < k + 8; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i)) return -1
    if (t.lower === 'that') return i
    if (t.text === '.' || cueLemma(t.lower)) return -1
  }
  return -1
}

const OBJECT_CONTENT = new Set(['accuse'])

function startsClause(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k]
  if (!t) return false
  if (isQuotedToken(ctx, k)) return true
  return /^(he|she|they|it|we|i|you|there|the|this|these|those|his|her|their|our|its|a|an|if|whether|how|why|what|when|where|who|some|many|most|all|no|every|each|any|both|more|only|not|even)$/.test(t.lower) || isCapitalised(t) || /^\d/.test(t.text)
}

const FINITE = /^(is|are|was|were|am|be|has|have|had|will|would|can|could|should|may|might|must|shall|do|does|did|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|can['’]t|don['’]t|doesn['’]t|didn['’]t|hasn['’]t|haven['’]t|wouldn['’]t|couldn['’]t|shouldn['’]t|[a-z]+['’](s|re|ll|d|ve))$/

/** A finite verb among the tokens: an auxiliary or modal, or a past/3rd-person form after the first word. */
function hasFiniteVerb(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i]
    if (!t || !t.word) continue
    if (FINITE.test(t.lower)) return true
    if (t.text === t.lower && t.lower.length > 3 && /(?:ed|es|[^s]s)$/.test(t.lower) && i > from) return true
  }
  return false
}

/** Reported content needs a clause of its own (a subject and a verb), not a bare noun phrase. */
function isClause(ctx: Context, s: Span): boolean {
  const words = ctx.text.slice(s.start, s.end).match(/[\p{L}\p{N}'’]+/gu) ?? []
  if (words.length < 4) return false
  return words.some((w, i) => FINITE.test(w.toLowerCase()) || (i > 0 && w === w.toLowerCase() && w.length > 3 && /(?:ed|es|[^s]s)$/.test(w)))
}

/** The content stops at the sentence end or before a coordinated cue ("… and said …"). */
function contentEnd(ctx: Context, k: number, max: number): { offset: number; next: number } {
  for (let i = k; i < max; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i)) continue
    if ((t.lower === 'and' || t.lower === 'but') && cueLemma(ctx.tokens[i + 1]?.lower ?? '') && !ctx.tokens[i + 1]?.lower.endsWith('ing')) {
      return { offset: t.start, next: i + 1 }
    }
    if (t.text === ',' && ctx.tokens[i + 1]?.lower === 'according' && ctx.tokens[i + 2]?.lower === 'to') return { offset: t.start, next: i + 1 }
  }
  const last = ctx.tokens[max - 1]
  return { offset: last ? last.end : k, next: max }
}

function accordingTo(ctx: Context, unit: Unit, c: number): Found | null {
  const to = ctx.tokens[c + 1]
  const t = ctx.tokens[c]
  if (!to || !t) return null
  const cue = { start: t.start, end: to.end }
  const m = subjectAfter(ctx, c + 1, unit.to)
  if (!m) return null
  const prev = ctx.tokens[c - 1]
  if (prev?.text === ',' && c - 1 > unit.from) {
    return build(ctx, unit, trimSpan(ctx.text, { start: unit.start, end: prev.start }), cue, m, unit.to)
  }
  let k = m.to
  while (k < unit.to && ctx.tokens[k]?.text !== ',') k++
  if (k >= unit.to - 1) return null
  const end = contentEnd(ctx, k + 1, unit.to)
  return build(ctx, unit, trimSpan(ctx.text, { start: ctx.tokens[k + 1]?.start ?? unit.end, end: end.offset }), cue, m, end.next)
}

/** "For Bennet, the realistic options …": only for a person the article names. */
function forX(ctx: Context, unit: Unit, c: number): Found | null {
  if (!isCapitalised(ctx.tokens[c + 1] ?? { word: false, text: '' } as never)) return null
  const m = subjectAfter(ctx, c, unit.to)
  if (!m || m.kind !== 'name' || ctx.tokens[m.to]?.text !== ',') return null
  const speaker = resolveMention(ctx, m)
  if (!speaker || speaker.kind !== 'person' || !speaker.entityId) return null
  const t = ctx.tokens[c]
  if (!t) return null
  const end = contentEnd(ctx, m.to + 1, unit.to)
  return build(ctx, unit, trimSpan(ctx.text, { start: ctx.tokens[m.to + 1]?.start ?? unit.end, end: end.offset }), { start: t.start, end: t.end }, m, end.next)
}

const OPENERS = /^(but|and|however|meanwhile|still|yet|so|now|then|also|instead|indeed)$/
const ADVERBIAL = /^(on|in|at|after|before|when|while|since|as|although|though|if|during|despite|last|earlier|later|speaking|asked|in|from|with|without|under|over|for|by|because|until|unlike|like|amid|following)$/

/** The grammatical subject at the start of a sentence, after openers and a fronted adverbial. */
export function sentenceSubject(ctx: Context, unit: Unit): Mention | null {
  let k = firstWordIndex(ctx, unit)
  if (k < 0) return null
  while (OPENERS.test(ctx.tokens[k]?.lower ?? '')) k++
  if (ctx.tokens[k]?.text === ',') k++
  if (ADVERBIAL.test(ctx.tokens[k]?.lower ?? '')) {
    let j = k
    while (j < unit.to && j < k + 15 && ctx.tokens[j]?.text !== ',') j++
    if (ctx.tokens[j]?.text !== ',') return null
    k = j + 1
  }
  return subjectAfter(ctx, k - 1, unit.to)
}

/** "Graham: Trump’s rhetoric is destroying the party" — a headline or lead naming its speaker before a colon. */
function colonHeadline(ctx: Context, unit: Unit): Found | null {
  const k = firstWordIndex(ctx, unit)
  if (k < 0) return null
  const m = subjectAfter(ctx, k - 1, Math.min(unit.to, k + 6))
  const colon = m ? ctx.tokens[m.to] : undefined
  if (!m || !colon || colon.text !== ':' || m.kind !== 'name' || m.from !== k) return null
  if (resolveMention(ctx, m)?.kind !== 'person') return null
  const start = ctx.tokens[m.to + 1]?.start ?? unit.end
  return build(ctx, unit, trimSpan(ctx.text, { start, end: unit.end }), { start: colon.start, end: colon.end }, m, unit.to)
}

function firstWordIndex(ctx: Context, unit: Unit): number {
  for (let i = unit.from; i < unit.to; i++) if (ctx.tokens[i]?.word) return i
  return -1
}

function build(ctx: Context, unit: Unit, content: Span, cue: Span, mention: Mention, next: number): Found | null {
  const text = ctx.text.slice(content.start, content.end)
  if ((text.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_WORDS) return null
  const kind: QuoteKind = /["“”„«»]/.test(text) ? (isWhollyQuoted(text) ? 'direct' : 'mixed') : 'indirect'
  const speaker = resolveMention(ctx, mention)
  const draft: Draft = { kind, content: [content], cue, mention, speaker, continuation: false, paragraph: unit.paragraph, start: content.start }
  return { draft, next }
}

function isWhollyQuoted(text: string): boolean {
  return /^["“„«]/.test(text) && /["”»]\W?$/.test(text) && (text.match(/["“”„«»]/g) ?? []).length === 2
}
