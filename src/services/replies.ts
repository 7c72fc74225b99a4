import { z } from 'zod'
import { fail, ok, type Result } from '../domain/index.js'
import { newId } from '../lib/ids.js'
import { issuesMessage } from '../lib/issues.js'
import { getArticle } from '../store/repos/article-repo.js'
import { deleteReplyByAuthor, getReply, insertReply, repliesOfArticle, setReplyBody, setReplyStatus, type Reply } from '../store/repos/reply-repo.js'
import type { ServiceDeps } from './deps.js'
import type { Viewer } from './accounts.js'

export const ReplyBody = z.string().trim().min(1, 'the reply is empty').max(10_000, 'the reply is too long (10,000 characters at most)')

/** A guest's name; a request without one is told that a guest reply needs it (zod's own words name no field). */
export const AuthorName = z
  .string({ error: (issue) => (issue.input === undefined ? 'a guest reply needs a name' : undefined) })
  .trim()
  .min(1, 'give your name')
  .max(80, 'your name is too long (80 characters at most)')

export const ReplyInput = z.object({
  authorName: AuthorName,
  body: ReplyBody,
  parentId: z.string().trim().max(40).optional().nullable(),
})
export type ReplyInput = z.infer<typeof ReplyInput>

/** A reply with its answers, as the thread shows it. */
export interface ReplyThread extends Reply {
  children: ReplyThread[]
}

/** Posts a reply to an article, or to one of its replies (threaded). */
export async function postReply(deps: ServiceDeps, viewer: Viewer, articleId: string, raw: unknown): Promise<Result<Reply>> {
  // A signed-in author replies under the account's name; only guests give one.
  const parsed = ReplyInput.safeParse(viewer.user && raw && typeof raw === 'object' ? { ...raw, authorName: viewer.user.displayName } : raw)
  if (!parsed.success) return fail('invalid_reply', issuesMessage(parsed.error.issues))
  const input = parsed.data
  const { db } = deps.store
  if (!(await getArticle(db, articleId))) return fail('not_found', 'no such article')
  let parentId: string | null = null
  if (input.parentId) {
    const parent = await getReply(db, input.parentId)
    if (!parent || parent.articleId !== articleId) return fail('invalid_reply', 'the reply you answer is not on this article (deleted, or never here)')
    if (parent.status === 'deleted') return fail('invalid_reply', 'its author deleted the reply you answer')
    if (parent.status === 'hidden' && !viewer.canModerate) return fail('invalid_reply', 'the reply you answer was hidden by a moderator')
    parentId = await parentWithinDepth(deps, parent)
    // Past the deepest level the answer joins an ancestor: a hidden one takes it no more than a hidden parent
    // (an author's deleted place still holds answers).
    const host = parentId === parent.id ? parent : await getReply(db, parentId)
    if (host && host.status === 'hidden' && !viewer.canModerate) return fail('invalid_reply', 'the thread you answer was hidden by a moderator')
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
    editedAt: null,
  }
  try {
    await insertReply(db, reply)
  } catch (err) {
    // Its author deleted the reply answered between the check and the insert (the parent's key is gone).
    if (parentId && !(await getReply(db, parentId))) return fail('invalid_reply', 'its author deleted the reply you answer')
    throw err
  }
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

/**
 * The article's replies as threads. Moderators see hidden replies as they
 * are; everyone else sees a hidden reply only as an empty place holding its
 * visible answers (its author and words withheld), and not at all when none
 * of its answers is visible.
 */
export async function replyThreads(deps: ServiceDeps, viewer: Viewer, articleId: string): Promise<ReplyThread[]> {
  const all = await repliesOfArticle(deps.store.db, articleId)
  const byId = new Map<string, ReplyThread>(all.map((r) => [r.id, { ...r, children: [] }]))
  const roots: ReplyThread[] = []
  for (const r of byId.values()) {
    const parent = r.parentId ? byId.get(r.parentId) : undefined
    if (parent) parent.children.push(r)
    else if (!r.parentId) roots.push(r)
  }
  return asSeenBy(roots, viewer.canModerate)
}

/**
 * The threads as a viewer sees them: a reply shown is visible (or hidden,
 * to a moderator); any other is an empty place, its author and words
 * withheld, kept only while it holds answers that are shown.
 */
function asSeenBy(threads: ReplyThread[], moderator: boolean): ReplyThread[] {
  return threads.flatMap((r) => {
    const children = asSeenBy(r.children, moderator)
    if (showsOwnWords(r, moderator)) return [{ ...r, children }]
    return children.length > 0 ? [{ ...r, authorName: '', userId: null, body: '', children }] : []
  })
}

/** Is the reply shown with its author and words (and an Answer form), or only as an empty place? */
export function showsOwnWords(reply: Reply, moderator: boolean): boolean {
  return reply.status === 'visible' || (moderator && reply.status === 'hidden')
}

/** Replies of a status in these threads (withheld and deleted places are not visible ones). */
export function replyCount(threads: ReplyThread[], status: Reply['status'] = 'visible'): number {
  return threads.reduce((n, r) => n + (r.status === status ? 1 : 0) + replyCount(r.children, status), 0)
}

/** The article a reply answers, for leading a reader to it; null when there is no such reply. */
export async function replyArticleId(deps: ServiceDeps, replyId: string): Promise<string | null> {
  return (await getReply(deps.store.db, replyId))?.articleId ?? null
}

/** Hides or shows a reply: editors and admins only. */
export async function moderateReply(deps: ServiceDeps, viewer: Viewer, replyId: string, status: 'visible' | 'hidden'): Promise<Result<Reply>> {
  if (!viewer.canModerate) return fail('forbidden', 'only editors and admins moderate replies')
  const reply = await getReply(deps.store.db, replyId)
  if (!reply) return fail('not_found', 'no such reply')
  if (reply.status === 'deleted' || !(await setReplyStatus(deps.store.db, replyId, status))) return fail('invalid_reply', 'its author deleted this reply')
  return ok({ ...reply, status })
}

/**
 * The reply its signed-in author may change or delete. Guests' replies have
 * no owner to check, so they stay as posted (a moderator can hide them).
 */
export async function ownReply(deps: ServiceDeps, viewer: Viewer, replyId: string): Promise<Result<Reply>> {
  const reply = await getReply(deps.store.db, replyId)
  if (!reply || reply.status === 'deleted') return fail('not_found', 'no such reply')
  if (!viewer.user || reply.userId !== viewer.user.id) return fail('forbidden', 'only its author can change or delete a reply')
  return ok(reply)
}

/** The author's new words for their reply. */
export async function editReply(deps: ServiceDeps, viewer: Viewer, replyId: string, body: unknown): Promise<Result<Reply>> {
  const own = await ownReply(deps, viewer, replyId)
  if (!own.ok) return own
  const parsed = ReplyBody.safeParse(body)
  if (!parsed.success) return fail('invalid_reply', issuesMessage(parsed.error.issues))
  // Saving the same words changes nothing ("· edited" would say otherwise).
  if (parsed.data === own.value.body) return ok(own.value)
  const editedAt = deps.now().toISOString()
  if (!(await setReplyBody(deps.store.db, replyId, parsed.data, editedAt))) return fail('not_found', 'no such reply')
  return ok({ ...own.value, body: parsed.data, editedAt })
}

/** Deletes a reply at its author's request (its answers stay, under an empty place). */
export async function deleteOwnReply(deps: ServiceDeps, viewer: Viewer, replyId: string): Promise<Result<Reply>> {
  const own = await ownReply(deps, viewer, replyId)
  if (!own.ok) return own
  await deleteReplyByAuthor(deps.store.db, deps.store.dialect, replyId)
  return ok(own.value)
}
