/**
 * When it was said, between the speaker, the cue and the content: "The
 * board on Friday announced …", "Berg said on Friday the pier …". The time
 * phrase is skipped so that the subject and the content are found.
 */
import { isQuotedToken, type Context } from './context.js'
import { hasFiniteVerb, startsClause } from './clause.js'

const TIME_LEAD = /^(on|last|this|earlier|late|early)$/
const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|afternoon|evening)$/

/** The first token of "on Friday", "last week", "on Friday night" ending at token k, or k + 1 when there is none. */
export function timeEndingAt(ctx: Context, k: number, min: number): number {
  let s = k
  if (TIME_WORD.test(ctx.tokens[s]?.lower ?? '') && TIME_WORD.test(ctx.tokens[s - 1]?.lower ?? '')) s--
  if (!TIME_WORD.test(ctx.tokens[s]?.lower ?? '') || !TIME_LEAD.test(ctx.tokens[s - 1]?.lower ?? '') || s - 1 <= min) return k + 1
  return s - 1
}

/** "said on Friday the pier would …", "said Friday the pier …": the clause after a time phrase at k, or k. */
export function clauseAfterTime(ctx: Context, k: number, max: number): number {
  let j = k
  if (TIME_LEAD.test(ctx.tokens[j]?.lower ?? '')) j++
  if (!TIME_WORD.test(ctx.tokens[j]?.lower ?? '')) return k
  j++
  if (TIME_WORD.test(ctx.tokens[j]?.lower ?? '')) j++
  return j < max && startsClause(ctx, j) && hasFiniteVerb(ctx, j, Math.min(max, j + 12)) ? j : k
}

/**
 * "That was what Liz Wahl said when she resigned from the network.": a time
 * clause right after "said" tells when it was said, not what. A reported
 * clause that opens with "when" goes on after a comma or a "that" ("said when
 * the council meets, the ferry will run"); "has not said when" asks.
 */
export function whenItWasSaid(ctx: Context, k: number, max: number): boolean {
  if (ctx.tokens[k]?.lower !== 'when') return false
  for (let i = k + 1; i < max; i++) if (isQuotedToken(ctx, i) || /^[,;:]$/.test(ctx.tokens[i]?.text ?? '') || ctx.tokens[i]?.lower === 'that') return false
  return true
}
