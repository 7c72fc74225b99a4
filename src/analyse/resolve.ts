/**
 * Local mention → Speaker of the article. Names go to their entity (short
 * forms to the full name), pronouns to the nearest compatible antecedent
 * (the subject of the closest earlier sentence naming a person), titles
 * ("the analyst") to the person whose role they repeat, plural
 * descriptions to groups.
 */
import type { Entity, Speaker } from '../domain/index.js'
import { entityOfName, namesOfUnit, type Context } from './context.js'
import { genders, tallyPronouns, type Gender } from './gender.js'
import { entityAt } from './entities.js'
import { GROUP_NOUNS, ORG_WORDS } from './lexicon.js'
import type { Mention } from './mentions.js'
import { personKey } from './people.js'

export function resolveMention(ctx: Context, m: Mention): Speaker | null {
  const surface = ctx.text.slice(m.start, m.end)
  if (isPublisher(ctx, surface)) return null
  if (m.kind === 'name') return resolveName(ctx, m, surface)
  if (m.antecedent) return resolveMention(ctx, m.antecedent)
  if (m.kind === 'pronoun') return resolvePronoun(ctx, m)
  return resolveNominal(ctx, m, surface)
}

export function isPublisher(ctx: Context, surface: string): boolean {
  if (!ctx.publisherKey) return false
  return personKey(surface.replace(/^the\s+/i, '')) === ctx.publisherKey
}

function fromEntity(e: Entity): Speaker {
  const kind = e.kind === 'person' ? 'person' : 'organisation'
  return { name: e.name, kind, entityId: e.id, role: e.role, organisation: e.organisation }
}

function resolveName(ctx: Context, m: Mention, surface: string): Speaker {
  const e = entityAt(ctx.entities, m)
  if (e && e.kind !== 'place') return fromEntity(e)
  const name = surface.trim()
  const words = name.toLowerCase().split(/\s+/)
  const org = words.some((w) => ORG_WORDS.has(w)) || /^the\s/i.test(name)
  return { name, kind: org ? 'organisation' : 'person', entityId: null, role: null, organisation: null }
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
  const recent = recentSpeaker(ctx, m, want)
  // "… Scheer said. [sentences naming others] He added …": the current speaker beats a name from an earlier sentence.
  if (recent && want && e && e.id !== recent.id && !inSameUnit(ctx, e, m.start) && !isSubject(ctx, e, m.start)) return fromEntity(recent)
  return e ? fromEntity(e) : recent ? fromEntity(recent) : null
}

function recentSpeaker(ctx: Context, m: Mention, want: Gender): Entity | null {
  const r = ctx.recent
  const unit = ctx.units[unitIndexAt(ctx, m.start)]
  if (!r || !unit || unit.paragraph - r.paragraph > 2) return null
  const g = genderOf(ctx, r.entity)
  return !want || !g || g === want ? r.entity : null
}

/** Is the antecedent's latest mention the subject opening its sentence ("Kim hasn’t been so enthusiastic.")? */
function isSubject(ctx: Context, e: Entity, before: number): boolean {
  const last = e.mentions.filter((s) => s.start < before).pop()
  if (!last) return false
  const unit = ctx.units[unitIndexAt(ctx, last.start)]
  if (!unit) return false
  const lead = ctx.text.slice(unit.start, last.start).trim()
  return lead === '' || /^(but|and|still|yet|so|however,?|meanwhile,?)$/i.test(lead)
}

function inSameUnit(ctx: Context, e: Entity, offset: number): boolean {
  const unit = ctx.units[unitIndexAt(ctx, offset)]
  return !!unit && e.mentions.some((s) => s.start >= unit.start && s.start < offset)
}

/**
 * The antecedent: a compatible person mentioned earlier in the same sentence
 * (nearest first), else the first (subject) compatible person of the nearest
 * earlier sentence that names one, looking back at most a few paragraphs.
 */
export function antecedent(ctx: Context, offset: number, kinds: string[], want: Gender = null): Entity | null {
  const ui = unitIndexAt(ctx, offset)
  const unit = ctx.units[ui]
  if (!unit) return null
  const here = namesOfUnit(ctx, ui).filter((i) => (ctx.entities.names[i]?.end ?? Infinity) <= offset).reverse()
  const minPara = unit.paragraph - 4
  // Confirmed people first; a name that only looks like one is a last resort.
  const near = pickEntity(ctx, here, kinds, want)
  if (near) return near
  for (let u = ui - 1; u >= 0; u--) {
    const prev = ctx.units[u]
    if (!prev || prev.paragraph < minPara) break
    const e = pickEntity(ctx, namesOfUnit(ctx, u), kinds, want)
    if (e) return e
  }
  return null
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

const ORG_HEADS = /^(company|firm|group|ministry|agency|department|report|statement|study|newspaper|paper|outlet|website|network|team|club|league|city|province|state|government|utility|commission|board|office|service|organization|organisation|campaign|party|union|council|committee|bank|university|school|hospital|police|court|administration|force|provider|retailer|carrier|airline|store|chain|charity|association|centre|center|institute|foundation)$/

function resolveNominal(ctx: Context, m: Mention, surface: string): Speaker | null {
  const words = surface.toLowerCase().split(/\s+/)
  const head = words[words.length - 1] ?? ''
  const det = words[0] ?? ''
  if (GROUP_NOUNS.has(head) || (head.endsWith('s') && !head.endsWith('ss') && !/^(a|an|this)$/.test(det))) {
    return { name: surface, kind: 'group', entityId: null, role: null, organisation: null }
  }
  if (ORG_WORDS.has(head) || ORG_HEADS.test(head)) {
    const e = /^(the|this|that|its)$/.test(det) ? orgNamed(ctx, head, m.start) : null
    return e ? fromEntity(e) : { name: surface, kind: 'organisation', entityId: null, role: null, organisation: null }
  }
  if (/^(his|her|their)$/.test(det) && /^(statement|tweet|letter|post|remarks|comments|testimony|memoir|book|column)$/.test(head)) {
    // "her statement said": the statement speaks for its author.
    const want: Gender = det === 'his' ? 'm' : det === 'her' ? 'f' : null
    const e = antecedent(ctx, m.start, ['person'], want) ?? recentSpeaker(ctx, m, want)
    if (e) return fromEntity(e)
  }
  if (/^(the|this|that)$/.test(det)) {
    // "the analyst": the person whose role it repeats; "the 26-year-old right wing",
    // "the Kentucky Republican": an epithet for the person the passage is about.
    const e = personWithRole(ctx, head, m.start) ?? (isEpithet(surface) ? antecedent(ctx, m.start, ['person']) : null)
    if (e) return fromEntity(e)
  }
  return { name: surface, kind: 'person', entityId: null, role: null, organisation: null }
}

function isEpithet(surface: string): boolean {
  const words = surface.split(/\s+/).slice(1)
  return words.some((w) => /^\d+-year-old$/i.test(w)) || words.slice(0, -1).some((w) => /^\p{Lu}\p{Ll}/u.test(w))
}

/** "the commission" → the Xyz Commission named before; else the nearest organisation. */
function orgNamed(ctx: Context, head: string, before: number): Entity | null {
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
  return best ?? antecedent(ctx, before, ['organisation'])
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
