/**
 * Grammatical gender of the people in an article, so "she said" does not
 * resolve to the man named just before. Evidence, strongest first:
 * honorifics (Mr/Ms), the pronouns used in sentences about only that
 * person, and common first names.
 */
import type { Entity } from '../domain/index.js'
import { entityOfName, namesOfUnit, type Context } from './context.js'

export type Gender = 'm' | 'f' | null

const FEMALE = new Set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra
ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan
evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany
natalie isabella charlotte rose alexis kayla ellen hillary nadia muriel linda chrystia jody catherine kathleen
melanie caroline jane anne lynn leslie tina wendy valerie sheila tanya monica erin allison claire fiona elaine
irene yvonne sylvie chantal nathalie isabelle genevieve josee francine lucie suzanne ginette carole jill gail
marianne hilary naomi ruby eva ella chloe zoe lily mia ava amelia harper aria ellie layla nora hazel violet aurora
savannah audrey brooklyn bella claire skylar lucy paisley anna caroline genesis kennedy sadie allison gabriella
madelyn cora elena lydia vivian serena nancy kamala nikki elise alexandria ilhan rashida ayanna tulsi amy kirsten
elizabeth liz betsy meghan kate camilla diane theresa angela ursula christine marine giorgia jacinda sanna
darian jody kristy rachel carla bonnie patty gina rita vicki dana tracy stacy kristen holly heidi robin dawn`.split(/\s+/))

const MALE = new Set(`james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis harry
barack bernie mitch chuck ted marco rand lindsey mike jim tom bill bob steve dave chris matt tony dan ben sam greg
nick alex pat ron ed jeff tim joel justin pierre jean-pierre francois jacques michel andre luc marc yves denis
guy claude alain gilles rene normand rejean doug jagmeet maxime stephen erin andrew ollie damon zach vladimir xi
emmanuel boris rishi keir olaf kim jong-un moon shinzo narendra recep benjamin volodymyr jair justin dmitry sergei
ivan igor alexei mohammed muhammad ahmed ali omar hassan hussein abdul khalid tariq kody ernie clark martin liam
oliver lucas elias owen caleb isaac luke wyatt leo julian hudson grayson ezra hunter connor levi jaxon landon
colton cameron hugh neil ian graham stuart craig derek shane travis trevor wade blake chad brett todd troy`.split(/\s+/))

const MALE_TITLES = /^(mr|sir|lord|king|prince|father|brother|mister)\.?$/i
const FEMALE_TITLES = /^(mrs|ms|miss|madam|dame|lady|queen|princess|sister)\.?$/i

export function nameGender(e: Entity): Gender {
  const role = e.role ?? ''
  for (const w of role.split(/\s+/)) {
    if (MALE_TITLES.test(w)) return 'm'
    if (FEMALE_TITLES.test(w)) return 'f'
  }
  const first = e.name.split(/\s+/)[0]?.toLowerCase() ?? ''
  if (e.name.includes(' ') && FEMALE.has(first) && !MALE.has(first)) return 'f'
  if (e.name.includes(' ') && MALE.has(first) && !FEMALE.has(first)) return 'm'
  return null
}

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
      if (!e || e.kind !== 'person' || ctx.nameQuoted[i]) continue
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
