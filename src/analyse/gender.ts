/**
 * Grammatical gender of the people in an article, so "she said" does not
 * resolve to the man named just before. Evidence, strongest first:
 * honorifics (Mr/Ms), the pronouns used in sentences about only that
 * person, and common first names.
 */
import type { Entity } from '../domain/index.js'
import { entityOfName, namesOfUnit, type Context } from './context.js'
import { nameGender, type Gender } from './firstnames.js'

export type { Gender }

/** Pronoun counts per entity id, from sentences that name only that person. */
export interface PronounTally {
  m: number
  f: number
}

function pronounGender(text: string): PronounTally {
  const s = text.toLowerCase()
  return { m: (s.match(/\b(he|him|his|himself)\b/g) ?? []).length, f: (s.match(/\b(she|her|hers|herself)\b/g) ?? []).length }
}

/** Combined gender of each person: honorific or first name, else pronoun evidence. */
export function genders(entities: Entity[], tallies: Map<string, PronounTally>): Map<string, Gender> {
  const out = new Map<string, Gender>()
  for (const e of entities) {
    if (e.kind !== 'person') continue
    const t = tallies.get(e.id)
    let g: Gender = null
    if (t && t.m + t.f >= 1) g = t.m > t.f * 1.5 ? 'm' : t.f > t.m * 1.5 ? 'f' : null
    out.set(e.id, nameGender(e) ?? g)
  }
  return out
}

/**
 * Pronoun evidence: in each sentence naming exactly one person (outside
 * quotations), the he/she pronouns after the name, plus the next sentence
 * of the paragraph when it names nobody.
 */
export function tallyPronouns(ctx: Context): Map<string, PronounTally> {
  const out = new Map<string, PronounTally>()
  ctx.units.forEach((u, ui) => {
    const ids = new Set<string>()
    let firstEnd = -1
    for (const i of namesOfUnit(ctx, ui)) {
      const e = entityOfName(ctx, i)
      if (!e || e.kind !== 'person' || ctx.nameQuoted[i] || !ctx.entities.confirmed.has(e.id)) continue
      ids.add(e.id)
      if (firstEnd < 0) firstEnd = ctx.entities.names[i]?.end ?? u.start
    }
    const [id] = [...ids]
    if (ids.size !== 1 || !id) return
    const next = ctx.units[ui + 1]
    const nextFree = next && next.paragraph === u.paragraph && namesOfUnit(ctx, ui + 1).length === 0
    const t = pronounGender(outsideQuotes(ctx, firstEnd, u.end))
    const t2 = nextFree ? pronounGender(outsideQuotes(ctx, next.start, next.end)) : { m: 0, f: 0 }
    const acc = out.get(id) ?? { m: 0, f: 0 }
    out.set(id, { m: acc.m + t.m + t2.m, f: acc.f + t.f + t2.f })
  })
  return out
}

/** The unit's text with quotations blanked out (pronouns inside quotes are the speaker's, not the reporter's). */
function outsideQuotes(ctx: Context, start: number, end: number): string {
  let s = ''
    for (let i = ctx.tokens.length ? firstTokenAt(ctx, start) : 0; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]
    if (!t || t.start >= end) break
    if ((ctx.quoteOf[i] ?? -1) < 0) s += `${t.lower} `
  }
  return s
}

function firstTokenAt(ctx: Context, offset: number): number {
  let lo = 0
  let hi = ctx.tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((ctx.tokens[mid]?.start ?? 0) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
