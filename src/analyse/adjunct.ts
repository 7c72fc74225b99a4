/**
 * Words between a mid-sentence attribution's cue and the comma closing it:
 * "The plan, she said on Friday, will fail", "…, the agency said in a June
 * report, …", "…, he told me on Friday, is …"; and an aside between a cue
 * and its content ("cautioned, as did the ministry, that …").
 */
import { isQuotedToken, type Context } from './context.js'
import { hasFiniteVerb } from './clause.js'
import { skipObject } from './addressee.js'
import { ADDRESSEE, cueLemma } from './lexicon.js'

const MAX_PHRASE = 5
const PREPOSITION = /^(on|in|at|during|to)$/
const WHEN = /^(yesterday|today|tonight|earlier|later|recently|again)$/
const DEIXIS = /^(last|this|next)$/

/** The token after the cue's addressee and one phrase of time or place, when a comma follows them; else `to`. */
export function attributionEnd(ctx: Context, to: number, max: number): number {
  if (ctx.tokens[to]?.text === ',') return to
  const lemma = cueLemma(ctx.tokens[to - 1]?.lower ?? '')
  if (!lemma) return to
  const k = ADDRESSEE.has(lemma) ? skipObject(ctx, to, max, false) : to
  const e = phraseEnd(ctx, k, max)
  return ctx.tokens[e]?.text === ',' && !isQuotedToken(ctx, e) && !hasFiniteVerb(ctx, to, e) ? e : to
}

/** "on Friday", "in a June report", "last week", "earlier": the token after the phrase, or k. */
function phraseEnd(ctx: Context, k: number, max: number): number {
  const first = ctx.tokens[k]?.lower ?? ''
  if (WHEN.test(first)) return k + 1
  if (DEIXIS.test(first)) return ctx.tokens[k + 1]?.word ? k + 2 : k
  if (!PREPOSITION.test(first)) return k
  let e = k + 1
  while (e < max && e <= k + MAX_PHRASE && ctx.tokens[e]?.word && !isQuotedToken(ctx, e)) e++
  return e > k + 1 ? e : k
}

/** "…, as did the ministry itself, that": the token after the aside's closing comma, or -1. */
export function asDidAside(ctx: Context, k: number, max: number): number {
  if (ctx.tokens[k]?.lower !== 'as' || !/^(did|does|do|have|has|had)$/.test(ctx.tokens[k + 1]?.lower ?? '')) return -1
  for (let i = k + 2; i < max && i <= k + 10; i++) {
    if (isQuotedToken(ctx, i)) return -1
    if (ctx.tokens[i]?.text === ',') return i + 1
  }
  return -1
}
