/**
 * Where reported content ends before the rest of its sentence. A relative
 * clause's content ends where the main clause resumes. A reported noun
 * phrase with no verb of its own ends before the clause the reporter hangs
 * on it (", where …", or "as" with a subject and a verb): "polls show a
 * close contest in the state, where 18 electoral votes are up for grabs",
 * "the poll indicates a tightening race as Trump consolidates the party".
 */
import { isQuotedToken, type Context } from './context.js'
import { FINITE, hasFiniteVerb, startsClause } from './clause.js'

const MIN_PHRASE = 2
const CLAUSE_REACH = 6

/** The token where the reporter's setting starts after a verbless phrase from k, or max. */
export function phraseObjectEnd(ctx: Context, k: number, max: number): number {
  if (ctx.tokens[k]?.lower === 'that') return max
  for (let i = k + MIN_PHRASE; i < max; i++) {
    if (isQuotedToken(ctx, i)) continue
    if (opensSetting(ctx, i, max)) return verbless(ctx, k, i) ? i : max
    // Only the first break counts: "a plan, which …, where …" is no phrase alone.
    if (/^[,;:—–-]$/.test(ctx.tokens[i]?.text ?? '')) return max
  }
  return max
}

/** ", where …", or "as" with a clause of its own ("as Trump consolidates …"; not "as well", "as a whole"). */
function opensSetting(ctx: Context, i: number, max: number): boolean {
  const t = ctx.tokens[i]
  const n = ctx.tokens[i + 1]
  if (!t || !n || isQuotedToken(ctx, i + 1)) return false
  if (t.text === ',') return n.lower === 'where'
  return t.lower === 'as' && startsClause(ctx, i + 1) && hasFiniteVerb(ctx, i + 1, Math.min(max, i + CLAUSE_REACH))
}

/** No verb between k and i: no auxiliary, no past form, no relative clause ("digits" is a noun, whatever its -s). */
function verbless(ctx: Context, k: number, i: number): boolean {
  for (let j = k; j < i; j++) {
    const w = ctx.tokens[j]?.lower ?? ''
    if (FINITE.test(w) || /^(that|who|which|whose)$/.test(w) || /^\p{Ll}{3,}ed$/u.test(w)) return false
  }
  return true
}

/**
 * "the European Union, which contended that Ireland undertaxed the company,
 * is …": a relative clause's content ends where the main clause resumes (a
 * comma before a finite verb) or at a dash.
 */
export function relativeClauseEnd(ctx: Context, k: number, max: number): number {
  for (let i = k + 1; i < max; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i)) continue
    if (/^(—|–|--)$/.test(t.text) || (t.text === '-' && ctx.tokens[i + 1]?.text === '-')) return i
    if (t.text === ',' && (FINITE.test(ctx.tokens[i + 1]?.lower ?? '') || pastVerbPhrase(ctx, i + 1))) return i
  }
  return max
}

/** "…, declined to comment", "…, refused to say": a past-tense verb with its complement resumes the main clause. */
function pastVerbPhrase(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i]
  return !!t && t.text === t.lower && /\p{Ll}{3,}ed$/u.test(t.text) && /^(to|that|against|for|on|the|a|an)$/.test(ctx.tokens[i + 1]?.lower ?? '')
}
