/**
 * The analyse stage: text → who said what. Pure and deterministic.
 *
 * Product decision on what counts as a quote: speech and writing (said,
 * told, wrote, argued, according to …) are shown. Thoughts, feelings and
 * intentions are shown only as a stance a person or an organisation holds
 * now, told in the present with its content ("Clinton plans to …", "Obama
 * believes his …", "the IMF expects that …", stance.ts; fourth pass): the
 * product shows a source's stated plans and beliefs as reported statements.
 * The past ("she wanted to …", "he feared …") narrates, and the Gender Gap
 * Tracker set (speech only) shows it is rarely a statement; so do groups
 * ("Critics believe …") and refusals ("declined to comment"), left out.
 *
 * Speech acts are things a person said (third pass): "Senator X called for
 * an investigation into Y" is an indirect quote, cue "called for", content
 * its object ("an investigation into Y"), shaped as PolNeAR annotates it
 * (speechacts.ts). The same goes for criticized, endorsed, praised,
 * condemned, urged, defended, rejected, announced, mentioned, echoed,
 * called on … ("attacked" stays out: as often a blow as words). A promise
 * with an object counts ("pledged a political revolution"); "pledged to
 * end the war" stays out with the intentions (the seed annotates it so),
 * but a promise reported after the event it was made at ("…, promising to
 * lift the rules") counts; so does "spoke of X", and a topic raised after an
 * attribution ("…,” she said, citing X"; not "…, rejecting X", the
 * reporter's gloss). "Asked/told X to …" stays
 * out (the Gender Gap Tracker set does not annotate requests).
 * Documents and adjudicators report what they show or found: "the report
 * says", "an audit released last month reveals", "…, a Tribune analysis of
 * harbour records shows.", "a federal judge found the law unconstitutional",
 * "the tribunal ruled that …".
 * Left out because they cost the Gender Gap Tracker set more than they
 * gave PolNeAR: "denied X", "cited X", "recommended X", "demanded X".
 * A speech act's speaker does not become the "current speaker" that later
 * pronouns and floating quotations fall back on.
 *
 * “A,” she said. “B.” gives two quotes (B a continuation carrying her
 * mention), as the Gender Gap Tracker annotates it; PolNeAR joins them into
 * one, which costs us its B quotes there.
 */
import { articleText, type Analysis, type Article, type Entity, type Quote, type Speaker } from '../domain/index.js'
import { buildContext, entityOfName, namesOfUnit, tokenFrom, trimSpan, type Context, type Unit } from './context.js'
import { directInUnit, isDirect } from './direct.js'
import { overlapsDrafts, type Draft } from './draft.js'
import { indirectInUnit } from './indirect.js'
import { participleAfterQuote } from './participles.js'
import { quotedWithin, type Quoted } from './marks.js'
import { antecedent, BACK_PARAGRAPHS, BACK_UNITS, unitIndexAt } from './resolve.js'
import { isCaption } from './caption.js'
import { pullQuote } from './pullquote.js'
import { blockQuote } from './blockquote.js'
import { leadIn } from './leadin.js'
import { resolveMention } from './resolve.js'
import { nameMentionAt, type Mention } from './mentions.js'
import { sentenceSubject } from './sources.js'
import { transcriptTurn } from './transcript.js'

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
  // A closing pair (after a word, before a space or punctuation) keeps its mark first: "policy." The …
  const closing = (mark: string) => (pair: string, at: number, all: string) =>
    /\S/.test(all[at - 1] ?? ' ') && /^(?:\s|[.,;:!?)]|$)/.test(all[at + 2] ?? '') ? `${mark} ` : ` ${mark}`
  return text.replace(/''/g, closing('"')).replace(/``/g, ' "').replace(/’’/g, closing('”')).replace(/‘‘/g, ' “')
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
  let turnEnd = -1
  let pulled = -1
  ctx.units.forEach((unit, ui) => {
    // The rest of a transcript turn belongs to it; a photo caption repeats the article, it reports nothing.
    if (unit.start < turnEnd || unit.paragraph === pulled || isCaption(ctx, unit.paragraph)) return
    const opens = ctx.units[ui - 1]?.paragraph !== unit.paragraph
    // A pull quote, or a block quote after its lead-in ("The governor added:"), is the whole paragraph.
    const pull = opens ? (pullQuote(ctx, unit.paragraph) ?? blockQuote(ctx, ui)) : null
    if (pull) {
      pulled = unit.paragraph
      out.push(pull)
      return
    }
    const turn = transcriptTurn(ctx, unit)
    if (turn) turnEnd = turn.content[turn.content.length - 1]?.end ?? -1
    const quotes = direct.get(ui)
    const found = turn ? [turn] : quotes ? withReported(ctx, unit, withParticiple(ctx, unit, directInUnit(ctx, unit, quotes))) : withParticiple(ctx, unit, indirectInUnit(ctx, unit))
    for (const d of found) {
      if (d.act) continue
      const e = d.speaker?.entityId ? ctx.byId.get(d.speaker.entityId) : undefined
      if (e) ctx.spoken.add(e.id)
      if (e?.kind === 'person') ctx.recent = { entity: e, paragraph: d.paragraph }
      if (d.speaker?.kind === 'person' && d.mention) ctx.lastSpeaker = { speaker: d.speaker, start: d.mention.start, unit: ui }
      if (e?.kind === 'organisation') ctx.recentOrg = e
    }
    out.push(...found)
  })
  return out
}

/**
 * A sentence that reports one thing and quotes another ("She said fathers
 * would not be eligible, and when pressed, she replied, “…”"): the reported
 * part, where it touches no quotation and has a cue of its own.
 */
function withReported(ctx: Context, unit: Unit, drafts: Draft[]): Draft[] {
  const cues = new Set(drafts.map((d) => d.cue?.start))
  const quoted = quotedWithin(ctx.quoted, unit.start, unit.end)
  const more = indirectInUnit(ctx, unit).filter(
    (d) => !cues.has(d.cue?.start) && d.kind === 'indirect' && !d.content.some((s) => quoted.some((q) => q.open < s.end && s.start < q.close) || overlapsDrafts(s, drafts)),
  )
  return more.length > 0 ? [...drafts, ...more].sort((a, b) => a.start - b.start) : drafts
}

/** Direct quotes of a unit, and what its attribution goes on to report ("…,” she said, adding that …"). */
function withParticiple(ctx: Context, unit: Unit, drafts: Draft[]): Draft[] {
  const last = drafts[drafts.length - 1]
  if (!last?.cue || !last.mention) return drafts
  const after = tokenFrom(ctx, last.cue.end)
  if (after >= unit.to) return drafts
  const more = participleAfterQuote(ctx, unit, after, last.mention).filter((d) => !d.content.some((s) => overlapsDrafts(s, drafts)))
  return [...drafts, ...more]
}

/**
 * Quotes with no speaker of their own take the speaker of a neighbour: the
 * previous quote in the same or the previous paragraph, else the next one
 * in the same paragraph ("“…” “…,” she said."), else, for a quotation
 * standing alone in its paragraph, the last speaker a few paragraphs up or
 * the person the text was just talking about. A quote carried from a
 * neighbour keeps that neighbour's speaker mention ("he" in "“A,” he said.
 * “B.”"): it is where the text names the speaker of both.
 */
function carryOver(ctx: Context, drafts: Draft[]): Draft[] {
  const out: Draft[] = []
  drafts.forEach((d, i) => {
    // Direct quotations, and mixed ones the sentence goes on from (“…” for the top bracket): an indirect quote always has its mention.
    if (d.speaker || d.mention || d.kind === 'indirect') return out.push(d)
    // "He said:" closing the paragraph before names its speaker (leadin.ts).
    const lead = leadIn(ctx, d)
    if (lead) return out.push({ ...d, cue: lead.cue, mention: lead.mention, speaker: resolveMention(ctx, lead.mention) })
    const prev = out[out.length - 1]
    const next = drafts[i + 1]
    const carried = { ...d, continuation: true }
    const between = prev ? subjectBetween(ctx, prev, d) : null
    if (between) return out.push({ ...carried, speaker: between.speaker, mention: between.mention })
    // “A,” she said. “B.”: B is hers even when "she" names no one we know.
    if ((prev?.speaker || prev?.mention) && d.paragraph - prev.paragraph <= 1) return out.push({ ...carried, speaker: prev.speaker, mention: prev.mention })
    if (next?.speaker && next.mention && next.paragraph === d.paragraph) return out.push({ ...carried, speaker: next.speaker, mention: next.mention })
    // No speaker anywhere near: a short phrase or a title in quotation marks, not a quotation.
    if (looksLikeTitleOrTerm(ctx.text, d)) return
    if (standsAlone(ctx, d)) {
      if (prev?.speaker && d.paragraph - prev.paragraph <= 3) return out.push({ ...carried, speaker: prev.speaker, mention: prev.mention })
      const e = lastSubject(ctx, d.start) ?? antecedent(ctx, d.start, ['person'])
      if (e) return out.push({ ...carried, speaker: { name: e.name, kind: 'person', entityId: e.id, role: e.role, organisation: e.organisation } })
    }
    out.push(d)
  })
  return out
}

/**
 * “…,” says House. Durning did not need much coaxing. “I’m thankful …”: a
 * sentence opening with another person between two quotes hands the floor
 * to that person.
 */
function subjectBetween(ctx: Context, prev: Draft, d: Draft): { speaker: Speaker; mention: Mention | null } | null {
  const from = prev.content[prev.content.length - 1]?.end ?? prev.start
  if (d.paragraph - prev.paragraph > 1) return null
  let found: Opening | null = null
  for (let ui = unitIndexAt(ctx, from) + 1; ui < ctx.units.length; ui++) {
    const unit = ctx.units[ui]
    if (!unit || unit.end > d.start) break
    found = subjectOfUnit(ctx, ui) ?? found
  }
  const e = found?.entity
  if (!found || !e || e.id === prev.speaker?.entityId) return null
  const speaker: Speaker = { name: e.name, kind: 'person', entityId: e.id, role: e.role, organisation: e.organisation }
  return { speaker, mention: nameMentionAt(ctx, found.name.start, found.name.end) }
}

/** A person opening a sentence, and where the sentence names them. */
interface Opening {
  entity: Entity
  name: { start: number; end: number }
}

/** The person opening sentence unit ui ("Wendy Golden now lives …"), if one does. */
function subjectOfUnit(ctx: Context, ui: number): Opening | null {
  const unit = ctx.units[ui]
  // "On “Face the Nation,” Sanders …": a name in a quoted title opens nothing.
  const first = namesOfUnit(ctx, ui).find((n) => !ctx.nameQuoted[n])
  if (!unit || first === undefined) return null
  const name = ctx.entities.names[first]
  const e = entityOfName(ctx, first)
  if (!name || e?.kind !== 'person' || !ctx.entities.confirmed.has(e.id)) return null
  return name.start - unit.start <= 1 || frontedSubject(ctx, unit, name.start) ? { entity: e, name } : null
}

/** "On “Face the Nation,” Sen. Bernie Sanders identified …": the name is the sentence's subject after a fronted adverbial. */
function frontedSubject(ctx: Context, unit: Unit, start: number): boolean {
  const m = sentenceSubject(ctx, unit)
  return !!m && m.kind === 'name' && m.start <= start && start < m.end
}

/** A floating quotation's speaker: the person who last opened a sentence, a few paragraphs up at most. */
function lastSubject(ctx: Context, offset: number): Entity | null {
  const ui = unitIndexAt(ctx, offset)
  const minPara = (ctx.units[ui]?.paragraph ?? 0) - BACK_PARAGRAPHS
  for (let u = ui - 1; u >= Math.max(0, ui - BACK_UNITS) && (ctx.units[u]?.paragraph ?? -1) >= minPara; u--) {
    const e = isCaption(ctx, ctx.units[u]?.paragraph ?? -1) ? null : subjectOfUnit(ctx, u)
    if (e) return e.entity
  }
  return null
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
    // The parts of a quotation interrupted by its attribution or a paragraph break, with the gap shown.
    text: content.map((s) => text.slice(s.start, s.end)).join(' … '),
    cue: d.cue,
    cueText: d.cue ? text.slice(d.cue.start, d.cue.end) : null,
    speakerMention: d.mention ? { start: d.mention.start, end: d.mention.end } : null,
    speaker: d.speaker,
    continuation: d.continuation,
  }
}
