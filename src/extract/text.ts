import type { Article, Block } from '../domain/article.js'
import { fail, ok, type Result } from '../domain/result.js'
import { isFurniture, isInterruption, looksLikeCaption } from './lexicon.js'

/**
 * Plain text → Article. The first non-empty line is the title; a one-sentence
 * standfirst right after it is the dek; short unpunctuated lines are headings;
 * verbless image descriptions are captions; trailing page furniture ("Similar
 * Posts", "Leave a Reply" …) and everything after it is dropped.
 */
export function extractText(text: string): Result<Article> {
  const units = splitUnits(text)
  let title = units.shift()
  if (title === undefined) return fail('empty_input', 'the text has no content')
  if (title.text.length > MAX_TITLE) {
    // A first line this long is a paragraph: the title is its first sentence, cut if need be.
    units.unshift(title)
    title = { text: shortTitle(title.text), lines: [] }
  }
  const body = dropTrailingFurniture(units)
  let dek: Unit | null = null
  if (body.length >= 2 && body[0] && readsLikeStandfirst(body[0])) dek = body.shift() ?? null
  const blocks = body.map((u, i) => classify(u, i, body))
  return ok({
    title: title.text,
    dek: dek?.text ?? null,
    authors: [],
    publishedAt: null,
    updatedAt: null,
    outlet: null,
    canonicalUrl: null,
    lang: null,
    blocks,
  })
}

const MAX_TITLE = 300

function shortTitle(text: string): string {
  const sentence = /^.{10,200}?[.!?](?=\s|$)/u.exec(text)?.[0]
  if (sentence) return sentence
  const cut = text.slice(0, 120)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`
}

interface Unit {
  text: string
  /** Raw lines of the unit, for list and quote markers. */
  lines: string[]
}

const TERMINAL = /[.!?:"”’)…]$/u
const LIST_MARKER = /^\s*(?:[-*•·▪–]|\d{1,3}[.)])\s+/u

/** Splits text into units: paragraphs separated by blank lines; the first line alone is the title. */
function splitUnits(text: string): Unit[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const units: Unit[] = []
  let chunk: string[] = []
  const flush = (): void => {
    if (chunk.length > 0) units.push(...splitChunk(chunk))
    chunk = []
  }
  for (const raw of lines) {
    const line = raw.replace(/[\t\u00a0 ]+$/u, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    if (line.trim() === '') {
      flush()
      continue
    }
    if (units.length === 0 && chunk.length === 0) {
      units.push({ text: clean(line), lines: [line] })
      continue
    }
    chunk.push(line)
  }
  flush()
  return units.filter((u) => u.text.length > 0)
}

/** A chunk of consecutive lines: hard-wrapped prose is joined; lists, quotes and one-line paragraphs stay apart. */
function splitChunk(lines: string[]): Unit[] {
  if (lines.length === 1) return [{ text: clean(lines[0] ?? ''), lines }]
  if (lines.every((l) => LIST_MARKER.test(l)) || lines.every((l) => /^\s*>/.test(l))) {
    return [{ text: clean(lines.join(' ')), lines }]
  }
  const wrapped = lines.slice(0, -1).filter((l) => !TERMINAL.test(l.trim())).length >= (lines.length - 1) / 2
  if (wrapped) return [{ text: clean(lines.join(' ')), lines }]
  return lines.map((l) => ({ text: clean(l), lines: [l] }))
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** Cuts the furniture that begins the trailing debris, and everything after it. */
function dropTrailingFurniture(units: Unit[]): Unit[] {
  // Sizes in characters: counting words would split a huge text into millions of strings.
  const words = units.map((u) => u.text.length)
  const total = words.reduce((a, b) => a + b, 0)
  let before = 0
  for (let i = 0; i < units.length; i++) {
    const u = units[i]
    if (u && isFurniture(u.text) && before >= total - before - words[i]!) return units.slice(0, i)
    before += words[i] ?? 0
  }
  let end = units.length
  while (end > 0 && (isFurniture(units[end - 1]?.text ?? '') || isInterruption(units[end - 1]?.text ?? ''))) end--
  return units.slice(0, end)
}

/** Word count, or Infinity for a text over 1,000 characters: callers only ask about short texts. */
function wordsOf(s: string): number {
  if (s.length > 1000) return Infinity
  return s.split(/\s+/).filter(Boolean).length
}

/** A standfirst: one full sentence, of moderate length, ending in terminal punctuation. */
function readsLikeStandfirst(u: Unit): boolean {
  const t = u.text
  const n = wordsOf(t)
  if (n < 8 || n > 60 || !/[.!?]["”’]?$/u.test(t) || !/^\p{Lu}/u.test(t)) return false
  return (t.slice(0, -1).match(/[.!?]["”’]?\s+\p{Lu}/gu) ?? []).length === 0
}

function isHeading(t: string): boolean {
  const n = wordsOf(t)
  return n >= 1 && n <= 12 && t.length <= 90 && !TERMINAL.test(t) && /^[\p{L}\p{N}"“‘']/u.test(t)
}

function classify(u: Unit, index: number, all: Unit[]): Block {
  const t = u.text
  if (u.lines.length > 1 && u.lines.every((l) => LIST_MARKER.test(l))) {
    const items = u.lines.map((l) => clean(l.replace(LIST_MARKER, '')))
    return { kind: 'list', text: items.join('\n'), items, ordered: /^\s*\d/.test(u.lines[0] ?? '') }
  }
  if (u.lines.every((l) => /^\s*>/.test(l))) {
    return { kind: 'blockquote', text: clean(u.lines.map((l) => l.replace(/^\s*>\s?/, '')).join(' ')) }
  }
  if (isHeading(t)) return { kind: 'heading', text: t, level: 2 }
  const between = index > 0 && index < all.length - 1
  if (between && looksLikeCaption(t)) return { kind: 'caption', text: t }
  return { kind: 'paragraph', text: t }
}
