/**
 * "In the latest Reuters/Ipsos poll, Clinton led Trump by 5 points.", "In
 * this survey, conducted last week, …": a poll or survey named in the
 * sentence's opening "In …," reports what follows, the poll its source (as
 * "According to the poll, …"). Not "In polling stations, …" or "In 2012, a
 * poll …": the opening phrase must be a determiner and end on "poll(s)" or
 * "survey(s)" before its comma.
 */
import { trimSpan, type Context, type Unit } from './context.js'
import { contentEnd, hasFiniteVerb } from './clause.js'
import { build, type Found } from './found.js'
import { make } from './mentions.js'

const DETERMINER = /^(the|a|an|this|that|these|those|its|their|one|another|our|his|her|each)$/
const POLL = /^(polls?|surveys?)$/
const PARTICIPLE = /^(conducted|released|published|taken|commissioned|carried)$/

/** The source phrase at token c ("In") opening the unit, and what it reports, or null. */
export function inPoll(ctx: Context, unit: Unit, c: number): Found | null {
  const t = ctx.tokens[c]
  if (t?.lower !== 'in' || !DETERMINER.test(ctx.tokens[c + 1]?.lower ?? '')) return null
  let j = c + 1
  while (j < unit.to && j < c + 14 && ctx.tokens[j]?.text !== ',') j++
  if (ctx.tokens[j]?.text !== ',' || !POLL.test(ctx.tokens[j - 1]?.lower ?? '')) return null
  let last = j - 1
  // "…, conducted in early September, …": the poll's participle phrase belongs to it.
  if (PARTICIPLE.test(ctx.tokens[j + 1]?.lower ?? '')) {
    let k = j + 1
    while (k < unit.to && k < j + 12 && ctx.tokens[k]?.text !== ',') k++
    if (ctx.tokens[k]?.text !== ',') return null
    last = k - 1
    j = k
  }
  const from = j + 1
  if (from >= unit.to) return null
  const end = contentEnd(ctx, from, unit.to)
  const content = trimSpan(ctx.text, { start: ctx.tokens[from]?.start ?? unit.end, end: end.offset })
  if (!hasFiniteVerb(ctx, from, end.next)) return null
  const mention = make(ctx, 'nominal', c + 1, last)
  return build(ctx, unit, content, { start: t.start, end: t.end }, mention, end.next, true)
}
