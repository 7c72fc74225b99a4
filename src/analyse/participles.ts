/**
 * What an attribution goes on to report: "“…,” the mayor said, adding that
 * it would take “more hours”", "“…,” said Mr. Kamin, who emphasized that …",
 * "…,” she said, citing the audit", "…,” he said, going on to say that …".
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, type Context, type Unit } from './context.js'
import type { Draft } from './draft.js'
import { leading } from './indirect.js'
import { ACT_ONLY, TOPIC_ACTS, actLemma, cueLemma } from './lexicon.js'
import { make, type Mention } from './mentions.js'

/**
 * A participle or a relative clause after an attribution reports more words
 * of the same speaker. `from` is the token after the attribution's cue.
 */
export function participleAfterQuote(ctx: Context, unit: Unit, from: number, mention: Mention): Draft[] {
  for (let c = from; c < unit.to; c++) {
    const t = ctx.tokens[c]
    if (!t || isQuotedToken(ctx, c) || t.text !== t.lower) continue
    // "…,” she said, citing the audit": a speech act's participle reports more of what she said.
    const participle = /,\s*["”’»]?\s*$/.test(ctx.text.slice(Math.max(0, t.start - 4), t.start)) && t.lower.endsWith('ing')
    const goingOn = participle ? goingOnTo(ctx, c) : -1
    if (goingOn > 0) return reported(ctx, unit, goingOn, { start: t.start, end: ctx.tokens[goingOn]?.end ?? t.end }, mention)
    const lemma = cueLemma(t.lower) ?? (participle ? actLemma(t.lower) : undefined)
    if (!lemma || (ACT_ONLY.has(lemma) && !(participle && TOPIC_ACTS.has(lemma)))) continue
    const relative = ctx.tokens[c - 1]?.lower === 'who' && ctx.tokens[c - 2]?.text === ',' && lemma !== t.lower && !t.lower.endsWith('ing')
    if (!participle && !relative) continue
    // "…,” said Ruiz, vowing to …": the reporter's gloss of an intention, not more of the speaker's words.
    if (ctx.tokens[c + 1]?.lower === 'to') return []
    // "…,” said Mr. Kamin, who emphasized that …": "who" is the local mention, standing for the speaker.
    return reported(ctx, unit, c, { start: t.start, end: t.end }, relative ? { ...make(ctx, 'pronoun', c - 1, c - 1), antecedent: mention } : mention)
  }
  return []
}

/** "…, going on to say that …": the index of the cue after "going on to", or -1. */
function goingOnTo(ctx: Context, c: number): number {
  const cue = ctx.tokens[c + 3]
  const chain = ctx.tokens[c]?.lower === 'going' && ctx.tokens[c + 1]?.lower === 'on' && ctx.tokens[c + 2]?.lower === 'to'
  return chain && cue && cueLemma(cue.lower) === cue.lower && !ACT_ONLY.has(cue.lower) ? c + 3 : -1
}

function reported(ctx: Context, unit: Unit, c: number, cue: Span, mention: Mention): Draft[] {
  const lemma = cueLemma(ctx.tokens[c]?.lower ?? '') ?? actLemma(ctx.tokens[c]?.lower ?? '')
  const found = lemma ? leading(ctx, unit, c, lemma, cue, mention) : null
  return found ? [found.draft] : []
}
