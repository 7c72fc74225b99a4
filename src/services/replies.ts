import { z } from 'zod'
import { fail, ok, type Result } from '../domain/index.js'
import { newId } from '../lib/ids.js'
import { getArticle } from '../store/repos/article-repo.js'
import { getReply, insertReply, repliesOfArticle, setReplyStatus, type Reply } from '../store/repos/reply-repo.js'
import type { ServiceDeps } from './deps.js'
import type { Viewer } from './accounts.js'

export const ReplyInput = z.object({
  authorName: z.string().trim().min(1, 'give your name').max(80, 'name is too long'),
  body: z.string().trim().min(1, 'the reply is empty').max(10_000, 'the reply is too long (10,000 characters at most)'),
  parentId: z.string().trim().max(40).optional().nullable(),
})
export type ReplyInput = z.infer<typeof ReplyInput>

/** A reply with its answers, as the thread shows it. */
export interface ReplyThread extends Reply {
  children: ReplyThread[]
}

/** Posts a reply to an article, or to one of its replies (threaded). */
export async function postReply(deps: ServiceDeps, viewer: Viewer, articleId: string, raw: unknown): Promise<Result<Reply>> {
  const parsed = ReplyInput.safeParse(raw)
  if (!parsed.success) return fail('invalid_reply', parsed.error.issues.map((i) => i.message).join('; '))
  const input = parsed.data
  const { db } = deps.store
  if (!(await getArticle(db, articleId))) return fail('not_found', 'no such article')
  let parentId: string | null = null
  if (input.parentId) {
    const parent = await getReply(db, input.parentId)
    if (!parent || parent.articleId !== articleId) return fail('invalid_reply', 'the reply you answer is not on this article')
    parentId = await parentWithinDepth(deps, parent)
  }
  const reply: Reply = {
    id: newId(),
    articleId,
    parentId,
    userId: viewer.user?.id ?? null,
    authorName: viewer.user?.displayName ?? input.authorName,
    body: input.body,
    status: 'visible',
    createdAt: deps.now().toISOString(),
  }
  await insertReply(db, reply)
  return ok(reply)
}

/** Threads nest at most this deep; an answer to a deeper reply joins its ancestor at this depth. */
export const MAX_THREAD_DEPTH = 5

/** The reply to attach an answer to, so that no thread grows deeper than MAX_THREAD_DEPTH. */
async function parentWithinDepth(deps: ServiceDeps, parent: Reply): Promise<string> {
  const chain: Reply[] = [parent]
  let current = parent
  while (current.parentId && chain.length <= MAX_THREAD_DEPTH + 1) {
    const up = await getReply(deps.store.db, current.parentId)
    if (!up) break
    chain.push(up)
    current = up
  }
  // chain runs from the parent up to the root: the parent sits at depth chain.length.
  const depth = chain.length
  return depth < MAX_THREAD_DEPTH ? parent.id : (chain[depth - MAX_THREAD_DEPTH + 1] ?? parent).id
}

/** The article's replies as threads; hidden replies only for moderators. */
export async function replyThreads(deps: ServiceDeps, viewer: Viewer, articleId: string): Promise<ReplyThread[]> {
  const all = await repliesOfArticle(deps.store.db, articleId)
  const visible = viewer.canModerate ? all : all.filter((r) => r.status === 'visible')
  const byId = new Map<string, ReplyThread>(visible.map((r) => [r.id, { ...r, children: [] }]))
  const roots: ReplyThread[] = []
  for (const r of byId.values()) {
    const parent = r.parentId ? byId.get(r.parentId) : undefined
    if (parent) parent.children.push(r)
    else if (!r.parentId) roots.push(r)
  }
  return roots
}

/** Hides or shows a reply: editors and admins only. */
export async function moderateReply(deps: ServiceDeps, viewer: Viewer, replyId: string, status: Reply['status']): Promise<Result<Reply>> {
  if (!viewer.canModerate) return fail('forbidden', 'only editors and admins moderate replies')
  const reply = await getReply(deps.store.db, replyId)
  if (!reply) return fail('not_found', 'no such reply')
  await setReplyStatus(deps.store.db, replyId, status)
  return ok({ ...reply, status })
}
