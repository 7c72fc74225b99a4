/**
 * "He said:" or "The Times reports:" closing a paragraph, and the quotation
 * as the next paragraph: the lead-in names the quotation's speaker, as it
 * would in one sentence ("He said: “…”").
 */
import type { Span } from '../domain/index.js'
import { unitIndexAt } from './resolve.js'
import { attributionIn } from './direct.js'
import type { Context, Unit } from './context.js'
import type { Draft } from './draft.js'
import type { Mention } from './mentions.js'
import { isPublisher, resolveMention } from './resolve.js'
import { sentenceSubject } from './sources.js'

/** A lead-in's cue ("He said:"), none when it only names its speaker ("Sanders made the following comment:"). */
interface LeadIn {
  cue: Span | null
  mention: Mention
}

/** The attribution of the paragraph just before a floating quotation, when that paragraph ends in a colon. */
export function leadIn(ctx: Context, d: Draft): LeadIn | null {
  const para = ctx.paras[d.paragraph]
  const first = d.content[0]
  if (!para || !first || first.start - para.start > 2) return null
  const unit = ctx.units[unitIndexAt(ctx, para.start) - 1]
  if (!unit || unit.paragraph !== d.paragraph - 1 || !ctx.text.slice(unit.start, unit.end).trimEnd().endsWith(':')) return null
  // A lead-in of its own, not the tail of another quotation: no quoted words in it.
  for (let i = unit.from; i < unit.to; i++) if (ctx.quoteOf[i] !== -1) return null
  return attributionIn(ctx, unit) ?? openingName(ctx, unit)
}

/** "On July 6, Sanders made the following comment:": with no cue, the person the lead-in opens with. */
function openingName(ctx: Context, unit: Unit): LeadIn | null {
  const m = sentenceSubject(ctx, unit)
  if (!m || m.kind !== 'name' || isPublisher(ctx, ctx.text.slice(m.start, m.end))) return null
  return resolveMention(ctx, m)?.kind === 'person' ? { cue: null, mention: m } : null
}
