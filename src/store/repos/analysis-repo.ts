import type { Transaction } from 'kysely'
import type { Entity, Quote, Span } from '../../domain/index.js'
import { newId } from '../../lib/ids.js'
import { parseJson } from '../../lib/json.js'
import type { Database, QuotesTable } from '../schema/index.js'
import type { Db, DialectName } from '../db.js'
import type { SearchQuery } from '../../search/query.js'
import { indexArticleQuotes, matchByIndex, quoteMatches } from '../dialect.js'

/** A stored quote, with the person it was linked to across the desk. */
export interface StoredQuote {
  id: string
  articleId: string
  kind: string
  text: string
  content: Span[]
  cue: Span | null
  cueText: string | null
  speakerMention: Span | null
  speakerName: string | null
  speakerKind: string | null
  personId: string | null
  role: string | null
  organisation: string | null
  continuation: boolean
}

export interface StoredEntity {
  kind: string
  name: string
  mentions: Span[]
  role: string | null
  organisation: string | null
  personId: string | null
}

/** Replaces an article's quotes and entities. `personIds` maps entity ids to people ids. */
export async function writeAnalysis(
  trx: Transaction<Database>,
  dialect: DialectName,
  articleId: string,
  quotes: Quote[],
  entities: Entity[],
  personIds: Map<string, string>,
): Promise<void> {
  await trx.deleteFrom('quotes').where('article_id', '=', articleId).execute()
  await trx.deleteFrom('article_entities').where('article_id', '=', articleId).execute()
  const quoteRows = quotes.map((q, position) => toQuoteRow(articleId, position, q, personIds))
  for (let i = 0; i < quoteRows.length; i += 100) await trx.insertInto('quotes').values(quoteRows.slice(i, i + 100)).execute()
  await indexArticleQuotes(trx, dialect, articleId)
  const entityRows = entities.map((e, position) => ({
    article_id: articleId,
    position,
    kind: e.kind,
    name: e.name,
    mentions: JSON.stringify(e.mentions),
    role: e.role,
    organisation: e.organisation,
    person_id: personIds.get(e.id) ?? null,
  }))
  for (let i = 0; i < entityRows.length; i += 100) await trx.insertInto('article_entities').values(entityRows.slice(i, i + 100)).execute()
}

function toQuoteRow(articleId: string, position: number, q: Quote, personIds: Map<string, string>): QuotesTable {
  const entityId = q.speaker?.entityId ?? null
  return {
    id: newId(),
    article_id: articleId,
    position,
    kind: q.kind,
    text: q.text,
    content_spans: JSON.stringify(q.content),
    cue_start: q.cue?.start ?? null,
    cue_end: q.cue?.end ?? null,
    cue_text: q.cueText,
    mention_start: q.speakerMention?.start ?? null,
    mention_end: q.speakerMention?.end ?? null,
    speaker_name: q.speaker?.name ?? null,
    speaker_kind: q.speaker?.kind ?? null,
    person_id: entityId ? (personIds.get(entityId) ?? null) : null,
    role: q.speaker?.role ?? null,
    organisation: q.speaker?.organisation ?? null,
    continuation: q.continuation ? 1 : 0,
  }
}

/** Named columns: on PostgreSQL the row also holds search_vector (migration 0015), which nobody reads. */
const QUOTE_COLUMNS = [
  'quotes.id', 'quotes.article_id', 'quotes.position', 'quotes.kind', 'quotes.text', 'quotes.content_spans', 'quotes.cue_start', 'quotes.cue_end',
  'quotes.cue_text', 'quotes.mention_start', 'quotes.mention_end', 'quotes.speaker_name', 'quotes.speaker_kind', 'quotes.person_id', 'quotes.role',
  'quotes.organisation', 'quotes.continuation',
] as const

function toStoredQuote(r: QuotesTable): StoredQuote {
  const span = (s: number | null, e: number | null): Span | null => (s === null || e === null ? null : { start: s, end: e })
  return {
    id: r.id,
    articleId: r.article_id,
    kind: r.kind,
    text: r.text,
    content: parseJson<Span[]>(r.content_spans, []),
    cue: span(r.cue_start, r.cue_end),
    cueText: r.cue_text,
    speakerMention: span(r.mention_start, r.mention_end),
    speakerName: r.speaker_name,
    speakerKind: r.speaker_kind,
    personId: r.person_id,
    role: r.role,
    organisation: r.organisation,
    continuation: r.continuation === 1,
  }
}

export async function quotesOfArticle(db: Db, articleId: string): Promise<StoredQuote[]> {
  const rows = await db.selectFrom('quotes').select(QUOTE_COLUMNS).where('article_id', '=', articleId).orderBy('position').execute()
  return rows.map(toStoredQuote)
}

export async function entitiesOfArticle(db: Db, articleId: string): Promise<StoredEntity[]> {
  const rows = await db.selectFrom('article_entities').selectAll().where('article_id', '=', articleId).orderBy('position').execute()
  return rows.map((r) => ({
    kind: r.kind,
    name: r.name,
    mentions: parseJson<Span[]>(r.mentions, []),
    role: r.role,
    organisation: r.organisation,
    personId: r.person_id,
  }))
}

export interface PersonQuote extends StoredQuote {
  articleTitle: string
  articlePublishedAt: string | null
  articleCreatedAt: string
}

function toPersonQuote(r: QuotesTable & { article_title: string; article_published_at: string | null; article_created_at: string }): PersonQuote {
  return { ...toStoredQuote(r), articleTitle: r.article_title, articlePublishedAt: r.article_published_at, articleCreatedAt: r.article_created_at }
}

/**
 * A person's quotes in the articles lists show, newest article first (a
 * hidden wire copy's quotes are its story's, said once): a page of them.
 */
export async function quotesOfPerson(db: Db, personId: string, page: { limit: number; offset: number }): Promise<PersonQuote[]> {
  const rows = await shownQuotesOf(db, personId)
    .select(QUOTE_COLUMNS)
    .select(['articles.title as article_title', 'articles.published_at as article_published_at', 'articles.created_at as article_created_at'])
    .orderBy((eb) => eb.fn.coalesce('articles.published_at', 'articles.created_at'), 'desc')
    .orderBy('articles.id')
    .orderBy('quotes.position')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map(toPersonQuote)
}

/** How many quotes quotesOfPerson pages through. */
export async function countQuotesOfPerson(db: Db, personId: string): Promise<number> {
  const row = await shownQuotesOf(db, personId).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}

function shownQuotesOf(db: Db, personId: string) {
  return db
    .selectFrom('quotes')
    .innerJoin('articles', 'articles.id', 'quotes.article_id')
    .leftJoin('relate_docs', 'relate_docs.article_id', 'quotes.article_id')
    .where('quotes.person_id', '=', personId)
    .where((eb) => eb.or([eb('relate_docs.cluster_id', 'is', null), eb('relate_docs.cluster_id', '=', eb.ref('relate_docs.article_id'))]))
}

/**
 * Quotes matching a parsed search query word for word (dialect.ts
 * `quoteMatches`), through the quote search index; newest article first, then
 * in story order. On SQLite the candidates are the `limit` × 10 matches
 * indexed last, which are the newest unless many old articles were stored
 * again since. On PostgreSQL sequential scans are priced out (matchByIndex):
 * the planner would otherwise hash all articles to join a few thousand matches.
 */
export async function quotesMatchingQuery(db: Db, dialect: DialectName, query: SearchQuery, limit: number): Promise<PersonQuote[]> {
  if (dialect === 'postgres') return matchByIndex(db, (trx) => readMatchingQuotes(trx, dialect, query, limit))
  return readMatchingQuotes(db, dialect, query, limit)
}

async function readMatchingQuotes(db: Db, dialect: DialectName, query: SearchQuery, limit: number): Promise<PersonQuote[]> {
  const rows = await db
    .selectFrom('quotes')
    .innerJoin('articles', 'articles.id', 'quotes.article_id')
    .select(QUOTE_COLUMNS)
    .select(['articles.title as article_title', 'articles.published_at as article_published_at', 'articles.created_at as article_created_at'])
    .where(quoteMatches(dialect, query, limit * 10))
    .orderBy('articles.created_at', 'desc')
    .orderBy('quotes.article_id', 'desc')
    .orderBy('quotes.position')
    .limit(limit)
    .execute()
  return rows.map(toPersonQuote)
}
