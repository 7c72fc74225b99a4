/**
 * "…, including Mitt Romney -- “It is disqualifying …” -- and Fred
 * Goldberg": a quotation set off by dashes right after a person's name is
 * that person's words.
 */
import type { Context } from './context.js'
import type { Quoted } from './marks.js'
import { nameMentionAt, type Mention } from './mentions.js'
import { resolveMention } from './resolve.js'

const DASH_BEFORE = /[ \t]+(?:--|—|–)[ \t]*$/
const DASH_AFTER = /^[,.]?[ \t]*(?:--|—|–)[ \t]/

/** The person named right before a quotation set off by dashes, if the text names one there. */
export function dashedName(ctx: Context, q: Quoted): Mention | null {
  if (!q.closed) return null
  const before = ctx.text.slice(Math.max(0, q.open - 8), q.open)
  const dash = DASH_BEFORE.exec(before)
  if (!dash || !DASH_AFTER.test(ctx.text.slice(q.close, q.close + 6))) return null
  const end = q.open - (before.length - dash.index)
  const name = ctx.entities.names.find((n) => n.end === end)
  if (!name) return null
  const m = nameMentionAt(ctx, name.start, name.end)
  return m && resolveMention(ctx, m)?.kind === 'person' ? m : null
}
