/**
 * Everything the attribution steps share about one text: tokens, quoted
 * stretches, sentence units that never cut through a quotation, entities.
 */
import type { Entity, Span, Speaker } from '../domain/index.js'
import { buildEntities, type EntityIndex } from './entities.js'
import { findQuoted, type Quoted } from './marks.js'
import { personKey } from './people.js'
import { paragraphs, sentencesOf, tokenize, type Token } from './text.js'

export interface Unit extends Span {
  paragraph: number
  /** Token index range [from, to). */
  from: number
  to: number
}

export interface Context {
  text: string
  tokens: Token[]
  paras: Span[]
  quoted: Quoted[]
  /** Per token: index into quoted of the stretch it sits in (marks included), or -1. */
  quoteOf: Int32Array
  units: Unit[]
  entities: EntityIndex
  /** Per unit: index of its first name mention in entities.names (length units + 1). */
  unitNames: Int32Array
  /** Per name mention: 1 when it sits inside a quotation. */
  nameQuoted: Uint8Array
  byId: Map<string, Entity>
  /** personKey of the publisher without a leading "the", or null. */
  publisherKey: string | null
  /** The person who spoke last (updated as quotes are found, in text order): the likeliest "he"/"she". */
  recent: { entity: Entity; paragraph: number } | null
  /** The person who spoke last, named or not ("Chan said …"), with where the mention starts and its unit. */
  lastSpeaker: { speaker: Speaker; start: number; unit: number } | null
  /** The organisation that spoke last: the likeliest "it said". */
  recentOrg: Entity | null
  /** Entity ids of everyone quoted so far. */
  spoken: Set<string>
}

export function buildContext(text: string, publisher: string | null): Context {
  const paras = paragraphs(text)
  const tokens = tokenize(text)
  const quoted = findQuoted(text, paras)
  const quoteOf = markTokens(tokens, quoted)
  const units = mergeUnits(sentencesOf(text, paras), quoted, tokens)
  const entities = buildEntities(tokens)
  const byId = entities.byId
  const { unitNames, nameQuoted } = indexNames(entities.names, units, quoted)
  const publisherKey = publisher ? personKey(publisher.replace(/^the\s+/i, '')) || null : null
  return { text, tokens, paras, quoted, quoteOf, units, entities, unitNames, nameQuoted, byId, publisherKey, recent: null, lastSpeaker: null, recentOrg: null, spoken: new Set() }
}

function indexNames(names: Span[], units: Unit[], quoted: Quoted[]): { unitNames: Int32Array; nameQuoted: Uint8Array } {
  const unitNames = new Int32Array(units.length + 1)
  let ni = 0
  units.forEach((u, ui) => {
    while (ni < names.length && (names[ni]?.start ?? 0) < u.start) ni++
    unitNames[ui] = ni
  })
  unitNames[units.length] = names.length
  const nameQuoted = new Uint8Array(names.length)
  let qi = 0
  names.forEach((n, i) => {
    while (qi < quoted.length && (quoted[qi]?.close ?? 0) <= n.start) qi++
    const q = quoted[qi]
    if (q && n.start > q.open && n.start < q.close) nameQuoted[i] = 1
  })
  return { unitNames, nameQuoted }
}

/** Name mention indices of unit ui. */
export function namesOfUnit(ctx: Context, ui: number): number[] {
  const out: number[] = []
  const end = ctx.unitNames[ui + 1] ?? 0
  for (let i = ctx.unitNames[ui] ?? 0; i < end; i++) out.push(i)
  return out
}

/** The entity of name mention i, if any. */
export function entityOfName(ctx: Context, i: number): Entity | undefined {
  const n = ctx.entities.names[i]
  const id = n ? ctx.entities.byStart.get(n.start) : undefined
  return id ? ctx.byId.get(id) : undefined
}

function markTokens(tokens: Token[], quoted: Quoted[]): Int32Array {
  const out = new Int32Array(tokens.length).fill(-1)
  let qi = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t) continue
    while (qi < quoted.length && (quoted[qi]?.close ?? 0) <= t.start) qi++
    const q = quoted[qi]
    if (q && t.start >= q.open && t.start < q.close) out[i] = qi
  }
  return out
}

/** Sentences, merged wherever a quotation runs across a sentence (or paragraph) boundary. */
function mergeUnits(sentences: { start: number; end: number; paragraph: number }[], quoted: Quoted[], tokens: Token[]): Unit[] {
  const merged: { start: number; end: number; paragraph: number }[] = []
  let qi = 0
  for (const s of sentences) {
    const prev = merged[merged.length - 1]
    while (qi < quoted.length && (quoted[qi]?.close ?? 0) <= s.start) qi++
    const q = quoted[qi]
    const crosses = prev && q && q.open < s.start && q.close > s.start && q.open >= prev.start
    if (prev && crosses) prev.end = s.end
    else merged.push({ ...s })
  }
  const units: Unit[] = []
  let ti = 0
  for (const s of merged) {
    while (ti < tokens.length && (tokens[ti]?.start ?? 0) < s.start) ti++
    const from = ti
    while (ti < tokens.length && (tokens[ti]?.start ?? 0) < s.end) ti++
    units.push(...capped({ ...s, from, to: ti }, tokens))
  }
  return units
}

/**
 * The most tokens one unit holds. The steps look for a cue's speaker and
 * content within its unit, some of them from every cue candidate, so a
 * "sentence" of a hundred thousand words with no full stop would cost
 * billions of steps. The longest unit of the benchmark corpora (974
 * articles) has 1,503 tokens: a quotation running over several paragraphs.
 */
export const MAX_UNIT_TOKENS = 2000

/** A unit over MAX_UNIT_TOKENS cut into pieces of that many tokens. */
function capped(unit: Unit, tokens: Token[]): Unit[] {
  if (unit.to - unit.from <= MAX_UNIT_TOKENS) return [unit]
  const out: Unit[] = []
  for (let from = unit.from; from < unit.to; from += MAX_UNIT_TOKENS) {
    const to = Math.min(unit.to, from + MAX_UNIT_TOKENS)
    const start = from === unit.from ? unit.start : (tokens[from]?.start ?? unit.start)
    const end = to === unit.to ? unit.end : (tokens[to - 1]?.end ?? unit.end)
    out.push({ start, end, paragraph: unit.paragraph, from, to })
  }
  return out
}

/** Index of the first token starting at or after `offset` (tokens.length when none): a binary search. */
export function tokenFrom(ctx: Context, offset: number): number {
  let lo = 0
  let hi = ctx.tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((ctx.tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function isQuotedToken(ctx: Context, i: number): boolean {
  return (ctx.quoteOf[i] ?? -1) >= 0
}

export function spanText(ctx: Context, s: Span): string {
  return ctx.text.slice(s.start, s.end)
}

/** Trim whitespace and edge punctuation (, ; : — – and a final full stop) off a span. */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s
  while (start < end && /[\s,;:—–-]/.test(text[start] ?? '')) start++
  while (end > start && /[\s,;:—–.-]/.test(text[end - 1] ?? '')) end--
  return { start, end }
}
