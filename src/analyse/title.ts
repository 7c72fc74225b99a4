/**
 * A title in headline case ending in its attribution: "Tax Plan Will Hurt
 * Farmers, Union Leader Says". Cue verbs are otherwise lower case (a
 * capitalised "Says" could be a name), so only the article's first
 * paragraph, and only "…, Name Says" closing it, is read so.
 */
import type { Span } from '../domain/index.js'
import { trimSpan, type Context, type Unit } from './context.js'
import { mentionEndingAt, subjectAfter, type Mention } from './mentions.js'
import { EVIDENCE, EVIDENCE_SUBJECT, SPEECH_ACTS, actLemma, cueLemma } from './lexicon.js'

export interface Attributed {
  content: Span
  cue: Span
  mention: Mention
}

export function titleSays(ctx: Context, unit: Unit): Attributed | null {
  if (unit.paragraph !== 0) return null
  let last = unit.to - 1
  while (last > unit.from && !ctx.tokens[last]?.word) last--
  const cue = ctx.tokens[last]
  if (!cue || !/^(Says|Said)$/.test(cue.text)) return null
  // The speaker runs back from the cue to the comma closing the reported words.
  let comma = last - 1
  while (comma > unit.from && comma > last - 7 && ctx.tokens[comma]?.text !== ',') comma--
  const mention = ctx.tokens[comma]?.text === ',' ? subjectAfter(ctx, comma, last) : null
  if (!mention || mention.to !== last) return null
  const content = trimSpan(ctx.text, { start: unit.start, end: ctx.tokens[comma]?.start ?? unit.start })
  return { content, cue: { start: cue.start, end: cue.end }, mention }
}

/**
 * A title in headline case with its speaker first: "Mayor Ruiz Vows To
 * Reopen The Pier", "Harbour Board Calls Levy ‘A Disgrace’", "New Survey
 * Shows Support For Ferry". The cue is a capitalised present-tense speech
 * verb right after the name; the content is the rest of the title.
 */
export function titleVerb(ctx: Context, unit: Unit): Attributed | null {
  if (unit.paragraph !== 0 || !isHeadlineCase(ctx, unit)) return null
  for (let c = unit.from + 1; c < unit.to - 2 && c <= unit.from + 6; c++) {
    const t = ctx.tokens[c]
    if (!t || !/^\p{Lu}\p{Ll}+s$/u.test(t.text)) continue
    const lemma = cueLemma(t.lower) ?? actLemma(t.lower)
    if (!lemma || t.lower === lemma || needsParticle(ctx, lemma, c)) continue
    const mention = mentionEndingAt(ctx, c - 1, unit.from)
    if (!mention || mention.kind !== 'name') return null
    if (EVIDENCE.has(lemma) && !EVIDENCE_SUBJECT.test(ctx.tokens[c - 1]?.lower ?? '')) return null
    const first = ctx.tokens[c + 1]
    if (!first) return null
    const content = trimSpan(ctx.text, { start: first.start, end: unit.end })
    return { content, cue: { start: t.start, end: t.end }, mention }
  }
  return null
}

/** "Speaks Of …" yes, "Speaks ‘Directly …’" no: an act that reports through its particle ("of", "for") needs it ("Calls" also names). */
function needsParticle(ctx: Context, lemma: string, c: number): boolean {
  const particle = SPEECH_ACTS[lemma]
  return !!particle && lemma !== 'call' && !new RegExp(`^(?:${particle})$`).test(ctx.tokens[c + 1]?.lower ?? '')
}

/** Most longer words capitalised: "Mayor Vows To Reopen The Pier", not "Mayor vows to reopen the pier". */
function isHeadlineCase(ctx: Context, unit: Unit): boolean {
  const words = ctx.tokens.slice(unit.from, unit.to).filter((t) => t.word && t.text.length >= 4)
  const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.text)).length
  return words.length >= 3 && capitalised >= words.length * 0.8
}
