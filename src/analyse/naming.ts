/**
 * The speaker's own word for someone or something, in quotation marks:
 * "Pilon called the conclusion “bold”", "Reid has gone after Trump as a
 * “con artist”", "Ruiz has used the phrase “harbour of shame”". Found by the
 * indirect step beside its reported clauses.
 */
import type { Span } from '../domain/index.js'
import { contentEnd } from './clause.js'
import { isQuotedToken, trimSpan, type Context, type Unit } from './context.js'
import type { Draft } from './draft.js'
import type { Quoted } from './marks.js'
import { subjectBefore } from './mentions.js'
import { isPublisher, resolveMention } from './resolve.js'
import { withoutTrailing } from './speechacts.js'

const NAMING = /^(calls|called|calling|described|describes|describing|dubbed|dubs|labelled|labeled|labeling|labelling|branded|branding|termed)$/

/**
 * "Pilon called the conclusion “bold”", "Reid has gone after Trump as a “con
 * artist”": the quoted words are the speaker's own characterisation.
 */
export function namingQuotes(ctx: Context, unit: Unit): Draft[] {
  const out: Draft[] = []
  for (let c = unit.from; c < unit.to; c++) {
    const t = ctx.tokens[c]
    if (!t || isQuotedToken(ctx, c)) continue
    if (t.lower === 'as') {
      const d = characterisation(ctx, unit, c)
      if (d) out.push(d)
      continue
    }
    // "The plan was described as “reckless”": passive, the subject is the one named;
    // "is calling the plan “reckless”" is progressive, its subject stands before the auxiliary.
    const be = /^(is|was|were|are|been|being|be)$/.test(ctx.tokens[c - 1]?.lower ?? '')
    const uses = usesPhrase(ctx, c)
    if ((!NAMING.test(t.text) && uses < 0) || (be && !t.text.endsWith('ing'))) continue
    let q = uses >= 0 ? uses : c + 1
    while (q < unit.to && q <= c + 6 && !isQuotedToken(ctx, q) && ctx.tokens[q]?.text !== ',') q++
    const quoted = ctx.quoted[ctx.quoteOf[q] ?? -1]
    const subject = quoted ? subjectBefore(ctx, be ? c - 1 : c, unit.from) : null
    if (!quoted || !subject || isPublisher(ctx, ctx.text.slice(subject.start, subject.end))) continue
    const speaker = resolveMention(ctx, subject)
    // The words used are the quote itself; a name given goes with what it names.
    const content = uses >= 0 ? quoted.parts : withObject(ctx, unit, c + 1, quoted)
    out.push({ kind: content === quoted.parts ? 'direct' : 'mixed', content, cue: { start: t.start, end: t.end }, mention: subject, speaker, continuation: false, paragraph: unit.paragraph, start: content[0]?.start ?? quoted.open })
  }
  return out
}

/** "has used the phrase “harbour of shame”", "uses the words “…”": the token right after the noun when a quotation opens there, else -1. */
function usesPhrase(ctx: Context, c: number): number {
  if (!/^(use|uses|used|using)$/.test(ctx.tokens[c]?.text ?? '') || !/^(the|a|that|this|those|these)$/.test(ctx.tokens[c + 1]?.lower ?? '')) return -1
  if (!/^(phrase|phrases|term|terms|word|words|expression|slogan|label)$/.test(ctx.tokens[c + 2]?.lower ?? '')) return -1
  return isQuotedToken(ctx, c + 3) ? c + 3 : -1
}

/** Verbs by which someone characterises someone else "as" something (stems): "pounding Trump as", "dismissed it as". */
const CHARACTERISING = /^(pound|attack|slam|blast|criticiz|criticis|describ|dismiss|derid|mock|prais|hail|tout|denounc|condemn|portray|paint|cast|brand|label|characteriz|characteris|depict|admir|regard|decr|ridicul|lambast)/
/** "gone after Trump as …": a form of "go" characterises only with "after". */
const GO_AFTER = /^(go|goes|going|gone|went)$/

/**
 * "X has been steadily pounding Trump as a “con artist”", "admires Putin as a
 * “strong leader”": a quotation right after "as" is the subject's word for
 * the object, when an active verb of the subject's comes a few words before.
 */
function characterisation(ctx: Context, unit: Unit, c: number): Draft | null {
  let q = c + 1
  if (/^(a|an|the)$/.test(ctx.tokens[q]?.lower ?? '')) q++
  const quoted = isQuotedToken(ctx, q) ? ctx.quoted[ctx.quoteOf[q] ?? -1] : undefined
  if (!quoted || quoted.open < (ctx.tokens[c]?.end ?? 0)) return null
  for (let v = c - 1; v >= unit.from && v >= c - 6; v--) {
    const t = ctx.tokens[v]
    if (!t || !t.word || isQuotedToken(ctx, v) || t.text === ',') return null
    const goAfter = GO_AFTER.test(t.lower) && ctx.tokens[v + 1]?.lower === 'after'
    if (t.text !== t.lower || !(CHARACTERISING.test(t.lower) || goAfter)) continue
    // "was described as “…”", "has been cast as the “villain”": passive, the subject is the one characterised.
    if (/^(is|was|were|are|been|being|be|get|gets|got)$/.test(ctx.tokens[v - 1]?.lower ?? '') && !/ing$/.test(t.lower) && !goAfter) return null
    const chain = /^(is|was|were|are|been|has|have|had)$/.test(ctx.tokens[v - 1]?.lower ?? '') ? v - 1 : v
    let s = chain
    while (s - 1 >= unit.from && /^(steadily|openly|repeatedly|also|has|have|had|been|long|often)$/.test(ctx.tokens[s - 1]?.lower ?? '')) s--
    const subject = subjectBefore(ctx, s, unit.from)
    if (!subject || (subject.kind !== 'name' && subject.kind !== 'pronoun') || isPublisher(ctx, ctx.text.slice(subject.start, subject.end))) return null
    const speaker = resolveMention(ctx, subject)
    const content = v + 1 < c ? withObject(ctx, unit, goAfter ? v + 2 : v + 1, quoted) : quoted.parts
    return { kind: 'mixed', content, cue: { start: t.start, end: t.end }, mention: subject, speaker, continuation: false, paragraph: unit.paragraph, start: content[0]?.start ?? quoted.open }
  }
  return null
}

/**
 * "called the plan “a fantasy” for the harbour", "described Ruiz as a “safe
 * pair of hands” who …": the one named and the rest of the clause belong to
 * the characterisation; the reporter's time and place after it do not.
 * `from` is the token after the verb; a quotation right there stands alone.
 */
function withObject(ctx: Context, unit: Unit, from: number, quoted: Quoted): Span[] {
  const first = ctx.tokens[from]
  if (!first || first.start >= quoted.open) return quoted.parts
  const clause = trimSpan(ctx.text, { start: first.start, end: Math.max(contentEnd(ctx, from, unit.to).offset, quoted.close) })
  const stop = withoutTrailing(ctx.text, clause.start, clause.end)
  return [trimSpan(ctx.text, { start: clause.start, end: Math.max(stop, quoted.close) })]
}
