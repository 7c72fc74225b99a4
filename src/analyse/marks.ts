/**
 * Quotation marks → quoted stretches. Linear scan, one paragraph at a time,
 * so a missing closing mark never swallows more than its paragraph (unless
 * the next paragraph opens with a quote mark: the newspaper convention for a
 * quotation running over several paragraphs, unless that paragraph opens a
 * new speaker's turn of a transcript: "WALLACE: …").
 */
import type { Span } from '../domain/index.js'

export interface Quoted {
  /** Index of the opening mark. */
  open: number
  /** Index just after the closing mark, or the paragraph end when unclosed. */
  close: number
  /** Content between the marks, one span per paragraph. */
  parts: Span[]
  closed: boolean
}

/** A transcript speaker's label in capitals opening a paragraph ("TAPPER:", "JAKE TAPPER:"), after an optional quotation mark. */
export const SPEAKER_LABEL = /^["“”]?((?:\p{Lu}[\p{Lu}.'’-]+)(?: \p{Lu}[\p{Lu}.'’-]+){0,3}):\s/u

const PAIRS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"', '‘': '’', '‚': '‘' }
const DOUBLE_OPEN = new Set(['“', '„', '«', '"'])

/** Single marks are primary only in texts that use no double marks at all (British style). */
function usesSingleMarks(text: string): boolean {
  return !/[“”„«»"]/.test(text) && /(?:^|[\s(—–-])‘\p{L}/mu.test(text)
}

function isOpening(text: string, i: number, ch: string): boolean {
  if (ch !== '"' && ch !== '‘') return true
  const prev = text[i - 1] ?? ' '
  const next = text[i + 1] ?? ' '
  return /[\s([{—–\-/:,]/u.test(prev) && !/\s/.test(next)
}

function isClosing(text: string, i: number, ch: string, want: string): boolean {
  // Mixed typography: “…" closes with a straight mark, "…” with a curly one, when it sits after the words.
  if ((ch === '"' && want === '”') || (ch === '”' && want === '"')) return !/\s/.test(text[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ')
  if (ch !== want) return want === '“' && ch === '”'
  if (ch !== '’') return true
  // An apostrophe inside a word ("don’t") is not a closing mark.
  return !/\p{L}/u.test(text[i + 1] ?? ' ')
}

/** Quoted stretches of the text, given its paragraphs in order. */
export function findQuoted(text: string, paras: Span[]): Quoted[] {
  const single = usesSingleMarks(text)
  const opens = single ? new Set(['‘']) : DOUBLE_OPEN
  const out: Quoted[] = []
  let cur: (Quoted & { want: string; partStart: number }) | null = null
  paras.forEach((p, pi) => {
    if (cur) {
      // The previous paragraph ended inside a quote: it continues only if this one opens with a mark.
      if (continuesQuote(text, p, opens)) cur.partStart = p.start + 1
      else {
        out.push(finish(cur))
        cur = null
      }
    }
    const startAt = cur ? p.start + 1 : p.start
    for (let i = startAt; i < p.end; i++) {
      const ch = text[i] ?? ''
      if (cur) {
        if (isClosing(text, i, ch, cur.want)) {
          cur.parts.push({ start: cur.partStart, end: i })
          cur.close = i + 1
          cur.closed = true
          out.push(finish(cur))
          cur = null
        } else if (ch !== '"' && ch !== '‘' && opens.has(ch) && ch !== cur.want) {
          // A second opening mark before any closing: the first quote lost its closer.
          cur.parts.push({ start: cur.partStart, end: trimEnd(text, cur.partStart, i) })
          cur.close = trimEnd(text, cur.partStart, i)
          out.push(finish(cur))
          cur = open(i, ch)
        }
      } else if ((opens.has(ch) && isOpening(text, i, ch)) || (!single && reversedOpening(text, i, p))) cur = open(i, ch)
    }
    if (cur) {
      cur.parts.push({ start: cur.partStart, end: p.end })
      cur.close = p.end
      const next = paras[pi + 1]
      if (!next || !continuesQuote(text, next, opens)) {
        out.push(finish(cur))
        cur = null
      }
    }
  })
  if (cur) out.push(finish(cur))
  return out.filter((q) => q.parts.some((s) => s.end > s.start))
}

/** ”A quotation opened with a closing mark.” — at a paragraph's start, before a word, with its closer later in the paragraph. */
function reversedOpening(text: string, i: number, p: Span): boolean {
  return i === p.start && text[i] === '”' && /\p{L}/u.test(text[i + 1] ?? '') && text.indexOf('”', i + 1) > i && text.indexOf('”', i + 1) < p.end
}

/** A paragraph carries on the quotation of the one before when it opens with a mark, and is no new transcript turn. */
function continuesQuote(text: string, p: Span, opens: Set<string>): boolean {
  return opens.has(text[p.start] ?? '') && !SPEAKER_LABEL.test(text.slice(p.start, p.start + 60))
}

function open(i: number, ch: string): Quoted & { want: string; partStart: number } {
  return { open: i, close: i + 1, parts: [], closed: false, want: PAIRS[ch] ?? ch, partStart: i + 1 }
}

function finish(q: Quoted & { want: string; partStart: number }): Quoted {
  return { open: q.open, close: q.close, parts: q.parts.filter((s) => s.end > s.start), closed: q.closed }
}

function trimEnd(text: string, from: number, i: number): number {
  let e = i
  while (e > from && /\s/.test(text[e - 1] ?? '')) e--
  return e
}

/** Number of words in the quoted content. */
export function quotedWords(text: string, q: Quoted): number {
  let n = 0
  for (const s of q.parts) n += (text.slice(s.start, s.end).match(/[\p{L}\p{N}]+/gu) ?? []).length
  return n
}

/** The quoted stretches that close between offsets from and to, both included. */
export function closingBetween(quoted: Quoted[], from: number, to: number): Quoted[] {
  const out: Quoted[] = []
  for (let i = firstClosingFrom(quoted, from); i < quoted.length && (quoted[i]?.close ?? Infinity) <= to; i++) out.push(quoted[i] as Quoted)
  return out
}

/** The quoted stretches that overlap the span [start, end). */
export function quotedWithin(quoted: Quoted[], start: number, end: number): Quoted[] {
  const out: Quoted[] = []
  for (let i = firstClosingFrom(quoted, start + 1); i < quoted.length && (quoted[i]?.open ?? Infinity) < end; i++) out.push(quoted[i] as Quoted)
  return out
}

/**
 * Index of the first stretch closing at or after offset `from`: a binary
 * search, as stretches come in text order and never overlap (findQuoted).
 */
function firstClosingFrom(quoted: Quoted[], from: number): number {
  let lo = 0
  let hi = quoted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((quoted[mid]?.close ?? Infinity) < from) lo = mid + 1
    else hi = mid
  }
  return lo
}
