/**
 * Entities of one article: full names cluster their short forms (Chan →
 * Jeremy Chan, "La Riva" → Gloria La Riva; see shortforms.ts); a short form
 * goes to the full name seen most recently before it, so Kim Jong Un and
 * Ellen Kim stay apart. Roles and organisations come from appositives
 * ("Jeremy Chan, a senior analyst with the Eurasia Group"), pre-modifiers
 * ("RAND analyst Bruce Bennet") and an organisation's possessive
 * ("Greenfield Bank’s Maria Lopez").
 */
import type { Entity, EntityKind, Span } from '../domain/index.js'
import { personKey } from './people.js'
import { findNames, type NameMention } from './names.js'
import type { Token } from './text.js'
import { appositive, bodyAfterName, frontedRole, premodifier, titleRole } from './roles.js'
import { bodyAppositive, describesBody, reports, usedAsOrganisation } from './orgshape.js'
import { nameGender } from './firstnames.js'
import { isPersonsInitials } from './initials.js'
import { foldEarlyShortForms, isParticleFamilyName, orgShortForm, shortFormOf, type EntityDraft } from './shortforms.js'

export interface EntityIndex {
  entities: Entity[]
  /** Name mention start offset → entity id. */
  byStart: Map<number, string>
  byId: Map<string, Entity>
  names: NameMention[]
  /**
   * People we are sure are people: with a title, a role, a known first name
   * or a surname used on its own. Only these can be pronoun antecedents
   * ("Starlight Tours" or "Kinder Morgan" look like names but are not people).
   */
  confirmed: Set<string>
}

export function buildEntities(tokens: Token[]): EntityIndex {
  const names = withLaterAcronyms(withAcronyms(findNames(tokens), tokens), tokens)
  const drafts: EntityDraft[] = []
  const byStart = new Map<number, string>()
  const byKey = new Map<string, EntityDraft>()
  const asOrganisation = new Set<EntityDraft>()
  const reporting = new Set<EntityDraft>()
  // Named with a title ("Mr", "Dr", "President"): a person, whether or not the title is a role.
  const titled = new Set<EntityDraft>()
  for (const n of names) {
    const e = attach(n, drafts, byKey)
    if (!e) continue
    if (e.kind === 'person' && usedAsOrganisation(tokens, n)) asOrganisation.add(e)
    if (e.kind === 'person' && reports(tokens, n)) reporting.add(e)
    e.mentions.push({ start: n.start, end: n.end })
    if (n.title && e.kind === 'person') titled.add(e)
    e.lastSeen = n.start
    if (n.words.length < e.words.length) e.shortForms++
    byStart.set(n.start, e.id)
    if (e.kind === 'person' && n.words.length >= 2 && !e.role) describe(tokens, n, e, drafts)
    if (e.kind === 'person' && !e.organisation) e.organisation = ownerBefore(tokens, n, names, drafts, byStart) ?? bodyAfterName(tokens, n.last + 1)
    if (e.kind === 'organisation' && e.introduced === undefined && n.words.length === e.words.length) e.introduced = tokens[n.first - 1]?.lower === 'the'
    const acronym = n.acronym ?? acronymAfter(tokens, n.last)
    if (acronym) byKey.set(personKey(acronym), e)
  }
  foldEarlyShortForms(drafts, byStart)
  for (const d of asOrganisation) if (!d.role && !titled.has(d)) d.kind = 'organisation'
  for (const d of reporting) if (!d.role && !titled.has(d) && d.shortForms === 0) d.kind = 'organisation'
  // A one-word person without a title is a partner named in a couple ("Kim and Clark Moran").
  const confirmed = new Set(drafts.filter((d) => d.kind === 'person' && (d.role || titled.has(d) || d.shortForms > 0 || d.words.length === 1 || nameGender(d))).map((d) => d.id))
  const entities = drafts.map(({ words: _w, keys: _k, lastSeen: _l, shortForms: _s, introduced, ...e }): Entity => (introduced ? { ...e, writtenAs: `the ${e.name}` } : e))
  return { entities, byStart, byId: new Map(entities.map((e) => [e.id, e])), names, confirmed }
}

/**
 * A name defined by an acronym after it is an organisation, and its words
 * are the acronym's letters even across commas: "Export Development Canada
 * (EDC)", "Immigration, Refugees and Citizenship Canada (IRCC)".
 */
function withAcronyms(names: NameMention[], tokens: Token[]): NameMention[] {
  const out: NameMention[] = []
  for (const n of names) {
    const acronym = acronymAfter(tokens, n.last)
    if (!acronym || isPersonsInitials(n, acronym, tokens)) {
      out.push(n)
      continue
    }
    let merged = n
    while (initials(merged.words) !== acronym && initials(merged.words).length < acronym.length) {
      const prev = out[out.length - 1]
      if (!prev || !joinedByList(tokens, prev.last, merged.first)) break
      out.pop()
      merged = { ...merged, start: prev.start, words: [...prev.words, ...merged.words], first: prev.first }
    }
    if (initials(merged.words) === acronym) out.push({ ...merged, words: merged === n ? n.words : listWords(tokens, merged.first, merged.last), kind: 'organisation' })
    else out.push(n)
  }
  return out
}

/** A name, with the acronym that stands for it elsewhere in the text. */
type Named = NameMention & { acronym?: string }

/**
 * "Immigration, Refugees and Citizenship Canada … IRCC said": a name (or a
 * list of names joined by commas and "and") whose initials spell an
 * acronym used in the text is what the acronym stands for, even when the
 * text never defines it in brackets.
 */
function withLaterAcronyms(names: NameMention[], tokens: Token[]): Named[] {
  const used = new Set(tokens.filter((t) => /^\p{Lu}{2,6}$/u.test(t.text)).map((t) => t.text))
  const out: Named[] = []
  for (const n of names) {
    out.push(n)
    if (used.size === 0) continue
    let merged: Named = n
    for (let k = out.length - 2; k >= out.length - 4 && k >= 0; k--) {
      const found = used.has(initials(merged.words)) && merged.words.length >= 2
      if (found) break
      const prev = out[k]
      if (!prev || !joinedByList(tokens, prev.last, merged.first)) break
      merged = { ...merged, start: prev.start, first: prev.first, words: [...prev.words, ...merged.words], kind: 'organisation' }
    }
    const acronym = initials(merged.words)
    // A person's initials written later ("US" after "Uma Smith") are no name of theirs: transcripts' "NG:" labels are read by initials.ts.
    if (merged.words.length < 2 || merged.kind === 'person' || !used.has(acronym) || acronymAfter(tokens, merged.last)) continue
    const absorbed = out.filter((o) => o.start >= merged.start).length
    const words = absorbed > 1 ? listWords(tokens, merged.first, merged.last) : merged.words
    out.splice(out.length - absorbed, absorbed, { ...merged, words, kind: merged.kind === 'unknown' ? 'organisation' : merged.kind, acronym })
  }
  return out
}

/** The words of a list of names as written: "Immigration,", "Refugees", "and", "Citizenship", "Canada". */
function listWords(tokens: Token[], first: number, last: number): string[] {
  const words: string[] = []
  for (let k = first; k <= last; k++) {
    const t = tokens[k]?.text ?? ''
    if (t === ',' && words.length > 0) words[words.length - 1] += ','
    else words.push(t)
  }
  return words
}

function initials(words: string[]): string {
  return words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('')
}

/** Only commas and "and" between two names: "Immigration, Refugees and Citizenship". */
function joinedByList(tokens: Token[], last: number, first: number): boolean {
  if (first - last < 2 || first - last > 3) return false
  for (let k = last + 1; k < first; k++) if (!/^(,|and|&)$/.test(tokens[k]?.lower ?? '')) return false
  return true
}

/** "Immigration, Refugees and Citizenship Canada (IRCC)": the acronym names the same organisation. */
function acronymAfter(tokens: Token[], last: number): string | null {
  const open = tokens[last + 1]
  const word = tokens[last + 2]
  const close = tokens[last + 3]
  if (open?.text !== '(' || close?.text !== ')' || !word || !/^\p{Lu}{2,}$/u.test(word.text)) return null
  return word.text
}

function attach(n: NameMention, drafts: EntityDraft[], byKey: Map<string, EntityDraft>): EntityDraft | null {
  const name = n.words.join(' ')
  const key = personKey(name)
  const known = byKey.get(key)
  if (known) return known
  if (n.kind === 'unknown' || n.words.length === 1 || isParticleFamilyName(n.words)) {
    // "House" after "Christopher House" is the person, whatever the word usually names.
    const person = shortFormOf(n.words, drafts)
    if (person) return person
  }
  if (n.words.length === 1 && n.kind !== 'person') {
    const org = orgShortForm(n.words[0] ?? '', drafts)
    if (org) return org
  }
  if (n.kind === 'unknown') return null
  const kind: EntityKind = n.kind
  const d: EntityDraft = { id: `e${drafts.length + 1}`, kind, name, mentions: [], role: titleRole(n.title), organisation: null, words: n.words, keys: n.words.map((w) => personKey(w)), lastSeen: n.start, shortForms: 0 }
  drafts.push(d)
  byKey.set(key, d)
  return d
}

/** "Greenfield Bank’s Maria Lopez": the organisation whose possessive runs into the name. */
function ownerBefore(tokens: Token[], n: NameMention, names: NameMention[], drafts: EntityDraft[], byStart: Map<number, string>): string | null {
  const prev = tokens[n.first - 1]
  if (!prev || !/\p{L}['’]s?$/u.test(prev.text) || prev.end + 1 !== tokens[n.first]?.start) return null
  const owner = names.find((o) => o.last === n.first - 1)
  const id = owner ? byStart.get(owner.start) : undefined
  const org = id ? drafts.find((d) => d.id === id) : undefined
  return org?.kind === 'organisation' ? org.name : null
}

/** Role and organisation from the appositive after the name or the pre-modifier before it. */
function describe(tokens: Token[], n: NameMention, e: EntityDraft, drafts: EntityDraft[]): void {
  // "Magyar Nemzet, a Hungarian daily newspaper": the name is the body's.
  if (bodyAppositive(tokens, n.last + 1)) {
    e.kind = 'organisation'
    return
  }
  const after = appositive(tokens, n.last + 1)
  if (after) {
    e.role = after.role
    e.organisation = after.organisation
    return
  }
  const before = premodifier(tokens, n.first - 1) ?? frontedRole(tokens, n)
  if (before && describesBody(before.role)) e.kind = 'organisation'
  else if (before) {
    const kin = !!before.possessive && personNamed(before.organisation, drafts)
    // "Kosgei's countryman Eliud Kipchoge": a person's possessive is a relation, not an organisation.
    e.role = e.role ?? (kin ? `${before.organisation}'s ${before.role}` : before.role)
    e.organisation = kin ? null : before.organisation
  }
}

/** A person of the article by the family name: "Kosgei" after "Brigid Kosgei". */
function personNamed(name: string | null, drafts: EntityDraft[]): boolean {
  if (!name || name.includes(' ')) return false
  const key = personKey(name)
  return drafts.some((d) => d.kind === 'person' && d.words.length > 1 && d.keys.at(-1) === key)
}

/** The entity of the first name mention overlapping the span, if any (binary search: names are in order). */
export function entityAt(index: EntityIndex, span: Span): Entity | null {
  const names = index.names
  let lo = 0
  let hi = names.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((names[mid]?.end ?? 0) <= span.start) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < names.length; i++) {
    const n = names[i]
    if (!n || n.start >= span.end) break
    const id = index.byStart.get(n.start)
    const e = id ? index.byId.get(id) : undefined
    if (e) return e
  }
  return null
}
