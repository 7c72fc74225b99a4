/**
 * Descriptions as speakers: "the analyst" (the person whose role it
 * repeats), "the Kentucky Republican" (the person the passage is about), "the
 * company" (the organisation named before), "her statement" (its author), "A
 * spokeswoman for Trudeau" (named in the next sentence), plural groups.
 */
import type { Entity, Speaker } from '../domain/index.js'
import { entityOfName, isQuotedToken, namesOfUnit, type Context } from './context.js'
import type { Gender } from './gender.js'
import { EVIDENCE_SUBJECT, GROUP_NOUNS, ORG_WORDS, cueLemma } from './lexicon.js'
import type { Mention } from './mentions.js'
import { antecedent, fromEntity, isPublisher, recentSpeaker, salient, unitIndexAt } from './resolve.js'

const ORG_HEADS = /^(company|firm|group|ministry|agency|department|report|statement|study|newspaper|paper|outlet|website|network|team|club|league|city|province|state|government|utility|commission|board|office|service|organization|organisation|campaign|party|union|council|committee|bank|university|school|hospital|police|court|administration|force|provider|retailer|carrier|airline|store|chain|charity|association|centre|center|institute|foundation|military|army|navy|embassy|consulate|parliament|legislature|senate|cabinet|regime|junta|coalition|alliance|opposition|prosecution|presidency|palace|militia|authority|watchdog|regulator|broadcaster|insurer|lender|manufacturer|automaker|delegation|caucus|tribunal|secretariat)$/

export function resolveNominal(ctx: Context, m: Mention, surface: string): Speaker | null {
  const all = surface.toLowerCase().split(/\s+/)
  // "a person familiar with the talks": the head noun comes before the modifier.
  const cut = all.findIndex((w, i) => i > 0 && /^(with|of|for|at|from|on|familiar|close|to)$/.test(w))
  const words = cut > 0 ? all.slice(0, cut) : all
  const head = words[words.length - 1] ?? ''
  const det = words[0] ?? ''
  if (/^(his|her|their)$/.test(det) && /^(statement|tweet|letter|post|remarks|comments|testimony|memoirs?|book|column)$/.test(head)) {
    // "her statement said": the statement speaks for its author.
    const want: Gender = det === 'his' ? 'm' : det === 'her' ? 'f' : null
    const e = antecedent(ctx, m.start, ['person'], want) ?? recentSpeaker(ctx, m, want)
    if (e) return fromEntity(e)
  }
  const owner = possessorOf(surface, head)
  if (owner) return resolveNominal(ctx, { ...m, end: m.start + owner.length }, owner)
  // "one in five", "a mere 9 percent", "three-fourths": a share of people.
  if (words.some((w) => COUNT_WORD.test(w))) return { name: surface, kind: 'group', entityId: null, role: null, organisation: null }
  if (GROUP_NOUNS.has(head) || (head.endsWith('s') && !head.endsWith('ss') && !/^(a|an|this)$/.test(det))) {
    return { name: surface, kind: 'group', entityId: null, role: null, organisation: null }
  }
  const possessor = /^(\p{Lu}[\p{L}-]+)['’]s?$/u.exec(surface.split(/\s+/)[0] ?? '')?.[1]
  if (possessor && DOCUMENT.test(head)) {
    // "Foster’s book says": the book speaks for its author.
    const e = ctx.entities.entities.find((x) => x.kind === 'person' && x.name.split(/\s+/).includes(possessor))
    if (e) return fromEntity(e)
  }
  if (ORG_WORDS.has(head) || ORG_HEADS.test(head)) {
    // "the union" is the union named before; "the port authority" names its own body when no name has "authority" in it.
    const e = /^(the|this|that|its)$/.test(det) ? orgNamed(ctx, head, m.start, words.length <= 2) : null
    return e ? fromEntity(e) : { name: surface, kind: 'organisation', entityId: null, role: null, organisation: null }
  }
  // "the city's Street Needs Assessment", "the latest poll": a document speaks for its authors, never as a person.
  if (DOCUMENT.test(head) || EVIDENCE_SUBJECT.test(head) || /^(assessment|census|ruling|decision|budget|bill|plan|strategy|guidelines?|policy|forecast)$/.test(head)) {
    return { name: surface, kind: 'organisation', entityId: null, role: null, organisation: null }
  }
  if (/^(the|this|that)$/.test(det)) {
    // "the analyst": the person whose role it repeats; "the 26-year-old right wing",
    // "the Kentucky Republican": an epithet for the person the passage is about.
    const e = personWithRole(ctx, head, m.start) ?? (isEpithet(surface) ? antecedent(ctx, m.start, ['person']) ?? ctx.recent?.entity ?? salient(ctx, null, m.start) : null)
    // "the Nova Scotia judge": an occupation names only someone the text gave that role, not the man it is about.
    if (e && (!OCCUPATION.test(head) || e.role?.toLowerCase().split(/\s+/).includes(head))) return fromEntity(e)
  }
  if (/^(a|an)$/.test(det) && !GENERIC_PERSON.test(head)) {
    // "A spokeswoman for Trudeau said … “…,” said Eleanore Catenaro.": named in the next sentence.
    const e = namedNext(ctx, m)
    // "A Freedom Mobile spokesperson says … said Chetham Lakshman, vice-president": another role, another person.
    if (e && sameRole(e, head)) return fromEntity(e)
  }
  // "his daughter", "her husband" describe someone by another person: no name to show or to make a person of.
  if (/^(his|her|their|its|my|our)$/.test(det)) return null
  return { name: surface, kind: 'person', entityId: null, role: null, organisation: null }
}

/**
 * "a Michigan school's latest “List …”", "the city's annual survey": a
 * document or a finding speaks for the body that owns it, never for a person
 * named next. Only a described owner ("a", "the"): "Foster’s book" is read above.
 */
function possessorOf(surface: string, head: string): string | null {
  const at = /^(?:a|an|the|this)\s(?:[\p{L}\d-]+\s){0,3}?[\p{L}\d-]+(?=['’]s?\s)/iu.exec(surface)?.[0]
  if (!at) return null
  const owned = DOCUMENT.test(head) || EVIDENCE_SUBJECT.test(head) || /^(latest|new|annual|recent|own|assessment|list|ranking|index)$/.test(head)
  return owned ? at : null
}

const COUNT_WORD = /^(\d[\d,.%]*|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|percent|per|majority|majorities|half|third|quarter|\p{Ll}+-(?:thirds|fourths|fifths|quarters))$/u

const DOCUMENT = /^(statement|tweet|letter|post|remarks|comments|testimony|memoir|book|column|blog|website|report|note|email|essay|speech)$/

const GENERIC_PERSON = /^(man|woman|person|people|resident|witness|source|official|neighbour|neighbor|passerby|bystander|friend|relative|member|user|student|worker|customer|viewer|reader|voter)$/

/** The person a speech cue in the very next sentence attributes to, if any. */
function namedNext(ctx: Context, m: Mention): Entity | null {
  const ui = unitIndexAt(ctx, m.start)
  const next = ctx.units[ui + 1]
  const unit = ctx.units[ui]
  if (!next || !unit || next.paragraph - unit.paragraph > 1) return null
  let hasCue = false
  for (let i = next.from; i < next.to; i++) if (!isQuotedToken(ctx, i) && cueLemma(ctx.tokens[i]?.lower ?? '')) hasCue = true
  if (!hasCue) return null
  for (const i of namesOfUnit(ctx, ui + 1)) {
    const e = ctx.nameQuoted[i] ? undefined : entityOfName(ctx, i)
    if (e?.kind === 'person') return e
  }
  return null
}

function sameRole(e: Entity, head: string): boolean {
  const spokes = (w: string): string => w.replace(/^spokes(?:man|woman|person)$/, 'spokes')
  return !e.role || e.role.toLowerCase().split(/[\s-]+/).map(spokes).includes(spokes(head))
}

function isEpithet(surface: string): boolean {
  const words = surface.split(/\s+/).slice(1)
  // "the 26-year-old", "the Kentucky Republican", "the bow-tied maverick", "the self-taught artist".
  if (words.some((w) => /^\d+-year-old$/i.test(w)) || words.slice(0, -1).some((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Ll}+-\p{Ll}+$/u.test(w))) return true
  // "the ferocious brawler", "the affable proprietor": an adjective and a noun for a person.
  return words.length === 2 && /^\p{Ll}+$/u.test(words[0] ?? '') && PERSON_NOUN.test(words[1] ?? '')
}

const OCCUPATION = /^(judge|justice|magistrate|lawyer|attorney|prosecutor|coroner|minister|officer|constable|sheriff|detective|inspector|doctor|physician|surgeon|nurse|professor|teacher|principal|spokesman|spokeswoman|spokesperson)$/

const PERSON_NOUN = /^\p{Ll}+(?:er|or|ist|ian|man|woman|person)$/u

/** "the commission" → the Xyz Commission named before; else the nearest organisation. */
function orgNamed(ctx: Context, head: string, before: number, bare: boolean): Entity | null {
  let best: Entity | null = null
  let bestAt = -1
  for (const e of ctx.entities.entities) {
    if (e.kind !== 'organisation' || !e.name.toLowerCase().split(/\s+/).includes(head)) continue
    const last = e.mentions.filter((s) => s.start < before).pop()
    if (last && last.start > bestAt) {
      best = e
      bestAt = last.start
    }
  }
  if (best || !bare) return best
  // "the company", "the firm": the article's main organisation rather than the last one named.
  if (/^(company|firm|group|retailer|carrier|airline|chain|provider|utility)$/.test(head)) return paragraphOrg(ctx, before) ?? mainOrganisation(ctx, before) ?? antecedent(ctx, before, ['organisation'])
  return antecedent(ctx, before, ['organisation'])
}

/** "… Procter & Gamble rallied … The company said": the only organisation named earlier in the paragraph. */
function paragraphOrg(ctx: Context, before: number): Entity | null {
  const para = ctx.paras[ctx.units[unitIndexAt(ctx, before)]?.paragraph ?? -1]
  if (!para) return null
  const found = new Set<Entity>()
  for (const e of ctx.entities.entities) {
    if (e.kind === 'organisation' && !isPublisher(ctx, e.name) && e.mentions.some((s) => s.start >= para.start && s.start < before)) found.add(e)
  }
  return found.size === 1 ? ([...found][0] ?? null) : null
}

function mainOrganisation(ctx: Context, before: number): Entity | null {
  let best: Entity | null = null
  let bestCount = 1
  for (const e of ctx.entities.entities) {
    if (e.kind !== 'organisation' || isPublisher(ctx, e.name)) continue
    const count = e.mentions.filter((s) => s.start < before).length
    if (count > bestCount) {
      best = e
      bestCount = count
    }
  }
  return best
}

/** "the analyst" → the most recently mentioned person whose role contains "analyst". */
function personWithRole(ctx: Context, head: string, before: number): Entity | null {
  let best: Entity | null = null
  let bestAt = -1
  for (const e of ctx.entities.entities) {
    if (e.kind !== 'person' || !e.role || !e.role.toLowerCase().split(/\s+/).includes(head)) continue
    const last = e.mentions.filter((s) => s.start < before).pop()
    if (last && last.start > bestAt) {
      best = e
      bestAt = last.start
    }
  }
  return best
}
