/**
 * "The debate grew louder after leaked memos from the budget show …": a
 * clause of the writer's own (a finite verb, no relative pronoun) ends at a
 * conjunction, and a subject starts after it. Every cue candidate of a
 * sentence asks from the same first word, so the scan runs once per start
 * token and is kept: a sentence of n candidates costs one scan, not n.
 */
import { isQuotedToken, type Context } from './context.js'
import { isFiniteAt } from './clause.js'

const SUBORDINATOR = /^(after|because|since|when|while|although|though|once|until|unless|as)$/
const RELATIVE = /^(who|that|which|whose)$/

/** Where the scan from a start token stopped, and whether a clause of the writer's own ends there. */
interface Stop {
  at: number
  clause: boolean
}

const stops = new WeakMap<Context, Map<number, Stop>>()

/** The token after the conjunction closing the writer's clause that opens at k (before the cue at c), or k. */
export function afterClause(ctx: Context, k: number, c: number, max: number): number {
  let known = stops.get(ctx)
  if (!known) stops.set(ctx, (known = new Map()))
  let stop = known.get(k)
  if (!stop) known.set(k, (stop = firstStop(ctx, k, max)))
  return stop.clause && stop.at < c - 2 ? stop.at + 1 : k
}

/** The first token after k that settles it: a quotation or a relative pronoun (no clause), a conjunction after a finite verb (a clause). */
function firstStop(ctx: Context, k: number, max: number): Stop {
  let finite = false
  for (let i = k + 1; i < max; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i) || RELATIVE.test(t.lower)) return { at: i, clause: false }
    if (i > k + 1 && SUBORDINATOR.test(t.lower) && finite) return { at: i, clause: true }
    finite ||= isFiniteAt(ctx, i, k + 1)
  }
  return { at: max, clause: false }
}
