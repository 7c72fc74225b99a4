/**
 * A reported statement found in a sentence: its draft, with the checks every
 * finder shares (enough words, a cue that is a verb here, the dateline left
 * out, direct/mixed/indirect by its quotation marks).
 */
import type { QuoteKind, Span } from '../domain/index.js'
import type { Context, Unit } from './context.js'
import type { Draft } from './draft.js'
import type { Mention } from './mentions.js'
import { resolveMention } from './resolve.js'
import { cueIsVerb } from './verbtags.js'

export const MIN_WORDS = 3

export interface Found {
  draft: Draft
  /** Token index to continue scanning from. */
  next: number
}

/**
 * `described`: the mention is a bare description ("people in attendance"), shown
 * as the mention but never made into a person.
 */
export function build(ctx: Context, unit: Unit, content: Span | Span[], cue: Span, mention: Mention, next: number, described = false, minWords = MIN_WORDS): Found | null {
  const spans = (Array.isArray(content) ? content : [content]).map((s, i) => withoutConnective(ctx, i === 0 ? withoutDateline(ctx, unit, s) : s))
  const text = spans.map((s) => ctx.text.slice(s.start, s.end)).join(' ')
  if ((text.match(/[\p{L}\p{N}]+/gu) ?? []).length < minWords) return null
  if (!cueIsVerb(ctx, unit, cue)) return null
  const kind: QuoteKind = /["“”„«»]/.test(text) ? (isWhollyQuoted(text) ? 'direct' : 'mixed') : 'indirect'
  const resolved = resolveMention(ctx, mention)
  const speaker = described && resolved?.kind === 'person' && !resolved.entityId ? null : resolved
  const draft: Draft = { kind, content: spans, cue, mention, speaker, continuation: false, paragraph: unit.paragraph, start: spans[0]?.start ?? unit.start }
  return { draft, next }
}

/** "WASHINGTON ― …", "OTTAWA (Reuters) — …": the dateline opening a story is not part of what was said. */
function withoutDateline(ctx: Context, unit: Unit, s: Span): Span {
  // Only where a paragraph starts: "… US — and European — sanctions" keeps its capitals.
  const para = ctx.paras[unit.paragraph]
  if (!para || s.start - para.start > 1) return s
  const m = /^\p{Lu}{3,}[\p{Lu} .,'’-]{0,40}(?:\([^)\n]{1,30}\))?\s*[―—–-]{1,2}\s+/u.exec(ctx.text.slice(s.start, s.end))
  return m ? { start: s.start + m[0].length, end: s.end } : s
}

/**
 * "However, Kim has long harbored a grudge …, according to Bennet": a
 * connective opening the sentence ties it to the reporter's previous one;
 * what the source said starts after it.
 */
function withoutConnective(ctx: Context, s: Span): Span {
  const m = /^(?:However|Still|Meanwhile|Nevertheless|Nonetheless|Moreover|Furthermore|Indeed|Instead|Yet|Now|Also|Additionally),\s+/.exec(ctx.text.slice(s.start, s.end))
  return m ? { start: s.start + m[0].length, end: s.end } : s
}

function isWhollyQuoted(text: string): boolean {
  return /^["“„«]/.test(text) && /["”»]\W?$/.test(text) && (text.match(/["“”„«»]/g) ?? []).length === 2
}
