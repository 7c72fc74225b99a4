import type { Updateable } from 'kysely'
import type { RepliesTable } from '../schema/index.js'
import type { Db, DialectName } from '../db.js'

export interface Reply {
  id: string
  articleId: string
  parentId: string | null
  userId: string | null
  authorName: string
  body: string
  status: ReplyStatus
  createdAt: string
  editedAt: string | null
}

/** A moderator hides a reply (its words kept for moderators); its author deletes it (its words gone). */
export type ReplyStatus = 'visible' | 'hidden' | 'deleted'

function toReply(r: RepliesTable): Reply {
  return {
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    userId: r.user_id,
    authorName: r.author_name,
    body: r.body,
    status: r.status === 'hidden' || r.status === 'deleted' ? r.status : 'visible',
    createdAt: r.created_at,
    editedAt: r.edited_at,
  }
}

export async function insertReply(db: Db, reply: Reply): Promise<void> {
  await db
    .insertInto('replies')
    .values({
      id: reply.id,
      article_id: reply.articleId,
      parent_id: reply.parentId,
      user_id: reply.userId,
      author_name: reply.authorName,
      body: reply.body,
      status: reply.status,
      created_at: reply.createdAt,
      edited_at: reply.editedAt,
    })
    .execute()
}

export async function getReply(db: Db, id: string): Promise<Reply | null> {
  const row = await db.selectFrom('replies').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toReply(row) : null
}

/** All replies of an article, oldest first. */
export async function repliesOfArticle(db: Db, articleId: string): Promise<Reply[]> {
  const rows = await db.selectFrom('replies').selectAll().where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute()
  return rows.map(toReply)
}

/** A moderator hides or shows a reply; false when there is none to change (gone, or deleted by its author meanwhile). */
export function setReplyStatus(db: Db, id: string, status: 'visible' | 'hidden'): Promise<boolean> {
  return changeUndeleted(db, id, { status })
}

/** The author's new words for a reply; false when it was deleted meanwhile. */
export function setReplyBody(db: Db, id: string, body: string, editedAt: string): Promise<boolean> {
  return changeUndeleted(db, id, { body, edited_at: editedAt })
}

/** Changes a reply its author has not deleted (a deleted one keeps no words to show or hide); false when there is none. */
async function changeUndeleted(db: Db, id: string, change: Updateable<RepliesTable>): Promise<boolean> {
  const r = await db.updateTable('replies').set(change).where('id', '=', id).where('status', '!=', 'deleted').executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/**
 * Deletes a reply at its author's request: the row goes when nothing answers
 * it (and so do places its author's deletions left that now hold nothing);
 * otherwise its words, name and account go and the row stays to hold the
 * answers. On PostgreSQL the reply is locked first, so an answer being
 * posted to it either lands before (and is kept) or fails on its parent.
 */
export async function deleteReplyByAuthor(db: Db, dialect: DialectName, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await trx.selectFrom('replies').select('id').where('id', '=', id).forUpdate().execute()
    if (await hasAnswers(trx, id)) {
      await trx.updateTable('replies').set({ status: 'deleted', body: '', author_name: '', user_id: null }).where('id', '=', id).execute()
      return
    }
    let gone: string | null = id
    while (gone) gone = await deleteAndFreeParent(trx, gone)
  })
}

/** Deletes a reply; returns its parent when that is an author's deleted place now holding nothing (to go too). */
async function deleteAndFreeParent(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('replies').select('parent_id').where('id', '=', id).executeTakeFirst()
  await db.deleteFrom('replies').where('id', '=', id).execute()
  const parentId = row?.parent_id
  if (!parentId) return null
  const parent = await db.selectFrom('replies').select('status').where('id', '=', parentId).executeTakeFirst()
  return parent?.status === 'deleted' && !(await hasAnswers(db, parentId)) ? parentId : null
}

async function hasAnswers(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('replies').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst())
}
