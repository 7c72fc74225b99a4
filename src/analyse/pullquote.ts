/**
 * Pull quotes set into the text as a paragraph of their own and signed with
 * the speaker's name after the last sentence, without quotation marks
 * ("The board's failures constitute an emergency. Linda Lamoureux", "It's
 * very bad for our seniors. Rod Peters, Lake Cowichan mayor"): the words are
 * the named person's. The name must be someone the article names elsewhere,
 * so a paragraph that merely ends in a name ("… was built by Maria Lopez")
 * is left alone.
 */
import { trimSpan, type Context } from './context.js'
import type { Draft } from './draft.js'
import { nameMentionAt } from './mentions.js'
import { resolveMention } from './resolve.js'

const SIGNED = /^([\s\S]*[.!?…]["”’]?)[ \t]+(\p{Lu}[\p{L}'’.-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){1,3})(?:,[ \t]+[^.!?\n,]{2,60})?[ \t]*$/u
const MIN_WORDS = 6

/** The pull quote a paragraph holds, or null. */
export function pullQuote(ctx: Context, paragraph: number): Draft | null {
  const p = ctx.paras[paragraph]
  if (!p) return null
  const text = ctx.text.slice(p.start, p.end)
  const m = SIGNED.exec(text)
  const body = m?.[1]
  const name = m?.[2]
  if (!body || !name || /["“”«»]/.test(body) || (body.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_WORDS) return null
  const nameStart = p.start + body.length + text.slice(body.length).indexOf(name)
  const mention = nameMentionAt(ctx, nameStart, nameStart + name.length)
  const speaker = mention ? resolveMention(ctx, mention) : null
  const entity = speaker?.entityId ? ctx.byId.get(speaker.entityId) : undefined
  if (speaker?.kind !== 'person' || !entity?.mentions.some((s) => s.start < p.start || s.start >= p.end)) return null
  const content = trimSpan(ctx.text, { start: p.start, end: p.start + body.length })
  return { kind: 'indirect', content: [content], cue: null, mention, speaker, continuation: false, paragraph, start: p.start }
}
