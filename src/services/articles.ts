import type { Transaction } from 'kysely'
import { analyseArticle } from '../analyse/index.js'
import type { RawInput } from '../ingest/import-source.js'
import { articleText, fail, ok, wordCount, type Analysis, type Article, type Result } from '../domain/index.js'
import { extractDocument, isErrorPage } from '../extract/index.js'
import { newId, sha256 } from '../lib/ids.js'
import { indexArticleRelations, removeArticleRelations } from '../search/similar.js'
import { indexArticleText, isUniqueViolation, lockForWrite, unindexArticleText } from '../store/dialect.js'
import { writeAnalysis } from '../store/repos/analysis-repo.js'
import { peopleOfArticle } from '../store/repos/people-repo.js'
import { deleteArticle as deleteArticleRow, articleExists, fileUnderRecord, getArticle, writeArticle, type ExternalRef } from '../store/repos/article-repo.js'
import type { Db } from '../store/db.js'
import type { ArticlesTable, Database } from '../store/schema/index.js'
import type { ServiceDeps } from './deps.js'
import { chooseCanonicalUrl, httpUrl, resolveIdentity, type Identity } from './identity.js'
import { mergeWithStored, sameAsStored, type ArticleVersion } from './merge.js'
import { refreshPeople, resolvePeople } from './people.js'

/** Longest article text stored: ten times a long-read, small enough to analyse in about a second. */
export const MAX_ARTICLE_CHARS = 500_000

/** One document to add: pasted, uploaded, fetched, imported or from a feed (a RawInput with where it came from). */
export interface AddArticleInput extends RawInput {
  /** paste | upload | url | import | feed | feed-content | api */
  source: string
  /**
   * The stored article this document is a new version of (a feed entry tried
   * again or changed): updated in place unless the document is already
   * stored under another id (same text or first-hand URL), which is then updated.
   */
  replaceId?: string | null
  /** Where the input's externalId belongs (an import's file name or --collection); without it the id is not kept. */
  collection?: string | null
}

export interface AddedArticle {
  id: string
  /** false when the same article (canonical URL or text) was already stored and was updated. */
  created: boolean
  /** true when an import found it already stored and left it as it was. */
  skipped?: boolean
  /** true when it was already stored exactly so: written again (and analysed again), nothing of it changed. */
  unchanged?: boolean
  title: string
  quoteCount: number
  speakers: string[]
}

/**
 * Extracts, analyses and stores one article in one transaction. Adding the
 * same article twice (same canonical URL or same text) updates it.
 */
export async function addArticle(
  deps: ServiceDeps,
  input: AddArticleInput,
  options: { skipExisting?: boolean } = {},
): Promise<Result<AddedArticle>> {
  const prepared = prepareArticle(input)
  if (!prepared.ok) return prepared
  const article = prepared.value
  if (options.skipExisting) {
    const stored = await storedAlready(deps.store.db, input, article)
    if (stored) return ok(stored)
  }
  return storeArticle(deps, { input, article, analysis: analyseArticle(article) }, options)
}

/** An article extracted and analysed, ready to write: the work done before any transaction. */
export interface ReadyArticle {
  input: AddArticleInput
  article: Article
  analysis: Analysis
}

/** The input as an article (extracted, completed from the input's details), or why it cannot be one. */
export function prepareArticle(input: AddArticleInput): Result<Article> {
  if (input.url && !httpUrl(input.url)) return fail('bad_url', 'the address must be an http(s) URL')
  const extracted = extractDocument({ body: withTitle(input), contentType: input.contentType, url: input.url, fileName: input.fileName })
  if (!extracted.ok) return extracted
  const article = completeArticle(extracted.value, input)
  if (article.blocks.length === 0 && !article.dek) return fail('no_content', 'the document has a title but no article text')
  if (isErrorPage(article)) return fail('error_page', `the page is an error page (“${article.title.slice(0, 80)}”), not an article: nothing was stored`)
  const length = articleText(article).length
  if (length > MAX_ARTICLE_CHARS) {
    return fail('too_large', `the article text is ${characterCount(length)}; newsdesk takes articles of up to ${characterCount(MAX_ARTICLE_CHARS)} (a book or a log file is not an article)`)
  }
  return ok(article)
}

/**
 * The stored article an import leaves as it is (found by its text or address,
 * or the same record with the same text), or null when it is to be written.
 * Asked before analysing (a re-run skips the stored part cheaply) and again
 * inside the write, where earlier articles of the same batch are visible.
 */
export async function storedAlready(db: Db, input: AddArticleInput, article: Article, known?: Identity): Promise<AddedArticle | null> {
  const external = externalRef(input)
  const identity = known ?? (await resolveIdentity(db, input.source, article.canonicalUrl, contentHash(article), external))
  // A record found by its external id is skipped only when its text is unchanged: a corrected record updates it.
  if (identity.existingId === null || (identity.sameRecord && !identity.unchanged)) return null
  // Found by its text or address (stored before it had an id, or pasted first): it takes the record's id, so a later correction finds it.
  if (external && !identity.sameRecord) await fileUnderRecord(db, identity.existingId, external)
  return { id: identity.existingId, created: false, skipped: true, title: article.title, quoteCount: 0, speakers: [] }
}

/** Writes a ready article in a transaction of its own; two writers adding the same article at once: the loser retries and finds the winner's row. */
export async function storeArticle(deps: ServiceDeps, ready: ReadyArticle, options: { skipExisting?: boolean } = {}): Promise<Result<AddedArticle>> {
  const write = () => deps.store.db.transaction().execute((trx) => writeReadyArticle(trx, deps, ready, options))
  try {
    return await write()
  } catch (err) {
    if (isUniqueViolation(err)) return write()
    throw err
  }
}

/** The input's own id with the collection it belongs to, when it has both. */
function externalRef(input: AddArticleInput): ExternalRef | null {
  const id = input.externalId?.trim()
  const collection = input.collection?.trim()
  return id && collection ? { collection, id } : null
}

/** A length as people say it: "612 thousand characters", "1.2 million characters". */
export function characterCount(n: number): string {
  if (n < 1000) return `${n} characters`
  if (n < 999_500) return `${Math.round(n / 1000)} thousand characters`
  const millions = n / 1_000_000
  return `${millions < 9.95 ? millions.toFixed(1).replace(/\.0$/, '') : Math.round(millions)} million characters`
}

/** A JSONL or feed item gives its title apart from its text: put it first, as a plain-text article has it. */
function withTitle(input: AddArticleInput): string | Uint8Array {
  const title = input.title?.trim()
  if (!title || typeof input.body !== 'string' || looksLikeHtml(input)) return input.body
  const text = input.body.trimStart()
  return text.startsWith(title) ? text : `${title}\n\n${text}`
}

function looksLikeHtml(input: AddArticleInput): boolean {
  if (input.contentType?.includes('html')) return true
  return typeof input.body === 'string' && /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(input.body)
}

function completeArticle(article: Article, input: AddArticleInput): Article {
  return {
    ...article,
    title: article.title || input.title?.trim() || 'Untitled',
    publishedAt: article.publishedAt ?? normaliseDate(input.publishedAt),
    canonicalUrl: chooseCanonicalUrl(article, input.url),
  }
}

function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null
  const t = Date.parse(value)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** Same text, whatever its spacing or case: the identity of an article without a URL. */
export function contentHash(article: Article): string {
  return sha256(articleText(article).toLowerCase().replace(/\s+/g, ' ').trim())
}

/**
 * Writes a ready article inside the caller's transaction (its own, or an
 * import batch's): the identity is decided here, under the write lock.
 */
export async function writeReadyArticle(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  { input, article: incoming, analysis: incomingAnalysis }: ReadyArticle,
  options: { skipExisting?: boolean } = {},
): Promise<Result<AddedArticle>> {
  const { store } = deps
  const now = deps.now().toISOString()
  await lockForWrite(trx, store.dialect, 'articles')
  const external = externalRef(input)
  const found = await resolveIdentity(trx, input.source, incoming.canonicalUrl, contentHash(incoming), external)
  if (found.conflictId) {
    return fail('duplicate_text', `record ${external?.id ?? ''} of ${external?.collection ?? ''} now has the text of another article (${found.conflictId}): not updated`)
  }
  const stored = options.skipExisting ? await storedAlready(trx, input, incoming, found) : null
  if (stored) return ok(stored)
  // A feed entry tried again or changed is a new version of its article (its link and date replace the stored ones),
  // unless its document is stored under another id.
  const entryArticle = found.existingId ? null : await stillStored(trx, input.replaceId)
  const identity = entryArticle ? { ...found, existingId: entryArticle, sameRecord: true } : found
  const existing = identity.existingId
  const id = existing ?? newId()
  const merged = await withStored(trx, identity, { ...incoming, canonicalUrl: identity.canonicalUrl }, { url: input.url ?? null, external, source: input.source })
  const { article } = merged
  // A detail kept from the stored copy (dek, outlet) changes what the analysis reads.
  const analysis = sameAnalysisInput(article, incoming) ? incomingAnalysis : analyseArticle(article)
  const row = toArticleRow(id, merged, now)
  if (existing) await removeArticleRelations(trx, store.dialect, id)
  const before = existing ? await peopleOfArticle(trx, id) : []
  await writeArticle(trx, row, article.blocks, existing !== null)
  await indexArticleText(trx, store.dialect, id, article.title, row.body_text)
  const personIds = await resolvePeople(trx, analysis, now)
  await writeAnalysis(trx, store.dialect, id, analysis.quotes, analysis.entities, personIds)
  // The article's earlier version may have named people this one does not, or spelt them otherwise.
  if (before.length > 0) await refreshPeople(trx, before)
  await indexArticleRelations(trx, store.dialect, { id, article, analysis, url: merged.url, publishedAt: article.publishedAt })
  return ok({ ...summarise(id, existing === null, article, analysis), ...(merged.unchanged ? { unchanged: true } : {}) })
}

/** The article to replace, when it has not been deleted meanwhile. */
async function stillStored(trx: Transaction<Database>, id: string | null | undefined): Promise<string | null> {
  if (!id) return null
  return (await articleExists(trx, id)) ? id : null
}

/** The version to write; its source is how the article first came in (a feed's summary standing in for its page takes the source of the page that replaces it). */
interface Merged extends ArticleVersion {
  /** The stored article is already exactly this version. */
  unchanged: boolean
}

/**
 * The incoming article completed from the stored copy it updates (a copy
 * lacking a detail keeps the stored one). A copy keeps the stored external id;
 * a new version of the same record replaces the stored details it has.
 */
async function withStored(
  trx: Transaction<Database>,
  identity: Identity,
  incoming: Article,
  given: { url: string | null; external: ExternalRef | null; source: string },
): Promise<Merged> {
  const stored = identity.existingId ? await getArticle(trx, identity.existingId) : null
  if (!stored) return { article: incoming, url: given.url, external: given.external, source: given.source, unchanged: false }
  const storedRef = stored.collection && stored.externalId ? { collection: stored.collection, id: stored.externalId } : null
  const source = stored.source === 'feed-content' && given.source !== 'feed-content' ? given.source : stored.source
  const version = { ...mergeWithStored(stored, incoming, given.url, { sameRecord: identity.sameRecord }), external: storedRef ?? given.external, source }
  return { ...version, unchanged: sameAsStored(stored, version) }
}

function sameAnalysisInput(a: Article, b: Article): boolean {
  return a.outlet === b.outlet && articleText(a) === articleText(b)
}

function toArticleRow(id: string, { article, url, external, source }: Merged, now: string): ArticlesTable {
  return {
    id,
    url,
    canonical_url: article.canonicalUrl,
    content_hash: contentHash(article),
    title: article.title,
    dek: article.dek,
    authors: JSON.stringify(article.authors),
    published_at: article.publishedAt,
    updated_at: article.updatedAt,
    outlet: article.outlet,
    lang: article.lang,
    body_text: articleText(article),
    word_count: wordCount(article),
    source,
    collection: external?.collection ?? null,
    external_id: external?.id ?? null,
    created_at: now,
    modified_at: now,
  }
}

function summarise(id: string, created: boolean, article: Article, analysis: Analysis): AddedArticle {
  const speakers = [...new Set(analysis.quotes.map((q) => q.speaker?.name).filter((n): n is string => Boolean(n)))]
  return { id, created, title: article.title, quoteCount: analysis.quotes.length, speakers }
}

/** Deletes an article with its blocks, quotes, replies and relations; people left with nothing go too. */
export async function deleteArticle(deps: ServiceDeps, id: string): Promise<boolean> {
  const { store } = deps
  return store.db.transaction().execute(async (trx: Transaction<Database>) => {
    const people = await peopleOfArticle(trx, id)
    await removeArticleRelations(trx, store.dialect, id)
    await unindexArticleText(trx, store.dialect, id)
    // Unlink reply threads first so the delete never cascades reply by reply down a long chain.
    await trx.updateTable('replies').set({ parent_id: null }).where('article_id', '=', id).execute()
    await trx.deleteFrom('replies').where('article_id', '=', id).execute()
    const deleted = await deleteArticleRow(trx, id)
    await refreshPeople(trx, people)
    return deleted
  })
}

/** Fetches a page through the safe fetcher and adds it. */
export async function addArticleFromUrl(deps: ServiceDeps, url: string, source = 'url'): Promise<Result<AddedArticle>> {
  if (!deps.fetchUrl) return fail('fetch_unavailable', 'fetching web pages is not configured on this desk')
  const page = await deps.fetchUrl(url)
  if (!page.ok) return page
  return addArticle(deps, { body: page.value.body, contentType: page.value.contentType, url: page.value.url, source })
}
