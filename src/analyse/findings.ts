/**
 * "The Charlotte Observer found that …": a named body reports what it found,
 * with "that" (not "found the boat"); so does a body that rules or inquires
 * ("a federal judge found the law unconstitutional", "the panel found the
 * firm was in breach"). Other finders need a document or count as their
 * subject (EVIDENCE_SUBJECT in lexicon.ts).
 */
import type { Context } from './context.js'
import type { Mention } from './mentions.js'

/** Those whose findings are rulings or the result of an inquiry. */
const ADJUDICATOR = /^(judges?|courts?|panels?|jury|juries|tribunals?|inspectors?|auditors?|coroners?|ombudsman|arbitrators?|investigators|inquiry|inquiries|watchdog|regulators?)$/

export function namedFinding(ctx: Context, m: Mention, c: number, lemma: string): boolean {
  if (lemma !== 'find') return false
  if (ADJUDICATOR.test(ctx.tokens[m.to - 1]?.lower ?? '')) return true
  return m.kind === 'name' && ctx.tokens[c + 1]?.lower === 'that'
}
