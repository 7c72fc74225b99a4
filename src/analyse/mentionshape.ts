/**
 * The shape of the words around a mention: a pronoun contracted with its
 * auxiliary ("she’s said"), a short bracket after a name ("(R-Ohio)"), a
 * possessive ("Trump’s pledge").
 */
import type { Context } from './context.js'
import { tok, type Mention } from './mentions.js'

/** The pronoun of a contraction right before cue c ("she’s", "they’ve", "who’s"), "passive" for "she’s told that", or null. */
export function contractedPronoun(ctx: Context, k: number, c: number): string | null {
  const m = /^(he|she|they|we|i|who)['’](s|ve|d)$/.exec(tok(ctx, k)?.lower ?? '')
  if (!m?.[1] || k !== c - 1) return null
  // "he’s claiming that" is progressive; "she’s told that", "he’s said to" are passive.
  const participle = !(tok(ctx, c)?.lower ?? '').endsWith('ing')
  return m[2] === 's' && participle && /^(to|that|by)$/.test(tok(ctx, c + 1)?.lower ?? '') ? 'passive' : m[1]
}

/** "Rep. Jim Jordan (R-Ohio), an …": the name before a short bracket ends where the bracket opens. */
export function beforeBracket(ctx: Context, k: number, min: number): number {
  if (tok(ctx, k)?.text !== ')') return k
  let open = k - 1
  while (open > min && open > k - 8 && tok(ctx, open)?.text !== '(' && tok(ctx, open)?.text !== ')') open--
  return tok(ctx, open)?.text === '(' ? open - 1 : k
}

/** "Trump’s pledge": a possessive is not the subject of the cue. */
export function isPossessive(ctx: Context, m: Mention): boolean {
  return /['’]s?$/u.test(tok(ctx, m.to - 1)?.text ?? '')
}
