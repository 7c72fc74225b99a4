import type { Transaction } from 'kysely'
import { parseJson } from '../../lib/json.js'
import type { Database, PeopleTable } from '../schema/index.js'
import type { Db } from '../db.js'

/** One real person across the desk, with every spelling, role and organisation seen. */
export interface Person {
  id: string
  name: string
  nameKey: string
  aliases: string[]
  roles: string[]
  organisations: string[]
  coMentions: string[]
  createdAt: string
}

function toPerson(r: PeopleTable): Person {
  return {
    id: r.id,
    name: r.name,
    nameKey: r.name_key,
    aliases: parseJson<string[]>(r.aliases, []),
    roles: parseJson<string[]>(r.roles, []),
    organisations: parseJson<string[]>(r.organisations, []),
    coMentions: parseJson<string[]>(r.co_mentions, []),
    createdAt: r.created_at,
  }
}

/** The family name of a full name's key ("jeremy chan" → "chan"); null for a name of one word. */
export function familyKeyOf(nameKey: string): string | null {
  const words = nameKey.split(' ')
  return words.length > 1 ? (words[words.length - 1] ?? null) : null
}

function toRow(p: Person): PeopleTable {
  return {
    id: p.id,
    name: p.name,
    name_key: p.nameKey,
    family_key: familyKeyOf(p.nameKey),
    aliases: JSON.stringify(p.aliases),
    roles: JSON.stringify(p.roles),
    organisations: JSON.stringify(p.organisations),
    co_mentions: JSON.stringify(p.coMentions),
    created_at: p.createdAt,
  }
}

/** People whose name key is one of `keys` (the candidates for one new mention). */
export async function peopleByKeys(db: Db, keys: string[]): Promise<Person[]> {
  if (keys.length === 0) return []
  const rows = await db.selectFrom('people').selectAll().where('name_key', 'in', keys).execute()
  return rows.map(toPerson)
}

export async function getPerson(db: Db, id: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toPerson(row) : null
}

export async function insertPerson(trx: Transaction<Database>, p: Person): Promise<void> {
  await trx.insertInto('people').values(toRow(p)).execute()
}

export async function updatePerson(trx: Transaction<Database>, p: Person): Promise<void> {
  const { id, created_at: _c, ...rest } = toRow(p)
  await trx.updateTable('people').set(rest).where('id', '=', id).execute()
}

export interface PersonSummary {
  id: string
  name: string
  /** The latest role and organisation seen, to tell namesakes apart in a list. */
  role: string | null
  organisation: string | null
  quoteCount: number
}

/** Which people a list shows: a page of them, and (optionally) only names containing `nameKey` (personKey form). */
export interface PeopleListing {
  limit: number
  offset?: number
  nameKey?: string
}

/**
 * People with the most quotes across the desk. A quote in a copy of a story
 * (a wire copy shown as "Also published as") is counted once, as the
 * person's page shows it. Without a name only quoted people are listed; a
 * name also finds the people the desk names but never quotes.
 */
export async function listQuotedPeople(db: Db, listing: PeopleListing): Promise<PersonSummary[]> {
  let query = db
    .selectFrom('people')
    // A quote counts unless its article is a hidden copy of another (a wire copy shown as "Also published as").
    .leftJoin('quotes', (join) =>
      join
        .onRef('quotes.person_id', '=', 'people.id')
        .on((eb) =>
          eb.not(eb.exists(eb.selectFrom('relate_docs').select('relate_docs.article_id').whereRef('relate_docs.article_id', '=', 'quotes.article_id').whereRef('relate_docs.cluster_id', '!=', 'relate_docs.article_id'))),
        ),
    )
    .select(['people.id', 'people.name', 'people.roles', 'people.organisations'])
    .select((eb) => eb.fn.count<string | number>('quotes.id').as('n'))
    .groupBy(['people.id', 'people.name', 'people.roles', 'people.organisations'])
  if (listing.nameKey) query = query.where('people.name_key', 'like', `%${listing.nameKey}%`)
  else query = query.having((eb) => eb.fn.count('quotes.id'), '>', 0)
  const rows = await query.orderBy('n', 'desc').orderBy('people.name').orderBy('people.id').limit(listing.limit).offset(listing.offset ?? 0).execute()
  const latest = (json: string): string | null => parseJson<string[]>(json, []).at(-1) ?? null
  return rows.map((r) => ({ id: r.id, name: r.name, role: latest(r.roles), organisation: latest(r.organisations), quoteCount: Number(r.n) }))
}

/** Ids of the people quoted or named in one article. */
export async function peopleOfArticle(db: Db, articleId: string): Promise<string[]> {
  const quoted = await db.selectFrom('quotes').select('person_id').where('article_id', '=', articleId).where('person_id', 'is not', null).execute()
  const named = await db.selectFrom('article_entities').select('person_id').where('article_id', '=', articleId).where('person_id', 'is not', null).execute()
  return [...new Set([...quoted, ...named].map((r) => r.person_id).filter((id): id is string => id !== null))]
}

/** Deletes those of `ids` that no quote or entity refers to any more. */
export async function pruneUnreferencedPeople(trx: Transaction<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await trx
    .deleteFrom('people')
    .where('id', 'in', ids)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('quotes').select('quotes.id').whereRef('quotes.person_id', '=', 'people.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('article_entities').select('article_entities.article_id').whereRef('article_entities.person_id', '=', 'people.id'))))
    .execute()
}

/** People whose full name ends with this family name (key form), e.g. "trump" → Donald Trump. */
export async function peopleBySurname(db: Db, surnameKey: string, limit = 50): Promise<Person[]> {
  const rows = await db.selectFrom('people').selectAll().where('family_key', '=', surnameKey).limit(limit).execute()
  return rows.map(toPerson)
}

/** For each article, the person record behind each person it names (lower-cased name → person id). */
export async function personIdsByName(db: Db, articleIds: string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>()
  if (articleIds.length === 0) return out
  const rows = await db
    .selectFrom('article_entities')
    .select(['article_id', 'name', 'person_id'])
    .where('article_id', 'in', articleIds)
    .where('person_id', 'is not', null)
    .execute()
  for (const r of rows) {
    if (!r.person_id) continue
    const names = out.get(r.article_id) ?? new Map<string, string>()
    names.set(r.name.toLowerCase(), r.person_id)
    out.set(r.article_id, names)
  }
  return out
}

const EVIDENCE_ROWS = 2000

/** What the stored articles still say about a person: the names written, roles, organisations, and the people named beside them. */
export async function evidenceOfPerson(db: Db, personId: string): Promise<{ names: string[]; roles: string[]; organisations: string[]; coMentions: string[] }> {
  // Bounded: a person named in tens of thousands of articles is refreshed from their latest EVIDENCE_ROWS mentions.
  const named = await db
    .selectFrom('article_entities')
    .select(['article_id', 'name', 'role', 'organisation'])
    .where('person_id', '=', personId)
    .orderBy('article_id', 'desc')
    .limit(EVIDENCE_ROWS)
    .execute()
  const quoted = await db
    .selectFrom('quotes')
    .select(['article_id', 'speaker_name as name', 'role', 'organisation'])
    .where('person_id', '=', personId)
    .orderBy('article_id', 'desc')
    .limit(EVIDENCE_ROWS)
    .execute()
  const articles = [...new Set(named.map((r) => r.article_id))].slice(0, 200)
  const beside = articles.length
    ? await db
        .selectFrom('article_entities')
        .select('name')
        .where('article_id', 'in', articles)
        .where('kind', '=', 'person')
        .where((eb) => eb.or([eb('person_id', 'is', null), eb('person_id', '!=', personId)]))
        .limit(EVIDENCE_ROWS)
        .execute()
    : []
  const distinct = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => !!v))]
  // Newest article first (ids sort by time), so each role stands where it was last seen; reversed, the latest is last.
  const seen = [...named, ...quoted].sort((a, b) => (a.article_id < b.article_id ? 1 : a.article_id > b.article_id ? -1 : 0))
  return {
    names: distinct(seen.map((r) => r.name)),
    roles: distinct(seen.map((r) => r.role)).reverse(),
    organisations: distinct(seen.map((r) => r.organisation)).reverse(),
    coMentions: distinct(beside.map((r) => r.name)),
  }
}
