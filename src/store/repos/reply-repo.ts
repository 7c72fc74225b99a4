import type { RepliesTable } from '../schema/index.js'
import type { Db } from '../db.js'

export interface Reply {
  id: string
  articleId: string
  parentId: string | null
  userId: string | null
  authorName: string
  body: string
  status: 'visible' | 'hidden'
  createdAt: string
}

function toReply(r: RepliesTable): Reply {
  return {
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    userId: r.user_id,
    authorName: r.author_name,
    body: r.body,
    status: r.status === 'hidden' ? 'hidden' : 'visible',
    createdAt: r.created_at,
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

export async function setReplyStatus(db: Db, id: string, status: Reply['status']): Promise<boolean> {
  const r = await db.updateTable('replies').set({ status }).where('id', '=', id).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}
