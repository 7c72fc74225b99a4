/**
 * The one spoken to, between a speech verb and what was said: "told
 * reporters", "told B-17", "warned the committee", "told the tour he …".
 */
import type { Context } from './context.js'
import { isCapitalised } from './names.js'

/** Skip the addressee of "told reporters", "told B-17", "warned the committee". */
export function skipObject(ctx: Context, k: number, max: number, always: boolean): number {
  const t = ctx.tokens[k]
  if (!t) return k
  if (!always) return /^(him|her|them|us|me|reporters|journalists)$/.test(t.lower) ? k + 1 : k
  if (isCapitalised(t)) {
    while (k < max && ctx.tokens[k] && isCapitalised(ctx.tokens[k] as never)) k++
    // "told USA TODAY's weekly video series it is clear …": a possessive name heads a longer addressee.
    if (/['’]s$/.test(ctx.tokens[k - 1]?.text ?? '')) return addresseeEnd(ctx, k, Math.min(max, k + 4))
    return k
  }
  if (/^(him|her|them|us|me|reporters|journalists|lawmakers|supporters|voters|police|investigators|officials|the|a|an|his|their|its|our)$/.test(t.lower)) {
    let e = k + 1
    // "told the tour he would …": the addressee ends where the content's pronoun starts.
    if (/^(the|a|an|his|their|its|our)$/.test(t.lower)) e = addresseeEnd(ctx, e, Math.min(max, k + 4))
    return e
  }
  return k
}

/** "told the tour he would …": the addressee's words end where the content's pronoun (or "that") starts, before `until`. */
function addresseeEnd(ctx: Context, e: number, until: number): number {
  const from = e
  // "told the council the pier was unsafe": a second determiner opens the content's subject.
  const opens = (i: number): boolean => /^(that|he|she|they|we|i|it)$/.test(ctx.tokens[i]?.lower ?? '') || (i > from && /^(the|a|an|his|her|their|its|our|this|these|those)$/.test(ctx.tokens[i]?.lower ?? ''))
  while (e < until && ctx.tokens[e]?.word && !opens(e)) {
    // "the Harbour Herald’s weekly video series": the possessor's noun phrase follows.
    if (/['’]s$/.test(ctx.tokens[e]?.text ?? '')) until += 3
    e++
  }
  return e
}
