import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * Similar Posts and near-duplicate tables. Postings and bands carry no
 * foreign key on purpose: a cascade would need an index on article_id in
 * the two largest tables; removeArticleRelations deletes them by primary key
 * instead, and every lookup joins relate_docs (which does cascade).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // SQLite: the big key-only tables are clustered on their key (half the size, one b-tree per lookup).
  const clustered = dialect === 'sqlite' ? sql`without rowid` : sql``
  await db.schema
    .createTable('relate_docs')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('url_key', 'text')
    .addColumn('day', 'integer')
    .addColumn('features', 'text', (c) => c.notNull())
    .addColumn('minhash', 'text', (c) => c.notNull())
    .addColumn('cluster_id', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_relate_docs_url_key').on('relate_docs').column('url_key').execute()
  await db.schema.createIndex('idx_relate_docs_cluster_id').on('relate_docs').column('cluster_id').execute()

  // Keyed by weight within a term, so "the N articles where this term weighs most" is one range read.
  await db.schema
    .createTable('relate_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_relate_terms', ['term', 'weight', 'article_id'])
    .modifyEnd(clustered)
    .execute()

  await db.schema
    .createTable('relate_df')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .modifyEnd(clustered)
    .execute()

  await db.schema
    .createTable('relate_bands')
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_relate_bands', ['band', 'article_id'])
    .modifyEnd(clustered)
    .execute()

  await db.schema
    .createTable('relate_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute()
}
