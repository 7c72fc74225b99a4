/**
 * The discussion over the JSON API: an article's replies (flat, each with
 * its parentId, oldest first, as the page shows them to this viewer),
 * posting, the author's edit and delete, and moderation.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { ServiceDeps } from '../../services/deps.js'
import { AuthorName, deleteOwnReply, editReply, moderateReply, ownReply, postReply, ReplyBody, replyThreads, type ReplyThread } from '../../services/replies.js'
import { getArticle } from '../../store/repos/article-repo.js'
import type { AppEnv } from '../env.js'
import { errorResponse, validBody } from './errors.js'

export const PostReplyBody = z.object({
  body: ReplyBody.describe('The words of the reply (1 to 10,000 characters)'),
  authorName: z.string().optional().describe('A guest’s name, required of a guest (1 to 80 characters); a signed-in author (or API token) replies under the account’s name'),
  parentId: z.string().optional().describe('The reply this one answers'),
})

/** What a guest sends: the same, with a name. */
const GuestReplyBody = PostReplyBody.extend({ authorName: AuthorName })

export const EditReplyBody = z.object({ body: ReplyBody.describe('The new words (the author only)') })

export const ReplyOut = z.object({
  id: z.string(),
  articleId: z.string(),
  parentId: z.string().nullable(),
  userId: z.string().nullable().describe('The author’s account; null for a guest, and for a withheld place'),
  authorName: z.string(),
  body: z.string(),
  status: z.enum(['visible', 'hidden', 'deleted']).describe('hidden by a moderator (readers get an empty place while it holds visible answers), deleted by its author (an empty place holding answers)'),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
})

/** Threads as one list, each reply before its answers. */
function flat(threads: ReplyThread[]): z.infer<typeof ReplyOut>[] {
  return threads.flatMap(({ children, ...reply }) => [reply, ...flat(children)])
}

export function replyApiRoutes(deps: ServiceDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>()
  const noArticle = (c: Context<AppEnv>) => errorResponse(c, { code: 'not_found', message: 'no such article' })
  api.get('/articles/:id/replies', async (c) => {
    const id = c.req.param('id')
    if (!(await getArticle(deps.store.db, id))) return noArticle(c)
    return c.json({ items: flat(await replyThreads(deps, c.get('viewer'), id)) })
  })
  // An unknown article, or someone else's reply, is said before anything about the body.
  api.post('/articles/:id/replies', async (c) => {
    const id = c.req.param('id')
    if (!(await getArticle(deps.store.db, id))) return noArticle(c)
    const parsed = await validBody(c, c.get('viewer').user ? PostReplyBody : GuestReplyBody)
    if (!parsed.ok) return parsed.response
    const posted = await postReply(deps, c.get('viewer'), id, parsed.data)
    return posted.ok ? c.json(posted.value, 201) : errorResponse(c, posted.error)
  })
  api.patch('/replies/:id', async (c) => {
    const own = await ownReply(deps, c.get('viewer'), c.req.param('id'))
    if (!own.ok) return errorResponse(c, own.error)
    const parsed = await validBody(c, EditReplyBody)
    if (!parsed.ok) return parsed.response
    const edited = await editReply(deps, c.get('viewer'), c.req.param('id'), parsed.data.body)
    return edited.ok ? c.json(edited.value) : errorResponse(c, edited.error)
  })
  api.delete('/replies/:id', async (c) => {
    const deleted = await deleteOwnReply(deps, c.get('viewer'), c.req.param('id'))
    return deleted.ok ? c.body(null, 204) : errorResponse(c, deleted.error)
  })
  for (const action of ['hide', 'show'] as const) {
    api.post(`/replies/:id/${action}`, async (c) => {
      const moderated = await moderateReply(deps, c.get('viewer'), c.req.param('id'), action === 'hide' ? 'hidden' : 'visible')
      return moderated.ok ? c.json(moderated.value) : errorResponse(c, moderated.error)
    })
  }
  return api
}
