/**
 * "The Charlotte Observer found that …": a named body reports what it found,
 * with "that" (not "found the boat"); other finders need a document or count
 * as their subject (EVIDENCE_SUBJECT in lexicon.ts).
 */
import type { Context } from './context.js'
import type { Mention } from './mentions.js'

export function namedFinding(ctx: Context, m: Mention, c: number, lemma: string): boolean {
  return lemma === 'find' && m.kind === 'name' && ctx.tokens[c + 1]?.lower === 'that'
}
