import type { Transaction } from 'kysely'
import { NAME_PARTICLES } from '../analyse/lexicon.js'
import { isHonorific, isTitleWord, matchPerson, namesakeEvidence, personKey, type KnownPerson } from '../analyse/people.js'
import type { Analysis, Entity } from '../domain/index.js'
import { newId } from '../lib/ids.js'
import { evidenceOfPerson, getPerson, insertPerson, peopleByKeys, peopleBySurname, pruneUnreferencedPeople, updatePerson, type Person } from '../store/repos/people-repo.js'
import type { Database } from '../store/schema/index.js'

/**
 * Links the people of one article to the desk's person records: the same real
 * person across articles shares one record (spelling variants merged, namesakes
 * kept apart by role, organisation and co-occurrence). Returns entity id → person id.
 */
export async function resolvePeople(trx: Transaction<Database>, analysis: Analysis, now: string): Promise<Map<string, string>> {
  const people = personEntities(analysis)
  const names = people.map((e) => e.name)
  const ids = new Map<string, string>()
  for (const entity of people) {
    const coMentions = names.filter((n) => n !== entity.name)
    const role = entity.role && !isHonorific(entity.role) ? entity.role : null
    const evidence = { name: entity.name, role, organisation: entity.organisation, coMentions }
    const match = await findPerson(trx, evidence)
    if (match === AMBIGUOUS) continue
    if (match) {
      await updatePerson(trx, mergeEvidence(match, evidence))
      ids.set(entity.id, match.id)
    } else if (personKey(entity.name).includes(' ')) {
      // A single word ("Francis", "General", "Findings") that is no one on the desk yet gets no person page.
      const person = mergeEvidence(
        { id: newId(), name: entity.name, nameKey: personKey(entity.name), aliases: [], roles: [], organisations: [], coMentions: [], createdAt: now },
        evidence,
      )
      await insertPerson(trx, person)
      ids.set(entity.id, person.id)
    }
  }
  return ids
}

/** A name that fits several people on the desk with nothing to choose between them: linked to none, and no new record. */
const AMBIGUOUS = Symbol('ambiguous')

type Evidence = { name: string; role: string | null; organisation: string | null; coMentions: string[] }

/**
 * The desk's record of this person, if any: same name (spelling-insensitive),
 * else the same name without or with middle names or initials ("John R.
 * Bolton" = "John Bolton"), else a family name alone ("Trump") that one full
 * name on the desk ends with (among several, the one role, organisation and
 * company point to), or a full name whose family name alone is on the desk
 * without any namesake (that record is then completed with the full name).
 * Several namesakes that the evidence cannot tell apart are AMBIGUOUS.
 */
async function findPerson(trx: Transaction<Database>, evidence: Evidence): Promise<Person | null | typeof AMBIGUOUS> {
  const key = personKey(evidence.name)
  const known = await peopleByKeys(trx, [key])
  const matchId = matchPerson(evidence, known.map(toKnown))
  const same = known.find((p) => p.id === matchId)
  if (same) return same
  if (known.length > 1 && known.some((p) => namesakeEvidence(evidence, toKnown(p)) >= 0)) return AMBIGUOUS
  const words = key.split(' ')
  const variant = await spellingVariant(trx, words, evidence)
  if (variant) return variant
  const surname = words[words.length - 1]
  if (!surname || surname.length < 3) return null
  const withSurname = await peopleBySurname(trx, surname)
  if (words.length === 1) return pickBySurname(withSurname, evidence)
  if (known.length === 0) {
    const fuller = middleNameVariant(withSurname, words, evidence)
    if (fuller) return fuller
  }
  const surnameOnly = await peopleByKeys(trx, [surname])
  if (surnameOnly.length !== 1 || withSurname.length > 0) return null
  const record = surnameOnly[0] as Person
  return { ...record, name: evidence.name, nameKey: key }
}

/**
 * "Bruce Bennett" when the desk knows "Bruce Bennet": the same given names
 * and a family name one doubled letter apart is one person, when exactly one
 * record has that spelling and the evidence does not contradict it.
 */
async function spellingVariant(trx: Transaction<Database>, words: string[], evidence: Evidence): Promise<Person | null> {
  const surname = words[words.length - 1] ?? ''
  if (words.length < 2 || surname.length < 4) return null
  const given = words.slice(0, -1).join(' ')
  const keys = doubledLetterVariants(surname).map((v) => `${given} ${v}`)
  const found = await peopleByKeys(trx, keys)
  if (found.length !== 1) return null
  const matchId = matchPerson({ ...evidence, name: found[0]?.name ?? '' }, found.map(toKnown))
  return found.find((p) => p.id === matchId) ?? null
}

/** Spellings one doubled letter apart: "bennet" → "bennett", "benet"; "phillips" → "philips". */
export function doubledLetterVariants(word: string): string[] {
  const out = new Set<string>()
  for (let i = 0; i < word.length; i++) {
    const c = word[i] ?? ''
    if (word[i + 1] === c) out.add(word.slice(0, i) + word.slice(i + 1))
    else if (word[i - 1] !== c && /[bcdfgklmnprstz]/.test(c) && i > 0) out.add(word.slice(0, i + 1) + c + word.slice(i + 1))
  }
  out.delete(word)
  return [...out]
}

/**
 * A family name alone: the one full name on the desk that ends with it, or
 * among several the one that the role, organisation and this article's
 * other people point to; a tie is AMBIGUOUS (no guess, and no surname-only
 * record either).
 */
function pickBySurname(candidates: Person[], evidence: Evidence): Person | null | typeof AMBIGUOUS {
  if (candidates.length <= 1) return candidates[0] ?? null
  const scored = candidates.map((p) => ({ p, n: namesakeEvidence({ ...evidence, name: p.name }, toKnown(p)) })).sort((a, b) => b.n - a.n)
  const [best, second] = scored
  return best && best.n > 0 && best.n > (second?.n ?? 0) ? best.p : AMBIGUOUS
}

/**
 * "John Bolton" when the desk knows "John R. Bolton" (or the reverse): the
 * same first and family names, and middle names that one side leaves out or
 * gives as initials. "George H. W. Bush" and "George W. Bush" differ; a name
 * that fits two such records is AMBIGUOUS.
 */
function middleNameVariant(withSurname: Person[], words: string[], evidence: Evidence): Person | null | typeof AMBIGUOUS {
  if (words.length < 2) return null
  const fits = withSurname.filter((p) => sameGivenNames(words, p.nameKey.split(' ')) && matchPerson({ ...evidence, name: p.name }, [toKnown(p)]) === p.id)
  if (fits.length > 1) return AMBIGUOUS
  return fits[0] ?? null
}

function sameGivenNames(a: string[], b: string[]): boolean {
  if (a[0] !== b[0] || a.at(-1) !== b.at(-1)) return false
  const [x, y] = [a.slice(1, -1), b.slice(1, -1)]
  if (x.length === 0 || y.length === 0) return true
  return x.length === y.length && x.every((w, i) => w === y[i] || (w.length === 1 && y[i]?.startsWith(w)) || (y[i]?.length === 1 && w.startsWith(y[i] ?? '')))
}

/** Person entities, plus a synthetic one for each person speaker the analyser left unlinked. */
function personEntities(analysis: Analysis): Entity[] {
  const people = analysis.entities.filter((e) => e.kind === 'person' && looksLikeName(e.name))
  const byName = new Map(people.map((e) => [e.name, e]))
  for (const quote of analysis.quotes) {
    const s = quote.speaker
    if (!s || s.kind !== 'person' || s.entityId || !looksLikeName(s.name)) continue
    let entity = byName.get(s.name)
    if (!entity) {
      entity = { id: `speaker:${s.name}`, kind: 'person', name: s.name, mentions: [], role: s.role, organisation: s.organisation }
      byName.set(s.name, entity)
      people.push(entity)
    }
    s.entityId = entity.id
  }
  return people
}

/** A proper name ("Ellen Kim"), not a description ("a fire officer", "The father") that has no person page. */
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/)
  if (words.every(isTitleWord)) return false
  // "Another former Trump adviser": a lower-case word other than a particle (de, van, bin …) makes a description.
  if (words.some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w))) return false
  // "Fourteen-year-old Zoe": an age describes the person, it is no part of a name.
  if (words.some((w) => /-(year|month|week)s?-old$/i.test(w))) return false
  return /^\p{Lu}/u.test(name) && !/^(the|a|an|his|her|their|its|our|one|some)\s/i.test(name) && !/^(I|we|you|he|she|they|it)(['’]\p{L}+)?$/iu.test(name)
}

function toKnown(p: Person): KnownPerson {
  return { id: p.id, name: p.name, aliases: p.aliases, roles: p.roles, organisations: p.organisations, coMentions: p.coMentions }
}

const addUnique = (list: string[], value: string | null, max = 50): string[] =>
  value && !list.includes(value) ? [...list, value].slice(-max) : list

/** Adds or moves `value` to the end: the last item is the latest seen (a person's current role). */
const addLatest = (list: string[], value: string | null, max = 50): string[] =>
  value ? [...list.filter((v) => v !== value), value].slice(-max) : list

/** The longest spelling seen is usually the fullest form of the name; the first wins a tie. */
function fullerName(a: string, b: string): string {
  return b.length > a.length ? b : a
}

function mergeEvidence(p: Person, e: { name: string; role: string | null; organisation: string | null; coMentions: string[] }): Person {
  let coMentions = p.coMentions
  for (const n of e.coMentions) coMentions = addUnique(coMentions, n, 100)
  return {
    ...p,
    name: fullerName(p.name, e.name),
    aliases: addUnique(p.aliases, e.name),
    roles: addLatest(p.roles, e.role),
    organisations: addLatest(p.organisations, e.organisation),
    coMentions,
  }
}

/**
 * After an article is deleted or rewritten: people it alone named are
 * deleted, and the others keep only the spellings, roles, organisations and
 * companions the remaining articles give them (an alias seen only in the
 * deleted article goes with it).
 */
export async function refreshPeople(trx: Transaction<Database>, ids: string[]): Promise<void> {
  await pruneUnreferencedPeople(trx, ids)
  for (const id of ids) {
    const person = await getPerson(trx, id)
    if (!person) continue
    const seen = await evidenceOfPerson(trx, id)
    if (seen.names.length === 0) continue
    const name = seen.names.reduce(fullerName)
    const roles = seen.roles.filter((r) => !isHonorific(r))
    await updatePerson(trx, { ...person, name, nameKey: personKey(name), aliases: seen.names, roles, organisations: seen.organisations, coMentions: seen.coMentions.slice(-100) })
  }
}
