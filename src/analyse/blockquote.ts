/**
 * A quotation set as its own paragraph without quotation marks (a block
 * quote whose marks the page left out), after a lead-in paragraph that
 * names its speaker and ends in a colon: "The governor added:" then "It’s
 * typical of her. She knows nothing, …". The whole paragraph is the quote.
 */
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import { attributionIn } from './direct.js'
import type { Draft } from './draft.js'
import { resolveMention } from './resolve.js'

/** A lead-in is short: a subject, a cue and little else ("The governor added:", "Limbaugh wrote on his site:"). */
const MAX_LEAD_WORDS = 10

/** The block quote opening at unit ui (the first unit of its paragraph), or null. */
export function blockQuote(ctx: Context, ui: number): Draft | null {
  const unit = ctx.units[ui]
  const lead = ctx.units[ui - 1]
  const para = unit ? ctx.paras[unit.paragraph] : undefined
  if (!unit || !lead || !para || lead.paragraph !== unit.paragraph - 1 || unit.start - para.start > 1 || !isLeadIn(ctx, lead)) return null
  const last = lastUnitOf(ctx, ui)
  for (let i = unit.from; i < last.to; i++) if (isQuotedToken(ctx, i) || /^["“”]$/.test(ctx.tokens[i]?.text ?? '')) return null
  const a = attributionIn(ctx, lead)
  if (!a?.cue || !a.mention) return null
  const content = trimSpan(ctx.text, { start: unit.start, end: last.end })
  return { kind: 'indirect', content: [content], cue: a.cue, mention: a.mention, speaker: resolveMention(ctx, a.mention), continuation: false, paragraph: unit.paragraph, start: content.start }
}

/** A paragraph of one short sentence ending in a colon, with no quotation in it. */
function isLeadIn(ctx: Context, lead: Unit): boolean {
  const para = ctx.paras[lead.paragraph]
  if (!para || lead.start - para.start > 1 || para.end - lead.end > 1 || !ctx.text.slice(lead.start, lead.end).trimEnd().endsWith(':')) return false
  let words = 0
  for (let i = lead.from; i < lead.to; i++) {
    if (isQuotedToken(ctx, i)) return false
    if (ctx.tokens[i]?.word) words++
  }
  return words <= MAX_LEAD_WORDS
}

/** The last unit of the paragraph unit ui opens. */
function lastUnitOf(ctx: Context, ui: number): Unit {
  let u = ui
  while (ctx.units[u + 1]?.paragraph === ctx.units[ui]?.paragraph) u++
  return ctx.units[u] as Unit
}
