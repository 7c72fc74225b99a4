/**
 * Interview transcripts: a paragraph opening with a speaker label in capitals
 * ("TAPPER: And obviously, you’re supporting …") is that speaker's turn, to
 * the end of the paragraph. A label counts when it is used for two turns or
 * more, or when it is the surname of a person the article names, so section
 * labels of market round-ups ("BONDS: Bond prices fell") stay out. Initials
 * labelling two turns or more ("NG:") stand for the one person of the
 * article with those initials (Natasha Gownaris), see initials.ts. A
 * transcript printed as one long quotation opens each turn with a quotation
 * mark ("\"WALLACE: …"); the mark belongs to the quotation, the turn to its
 * speaker.
 */
import type { Entity, Span, Speaker } from '../domain/index.js'
import { trimSpan, type Context, type Unit } from './context.js'
import type { Draft } from './draft.js'
import { personByInitials } from './initials.js'
import { SPEAKER_LABEL } from './marks.js'
import type { Mention } from './mentions.js'

const OPENING_MARK = /^["“]$/
/** "Follow Pam Key on Twitter": the outlet's sign-off, printed inside the quotation. */
const SIGN_OFF = /^(?:Follow|Read more|Watch|Click|Subscribe|Sign up)\b/

const FURNITURE = /^(READ|WATCH|RELATED|UPDATE|UPDATED|CORRECTION|EDITOR|EDITOR'S|LISTEN|VIDEO|PHOTOS?|BREAKING|EXCLUSIVE|NOTE|SOURCES?|CLARIFICATION|ADVERTISEMENT|TRANSCRIPT|MORE|SEE|CLICK|SIGN|SUBSCRIBE|FOLLOW)\b/

const cache = new WeakMap<Context, Map<string, number>>()

/** How many paragraphs open with each label. */
function labelCounts(ctx: Context): Map<string, number> {
  let counts = cache.get(ctx)
  if (counts) return counts
  counts = new Map()
  for (const p of ctx.paras) {
    const label = SPEAKER_LABEL.exec(ctx.text.slice(p.start, p.start + 60))?.[1]
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  cache.set(ctx, counts)
  return counts
}

/** Some speaker ("JANE REYES", then "REYES") opens two turns or more: the text is a transcript. */
function isTranscript(ctx: Context): boolean {
  const bySurname = new Map<string, number>()
  for (const [label, n] of labelCounts(ctx)) {
    const last = label.split(' ').pop() ?? label
    bySurname.set(last, (bySurname.get(last) ?? 0) + n)
  }
  for (const n of bySurname.values()) if (n >= 2) return true
  return false
}

/** The person whose surname (or full name) the label spells, if the article names one. */
function personLabelled(ctx: Context, label: string): Entity | null {
  const want = label.toLowerCase()
  for (const e of ctx.entities.entities) {
    if (e.kind !== 'person') continue
    const name = e.name.toLowerCase()
    if (name === want || name.split(/\s+/).pop() === want) return e
  }
  return null
}

/** "NG" opening two turns or more, in an interview with Natasha Gownaris: the one person with those initials. */
function initialsLabel(ctx: Context, label: string): Entity | null {
  return (labelCounts(ctx).get(label) ?? 0) >= 2 ? personByInitials(ctx.entities.entities, label) : null
}

/** "TAPPER" after "JAKE TAPPER": the fullest label with the same last word. */
function fullLabel(ctx: Context, label: string): string {
  let best = label
  for (const other of labelCounts(ctx).keys()) if (other.length > best.length && other.endsWith(` ${label}`)) best = other
  return best
}

function titleCase(label: string): string {
  return label.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
}

/** A transcript turn starting this unit (the first of its paragraph), or null. */
export function transcriptTurn(ctx: Context, unit: Unit): Draft | null {
  const para = ctx.paras[unit.paragraph]
  if (!para || para.start !== unit.start) return null
  const match = SPEAKER_LABEL.exec(ctx.text.slice(unit.start, unit.start + 60))
  const label = match?.[1]
  if (!match || !label || FURNITURE.test(label)) return null
  const person = personLabelled(ctx, label) ?? initialsLabel(ctx, label)
  if (!person && !isTranscript(ctx)) return null
  const labelStart = unit.start + match[0].indexOf(label)
  const colon = labelStart + label.length
  const content = withoutMarks(ctx.text, trimSpan(ctx.text, { start: colon + 1, end: para.end }))
  if (content.end - content.start < 2) return null
  const from = unit.from
  let to = from
  while (to < unit.to && (ctx.tokens[to]?.start ?? Infinity) < colon) to++
  const mention: Mention = { kind: 'name', from, to, start: labelStart, end: colon }
  const speaker: Speaker = person
    ? { name: person.name, kind: 'person', entityId: person.id, role: person.role, organisation: person.organisation }
    : { name: titleCase(fullLabel(ctx, label)), kind: 'person', entityId: null, role: null, organisation: null }
  return { kind: 'direct', content: [content, ...turnGoesOn(ctx, unit.paragraph)], cue: { start: colon, end: colon + 1 }, mention, speaker, continuation: false, paragraph: unit.paragraph, start: content.start }
}

/** A turn's words without the quotation marks the whole transcript stands in. */
function withoutMarks(text: string, s: Span): Span {
  const end = /["“”]/.test(text[s.end - 1] ?? '') ? s.end - 1 : s.end
  return trimSpan(text, { start: s.start, end })
}

/**
 * In a transcript printed as one long quotation, the paragraphs after a turn
 * that open with a quotation mark and no label of their own are the same
 * speaker's words; a bracketed note ("(CROSSTALK.)"), a sign-off or a
 * paragraph without the mark ends the turn.
 */
function turnGoesOn(ctx: Context, paragraph: number): Span[] {
  const out: Span[] = []
  if (!OPENING_MARK.test(ctx.text[ctx.paras[paragraph]?.start ?? -1] ?? '')) return out
  for (const p of ctx.paras.slice(paragraph + 1)) {
    const opening = ctx.text.slice(p.start, p.start + 60)
    if (!OPENING_MARK.test(opening[0] ?? '') || SPEAKER_LABEL.test(opening) || opening[1] === '(' || SIGN_OFF.test(opening.slice(1))) break
    const words = withoutMarks(ctx.text, trimSpan(ctx.text, { start: p.start + 1, end: p.end }))
    if (words.end > words.start) out.push(words)
  }
  return out
}

