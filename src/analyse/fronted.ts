/**
 * A participle of saying opening the sentence, its speaker the subject after
 * the comma: "Citing an unfounded rumour, Berg accused …", "Claiming the
 * levy punishes fishermen, Berg told reporters …". "Speaking at …",
 * "Writing for …" and "Speaking of …" set a scene or a topic, not what was
 * said.
 */
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { build, type Found } from './found.js'
import { SPEECH_ACTS, actLemma, cueLemma } from './lexicon.js'
import { subjectAfter } from './mentions.js'
import { inPoll } from './inpoll.js'

const MAX_CONTENT = 30
const SCENE = /^(speak|talk|write|ask|answer|respond|reply|testify|continue|comment)$/

export function frontedParticiple(ctx: Context, unit: Unit, c: number): Found | null {
  const t = ctx.tokens[c]
  // "In the latest poll, Clinton led …": a fronted source phrase (inpoll.ts).
  if (t?.lower === 'in') return inPoll(ctx, unit, c)
  if (!t || !/^\p{Lu}\p{Ll}+ing$/u.test(t.text)) return null
  const lemma = cueLemma(t.lower) ?? actLemma(t.lower)
  if (!lemma || SCENE.test(lemma)) return null
  let k = c + 1
  const particle = SPEECH_ACTS[lemma]
  if (particle && new RegExp(`^(?:${particle})$`).test(ctx.tokens[k]?.lower ?? '')) k++
  const cue = { start: t.start, end: ctx.tokens[k - 1]?.end ?? t.end }
  if (ctx.tokens[k]?.lower === 'that') k++
  const comma = commaAfter(ctx, k, Math.min(unit.to, k + MAX_CONTENT))
  if (comma < 0 || comma - k < 2) return null
  const subject = subjectAfter(ctx, comma, unit.to)
  const verb = subject ? ctx.tokens[subject.to] : undefined
  // The subject goes on with its own verb: "…, Berg accused", not "…, the plan, …".
  if (!subject || !verb?.word || verb.text !== verb.lower || subject.kind === 'nominal' && subject.from !== comma + 1) return null
  const content = trimSpan(ctx.text, { start: ctx.tokens[k]?.start ?? t.end, end: ctx.tokens[comma]?.start ?? t.end })
  return build(ctx, unit, content, cue, subject, comma + 1)
}

function commaAfter(ctx: Context, k: number, max: number): number {
  for (let i = k; i < max; i++) {
    if (isQuotedToken(ctx, i)) continue
    if (ctx.tokens[i]?.text === ',') return i
    if (/^[.;:!?]$/.test(ctx.tokens[i]?.text ?? '')) return -1
  }
  return -1
}
