/**
 * The analyse stage: text → who said what. Pure and deterministic.
 *
 * Product decision on what counts as a quote: speech and writing (said,
 * told, wrote, argued…) and stated beliefs (believes/thinks/fears that …)
 * are shown; intentions and plans ("Clinton plans to …", "wants to …") are
 * not, because they are the reporter's reading of a person, not something
 * the person said, and a page of "quotes" full of them would mislead.
 */
import { articleText, type Analysis, type Article, type Quote } from '../domain/index.js'
import { buildContext, trimSpan, type Context } from './context.js'
import { directInUnit, isDirect } from './direct.js'
import type { Draft } from './draft.js'
import { indirectInUnit } from './indirect.js'
import type { Quoted } from './marks.js'
import { unitIndexAt } from './resolve.js'

export { personKey, matchPerson, type PersonEvidence, type KnownPerson } from './people.js'

export interface AnalyseOptions {
  /** The outlet publishing the text: "told B-17" names the publisher, never the speaker. */
  publisher?: string | null
}

export function analyseText(text: string, options: AnalyseOptions = {}): Analysis {
  const ctx = buildContext(normaliseMarks(text), options.publisher ?? null)
  const drafts = carryOver(ctx, findDrafts(ctx))
  return { quotes: drafts.map((d) => toQuote(text, d)), entities: ctx.entities.entities }
}

/**
 * Typewriter quotation marks written as two apostrophes or backticks
 * (''like this'', ``this'') become a space and a straight double mark: same
 * length, so every offset still points into the original text.
 */
export function normaliseMarks(text: string): string {
  if (!/''|``|’’|‘‘/.test(text)) return text
  return text.replace(/''|``/g, ' "').replace(/’’/g, ' ”').replace(/‘‘/g, ' “')
}

export function analyseArticle(article: Article): Analysis {
  return analyseText(articleText(article), { publisher: article.outlet })
}

function findDrafts(ctx: Context): Draft[] {
  const direct = new Map<number, Quoted[]>()
  for (const q of ctx.quoted) {
    const ui = unitIndexAt(ctx, q.open)
    const unit = ctx.units[ui]
    if (!unit || !isDirect(ctx, q, unit)) continue
    const list = direct.get(ui) ?? []
    list.push(q)
    direct.set(ui, list)
  }
  const out: Draft[] = []
  ctx.units.forEach((unit, ui) => {
    const quotes = direct.get(ui)
    out.push(...(quotes ? directInUnit(ctx, unit, quotes) : indirectInUnit(ctx, unit)))
  })
  return out
}

/**
 * Quotes with no speaker of their own take the speaker of a neighbour: the
 * previous quote in the same or the previous paragraph, else the next one
 * in the same paragraph ("“…” “…,” she said.").
 */
function carryOver(ctx: Context, drafts: Draft[]): Draft[] {
  const out: Draft[] = []
  drafts.forEach((d, i) => {
    if (d.speaker || d.mention || d.kind !== 'direct') return out.push(d)
    const prev = out[out.length - 1]
    const next = drafts[i + 1]
    if (prev?.speaker && d.paragraph - prev.paragraph <= 1) return out.push({ ...d, speaker: prev.speaker, continuation: true })
    if (next?.speaker && next.mention && next.paragraph === d.paragraph) return out.push({ ...d, speaker: next.speaker, continuation: true })
    // No speaker anywhere near: a short phrase or a title in quotation marks, not a quotation.
    if (!looksLikeTitleOrTerm(ctx.text, d)) out.push(d)
  })
  return out
}

function looksLikeTitleOrTerm(text: string, d: Draft): boolean {
  const words = d.content.flatMap((s) => text.slice(s.start, s.end).match(/[\p{L}\p{N}'’]+/gu) ?? [])
  if (words.length <= 3) return true
  const minor = /^(a|an|the|of|in|on|at|to|for|and|or|but|by|with|from|is|be)$/i
  return words.every((w) => /^\p{Lu}/u.test(w) || minor.test(w))
}

function toQuote(text: string, d: Draft): Quote {
  const content = d.content.map((s) => trimSpan(text, s)).filter((s) => s.end > s.start)
  return {
    kind: d.kind,
    content,
    text: content.map((s) => text.slice(s.start, s.end)).join(' '),
    cue: d.cue,
    speakerMention: d.mention ? { start: d.mention.start, end: d.mention.end } : null,
    speaker: d.speaker,
    continuation: d.continuation,
  }
}
