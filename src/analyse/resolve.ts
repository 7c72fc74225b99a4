/**
 * Local mention → Speaker of the article. Names go to their entity (short
 * forms to the full name), pronouns to the nearest compatible antecedent
 * (the subject of the closest earlier sentence naming a person), titles
 * ("the analyst") and other descriptions as nominal.ts reads them.
 */
import type { Entity, Speaker } from '../domain/index.js'
import { entityOfName, namesOfUnit, type Context, type Unit } from './context.js'
import { genders, tallyPronouns, type Gender } from './gender.js'
import { isCaption } from './caption.js'
import { nameGender } from './firstnames.js'
import { entityAt } from './entities.js'
import { ORG_WORDS, PRONOUNS } from './lexicon.js'
import type { Mention } from './mentions.js'
import { personKey } from './people.js'
import { resolveNominal } from './nominal.js'
import { hasOrganisationShape } from './orgshape.js'
import { nameKind } from './names.js'

export function resolveMention(ctx: Context, m: Mention): Speaker | null {
  const surface = ctx.text.slice(m.start, m.end)
  if (isPublisher(ctx, surface)) return null
  if (m.antecedent) return resolveMention(ctx, m.antecedent)
  // A capitalised "He" opening a sentence is still a pronoun.
  if (m.kind === 'pronoun' || PRONOUNS.has(surface.toLowerCase())) return resolvePronoun(ctx, m)
  if (m.kind === 'name') return resolveName(ctx, m, surface)
  return resolveNominal(ctx, m, surface)
}

export function isPublisher(ctx: Context, surface: string): boolean {
  if (!ctx.publisherKey) return false
  return personKey(surface.replace(/^the\s+/i, '')) === ctx.publisherKey
}

export function fromEntity(e: Entity): Speaker {
  const kind = e.kind === 'person' ? 'person' : 'organisation'
  return { name: e.writtenAs ?? e.name, kind, entityId: e.id, role: e.role, organisation: e.organisation }
}

function resolveName(ctx: Context, m: Mention, surface: string): Speaker {
  const pair = / and /.test(surface) ? bothPeople(ctx, m, surface) : null
  if (pair) return pair
  const e = namedEntity(ctx, m, surface)
  // "Chan of Eurasia Group said": a family name and the body it belongs to; the person speaks.
  const member = /^(\p{Lu}[\p{L}'’-]+) (?:of|with|at|from) \p{Lu}/u.exec(surface)?.[1]
  if (member && e && e.kind !== 'person' && !e.name.startsWith(member)) {
    const own = resolveName(ctx, { ...m, to: m.from + 1, end: m.start + member.length }, member)
    return { ...own, kind: 'person', organisation: own.organisation ?? e.name }
  }
  if (e) return ownedPerson(ctx, m, surface, e) ?? fromEntity(e)
  // "the Kentucky Republican": a party member described, the person the passage is about.
  if (/^the\s.*\b(Republican|Democrat|Liberal|Conservative|Tory|Independent)$/i.test(surface)) return resolveNominal(ctx, m, surface) ?? fallbackName(surface)
  return fallbackName(surface)
}

function fallbackName(surface: string): Speaker {
  const name = surface.trim()
  const words = name.toLowerCase().split(/\s+/)
  // A place speaks through its government: "China's Guangdong Province reported".
  const org = words.some((w) => ORG_WORDS.has(w)) || /^the\s/i.test(name) || hasOrganisationShape(name.split(/\s+/)) || /^(place|organisation)$/.test(nameKind(name))
  return { name, kind: org ? 'organisation' : 'person', entityId: null, role: null, organisation: null }
}

/**
 * The entity a name mention stands for. A place named alone ("Russia said")
 * speaks through its government, as an organisation; a place before another
 * name ("Vancouver’s Bo Horvat") only qualifies it.
 */
function namedEntity(ctx: Context, m: Mention, surface: string): Entity | null {
  const e = entityAt(ctx.entities, m)
  if (e?.kind === 'organisation') return personAfter(ctx, m, surface, e) ?? e
  if (!e || e.kind !== 'place' || personKey(e.name) === personKey(surface)) return e
  const at = surface.toLowerCase().indexOf(e.name.toLowerCase())
  if (at < 0) return null
  const rest = entityAt(ctx.entities, { start: m.start + at + e.name.length, end: m.end })
  return rest && rest.kind !== 'place' ? rest : null
}

/** "PG&E President and CEO Andy Vesey said": a person named after the body's name and a title speaks. */
function personAfter(ctx: Context, m: Mention, surface: string, org: Entity): Entity | null {
  const at = surface.indexOf(org.name)
  if (at !== 0 || org.name.length >= surface.length) return null
  const rest = entityAt(ctx.entities, { start: m.start + org.name.length, end: m.end })
  return rest?.kind === 'person' ? rest : null
}

/**
 * "Greenfield Bank’s Maria Lopez said": an organisation's possessive before a
 * person's name is the person's organisation, and the person speaks.
 */
function ownedPerson(ctx: Context, m: Mention, surface: string, e: Entity): Speaker | null {
  if (e.kind !== 'organisation' || !/\p{L}['’]s? \p{Lu}/u.test(surface)) return null
  const owner = ctx.entities.names.find((n) => n.start >= m.start && n.start < m.end)
  if (!owner || ctx.entities.byStart.get(owner.start) !== e.id || !/^['’]s? /u.test(ctx.text.slice(owner.end, owner.end + 3))) return null
  const person = entityAt(ctx.entities, { start: owner.end + 2, end: m.end })
  if (person?.kind !== 'person') return null
  return { ...fromEntity(person), organisation: person.organisation ?? e.name }
}

/** "Sandmann and Phillips said": two people speak together. */
function bothPeople(ctx: Context, m: Mention, surface: string): Speaker | null {
  const cut = m.start + surface.indexOf(' and ')
  const a = entityAt(ctx.entities, { start: m.start, end: cut })
  const b = entityAt(ctx.entities, { start: cut + 5, end: m.end })
  if (a?.kind !== 'person' || b?.kind !== 'person' || a.id === b.id) return null
  return { name: `${a.name} and ${b.name}`, kind: 'group', entityId: null, role: null, organisation: null }
}

const MALE = new Set(['he'])
const FEMALE = new Set(['she'])

const genderCache = new WeakMap<Context, Map<string, Gender>>()

function genderOf(ctx: Context, e: Entity): Gender {
  let map = genderCache.get(ctx)
  if (!map) {
    map = genders(ctx.entities.entities, tallyPronouns(ctx))
    genderCache.set(ctx, map)
  }
  return map.get(e.id) ?? null
}

function resolvePronoun(ctx: Context, m: Mention): Speaker | null {
  const lower = ctx.text.slice(m.start, m.end).toLowerCase()
  if (lower === 'it') {
    const org = antecedent(ctx, m.start, ['organisation']) ?? ctx.recentOrg
    return org ? fromEntity(org) : null
  }
  const want: Gender = MALE.has(lower) ? 'm' : FEMALE.has(lower) ? 'f' : null
  const kinds = lower === 'they' || lower === 'we' ? ['organisation', 'person'] : ['person']
  const e = antecedent(ctx, m.start, kinds, want)
  const subject = want ? previousSubjectSpeaker(ctx, m.start, want) : null
  if (subject && !(e && (e.id === subject.entityId || inSameUnit(ctx, e, m.start)))) return subject
  const recent = recentSpeaker(ctx, m, want)
  // "… Scheer said. [sentences naming others] He added …": the current speaker beats a name from an earlier sentence.
  const aside = !!e && !inSameUnit(ctx, e, m.start) && !isSubject(ctx, e, m.start)
  if (recent && want && e && e.id !== recent.id && aside) return fromEntity(recent)
  // "Spokesman John Shibley said … Although Trump has tweeted …, he said.": the paragraph's subject beats a name in a side clause.
  const opener = aside && want ? paragraphSubject(ctx, m.start, want) : null
  if (opener && opener.id !== e?.id) return fromEntity(opener)
  const found = e ?? recent ?? (want ? salient(ctx, want, m.start) : null)
  return found ? fromEntity(found) : null
}

/**
 * No antecedent nearby: the article's main person of that gender (most
 * mentioned before this point, at least twice) is the likeliest "she".
 */
export function salient(ctx: Context, want: Gender, before: number): Entity | null {
  let best: Entity | null = null
  let bestCount = 1
  for (const e of ctx.entities.entities) {
    if (e.kind !== 'person' || !ctx.entities.confirmed.has(e.id) || (want && genderOf(ctx, e) !== want)) continue
    const count = e.mentions.filter((s) => s.start < before).length
    if (count > bestCount) {
      best = e
      bestCount = count
    }
  }
  return best
}

export function recentSpeaker(ctx: Context, m: Mention, want: Gender): Entity | null {
  const r = ctx.recent
  const unit = ctx.units[unitIndexAt(ctx, m.start)]
  if (!r || !unit || unit.paragraph - r.paragraph > 2) return null
  const g = genderOf(ctx, r.entity)
  return !want || !g || g === want ? r.entity : null
}

/**
 * "Chan said the authority would publish the contract. “There is nothing to
 * hide,” he said.": the person opening the previous sentence of the
 * paragraph as the speaker of its cue, of unknown or matching gender, even
 * when the article never gives the name in full or a first name.
 */
function previousSubjectSpeaker(ctx: Context, offset: number, want: Gender): Speaker | null {
  const last = ctx.lastSpeaker
  const ui = unitIndexAt(ctx, offset)
  const prev = ctx.units[ui - 1]
  if (!last || last.unit !== ui - 1 || !prev || prev.paragraph !== ctx.units[ui]?.paragraph || !opensUnit(ctx, prev, last.start)) return null
  const e = last.speaker.entityId ? ctx.byId.get(last.speaker.entityId) : undefined
  const g = e ? genderOf(ctx, e) : nameGender({ name: last.speaker.name, role: last.speaker.role })
  return !g || g === want ? last.speaker : null
}

/** Is the antecedent's latest mention the subject opening its sentence ("Kim hasn’t been so enthusiastic.")? */
function isSubject(ctx: Context, e: Entity, before: number): boolean {
  const last = e.mentions.filter((s) => s.start < before).pop()
  const unit = last ? ctx.units[unitIndexAt(ctx, last.start)] : undefined
  return !!last && !!unit && opensUnit(ctx, unit, last.start)
}

/** The person opening the first sentence of the paragraph, when the offset lies in a later sentence of it. */
function paragraphSubject(ctx: Context, offset: number, want: Gender): Entity | null {
  const ui = firstUnitOfParagraph(ctx, unitIndexAt(ctx, offset))
  const unit = ctx.units[ui]
  // "University spokesman John Shibley": the first person named, past the body in the title.
  const first = namesOfUnit(ctx, ui).find((i) => entityOfName(ctx, i)?.kind === 'person')
  if (!unit || unit.end > offset || first === undefined || ctx.nameQuoted[first]) return null
  const e = entityOfName(ctx, first)
  if (!e || !ctx.entities.confirmed.has(e.id) || genderOf(ctx, e) !== want) return null
  return opensUnit(ctx, unit, ctx.entities.names[first]?.start ?? offset) ? e : null
}

function opensUnit(ctx: Context, unit: Unit, start: number): boolean {
  const lead = ctx.text.slice(unit.start, start).trim()
  // "Liberal MP Marco Mendicino …", "University spokesman John Shibley …": a title before the subject.
  return lead === '' || /^(but|and|still|yet|so|however,?|meanwhile,?)$/i.test(lead) || /^(?:[\p{L}.'’-]+ ){0,2}[\p{L}.'’-]+$/u.test(lead) && /^\p{Lu}/u.test(lead) && !/^(but|and|when|while|after|before|although|though|if|as|since|because|even|the|a|an)$/i.test(lead.split(' ')[0] ?? '')
}

function inSameUnit(ctx: Context, e: Entity, offset: number): boolean {
  const unit = ctx.units[unitIndexAt(ctx, offset)]
  return !!unit && e.mentions.some((s) => s.start >= unit.start && s.start < offset)
}

/**
 * How far back a pronoun's antecedent, or a floating quotation's speaker, is
 * looked for: a few paragraphs, and no more than BACK_UNITS sentences (real
 * articles hold at most 55 in five paragraphs; without the cap a paragraph
 * of thousands of sentences has every pronoun in it read all of them).
 */
export const BACK_PARAGRAPHS = 4
export const BACK_UNITS = 100

/**
 * The antecedent: a compatible person mentioned earlier in the same sentence
 * (nearest first), else the first (subject) compatible person of the nearest
 * earlier sentence that names one, looking back at most a few paragraphs.
 */
export function antecedent(ctx: Context, offset: number, kinds: string[], want: Gender = null): Entity | null {
  const ui = unitIndexAt(ctx, offset)
  const unit = ctx.units[ui]
  if (!unit) return null
  // "Schumer, he said, knows …": names before an attribution set off by a comma are what was said, not who said it.
  const p = prevNonSpace(ctx.text, offset)
  const content = ctx.text[p] === ',' || (/["”’]/.test(ctx.text[p] ?? '') && ctx.text[p - 1] === ',')
  const here = content ? [] : namesOfUnit(ctx, ui).filter((i) => (ctx.entities.names[i]?.end ?? Infinity) <= offset).reverse()
  const minPara = unit.paragraph - BACK_PARAGRAPHS
  // Confirmed people first; a name that only looks like one is a last resort.
  const near = pickEntity(ctx, here, kinds, want)
  if (near) return near
  for (let u = ui - 1; u >= Math.max(0, ui - BACK_UNITS); u--) {
    const prev = ctx.units[u]
    if (!prev || prev.paragraph < minPara) break
    if (isCaption(ctx, prev.paragraph)) continue
    const e = pickEntity(ctx, namesOfUnit(ctx, u), kinds, want)
    if (e) return e
  }
  return null
}

function prevNonSpace(text: string, i: number): number {
  let k = i - 1
  while (k > 0 && /\s/.test(text[k] ?? '')) k--
  return k
}

/** Only confirmed people (see EntityIndex.confirmed) can be antecedents. */
function pickEntity(ctx: Context, list: number[], kinds: string[], want: Gender): Entity | null {
  for (const i of list) {
    if (ctx.nameQuoted[i]) continue
    const e = entityOfName(ctx, i)
    if (!e || !kinds.includes(e.kind) || isPublisher(ctx, e.name)) continue
    if (e.kind === 'person' && !ctx.entities.confirmed.has(e.id)) continue
    if (want && e.kind === 'person') {
      const g = genderOf(ctx, e)
      if (g && g !== want) continue
    }
    return e
  }
  return null
}

/** The first unit of the paragraph unit ui lies in: a binary search, as units come in paragraph order. */
function firstUnitOfParagraph(ctx: Context, ui: number): number {
  const para = ctx.units[ui]?.paragraph
  let lo = 0
  let hi = ui
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((ctx.units[mid]?.paragraph ?? Infinity) < (para ?? -Infinity)) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function unitIndexAt(ctx: Context, offset: number): number {
  let lo = 0
  let hi = ctx.units.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((ctx.units[mid]?.start ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}
