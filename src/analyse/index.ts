/**
 * The analyse stage: text → who said what. Pure and deterministic.
 *
 * Product decision on what counts as a quote: speech and writing (said,
 * told, wrote, argued, according to …) are shown. Thoughts, feelings and
 * intentions ("Clinton plans to …", "he believes …", "she fears …", which
 * PolNeAR annotates) are not: they are the reporter's reading of a person,
 * not something the person said, and a "who said what" page full of them
 * would put words in people's mouths.
 */
import { articleText, type Analysis, type Article, type Quote } from '../domain/index.js'
import { buildContext, trimSpan, type Context } from './context.js'
import { directInUnit, isDirect } from './direct.js'
import type { Draft } from './draft.js'
import { indirectInUnit } from './indirect.js'
import type { Quoted } from './marks.js'
import { antecedent, unitIndexAt } from './resolve.js'

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
    const found = quotes ? directInUnit(ctx, unit, quotes) : indirectInUnit(ctx, unit)
    for (const d of found) {
      const e = d.speaker?.entityId ? ctx.byId.get(d.speaker.entityId) : undefined
      if (e) ctx.spoken.add(e.id)
      if (e?.kind === 'person') ctx.recent = { entity: e, paragraph: d.paragraph }
      if (e?.kind === 'organisation') ctx.recentOrg = e
    }
    out.push(...found)
  })
  return out
}

/**
 * Quotes with no speaker of their own take the speaker of a neighbour: the
 * previous quote in the same or the previous paragraph, else the next one
 * in the same paragraph ("“…” “…,” she said."), else, for a quotation
 * standing alone in its paragraph, the last speaker a few paragraphs up or
 * the person the text was just talking about.
 */
function carryOver(ctx: Context, drafts: Draft[]): Draft[] {
  const out: Draft[] = []
  drafts.forEach((d, i) => {
    if (d.speaker || d.mention || d.kind !== 'direct') return out.push(d)
    const prev = out[out.length - 1]
    const next = drafts[i + 1]
    const carried = { ...d, continuation: true }
    if (prev?.speaker && d.paragraph - prev.paragraph <= 1) return out.push({ ...carried, speaker: prev.speaker })
    if (next?.speaker && next.mention && next.paragraph === d.paragraph) return out.push({ ...carried, speaker: next.speaker })
    // No speaker anywhere near: a short phrase or a title in quotation marks, not a quotation.
    if (looksLikeTitleOrTerm(ctx.text, d)) return
    if (standsAlone(ctx, d)) {
      if (prev?.speaker && d.paragraph - prev.paragraph <= 3) return out.push({ ...carried, speaker: prev.speaker })
      const e = antecedent(ctx, d.start, ['person'])
      if (e) return out.push({ ...carried, speaker: { name: e.name, kind: 'person', entityId: e.id, role: e.role, organisation: e.organisation } })
    }
    out.push(d)
  })
  return out
}

/** A quotation that is its whole paragraph (a "floating" quote). */
function standsAlone(ctx: Context, d: Draft): boolean {
  const para = ctx.paras[d.paragraph]
  const first = d.content[0]
  const last = d.content[d.content.length - 1]
  if (!para || !first || !last) return false
  return first.start - para.start <= 2 && para.end - last.end <= 3
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
