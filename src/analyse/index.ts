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
  const drafts = carryOver(findDrafts(ctx))
  return { quotes: drafts.map((d) => toQuote(text, d)), entities: ctx.entities.entities }
}

/**
 * Typewriter quotation marks written as two apostrophes or backticks
 * (''like this'', ``this'') become a space and a straight double mark: same
 * length, so every offset still points into the original text.
 */
export function normaliseMarks(text: string): string {
  if (!text.includes("''") && !text.includes('``')) return text
  return text.replace(/''|``/g, ' "')
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
function carryOver(drafts: Draft[]): Draft[] {
  return drafts.map((d, i) => {
    if (d.speaker || d.mention || d.kind !== 'direct') return d
    const prev = drafts[i - 1]
    const next = drafts[i + 1]
    if (prev?.speaker && d.paragraph - prev.paragraph <= 1) return { ...d, speaker: prev.speaker, continuation: true }
    if (next?.speaker && next.mention && next.paragraph === d.paragraph) return { ...d, speaker: next.speaker, continuation: true }
    return d
  })
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
