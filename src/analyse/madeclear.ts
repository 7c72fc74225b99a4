/**
 * "Ham made it clear he had misgivings", "the mayor has made clear that …":
 * "made (it) clear" reports a statement like "said". Not in the passive
 * ("it was made clear that …": no speaker) and not with "it" or "this" as
 * its subject.
 */
import type { Span } from '../domain/index.js'
import type { Context, Unit } from './context.js'
import { subjectBefore, type Mention } from './mentions.js'
import { negated } from './parenthetical.js'

/** The cue "made (it) clear" ending at token c and its subject, or null. */
export function madeClear(ctx: Context, unit: Unit, c: number): { cue: Span; subject: Mention } | null {
  const t = ctx.tokens[c]
  if (t?.lower !== 'clear') return null
  const k = ctx.tokens[c - 1]?.lower === 'it' ? c - 2 : c - 1
  const verb = ctx.tokens[k]
  if (!verb || !/^(made|makes|make)$/.test(verb.text) || /^(is|was|were|are|be|been|being)$/.test(ctx.tokens[k - 1]?.lower ?? '')) return null
  const subject = subjectBefore(ctx, k, unit.from)
  if (!subject || negated(ctx, subject.to, k)) return null
  if (/^(it|this|that|which)$/.test(ctx.text.slice(subject.start, subject.end).toLowerCase())) return null
  return { cue: { start: verb.start, end: t.end }, subject }
}
