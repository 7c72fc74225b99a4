/**
 * "He said:" or "The Times reports:" closing a paragraph, and the quotation
 * as the next paragraph: the lead-in names the quotation's speaker, as it
 * would in one sentence ("He said: “…”").
 */
import { unitIndexAt } from './resolve.js'
import { attributionIn, type Attribution } from './direct.js'
import type { Context } from './context.js'
import type { Draft } from './draft.js'

/** The attribution of the paragraph just before a floating quotation, when that paragraph ends in a colon. */
export function leadIn(ctx: Context, d: Draft): Attribution | null {
  const para = ctx.paras[d.paragraph]
  const first = d.content[0]
  if (!para || !first || first.start - para.start > 2) return null
  const unit = ctx.units[unitIndexAt(ctx, para.start) - 1]
  if (!unit || unit.paragraph !== d.paragraph - 1 || !ctx.text.slice(unit.start, unit.end).trimEnd().endsWith(':')) return null
  // A lead-in of its own, not the tail of another quotation: no quoted words in it.
  for (let i = unit.from; i < unit.to; i++) if (ctx.quoteOf[i] !== -1) return null
  return attributionIn(ctx, unit)
}
