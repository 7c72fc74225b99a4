/**
 * A document closing the sentence as its source: "…, a Tribune analysis of
 * newly filed harbour reports shows." The document's head noun comes first
 * in the phrase after the last comma, its modifier after it; the content is
 * the sentence before that comma.
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { isClause } from './clause.js'
import { nextWord } from './ahead.js'
import { DETERMINERS, EVIDENCE_SUBJECT } from './lexicon.js'
import type { Mention } from './mentions.js'

const MAX_PHRASE = 16
const MAX_HEAD = 5

export function trailingDocument(ctx: Context, unit: Unit, c: number): { content: Span; mention: Mention } | null {
  if (nextWord(ctx, c + 1, unit.to) < unit.to) return null
  let comma = c - 1
  while (comma > unit.from && comma >= c - MAX_PHRASE && ctx.tokens[comma]?.text !== ',') {
    if (isQuotedToken(ctx, comma) || !ctx.tokens[comma]?.word) return null
    comma--
  }
  const first = ctx.tokens[comma + 1]
  if (ctx.tokens[comma]?.text !== ',' || !first || !DETERMINERS.has(first.lower)) return null
  let head = comma + 2
  while (head < c && head <= comma + MAX_HEAD && !EVIDENCE_SUBJECT.test(ctx.tokens[head]?.lower ?? '')) head++
  // "the audit report": a compound's last noun is its head.
  while (head + 1 < c && EVIDENCE_SUBJECT.test(ctx.tokens[head + 1]?.lower ?? '')) head++
  const last = ctx.tokens[head]
  // The head noun with a modifier after it; a head right before the cue is the plain subject's case.
  if (!last || head >= c - 1 || !EVIDENCE_SUBJECT.test(last.lower)) return null
  const content = trimSpan(ctx.text, { start: unit.start, end: ctx.tokens[comma]?.start ?? unit.start })
  if (!isClause(ctx, content)) return null
  return { content, mention: { kind: 'nominal', from: comma + 1, to: head + 1, start: first.start, end: last.end } }
}
