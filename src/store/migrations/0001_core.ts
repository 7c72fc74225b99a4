import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/** Articles with their blocks, quotes, entities and people; replies; accounts. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('dek', 'text')
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('outlet', 'text')
    .addColumn('lang', 'text')
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_articles_canonical_url').unique().on('articles').column('canonical_url').execute()
  await db.schema.createIndex('idx_articles_content_hash').unique().on('articles').column('content_hash').execute()
  await db.schema.createIndex('idx_articles_created_at').on('articles').columns(['created_at', 'id']).execute()

  await db.schema
    .createTable('article_blocks')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('level', 'integer')
    .addColumn('items', 'text')
    .addColumn('image_url', 'text')
    .addColumn('credit', 'text')
    .addPrimaryKeyConstraint('pk_article_blocks', ['article_id', 'position'])
    .execute()

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('organisations', 'text', (c) => c.notNull())
    .addColumn('co_mentions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_people_name_key').on('people').column('name_key').execute()

  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content_spans', 'text', (c) => c.notNull())
    .addColumn('cue_start', 'integer')
    .addColumn('cue_end', 'integer')
    .addColumn('mention_start', 'integer')
    .addColumn('mention_end', 'integer')
    .addColumn('speaker_name', 'text')
    .addColumn('speaker_kind', 'text')
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text')
    .addColumn('organisation', 'text')
    .addColumn('continuation', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_quotes_article_id').on('quotes').column('article_id').execute()
  await db.schema.createIndex('idx_quotes_person_id').on('quotes').column('person_id').execute()

  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('organisation', 'text')
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addPrimaryKeyConstraint('pk_article_entities', ['article_id', 'position'])
    .execute()
  await db.schema.createIndex('idx_article_entities_person_id').on('article_entities').column('person_id').execute()
  await db.schema.createIndex('idx_article_entities_name').on('article_entities').column('name').execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_sessions_user_id').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_api_tokens_user_id').on('api_tokens').column('user_id').execute()

  await db.schema
    .createTable('replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('replies.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('idx_replies_article_id').on('replies').columns(['article_id', 'created_at']).execute()
  await db.schema.createIndex('idx_replies_parent_id').on('replies').column('parent_id').execute()

  await createArticleSearch(db, dialect)
}

/** Full-text search: FTS5 on SQLite, a tsvector expression index on PostgreSQL. */
async function createArticleSearch(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body_text, tokenize = 'porter unicode61')`.execute(db)
  } else {
    await sql`CREATE INDEX idx_articles_search ON articles USING gin (to_tsvector('english', title || ' ' || body_text))`.execute(db)
  }
}
