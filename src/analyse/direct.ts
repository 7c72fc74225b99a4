/**
 * Direct quotations: quoted stretches that stand as speech of their own (at
 * the start of a sentence, after a colon, after "X said,") with the cue and
 * speaker found in the rest of their sentence. Short quoted fragments inside
 * a reporter's sentence are left to the indirect step (mixed quotes) or
 * dropped as scare quotes and titles.
 */
import type { Span } from '../domain/index.js'
import { againstQuote, chantBefore, chantsInto, trailsQuote } from './against.js'
import { contentEnd } from './clause.js'
import { dashedName } from './dashed.js'
import { isQuotedToken, tokenFrom, trimSpan, type Context, type Unit } from './context.js'
import { STRONG, cueLemma } from './lexicon.js'
import { quotedWords, type Quoted } from './marks.js'
import { nameMentionAt, subjectAfter, subjectBefore, type Mention } from './mentions.js'
import { isPublisher, resolveMention } from './resolve.js'
import type { Draft } from './draft.js'
import { firstWordIndex, sentenceSubject } from './sources.js'
import { afterArticle } from './verbtags.js'

/**
 * How much of a sentence before a quotation is read: its cue, a colon or a
 * conjunction sit in the last words. Reading more lets a sentence of
 * thousands of quotations cost each of them the whole sentence.
 */
const PREFIX_CHARS = 240

/** Is this quoted stretch a direct quotation (rather than a fragment inside a sentence)? */
export function isDirect(ctx: Context, q: Quoted, unit: Unit): boolean {
  const words = quotedWords(ctx.text, q)
  if (words === 0 || isListItem(ctx.text, q, words) || stageDirection(ctx.text, q)) return false
  const prefix = ctx.text.slice(Math.max(unit.start, q.open - PREFIX_CHARS), q.open).trim()
  if (prefix === '' || /[:"”’»]$/.test(prefix)) return !isFragment(ctx, q, unit, words)
  if (chantBefore(prefix) || (words >= 4 && dashedName(ctx, q))) return true
  if (words < 3) return false
  // "“A,” she said, but “B”": the quotation resumes after its attribution and a conjunction.
  const joined = /,[ \t]+(?:and|but)(?:[ \t]+(?:still|also|then|now|later))?$/.exec(prefix)
  if (joined) return resumesAfterCue(prefix.slice(0, joined.index + 1))
  // "“A,” Trump said during a rally in Kenansville, N.C., “but …”": the quotation resumes after its attribution.
  if (/,$/.test(prefix)) return hasCue(prefix) || resumesAfterCue(prefix)
  if (words < 4) return false
  const lastWord = /([\p{L}]+)\W*$/u.exec(prefix)?.[1]?.toLowerCase() ?? ''
  return !!cueLemma(lastWord) && lastWord !== 'that'
}

/** "(CROSSTALK.)", "[Applause]": a transcript's note in brackets, quoted, is no one's words. */
function stageDirection(text: string, q: Quoted): boolean {
  return /^\s*(?:\([^()]*\)|\[[^[\]]*\])[\s.,]*$/.test(text.slice(q.open + 1, q.closed ? q.close - 1 : q.close))
}

/** “grapple,” “optics” and “eschew”: short quoted items of a list are words on show, not speech. */
function isListItem(text: string, q: Quoted, words: number): boolean {
  if (words > 3) return false
  const before = /["”’]([^"“”‘’\n]{0,6})$/.exec(text.slice(Math.max(0, q.open - 7), q.open))?.[1]
  const after = /^([^"“”‘’\n]{0,6})["“‘]/.exec(text.slice(q.close, q.close + 7))?.[1]
  const prevComma = before !== undefined && text[q.open - before.length - 2] === ','
  const ownComma = text[q.close - 2] === ','
  return (before !== undefined && listGap(before, prevComma)) || (after !== undefined && listGap(after, ownComma))
}

/** The gap between two list items: a comma (inside the marks or out) and/or "and"/"or". */
function listGap(gap: string, commaInside: boolean): boolean {
  return /^[ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?$/.test(gap) && (commaInside || /,|\b(?:and|or)\b/.test(gap))
}

/** "“A,” Trump said during a rally in Kenansville, N.C., “but …”": a quotation closed by a comma, then a cue, before this one. */
function resumesAfterCue(prefix: string): boolean {
  const closed = [...prefix.matchAll(/,\s*["”’»]/g)].at(-1)
  if (!closed) return false
  const between = prefix.slice((closed.index ?? 0) + closed[0].length).toLowerCase().match(/\p{L}+/gu) ?? []
  return between.length > 0 && between.length <= 12 && between.some((w) => cueLemma(w))
}

/** A cue among the last words before the comma: "Chan said, “…”", "According to the paper, “…”". */
function hasCue(prefix: string): boolean {
  const words = (prefix.toLowerCase().match(/[\p{L}]+/gu) ?? []).slice(-6)
  return words.some((w) => cueLemma(w)) || /according to [^,]*,$/i.test(prefix) || /["”’»]\s*,?$/.test(prefix)
}

/** "“Freeze” was the word": a short quoted fragment that the sentence goes on from. */
function isFragment(ctx: Context, q: Quoted, unit: Unit, words: number): boolean {
  if (!q.closed || words > 3) return false
  const inner = ctx.text.slice(q.open + 1, q.close - 1)
  if (/[.,!?]$/.test(inner)) return false
  const next = /\S/g
  next.lastIndex = q.close
  const at = next.exec(ctx.text)?.index ?? unit.end
  return at < unit.end && !/[,.!?;:]/.test(ctx.text[at] ?? '')
}

export interface Attribution {
  cue: Span
  mention: Mention
}

/**
 * The cue and speaker mention in the non-quoted part of a unit. With the
 * unit's quotations given, a cue set right against one of them comes first
 * ("She said A, and when pressed, the mother of three replied, “B”").
 */
export function attributionIn(ctx: Context, unit: Unit, quotes: Quoted[] = []): Attribution | null {
  const cues: number[] = []
  for (let i = unit.from; i < unit.to; i++) {
    if (isQuotedToken(ctx, i)) continue
    const lower = ctx.tokens[i]?.lower ?? ''
    // Cue verbs are lower-case: "the United States" holds no "states".
    if ((cueLemma(lower) && ctx.tokens[i]?.text === lower && !afterArticle(ctx, i)) || (lower === 'according' && ctx.tokens[i + 1]?.lower === 'to') || invertedOpening(ctx, unit, i) || againstQuote(ctx, i)) cues.push(i)
  }
  const strong = cues.filter((c) => STRONG.has(cueLemma(ctx.tokens[c]?.lower ?? '') ?? 'according'))
  // Not in a condition: "…, but if the president is now saying, “…”" is the first speaker's hypothetical.
  const conditional = (c: number): boolean => ctx.tokens.slice(Math.max(unit.from, c - 6), c).some((t) => /^(if|unless|whether)$/.test(t.lower))
  const opens = new Set(quotes.map((q) => q.open))
  const against = cues.filter((c) => !conditional(c) && (opens.has(pastCommaOrColon(ctx.text, ctx.tokens[c]?.end ?? 0)) || trailsQuote(ctx, c)))
  for (const list of [against, strong, cues]) {
    for (const c of list) {
      const a = attributeCue(ctx, c, unit)
      if (a) return a
    }
  }
  return null
}

/** The offset past a comma or colon (with the spaces around it) at `at`, or -1: where a quotation set against a cue opens. */
function pastCommaOrColon(text: string, at: number): number {
  const re = /\s*[,:]\s*/y
  re.lastIndex = at
  return re.exec(text) ? re.lastIndex : -1
}

export function attributeCue(ctx: Context, c: number, unit: Unit): Attribution | null {
  const t = ctx.tokens[c]
  if (!t) return null
  if (t.lower === 'according') {
    const m = subjectAfter(ctx, c + 1, unit.to)
    const to = ctx.tokens[c + 1]
    return m && to ? { cue: { start: t.start, end: to.end }, mention: m } : null
  }
  const cue = { start: t.start, end: t.end }
  // "Marchers crossing the bridge chanted “…”", "…, singing “…”": the chant is the sentence subject's.
  const chanter = chantsInto(ctx, c) ? sentenceSubject(ctx, unit) : null
  if (chanter && chanter.to <= c && !isQuotedToken(ctx, chanter.from)) return { cue, mention: chanter }
  // A mention counts even when it cannot be resolved ("she" with no antecedent): the page still shows it.
  const before = subjectBefore(ctx, c, unit.from)
  if (before && !isPublisher(ctx, ctx.text.slice(before.start, before.end))) return { cue, mention: before }
  const after = subjectAfter(ctx, c, unit.to) ?? subjectAfter(ctx, afterNumber(ctx, c), unit.to)
  if (after && !isPublisher(ctx, ctx.text.slice(after.start, after.end))) return { cue, mention: after }
  // "Ruiz attacked the council, saying, “…”": a participle after a comma reports the sentence's subject.
  const subject = (t.lower.endsWith('ing') && ctx.tokens[c - 1]?.text === ',') ? sentenceSubject(ctx, unit) : null
  return subject && subject.to < c && !isPublisher(ctx, ctx.text.slice(subject.start, subject.end)) ? { cue, mention: subject } : null
}

/** "said 9/11 widow Terry Strada": the number before a role (the index of its last token; c when there is none). */
function afterNumber(ctx: Context, c: number): number {
  let k = c
  while (k < c + 3 && /^(?:\d+|\/)$/.test(ctx.tokens[k + 1]?.text ?? '')) k++
  return /^\d+$/.test(ctx.tokens[k]?.text ?? '') ? k : c
}

/** "Said Ruiz: “…”": a capitalised cue opening the sentence, a name, then a colon or a comma. */
function invertedOpening(ctx: Context, unit: Unit, i: number): boolean {
  const t = ctx.tokens[i]
  if (!t || i !== firstWordIndex(ctx, unit) || t.text === t.lower || !/^(said|says|added|adds|asked|asks|wrote|writes)$/.test(t.lower)) return false
  const m = subjectAfter(ctx, i, unit.to)
  return !!m && m.kind === 'name' && m.from === i + 1 && /^[:,]$/.test(ctx.tokens[m.to]?.text ?? '')
}

/**
 * "Martell, the addictions doctor, is more blunt: “…”": a quotation after a
 * colon, with no cue verb, belongs to the person the sentence opens with
 * (a name or he/she, after an optional "But"/"And"). Other subjects ("The
 * rule is simple: “…”") are not speakers.
 */
function colonSubject(ctx: Context, unit: Unit, q: Quoted): Mention | null {
  const prefix = ctx.text.slice(unit.start, q.open).trimEnd()
  if (!prefix.endsWith(':') || !/\s/.test(prefix.slice(0, -1).trim())) return null
  let from = unit.from
  if (/^(but|and|yet|still|so)$/.test(ctx.tokens[from]?.lower ?? '')) from++
  const m = subjectAfter(ctx, from - 1, unit.to)
  if (!m || m.from !== from || m.end > q.open || !shortPredicate(ctx.text.slice(m.end, prefix.length + unit.start - 1))) return null
  const surface = ctx.text.slice(m.start, m.end).toLowerCase()
  if (m.kind === 'pronoun') return surface === 'he' || surface === 'she' ? m : null
  return m.kind === 'name' && !isPublisher(ctx, surface) ? m : null
}

/**
 * What may stand between a colon quotation's subject and the colon: an
 * optional appositive (", the addictions doctor,"), then a short verb phrase
 * ("is more blunt", "put it simply"). Not a clause about something else
 * ("signed the bill, whose first line reads").
 */
function shortPredicate(between: string): boolean {
  let rest = between.trim()
  if (rest.startsWith(',')) {
    const close = rest.indexOf(',', 1)
    if (close < 0) return false
    rest = rest.slice(close + 1).trim()
  }
  const words = rest.match(/[\p{L}'’-]+/gu) ?? []
  if (words.length === 0 || words.length > 6 || /[,;]/.test(rest)) return false
  if (words.some((w) => /^(who|whose|which|that|where|when|while|because|if)$/i.test(w))) return false
  return /^(is|was|are|were|has|had|put|puts|gets|got|goes|went|remains|remained|sounds|sounded|seems|seemed|sums|\p{Ll}+ed)$/u.test(words[0] ?? '')
}

/** Spaces on a signature's line, the no-break space (U+00A0) of web copy among them. */
const SIGNED = /^[ \t\u00a0]*[―—–][ \t\u00a0]*(\p{Lu}[\p{L}'’.-]*(?:[ \t\u00a0]+(?:\p{Lu}[\p{L}'’.-]*|de|da|del|van|von|la|le|du|al))*)[ \t\u00a0.]*$/u

/**
 * "“…” ― Sonya Herridge": a quotation signed with a dash and a name that
 * ends its paragraph (readers' voices, epigraphs, letters).
 */
function signature(ctx: Context, q: Quoted): Mention | null {
  if (!q.closed) return null
  const lineEnd = ctx.text.indexOf('\n', q.close)
  const tail = ctx.text.slice(q.close, lineEnd < 0 ? ctx.text.length : lineEnd)
  const m = SIGNED.exec(tail)
  if (!m?.[1] || m[1].split(/\s+/).length > 5) return null
  // "― Ariana Huichapa." ends a sentence; "― Julie A." keeps its initial.
  const name = /\p{L}{2}\.$/u.test(m[1]) ? m[1].slice(0, -1) : m[1]
  const start = q.close + tail.indexOf(name)
  return nameMentionAt(ctx, start, start + name.length)
}

/**
 * A cue of its own between an attribution and the next quotation: a
 * participle after a comma or "before"/"after" ("…, adding later, “…”",
 * "before asking her, “…”"); not a noun that names speech ("in a tweet").
 */
function secondCue(ctx: Context, unit: Unit, from: number, to: number): Span | null {
  for (let i = unit.from; i < unit.to; i++) {
    const t = ctx.tokens[i]
    if (!t || t.start < from || isQuotedToken(ctx, i)) continue
    if (t.end > to) return null
    const led = /^(,|before|after|then)$/.test(ctx.tokens[i - 1]?.lower ?? '')
    if (t.text === t.lower && t.lower.endsWith('ing') && led && cueLemma(t.lower)) return { start: t.start, end: t.end }
  }
  return null
}

/** Direct quotes of one unit, attributed when the unit names a speaker. */
export function directInUnit(ctx: Context, unit: Unit, quotes: Quoted[]): Draft[] {
  const a = attributionIn(ctx, unit, quotes)
  const first = quotes[0]
  const last = quotes[quotes.length - 1]
  // "including Mitt Romney -- “…” --": the name right before the dashes, whatever the sentence's cue says.
  const mention = (first ? dashedName(ctx, first) : null) ?? a?.mention ?? (first ? colonSubject(ctx, unit, first) : null) ?? (last ? signature(ctx, last) : null)
  const speaker = mention ? resolveMention(ctx, mention) : null
  if (a && first && last && quotes.length > 1 && a.cue.start > first.close && a.cue.end < last.open) {
    // “A,” she said, “B.” — one quotation interrupted by its cue; “A,” she said, adding, “B.” — two.
    const second = secondCue(ctx, unit, a.cue.end, last.open)
    const groups = second ? [quotes.filter((q) => q.open < second.start), quotes.filter((q) => q.open > second.start)] : [quotes]
    return groups.map((group, i) => ({
      kind: 'direct',
      content: group.flatMap((q) => q.parts),
      cue: i === 0 ? a.cue : (second ?? a.cue),
      mention: a.mention,
      speaker,
      continuation: false,
      paragraph: unit.paragraph,
      start: group[0]?.open ?? first.open,
    }))
  }
  return quotes.map((q) => ({
    kind: goesOnUnquoted(ctx, q, unit) ? 'mixed' : 'direct',
    content: withClauseAround(ctx, unit, q),
    cue: a?.cue ?? null,
    mention,
    speaker,
    continuation: false,
    paragraph: unit.paragraph,
    start: q.open,
  }))
}

/**
 * "said that, “Of course we will appeal” against what …", "“You emptied the
 * fund” to pay your bonuses": a quotation that its sentence goes on from
 * without a break is part of a reported clause, which the content takes
 * whole (from its "that", to the clause end).
 */
function withClauseAround(ctx: Context, unit: Unit, q: Quoted): Span[] {
  if (!goesOnUnquoted(ctx, q, unit)) return q.parts
  const end = trimSpan(ctx.text, { start: q.close, end: contentEnd(ctx, tokenFrom(ctx, q.close), clauseBreak(ctx, q, unit)).offset }).end
  let k = tokenFrom(ctx, q.open) - 1
  if (ctx.tokens[k]?.text === ',') k--
  const that = k >= unit.from && ctx.tokens[k]?.lower === 'that' ? ctx.tokens[k] : undefined
  return [{ start: that?.start ?? q.open, end: Math.max(end, q.close) }]
}

/** The first comma, colon or dash after the quotation ("…” to pay your bonuses, she said"). */
function clauseBreak(ctx: Context, q: Quoted, unit: Unit): number {
  let i = tokenFrom(ctx, q.close)
  while (i < unit.to && (isQuotedToken(ctx, i) || !/^[,;:—–(]$/.test(ctx.tokens[i]?.text ?? ''))) i++
  return i
}

/** The quotation ends inside a sentence that goes on with a word of the reporter's ("…” to pay …"), not with its attribution. */
function goesOnUnquoted(ctx: Context, q: Quoted, unit: Unit): boolean {
  if (!q.closed || q.parts.length > 1) return false
  const inner = ctx.text.slice(q.open + 1, q.close - 1).replace(/[\s'’‘]+$/u, '')
  // "“The Long Night” opens …": a title is the subject of its sentence, no speech.
  if (/[.,!?;:—–-]$/.test(inner) || inner.split(/\s+/).every((w) => /^[\p{Lu}\d]|^(?:a|an|the|of|in|on|at|to|for|and|or|who|would|be|is)$/u.test(w))) return false
  const words = ctx.text.slice(q.close, unit.end).match(/^[ \t]*(\p{Ll}+)(?:[ \t]+[\p{L}.]+){0,3}/u)
  const first = words?.[1]
  return !!first && !/^(and|or|but|he|she|they|we|i|it|you)$/.test(first) && !(words?.[0] ?? '').toLowerCase().split(/\s+/).some((w) => cueLemma(w))
}
