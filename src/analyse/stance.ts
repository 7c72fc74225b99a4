/**
 * Stances a source states (fourth pass): what a person or an organisation
 * wants, plans, believes or expects ("Clinton plans to visit Ohio", "the
 * bank expects that growth will slow"). PolNeAR annotates them; the product
 * shows them as reported statements when the verb is one of intending or
 * believing and its subject a person or an organisation (see the decision
 * in index.ts). The content is the infinitive with its "to", or the clause.
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { FINITE, contentEnd, findThat, hasFiniteVerb, startsClause } from './clause.js'
import { STANCE, stanceLemma } from './lexicon.js'
import { subjectBefore, type Mention } from './mentions.js'
import { agrees } from './parenthetical.js'
import { isPublisher, resolveMention } from './resolve.js'

export interface Stance {
  content: Span
  cue: Span
  mention: Mention
  /** Token index to continue scanning from. */
  next: number
}

/** "is expected to", "were hoped": a passive or a noun ("the plans to …", "his hopes that …") states no stance. */
const NOT_BEFORE = /^(is|are|was|were|be|been|being|the|a|an|his|her|their|its|our|my|your|this|these|those|of|in|on|for|with|by|to)$/

/**
 * A stance is told in the present ("wants", "believes"): the past ("wanted",
 * "feared") narrates what someone once had in mind, which the Gender Gap
 * Tracker set (speech only) shows is rarely a statement.
 */
const PRESENT = /[^s]s$/

/** The stance whose verb is token c ("wants", "believed"), or null. */
export function stanceAt(ctx: Context, unit: Unit, c: number): Stance | null {
  const t = ctx.tokens[c]
  const lemma = t ? stanceLemma(t.lower) : undefined
  if (!t || !lemma || t.text !== t.lower || !PRESENT.test(t.lower) || NOT_BEFORE.test(ctx.tokens[c - 1]?.lower ?? '')) return null
  const k = complementStart(ctx, unit, c + 1, STANCE[lemma] ?? 'to')
  if (k < 0) return null
  const subject = subjectBefore(ctx, c, unit.from)
  if (!subject || !agrees(ctx, c, subject, lemma) || hasVerb(ctx, subject) || isPublisher(ctx, ctx.text.slice(subject.start, subject.end))) return null
  const speaker = resolveMention(ctx, subject)
  if (!speaker || speaker.kind === 'group') return null
  const end = contentEnd(ctx, k, unit.to)
  const content = trimSpan(ctx.text, { start: ctx.tokens[k]?.start ?? unit.end, end: end.offset })
  return { content, cue: { start: t.start, end: t.end }, mention: subject, next: end.next }
}

/** "Trump did not unveil plans to …": a subject holding a verb is a clause, and "plans" its object. */
function hasVerb(ctx: Context, m: Mention): boolean {
  for (let i = m.from; i < m.to; i++) if (FINITE.test(ctx.tokens[i]?.lower ?? '') || ctx.tokens[i]?.lower === 'not') return true
  return false
}

/** Where the stance's content starts after the verb: its "to" ("not to"), or its clause; -1 when there is none. */
function complementStart(ctx: Context, unit: Unit, k: number, takes: 'to' | 'clause' | 'both'): number {
  const lower = ctx.tokens[k]?.lower ?? ''
  if (isQuotedToken(ctx, k)) return -1
  if (takes !== 'clause') {
    if (lower === 'to') return k
    if (lower === 'not' && ctx.tokens[k + 1]?.lower === 'to') return k
  }
  if (takes === 'to') return -1
  const that = findThat(ctx, k, unit.to)
  if (that >= 0) return that
  return startsClause(ctx, k) && hasFiniteVerb(ctx, k + 1, Math.min(unit.to, k + 12)) ? k : -1
}
