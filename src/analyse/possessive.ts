/**
 * The owner of a cue noun when an adjective stands between it and the
 * possessive: "Tulsa police’s earlier claim that …", "the mayor’s repeated
 * warning that …". (A capitalised name right before the noun, "Trump’s claim
 * that", is read in indirect.ts. "his claim that" is left out: on PolNeAR
 * train it added five false quotes for one true one.)
 */
import { isCapitalised } from './names.js'
import { mentionEndingAt, type Mention } from './mentions.js'
import type { Context } from './context.js'

/** Adjectives that may stand between the owner and the cue noun. */
const BETWEEN_OWNER = /^(earlier|recent|repeated|latest|previous|initial|original|new|frequent|false|baseless|unfounded|controversial|dubious)$/

/** The owner of the cue noun at c, an adjective before it and "that" after it, or null. */
export function possessiveSpeaker(ctx: Context, c: number, min: number): Mention | null {
  if (ctx.tokens[c + 1]?.lower !== 'that' || !BETWEEN_OWNER.test(ctx.tokens[c - 1]?.lower ?? '')) return null
  const p = ctx.tokens[c - 2]
  if (!p || c - 2 < min || !/\p{L}['’]s?$/u.test(p.text) || !isCapitalised(ctx.tokens[c - 3] ?? p)) return null
  const owner = mentionEndingAt(ctx, c - 2, min)
  return owner && owner.kind !== 'pronoun' ? owner : null
}
