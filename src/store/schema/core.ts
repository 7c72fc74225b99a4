import type { Generated } from 'kysely'

/**
 * Core tables. Portable types only: text ids, ISO timestamps as text,
 * JSON as text, booleans as 0/1 integers.
 */
export interface ArticlesTable {
  id: string
  url: string | null
  canonical_url: string | null
  content_hash: string
  title: string
  dek: string | null
  authors: string
  published_at: string | null
  updated_at: string | null
  outlet: string | null
  lang: string | null
  /** The analysis text (title, dek, blocks) that every offset points into. */
  body_text: string
  word_count: number
  /** How it first came in: paste, upload, url, import, feed, feed-content. */
  source: string
  /** Where an imported record's id belongs: the file's name or `import --collection` (migration 0010). */
  collection: string | null
  /** The record's own id in its collection ("doc-42", a WARC record id); unique with collection. */
  external_id: string | null
  created_at: string
  modified_at: string
}

export interface ArticleBlocksTable {
  article_id: string
  position: number
  kind: string
  text: string
  level: number | null
  items: string | null
  image_url: string | null
  credit: string | null
}

export interface QuotesTable {
  id: string
  article_id: string
  position: number
  kind: string
  text: string
  /** JSON [{start,end}] into articles.body_text. */
  content_spans: string
  cue_start: number | null
  cue_end: number | null
  /** The cue as written (migration 0006; null on quotes stored before it with no cue). */
  cue_text: string | null
  mention_start: number | null
  mention_end: number | null
  speaker_name: string | null
  speaker_kind: string | null
  person_id: string | null
  role: string | null
  organisation: string | null
  continuation: number
}

export interface PeopleTable {
  id: string
  name: string
  /** personKey(name): the spelling-insensitive key of the canonical name. */
  name_key: string
  /** The last word of a name key of two words or more ("chan" for "jeremy chan"); null for one word. Indexed. */
  family_key: string | null
  aliases: string
  roles: string
  organisations: string
  co_mentions: string
  created_at: string
}

export interface ArticleEntitiesTable {
  article_id: string
  position: number
  kind: string
  name: string
  mentions: string
  role: string | null
  organisation: string | null
  person_id: string | null
}

export interface RepliesTable {
  id: string
  article_id: string
  parent_id: string | null
  user_id: string | null
  author_name: string
  body: string
  /** visible | hidden (by a moderator) | deleted (by its author: no words left) */
  status: string
  created_at: string
  /** When the author last changed the words; null when never. */
  edited_at: string | null
}

export interface UsersTable {
  id: string
  username: string
  display_name: string
  password_hash: string
  /** admin | editor | reader */
  role: string
  created_at: string
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string
  user_id: string
  expires_at: string
  created_at: string
}

export interface ApiTokensTable {
  /** SHA-256 of the token; the token is shown once, when created. */
  id: string
  user_id: string
  label: string
  created_at: string
}

export interface MigrationsTable {
  id: number
  name: string
  applied_at: string
}

export interface CoreTables {
  articles: ArticlesTable
  article_blocks: ArticleBlocksTable
  quotes: QuotesTable
  people: PeopleTable
  article_entities: ArticleEntitiesTable
  replies: RepliesTable
  users: UsersTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  newsdesk_migrations: MigrationsTable
}

export type { Generated }
