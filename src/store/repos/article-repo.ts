import type { Transaction } from 'kysely'
import type { Article, Block } from '../../domain/index.js'
import { parseJson } from '../../lib/json.js'
import type { ArticleBlocksTable, ArticlesTable, Database } from '../schema/index.js'
import type { Db } from '../db.js'

/** An article as stored, with its identity and bookkeeping. */
export interface StoredArticle {
  id: string
  url: string | null
  contentHash: string
  article: Article
  bodyText: string
  wordCount: number
  source: string
  createdAt: string
  modifiedAt: string
  /** An imported record's own id and the collection it belongs to (null for anything else). */
  collection: string | null
  externalId: string | null
}

export interface ArticleSummary {
  id: string
  title: string
  dek: string | null
  outlet: string | null
  publishedAt: string | null
  createdAt: string
  wordCount: number
}

/** An imported record's id together with the collection it belongs to. */
export interface ExternalRef {
  collection: string
  id: string
}

/** Files an article that has no record id yet under `ref` (no other article holds it: the caller looked it up). */
export async function fileUnderRecord(db: Db, articleId: string, ref: ExternalRef): Promise<void> {
  await db.updateTable('articles').set({ collection: ref.collection, external_id: ref.id }).where('id', '=', articleId).where('external_id', 'is', null).execute()
}

export interface Matches {
  byHash: string | null
  byUrl: string | null
  /** The article filed under the same external id, with its text's hash. */
  byExternal: { id: string; contentHash: string } | null
}

/** The stored articles with the same text, with the same canonical URL and with the same external id (or null for none). */
export async function articlesMatching(db: Db, canonicalUrl: string | null, contentHash: string, external: ExternalRef | null = null): Promise<Matches> {
  const byHash = await db.selectFrom('articles').select('id').where('content_hash', '=', contentHash).executeTakeFirst()
  const byUrl = canonicalUrl ? await db.selectFrom('articles').select('id').where('canonical_url', '=', canonicalUrl).executeTakeFirst() : undefined
  const byExternal = external
    ? await db
        .selectFrom('articles')
        .select(['id', 'content_hash'])
        .where('collection', '=', external.collection)
        .where('external_id', '=', external.id)
        .executeTakeFirst()
    : undefined
  return { byHash: byHash?.id ?? null, byUrl: byUrl?.id ?? null, byExternal: byExternal ? { id: byExternal.id, contentHash: byExternal.content_hash } : null }
}

/**
 * Inserts or replaces the article row and its blocks. A replaced row keeps
 * when it first came in (created_at), and its address when the new row has
 * none (pasted text); its source is the merge's (services/articles.ts).
 */
export async function writeArticle(trx: Transaction<Database>, row: ArticlesTable, blocks: Block[], replace: boolean): Promise<void> {
  if (replace) {
    const { id, created_at: _created, url, canonical_url, ...rest } = row
    const addresses = { ...(url ? { url } : {}), ...(canonical_url ? { canonical_url } : {}) }
    await trx.updateTable('articles').set({ ...rest, ...addresses }).where('id', '=', id).execute()
    await trx.deleteFrom('article_blocks').where('article_id', '=', id).execute()
  } else {
    await trx.insertInto('articles').values(row).execute()
  }
  if (blocks.length > 0) {
    const rows = blocks.map((b, position) => toBlockRow(row.id, position, b))
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('article_blocks').values(rows.slice(i, i + 200)).execute()
  }
}

function toBlockRow(articleId: string, position: number, b: Block): ArticleBlocksTable {
  return {
    article_id: articleId,
    position,
    kind: b.kind,
    text: b.text,
    level: b.level ?? null,
    items: b.items ? JSON.stringify(b.items) : null,
    image_url: b.imageUrl ?? null,
    credit: b.credit ?? null,
  }
}

function toBlock(r: ArticleBlocksTable): Block {
  const block: Block = { kind: r.kind as Block['kind'], text: r.text }
  if (r.level !== null) block.level = r.level
  if (r.items !== null) block.items = parseJson<string[]>(r.items, [])
  if (r.image_url !== null) block.imageUrl = r.image_url
  if (r.credit !== null) block.credit = r.credit
  return block
}

export async function articleExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

export async function getArticle(db: Db, id: string): Promise<StoredArticle | null> {
  // Named columns: on PostgreSQL the row also holds search_vector (migration 0009), which nobody reads.
  const row = await db
    .selectFrom('articles')
    .select(['id', 'url', 'canonical_url', 'content_hash', 'title', 'dek', 'authors', 'published_at', 'updated_at', 'outlet', 'lang', 'body_text', 'word_count', 'source', 'collection', 'external_id', 'created_at', 'modified_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const blocks = await db.selectFrom('article_blocks').selectAll().where('article_id', '=', id).orderBy('position').execute()
  return {
    id: row.id,
    url: row.url,
    contentHash: row.content_hash,
    bodyText: row.body_text,
    wordCount: row.word_count,
    source: row.source,
    collection: row.collection,
    externalId: row.external_id,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    article: {
      title: row.title,
      dek: row.dek,
      authors: parseJson<string[]>(row.authors, []),
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      outlet: row.outlet,
      canonicalUrl: row.canonical_url,
      lang: row.lang,
      blocks: blocks.map(toBlock),
    },
  }
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listArticles(db: Db, options: { limit: number; before?: { createdAt: string; id: string } | null; ids?: string[] }): Promise<ArticleSummary[]> {
  let q = db
    .selectFrom('articles')
    .select(['id', 'title', 'dek', 'outlet', 'published_at', 'created_at', 'word_count'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
  const before = options.before
  if (before) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', before.createdAt), eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)])]),
    )
  }
  if (options.ids) {
    if (options.ids.length === 0) return []
    q = q.where('id', 'in', options.ids)
  }
  const rows = await q.execute()
  return rows.map(toSummary)
}

export function toSummary(r: Pick<ArticlesTable, 'id' | 'title' | 'dek' | 'outlet' | 'published_at' | 'created_at' | 'word_count'>): ArticleSummary {
  return { id: r.id, title: r.title, dek: r.dek, outlet: r.outlet, publishedAt: r.published_at, createdAt: r.created_at, wordCount: r.word_count }
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function deleteArticle(trx: Transaction<Database>, id: string): Promise<boolean> {
  const result = await trx.deleteFrom('articles').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
