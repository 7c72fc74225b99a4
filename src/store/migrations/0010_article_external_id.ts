import type { Kysely } from 'kysely'
import type { DialectName } from '../db.js'

/**
 * articles.collection and articles.external_id: the id a record had where it
 * came from ("doc-42" of an imported JSONL file, a WARC record id) and the
 * collection that id belongs to (the file's name, or `import --collection`).
 * Exported so quotes can be joined back to their documents, and unique
 * together so the same record imported again updates its article. Articles
 * stored before have neither (NULLs never collide).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('articles').addColumn('collection', 'text').execute()
  await db.schema.alterTable('articles').addColumn('external_id', 'text').execute()
  await db.schema.createIndex('idx_articles_external_id').unique().on('articles').columns(['collection', 'external_id']).execute()
}
