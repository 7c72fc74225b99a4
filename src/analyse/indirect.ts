/**
 * Reported speech in one sentence unit: "X said (that) …", "X told Y …",
 * "…, X said.", "…, said X.", "According to X, …", "…, according to X.",
 * "For X, …". A content that contains quotation marks is a mixed quote.
 * Speech acts reported by their object ("X called for …", "X endorsed Y")
 * take their content from speechacts.ts.
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { overlapsDrafts, type Draft } from './draft.js'
import { ACT_ONLY, ADDRESSEE, BETWEEN, EVIDENCE, EVIDENCE_SUBJECT, PARTICLES, PARTICIPLE_ONLY, actLemma, cueLemma, thatCueLemma } from './lexicon.js'
import { subjectAfter, subjectBefore, type Mention } from './mentions.js'
import { isPublisher } from './resolve.js'
import { actIsVerb, writersPhrase } from './verbtags.js'
import { agrees, longSubject, negated, parenthetical } from './parenthetical.js'
import { actContent, citedAs, isAct } from './speechacts.js'
import { namingQuotes } from './naming.js'
import { withAsSources } from './asput.js'
import { stanceAt } from './stance.js'
import { titleSays, titleVerb } from './title.js'
import { madeClear } from './madeclear.js'
import { coordinatedWho, relativeHead } from './relative.js'
import { possessiveSpeaker } from './possessive.js'
import { skipObject } from './addressee.js'
import { asDidAside } from './adjunct.js'
import { namedFinding } from './findings.js'
import { build, type Found } from './found.js'
import { accordingTo, colonHeadline, firstWordIndex, forX, frontedPhraseNoun, sentenceSubject } from './sources.js'
import { attributionStart, contrastAfter, isTrailing } from './trailing.js'
import { trailingDocument } from './documents.js'
import { frontedParticiple } from './fronted.js'
import { clauseAfterTime, whenItWasSaid } from './timing.js'
import { CONTINUED, inflectedCue, isPassive, possessiveOwner, verbChain } from './verbchain.js'
import { phraseObjectEnd, relativeClauseEnd } from './objectend.js'
import { LENIENT, OBJECT_CONTENT, contentEnd, findThat, hasFiniteVerb, isClause, mainClauseStart, opensSubordinate, startsClause, startsNounPhrase } from './clause.js'

/** "endorsed Trump": a speech act's object can be a single name. */
const ACT_MIN_WORDS = 1

export function indirectInUnit(ctx: Context, unit: Unit): Draft[] {
  const out: Draft[] = []
  // Page furniture: "READ MORE: …", "WATCH: …", "Watch | …", "Related: …" (links to other stories);
  // a section label ("EARNINGS: Samsung said …") only introduces its item.
  const opening = ctx.text.slice(unit.start, unit.start + 20)
  if (/^(?:read more|watch|listen|related|see also|more)\s*[:|]/i.test(opening)) return out
  const headline = /^\p{Lu}{4,}(?: \p{Lu}{2,})?:/u.test(opening) ? null : colonHeadline(ctx, unit)
  if (headline) return [headline.draft]
  const title = titleSays(ctx, unit) ?? titleVerb(ctx, unit)
  const titled = title ? build(ctx, unit, title.content, title.cue, title.mention, unit.to) : null
  if (titled) return [titled.draft]
  let from = unit.from
  for (let c = unit.from; c < unit.to; c++) {
    if (c < from || isQuotedToken(ctx, c)) continue
    const d = patternAt(ctx, unit, c, out[out.length - 1] ?? null)
    if (!d) continue
    out.push(d.draft)
    from = d.next
  }
  out.splice(0, out.length, ...withAsSources(ctx, unit, out))
  for (const d of [...namingQuotes(ctx, unit), ...stances(ctx, unit)]) {
    const s = d.content[0]
    // "described the mayor as a “safe pair of hands” who …": the quoted name reads the verb better than its bare object.
    const act = out.findIndex((o) => o.act && o.cue?.start === d.cue?.start)
    if (act >= 0 && s && !overlapsDrafts(s, out.filter((_, i) => i !== act))) out.splice(act, 1, d)
    else if (s && !overlapsDrafts(s, out)) out.push(d)
  }
  return out.sort((a, b) => a.start - b.start)
}

function patternAt(ctx: Context, unit: Unit, c: number, prev: Draft | null): Found | null {
  const t = ctx.tokens[c]
  if (!t) return null
  if (t.lower === 'according' && ctx.tokens[c + 1]?.lower === 'to') return accordingTo(ctx, unit, c)
  if (writersPhrase(ctx, c)) return null
  if (t.lower === 'for' && firstWordIndex(ctx, unit) === c) return forX(ctx, unit, c)
  const fronted = firstWordIndex(ctx, unit) === c ? frontedParticiple(ctx, unit, c) : null
  if (fronted) return fronted
  const clear = madeClear(ctx, unit, c)
  if (clear) return leading(ctx, unit, c, 'state', clear.cue, clear.subject)
  const lemma = cueLemma(t.lower) ?? actLemma(t.lower) ?? (ctx.tokens[c + 1]?.lower === 'that' ? thatCueLemma(t.lower) : undefined)
  if (!lemma) return null
  // "the police report said …", "In the wake of the Times report, …": a base form before an inflected cue or closing a fronted phrase is a noun.
  if (lemma && t.lower === lemma && EVIDENCE_SUBJECT.test(t.lower) && (inflectedCue(ctx.tokens[c + 1]?.lower ?? '') || frontedPhraseNoun(ctx, unit, c))) return null
  // "SNC-Lavalin was informed that …": the subject of a passive addressee verb heard it, it did not say it.
  if (lemma && ADDRESSEE.has(lemma) && t.lower !== lemma && !t.lower.endsWith('ing') && isPassive(ctx, c)) return null
  // "Clinton is stressing that …", "he appeared to suggest that …": the subject stands before the auxiliary.
  const chain = verbChain(ctx, c, unit.from)
  // "is defending his tweets": a progressive act with its object (not an intention: "is vowing to …").
  const progressiveAct = t.lower.endsWith('ing') && !PARTICIPLE_ONLY.has(lemma ?? '') && ctx.tokens[c + 1]?.lower !== 'to'
  if (chain < c && lemma && (!ACT_ONLY.has(lemma) || progressiveAct || CONTINUED.test(ctx.tokens[chain]?.lower ?? '')) && t.text === t.lower) {
    const found = chained(ctx, unit, c, chain, lemma, prev)
    if (found) return found
  }
  // "Obama responded … by saying his refusal …": the sentence's subject speaks.
  if (lemma && !ACT_ONLY.has(lemma) && t.lower.endsWith('ing') && ctx.tokens[c - 1]?.lower === 'by' && t.text === t.lower) {
    const subject = sentenceSubject(ctx, unit)
    if (subject && subject.to < c - 1) return leading(ctx, unit, c, lemma, { start: t.start, end: t.end }, subject)
  }
  // Cue verbs are lower-case: "United States", "Post" are names; after a preposition they are nouns ("from states").
  // "…, calling for a recount": a speech act's participle after a comma reports it too.
  const participleAct = !!lemma && isAct(lemma) && t.lower.endsWith('ing') && ctx.tokens[c - 1]?.text === ',' && !/^(that|which|who)$/.test(ctx.tokens[c - 2]?.lower ?? '')
  if (!lemma || t.text !== t.lower || /^(from|in|of|at|for|with|by|on|to|except|after|before|while|since|upon|without|despite)$/.test(ctx.tokens[c - 1]?.lower ?? '') || t.lower.endsWith('ing') && !participleAct && !/^(saying|telling|reporting|arguing|warning|claiming|insisting|adding|noting)$/.test(t.lower)) return null
  if (PARTICIPLE_ONLY.has(lemma) && !participleAct && !(lemma === 'cite' && citedAs(ctx, c, unit.to))) return null
  const cue = { start: t.start, end: t.end }
  // "Donald Trump’s claim that …": after a possessive name the cue is a noun, and the name its speaker.
  const owner = possessiveOwner(ctx, c, unit.from) ?? possessiveSpeaker(ctx, c, unit.from)
  if (owner) return ctx.tokens[c + 1]?.lower === 'that' ? leading(ctx, unit, c, lemma, cue, owner) : null
  // "Rust Belt states that have suffered …": the noun with a relative clause.
  if (t.lower === 'states' && /^(that|which|where|who)$/.test(ctx.tokens[c + 1]?.lower ?? '') && /^(have|has|had|will|would|are|were|is|was|voted|hold|held)$/.test(ctx.tokens[c + 2]?.lower ?? '')) return null
  if (t.lower.endsWith('ing') && ctx.tokens[c - 1]?.text === ',') {
    // "Trump hit back on Monday, saying …": the speaker is the subject of the sentence.
    const subject = prev?.mention ?? sentenceSubject(ctx, unit)
    return subject ? leading(ctx, unit, c, lemma, cue, subject) : null
  }
  const closing = ACT_ONLY.has(lemma) ? null : trailingDocument(ctx, unit, c)
  if (closing) return build(ctx, unit, closing.content, cue, closing.mention, unit.to)
  const before = subjectBefore(ctx, c, unit.from)
  const subject = before && relativeHead(ctx, unit.from, before)
  if (subject && !isPublisher(ctx, ctx.text.slice(subject.start, subject.end))) {
    // "Data from the 2014 American Community Survey show …": the verb agrees with a subject further back.
    if (!agrees(ctx, c, subject)) return EVIDENCE.has(lemma) ? evidenceWithLongSubject(ctx, unit, c, lemma, cue) : null
    if (negated(ctx, subject.to, c)) return null
    if (EVIDENCE.has(lemma) && !isEvidenceSubject(ctx, subject) && !namedFinding(ctx, subject, c, lemma)) return evidenceWithLongSubject(ctx, unit, c, lemma, cue)
    if (ACT_ONLY.has(lemma)) return speechAct(ctx, unit, c, lemma, cue, subject)
    const inner = parenthetical(ctx, unit, subject.from, c + 1)
    if (inner) return build(ctx, unit, inner.content, cue, subject, inner.next)
    // "Campaigning in Ohio in 2012, Ruiz barely mentioned the harbour": a phrase with no clause before the subject is no content.
    const trailing = isTrailing(ctx, unit, c, subject) ? trimSpan(ctx.text, { start: unit.start, end: attributionStart(ctx, unit, subject) }) : null
    if (trailing && isClause(ctx, trailing)) return build(ctx, unit, trailing, cue, subject, unit.to)
    if (trailing && !/^\p{Lu}\p{Ll}+ing$/u.test(ctx.tokens[firstWordIndex(ctx, unit)]?.text ?? '')) return null
    // "A 30-page audit released by the council last month reveals …": the nearest noun is no subject, the document is.
    return leading(ctx, unit, c, lemma, cue, subject) ?? evidenceWithLongSubject(ctx, unit, c, lemma, cue)
  }
  const back = skipBetween(ctx, c - 1, unit.from)
  if (!ACT_ONLY.has(lemma) && !EVIDENCE.has(lemma) && (ctx.tokens[back]?.text === ',' || isQuotedToken(ctx, back))) {
    const after = subjectAfter(ctx, c, unit.to)
    // "…, said the discussions were meant to …": a clause follows the cue, its subject is no inverted speaker (nor ever "…, shows X").
    const next = after ? ctx.tokens[after.to] : undefined
    const clauseFollows = !!after && !!next && next.text === next.lower && hasFiniteVerb(ctx, after.to, Math.min(unit.to, after.to + 1))
    if (after && !clauseFollows && !isPublisher(ctx, ctx.text.slice(after.start, after.end))) {
      const inner = parenthetical(ctx, unit, back + 1, after.to)
      if (inner) return build(ctx, unit, inner.content, cue, after, inner.next)
      const content = trimSpan(ctx.text, { start: unit.start, end: ctx.tokens[back]?.end ?? t.start })
      return isClause(ctx, content) ? build(ctx, unit, content, cue, after, contrastAfter(ctx, after.to, unit.to)) : null
    }
  }
  if (prev?.mention && ctx.tokens[back]?.lower === 'and' && prev.content[0] && prev.content[0].start > prev.mention.start) {
    return leading(ctx, unit, c, lemma, cue, prev.mention)
  }
  if (/^(and|but)$/.test(ctx.tokens[back]?.lower ?? '')) {
    // "Twitter reported flat growth and said it was still losing money": the sentence's subject speaks.
    const subject = coordinatedWho(ctx, unit.from, back) ?? sentenceSubject(ctx, unit)
    if (subject && subject.to <= back) return leading(ctx, unit, c, lemma, cue, subject)
  }
  const document = ACT_ONLY.has(lemma) ? null : evidenceWithLongSubject(ctx, unit, c, lemma, cue)
  if (document || EVIDENCE.has(lemma)) return document
  const long = LENIENT.has(lemma) ? longSubject(ctx, unit, c) : null
  return long ? leading(ctx, unit, c, lemma, cue, long) : null
}

/** A cue at the end of a verb chain: its subject comes before the chain, its content after the cue. */
function chained(ctx: Context, unit: Unit, c: number, chain: number, lemma: string, prev: Draft | null): Found | null {
  const t = ctx.tokens[c]
  const subject = subjectBefore(ctx, chain, unit.from) ?? (prev?.mention && ctx.tokens[chain - 1]?.lower === 'and' ? prev.mention : null)
  if (!t || !subject || isPublisher(ctx, ctx.text.slice(subject.start, subject.end)) || negated(ctx, subject.to, c)) return null
  if (EVIDENCE.has(lemma) && !isEvidenceSubject(ctx, subject)) return null
  return leading(ctx, unit, c, lemma, { start: ctx.tokens[chain]?.start ?? t.start, end: t.end }, subject)
}

/**
 * "A 2014 study that appeared in the journal found …", "POLITICO’s
 * Battleground States average shows …": a document or count far from its
 * evidence verb, or a phrase ending in one right before it.
 */
function evidenceWithLongSubject(ctx: Context, unit: Unit, c: number, lemma: string, cue: Span): Found | null {
  const long = longSubject(ctx, unit, c) ?? evidencePhrase(ctx, unit, c)
  return long && isEvidenceSubject(ctx, long) ? leading(ctx, unit, c, lemma, cue, long) : null
}

/** The sentence's words before the cue when they end in an evidence noun and hold no punctuation. */
function evidencePhrase(ctx: Context, unit: Unit, c: number): Mention | null {
  const k = firstWordIndex(ctx, unit)
  const head = ctx.tokens[c - 1]
  const first = ctx.tokens[k]
  if (k < 0 || !head || !first || c - k < 2 || c - k > 8 || !EVIDENCE_SUBJECT.test(head.lower)) return null
  for (let i = k; i < c; i++) if (isQuotedToken(ctx, i) || /^[,;:()—–]$/.test(ctx.tokens[i]?.text ?? '')) return null
  return { kind: 'nominal', from: k, to: c, start: first.start, end: head.end }
}

/** Does the mention's head name a document or a count ("the study", "polls"), which may show or find? */
function isEvidenceSubject(ctx: Context, m: Mention): boolean {
  return EVIDENCE_SUBJECT.test(ctx.tokens[m.to - 1]?.lower ?? '')
}

function skipBetween(ctx: Context, k: number, min: number): number {
  while (k > min && BETWEEN.has(ctx.tokens[k]?.lower ?? '')) k--
  return k
}

/** A picture shows what it depicts ("a photo shows him lifting …"), which is no claim; "shows that …" still is. */
const VISUAL = /^(photos?|photographs?|images?|videos?|footage|pictures?)$/

/** "Chan said (that) …": the content runs from after the cue to the end of the sentence. */
export function leading(ctx: Context, unit: Unit, c: number, lemma: string, cue: Span, found: Mention): Found | null {
  const subject = relativeHead(ctx, unit.from, found)
  if (ACT_ONLY.has(lemma)) return speechAct(ctx, unit, c, lemma, cue, subject)
  let k = c + 1
  const next = ctx.tokens[k]
  if (!next) return null
  const adverb = (i: number): boolean => /^(however|though|also|too)$/.test(ctx.tokens[i]?.lower ?? '') && ctx.tokens[i + 1]?.text === ','
  // "He states, however, that …": a sentence adverb before the content; "cautioned, as did the ministry, that …" an aside.
  const aside = next.text === ',' ? asDidAside(ctx, k + 1, unit.to) : -1
  if (aside > 0) k = aside
  else if (next.text === ':' || next.text === ',') k += adverb(k + 1) ? 3 : 1
  else if (adverb(k)) k += 2
  // "pointed out that …", "chimed in that …": the particle belongs to the verb.
  else if (PARTICLES.has(next.lower) && /^(point|chime|shoot|fire|hit|weigh|speak)$/.test(lemma)) k++
  else if (ADDRESSEE.has(lemma)) k = skipObject(ctx, k, unit.to, lemma === 'tell')
  if (/^(say|tell)$/.test(lemma) && !negated(ctx, subject.to, c) && whenItWasSaid(ctx, k, unit.to)) return null
  const that = findThat(ctx, k, unit.to)
  if (that < 0) k = clauseAfterTime(ctx, pronounAfterTime(ctx, k, unit.to), unit.to)
  const fronted = that < 0 ? frontedAdverbial(ctx, k, unit.to) : -1
  if (that >= 0) k = that
  else if (fronted >= 0) k = fronted
  else if (OBJECT_CONTENT.has(lemma) || (EVIDENCE.has(lemma) && !VISUAL.test(ctx.tokens[subject.to - 1]?.lower ?? ''))) {
    /* "accused the US of …": the object is part of what was said; "the driver accused of …" has none, a passive */
    if (OBJECT_CONTENT.has(lemma) && ctx.tokens[k]?.lower === 'of') return null
  } else if (LENIENT.has(lemma)) {
    if (!startsClause(ctx, k) && !startsNounPhrase(ctx, k)) return null
  } else if (!startsClause(ctx, k) || !hasFiniteVerb(ctx, k, Math.min(unit.to, k + 12))) return isAct(lemma) ? speechAct(ctx, unit, c, lemma, cue, subject) : null
  // "each added a goal", "the index added 10 points", "did not answer any questions": an object, not a reported clause.
  else if (/^(add|answer|write)$/.test(lemma) && /^(a|an|any|no|\d[\d.,]*)$/.test(ctx.tokens[k]?.lower ?? '') && !/[,:]/.test(next.text) && ctx.tokens[k + 1]?.lower !== 'percent') return null
  // "The longer the shutdown continues, the bigger …": "continue" reports only quotations or "that".
  if (lemma === 'continue' && that < 0) return null
  // "pledged to end the war": an intention, not speech (see the decision in index.ts).
  if (ctx.tokens[k]?.lower === 'to' || (ctx.tokens[k]?.lower === 'not' && ctx.tokens[k + 1]?.lower === 'to')) return isAct(lemma) ? speechAct(ctx, unit, c, lemma, cue, subject) : null
  const max = subject.antecedent ? relativeClauseEnd(ctx, k, unit.to) : opensSubordinate(ctx, subject.from) ? mainClauseStart(ctx, k, unit.to) : unit.to
  const end = contentEnd(ctx, k, that < 0 ? phraseObjectEnd(ctx, k, max) : max)
  const start = ctx.tokens[k]?.start ?? unit.end
  const content = trimSpan(ctx.text, { start, end: end.offset })
  return build(ctx, unit, content, cue, subject, end.next)
}

/** "Ward called for an inquiry", "Christie endorsed Trump": the object is what was said (see speechacts.ts). */
function speechAct(ctx: Context, unit: Unit, c: number, lemma: string, cue: Span, subject: Mention): Found | null {
  const act = actIsVerb(ctx, unit, cue) ? actContent(ctx, unit, c, lemma) : null
  if (!act) return null
  const found = build(ctx, unit, act.content, cue, subject, act.next, false, ACT_MIN_WORDS)
  if (found) found.draft = { ...found.draft, cue: { start: cue.start, end: act.cueEnd }, act: true }
  return found
}

/** "Clinton plans to …", "the bank expects that …": stances, shown as reported statements where no speech is (see stance.ts). */
function stances(ctx: Context, unit: Unit): Draft[] {
  const out: Draft[] = []
  for (let c = unit.from; c < unit.to; c++) {
    const stance = isQuotedToken(ctx, c) ? null : stanceAt(ctx, unit, c)
    const found = stance ? build(ctx, unit, stance.content, stance.cue, stance.mention, stance.next) : null
    if (found) out.push({ ...found.draft, act: true })
  }
  return out
}

/**
 * "says too often, that's not happening", "said in a statement, the firm
 * will …": a short adverbial and a comma, then the reported clause. The
 * content starts at the adverbial, or after it when it is a prepositional
 * phrase (where and how it was said). Returns -1 when there is none.
 */
function frontedAdverbial(ctx: Context, k: number, max: number): number {
  const first = ctx.tokens[k]?.lower ?? ''
  const preposition = /^(in|on|at|during|via|by|through|from|after|before)$/.test(first)
  // An adverb or a phrase of time, not an object ("has written books with chefs, she …").
  if (!preposition && !/^(too|so|often|now|then|again|still|later|earlier|already|once|today|yesterday|last|this|next|\p{Ll}+ly)$/u.test(first)) return -1
  for (let j = k + 1; j < max && j <= k + 6; j++) {
    const t = ctx.tokens[j]
    if (!t || isQuotedToken(ctx, j) || cueLemma(t.lower)) return -1
    if (t.text !== ',') continue
    if (!startsClause(ctx, j + 1) || !hasFiniteVerb(ctx, j + 1, Math.min(max, j + 13))) return -1
    return preposition ? j + 1 : k
  }
  return -1
}

/** "stated in July it opposed …": a short phrase of time or manner, then a pronoun opening the content. */
function pronounAfterTime(ctx: Context, k: number, max: number): number {
  if (!/^(in|on|last|earlier|later|this|at|during|after|before|since)$/.test(ctx.tokens[k]?.lower ?? '')) return k
  for (let i = k + 1; i < max && i <= k + 4; i++) {
    const t = ctx.tokens[i]
    if (!t || !t.word || isQuotedToken(ctx, i)) return k
    if (/^(he|she|they|we|i|it)$/.test(t.lower) && (t.text === t.lower || t.text === 'I') && hasFiniteVerb(ctx, i, Math.min(max, i + 4))) return i
  }
  return k
}
