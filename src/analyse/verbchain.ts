/**
 * The verb around a cue: its inflection, a passive before it ("was told"),
 * a possessive name before it as a noun ("Trump’s claim"), and the verb
 * chain it ends ("is stressing", "appeared to suggest", "went on to say").
 */
import type { Context } from './context.js'
import { cueLemma } from './lexicon.js'
import { mentionEndingAt, type Mention } from './mentions.js'
import { isCapitalised } from './names.js'

/** "continued to call for …", "continues to insist that …": the statement goes on. */
export const CONTINUED = /^(continue|continues|continued|continuing)$/

/** "says", "warned": a cue verb in a form that is not its lemma. */
export function inflectedCue(lower: string): boolean {
  const lemma = cueLemma(lower)
  return !!lemma && lemma !== lower
}

/** "was told", "were quietly warned": a form of "be" (or "get") before the participle at c. */
export function isPassive(ctx: Context, c: number): boolean {
  let k = c - 1
  if (/^\p{Ll}+ly$/u.test(ctx.tokens[k]?.text ?? '')) k--
  return /^(is|was|were|are|am|be|been|being|get|gets|got|gotten)$/.test(ctx.tokens[k]?.lower ?? '')
}

/** The name before a possessive ending at token c - 1 ("Donald Trump’s"), or null. */
export function possessiveOwner(ctx: Context, c: number, min: number): Mention | null {
  const p = ctx.tokens[c - 1]
  // "He's said …": a pronoun's contraction, no owner.
  if (!p || !/\p{L}['’]s?$/u.test(p.text) || !isCapitalised(p) || /^(he|she|it|who|there|that|what)['’]s$/.test(p.lower)) return null
  const owner = mentionEndingAt(ctx, c - 1, min)
  return owner?.kind === 'name' ? owner : null
}

/**
 * The first token of a verb chain ending in the cue at c: a progressive
 * ("is stressing", "was confirming") or a raising verb ("appeared to
 * suggest", "went on to say"). Returns c when there is none.
 */
export function verbChain(ctx: Context, c: number, min: number): number {
  const lower = (k: number): string => ctx.tokens[k]?.lower ?? ''
  if (lower(c).endsWith('ing') && /^(is|are|was|were|been)$/.test(lower(c - 1)) && c - 2 >= min) return c - 1
  if (lower(c - 1) === 'to' && c - 3 >= min) {
    if (/^(appear|appears|appeared|seem|seems|seemed)$/.test(lower(c - 2))) return c - 2
    // "continued to call for …", "continues to insist that …": the statement goes on.
    if (CONTINUED.test(lower(c - 2))) return c - 2
    if (lower(c - 2) === 'on' && /^(go|goes|went)$/.test(lower(c - 3))) return c - 3
  }
  return c
}
