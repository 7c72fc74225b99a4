/**
 * A title in headline case ending in its attribution: "Tax Plan Will Hurt
 * Farmers, Union Leader Says". Cue verbs are otherwise lower case (a
 * capitalised "Says" could be a name), so only the article's first
 * paragraph, and only "…, Name Says" closing it, is read so.
 */
import type { Span } from '../domain/index.js'
import { trimSpan, type Context, type Unit } from './context.js'
import { subjectAfter, type Mention } from './mentions.js'

export interface Attributed {
  content: Span
  cue: Span
  mention: Mention
}

export function titleSays(ctx: Context, unit: Unit): Attributed | null {
  if (unit.paragraph !== 0) return null
  let last = unit.to - 1
  while (last > unit.from && !ctx.tokens[last]?.word) last--
  const cue = ctx.tokens[last]
  if (!cue || !/^(Says|Said)$/.test(cue.text)) return null
  // The speaker runs back from the cue to the comma closing the reported words.
  let comma = last - 1
  while (comma > unit.from && comma > last - 7 && ctx.tokens[comma]?.text !== ',') comma--
  const mention = ctx.tokens[comma]?.text === ',' ? subjectAfter(ctx, comma, last) : null
  if (!mention || mention.to !== last) return null
  const content = trimSpan(ctx.text, { start: unit.start, end: ctx.tokens[comma]?.start ?? unit.start })
  return { content, cue: { start: cue.start, end: cue.end }, mention }
}
