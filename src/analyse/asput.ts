/**
 * A source named in an "as" clause beside what it said: "As Ms. Vance put
 * it, the plan is …", "Hawaii, as one of her advisers pointed out, rarely
 * …", "…, as the memo put it." The content is the rest of the sentence,
 * around the clause; the clause itself holds the cue and the speaker.
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { isClause } from './clause.js'
import { overlapsDrafts, type Draft } from './draft.js'
import { build } from './found.js'
import { cueLemma } from './lexicon.js'
import { subjectBefore, type Mention } from './mentions.js'
import { firstWordIndex } from './sources.js'
import { isPublisher } from './resolve.js'

/** Cues an "as" clause reports with ("as he said", "as she noted"); "put" only with "it". */
const AS_CUES = new Set(['say', 'note', 'point', 'write', 'observe', 'explain', 'argue', 'report', 'state', 'warn', 'remark', 'tell', 'suggest', 'predict', 'acknowledge'])

/** How far the "as" clause may run: its subject (an appositive too: "As Ada Ruiz, a tax lawyer, put it"), the cue. */
const MAX_CLAUSE = 24

/** After the cue, only where, when or how it was said ("in a statement to …", "recently", "last week"). */
const TAIL_START = /^(in|on|at|to|with|during|last|this|earlier|recently|once|so|succinctly|memorably|aptly|bluntly|famously|well|years|months|weeks|days)$/

/**
 * The drafts of a unit with its "as" clauses added: a clause's cue reports
 * the sentence around it, so a draft found for the same cue ("…, as police
 * have said." read as a trailing "said") or holding the clause gives way.
 */
export function withAsSources(ctx: Context, unit: Unit, drafts: Draft[]): Draft[] {
  let out = drafts
  for (const d of asSources(ctx, unit)) {
    const cue = d.cue
    if (!cue) continue
    out = out.filter((o) => o.cue?.start !== cue.start && !o.content.some((s) => s.start <= cue.start && cue.end <= s.end))
    if (!d.content.some((s) => overlapsDrafts(s, out))) out = [...out, d]
  }
  return out
}

function asSources(ctx: Context, unit: Unit): Draft[] {
  const out: Draft[] = []
  const first = firstWordIndex(ctx, unit)
  for (let c = unit.from; c < unit.to; c++) {
    const t = ctx.tokens[c]
    if (!t || t.lower !== 'as' || isQuotedToken(ctx, c)) continue
    const opening = c === first
    if (!opening && !afterComma(ctx, c)) continue
    const d = asClause(ctx, unit, c, opening)
    if (d) out.push(d)
  }
  return out
}

/** "…, as", "…,” as": the clause follows a comma (a closing mark may stand between). */
function afterComma(ctx: Context, c: number): boolean {
  const p = ctx.tokens[c - 1]
  if (p?.text === ',') return true
  return !!p && isQuotedToken(ctx, c - 1) && /,\s*["”’»]?\s*$/.test(ctx.text.slice(Math.max(0, (ctx.tokens[c]?.start ?? 0) - 4), ctx.tokens[c]?.start ?? 0))
}

function asClause(ctx: Context, unit: Unit, c: number, opening: boolean): Draft | null {
  if (opening) {
    const passive = asReportedIn(ctx, unit, c)
    if (passive) return passive
  }
  const cue = cueIn(ctx, c + 1, Math.min(unit.to, c + MAX_CLAUSE))
  if (!cue) return null
  const subject = subjectBefore(ctx, cue.at, c + 1)
  if (!subject || !onlyQuantifiers(ctx, c + 1, subject.from)) return null
  const close = clauseEnd(ctx, cue.after, unit.to)
  if (close < 0) return null
  const before: Span = { start: unit.start, end: ctx.tokens[c - 1]?.start ?? unit.start }
  const after: Span = { start: ctx.tokens[close + 1]?.start ?? unit.end, end: unit.end }
  const parts = (opening ? [after] : close >= unit.to ? [before] : [before, after]).map((s) => trimSpan(ctx.text, s)).filter((s) => s.end > s.start)
  if (parts.length === 0 || !isClause(ctx, { start: parts[0]?.start ?? 0, end: parts[parts.length - 1]?.end ?? 0 })) return null
  const cueSpan = { start: ctx.tokens[cue.at]?.start ?? 0, end: ctx.tokens[cue.after - 1]?.end ?? 0 }
  return build(ctx, unit, parts, cueSpan, subject, unit.to)?.draft ?? null
}

/**
 * "As reported by the Herald, …", "As stated in the audit, …": a passive cue
 * with its source after "by" or "in" reports the sentence after the comma.
 */
function asReportedIn(ctx: Context, unit: Unit, c: number): Draft | null {
  const cue = ctx.tokens[c + 1]
  const lemma = cueLemma(cue?.lower ?? '')
  if (!cue || !lemma || !AS_CUES.has(lemma) || !/ed$|^written$/.test(cue.lower) || !/^(by|in)$/.test(ctx.tokens[c + 2]?.lower ?? '')) return null
  let close = c + 3
  while (close < unit.to && close <= c + 10 && ctx.tokens[close]?.text !== ',') close++
  const source = ctx.tokens[close]?.text === ',' ? sourceBetween(ctx, c + 3, close) : null
  if (!source || isPublisher(ctx, ctx.text.slice(source.start, source.end))) return null
  const content = trimSpan(ctx.text, { start: ctx.tokens[close + 1]?.start ?? unit.end, end: unit.end })
  if (!isClause(ctx, content)) return null
  return build(ctx, unit, content, { start: cue.start, end: cue.end }, source, unit.to)?.draft ?? null
}

const TIME_SOURCE = /^(\d+|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn|winter|recent|past|years?|months?|weeks?|days?|advance|part|public|private|detail|full)$/

/** The source named between "by"/"in" and the comma: a name or a description ("Davis’ commentary", "the audit"). */
function sourceBetween(ctx: Context, from: number, to: number): Mention | null {
  const first = ctx.tokens[from]
  const last = ctx.tokens[to - 1]
  // "As noted in May, …", "as reported in 2015": a time, no source.
  if (!first || !last || to - from > 6 || TIME_SOURCE.test(first.lower) || TIME_SOURCE.test(last.lower)) return null
  for (let i = from; i < to; i++) if (isQuotedToken(ctx, i) || !ctx.tokens[i]?.word && !/^['’]$/.test(ctx.tokens[i]?.text ?? '')) return null
  return { kind: /^\p{Lu}/u.test(first.text) || /^(the|a|an)$/.test(first.lower) && /^\p{Lu}/u.test(ctx.tokens[from + 1]?.text ?? '') ? 'name' : 'nominal', from, to, start: first.start, end: last.end }
}

/** The cue of the clause: its token, and the token after it ("put it", "pointed out" take one more). */
function cueIn(ctx: Context, from: number, max: number): { at: number; after: number } | null {
  for (let i = from + 1; i < max; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i) || /^[.;:!?]$/.test(t.text)) return null
    if (t.text !== t.lower) continue
    const next = ctx.tokens[i + 1]?.lower
    if (/^(put|puts)$/.test(t.lower) && next === 'it') return { at: i, after: i + 2 }
    const lemma = cueLemma(t.lower)
    // "as they say" (a saying), "as saying": only an inflected form reports.
    if (!lemma || !AS_CUES.has(lemma) || t.lower.endsWith('ing') || t.lower === lemma) continue
    if (lemma === 'point') return next === 'out' ? { at: i, after: i + 2 } : null
    return { at: i, after: i + 1 }
  }
  return null
}

/** "as one of his advisers said": only a quantifier may stand before the subject found ("as soon as he said" has none). */
function onlyQuantifiers(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/^(one|some|many|several|most|two|three|both|all|each|of)$/.test(ctx.tokens[i]?.lower ?? '')) return false
  return true
}

/**
 * The comma closing the clause (its token index), the unit's end when the
 * clause ends the sentence, or -1 when the cue has an object or a clause of
 * its own ("as he said goodbye", "as she said she would").
 */
function clauseEnd(ctx: Context, k: number, max: number): number {
  const t = ctx.tokens[k]
  if (!t || k >= max || /^[.!?]$/.test(t.text)) return max
  if (t.text === ',') return k
  if (!TAIL_START.test(t.lower)) return -1
  for (let i = k + 1; i < max && i < k + 14; i++) {
    const x = ctx.tokens[i]
    if (!x || isQuotedToken(ctx, i)) return -1
    if (x.text === ',') return i
    if (/^[.!?]$/.test(x.text)) return max
  }
  return -1
}
