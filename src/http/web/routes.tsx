import { Hono, type Context } from 'hono'
import { addArticle, addArticleFromUrl, deleteArticle } from '../../services/articles.js'
import type { ServiceDeps } from '../../services/deps.js'
import { MAX_PEOPLE_OFFSET, MAX_QUOTES_OFFSET, findPeople, latestArticles, personProfile, quotedPeople, viewArticle } from '../../services/reading.js'
import { quotesMatching, type QuoteResults } from '../../services/quote-search.js'
import { MAX_SEARCH_OFFSET, searchArticles } from '../../services/search.js'
import { deleteOwnReply, editReply, moderateReply, ownReply, postReply, replyArticleId, replyThreads } from '../../services/replies.js'
import { offsetParam } from '../api/errors.js'
import type { AppEnv } from '../env.js'
import { MessagePage } from './account.js'
import { accountRoutes } from './account-routes.js'
import { ArticlePage } from './article.js'
import { ConfirmPage, ReplyEditPage } from './confirm.js'
import type { FailedReply } from './discussion.js'
import { ADD_NEEDS_EDITOR, HomePage } from './home.js'
import { notFoundPage } from './not-found.js'
import { PEOPLE_PER_PAGE, PeoplePage, PersonPage, QUOTES_PER_PAGE } from './person.js'
import { SearchPage } from './search.js'

type Ctx = Context<AppEnv>

const MAX_UPLOAD_BYTES = 25 * 1024 * 1024
const NO_SUCH_ARTICLE = 'There is no such article on this desk.'

/** The server-rendered pages. Each handler: parse → one service → render. */
export function webRoutes(deps: ServiceDeps): Hono<AppEnv> {
  const web = new Hono<AppEnv>()
  const common = (c: Ctx) => ({ viewer: c.get('viewer'), csrf: c.get('csrfToken') })

  const renderHome = async (c: Ctx, extra: { error?: string; notice?: string; form?: { url?: string; text?: string } } = {}, status: 200 | 422 = 200) => {
    const cursor = c.req.query('cursor')
    const [page, people] = await Promise.all([latestArticles(deps, { limit: 30, cursor }), quotedPeople(deps, 12)])
    return c.html(<HomePage {...common(c)} articles={page.items} next={page.next} paged={!!cursor} people={people} {...extra} />, status)
  }

  web.get('/', (c) => renderHome(c, c.req.query('deleted') ? { notice: 'The article was deleted.' } : {}))

  web.post('/articles', async (c) => {
    if (!c.get('viewer').canAddArticles) return c.html(<MessagePage {...common(c)} title="Not allowed" message={c.get('viewer').user ? ADD_NEEDS_EDITOR : 'Sign in as an editor to add articles.'} />, 403)
    const body = await c.req.parseBody()
    const url = typeof body.url === 'string' ? body.url.trim() : ''
    const text = typeof body.text === 'string' ? body.text : ''
    const file = body.file instanceof File && body.file.size > 0 ? body.file : null
    if (file && file.size > MAX_UPLOAD_BYTES) return renderHome(c, { error: 'Not added: that file is larger than 25 MB.', form: { url, text } }, 422)
    const result = file
      ? await addArticle(deps, { body: new Uint8Array(await file.arrayBuffer()), fileName: file.name, contentType: file.type || null, source: 'upload' })
      : text.trim()
        ? await addArticle(deps, { body: text, url: url || null, source: 'paste' })
        : url
          ? await addArticleFromUrl(deps, url)
          : null
    if (!result) return renderHome(c, { error: 'Not added: give a web address, paste a text, or choose a file.' }, 422)
    if (!result.ok) return renderHome(c, { error: `Not added: ${result.error.message}`, form: { url, text } }, 422)
    return c.redirect(`/articles/${result.value.id}${result.value.created ? '' : '?already=1'}`, 303)
  })

  const renderArticle = async (c: Ctx, id: string, failedReply?: FailedReply) => {
    const view = await viewArticle(deps, id)
    if (!view) return notFoundPage(c, NO_SUCH_ARTICLE)
    const replies = await replyThreads(deps, c.get('viewer'), id)
    const notice = c.req.query('already') ? 'This article was already on the desk (the same address or the same text): here it is, with anything new you added.' : null
    return c.html(<ArticlePage {...common(c)} view={view} replies={replies} failedReply={failedReply} notice={notice} />, failedReply ? 422 : 200)
  }

  web.get('/articles/:id', (c) => renderArticle(c, c.req.param('id')))
  // Addresses that only take a form: loaded directly (a refused form's page, reloaded), they lead back to the page.
  web.get('/articles', (c) => c.redirect('/', 303))
  web.get('/articles/:id/replies', (c) => c.redirect(`/articles/${c.req.param('id')}#replies`, 303))

  web.post('/articles/:id/replies', async (c) => {
    const id = c.req.param('id')
    const body = await c.req.parseBody()
    const input = { authorName: str(body.authorName), body: str(body.body), parentId: str(body.parentId) || null }
    const result = await postReply(deps, c.get('viewer'), id, input)
    if (!result.ok) {
      if (result.error.code === 'not_found') return notFoundPage(c, NO_SUCH_ARTICLE)
      return renderArticle(c, id, { ...input, error: result.error.message })
    }
    return c.redirect(`/articles/${id}#reply-${result.value.id}`, 303)
  })

  const onlyEditorsDelete = (c: Ctx) => c.html(<MessagePage {...common(c)} title="Not allowed" message="Only editors delete articles." />, 403)

  web.get('/articles/:id/delete', async (c) => {
    if (!c.get('viewer').canModerate) return onlyEditorsDelete(c)
    const view = await viewArticle(deps, c.req.param('id'))
    if (!view) return notFoundPage(c, NO_SUCH_ARTICLE)
    const message = `“${view.stored.article.title}” goes from the desk with its quotes and its replies. This cannot be undone.`
    return c.html(<ConfirmPage {...common(c)} title="Delete this article?" message={message} action={`/articles/${view.stored.id}/delete`} button="Delete the article" cancel={`/articles/${view.stored.id}`} />)
  })

  web.post('/articles/:id/delete', async (c) => {
    if (!c.get('viewer').canModerate) return onlyEditorsDelete(c)
    if (!(await deleteArticle(deps, c.req.param('id')))) return notFoundPage(c, NO_SUCH_ARTICLE)
    return c.redirect('/?deleted=1', 303)
  })

  for (const action of ['hide', 'show'] as const) {
    // A form-only address loaded directly leads to the reply in its article.
    web.get(`/replies/:id/${action}`, async (c) => {
      const articleId = await replyArticleId(deps, c.req.param('id'))
      return articleId ? c.redirect(`/articles/${articleId}#reply-${c.req.param('id')}`, 303) : notFoundPage(c, 'There is no such reply on this desk.')
    })
    web.post(`/replies/:id/${action}`, async (c) => {
      const result = await moderateReply(deps, c.get('viewer'), c.req.param('id'), action === 'hide' ? 'hidden' : 'visible')
      if (!result.ok) return refusedReply(c, result.error)
      return c.redirect(`/articles/${result.value.articleId}#reply-${result.value.id}`, 303)
    })
  }

  replyAuthorRoutes(web, deps, common)
  web.get('/people', async (c) => {
    const name = (c.req.query('q') ?? '').trim().slice(0, 100)
    const offset = offsetParam(c, MAX_PEOPLE_OFFSET) ?? 0
    return c.html(<PeoplePage {...common(c)} name={name} offset={offset} page={await findPeople(deps, { name, limit: PEOPLE_PER_PAGE, offset })} />)
  })
  web.get('/people/:id', async (c) => {
    const offset = offsetParam(c, MAX_QUOTES_OFFSET) ?? 0
    const profile = await personProfile(deps, c.req.param('id'), { limit: QUOTES_PER_PAGE, offset })
    if (!profile) return notFoundPage(c, 'There is no such person on this desk.')
    return c.html(<PersonPage {...common(c)} profile={profile} offset={offset} />)
  })

  web.get('/search', async (c) => {
    const query = (c.req.query('q') ?? '').trim()
    const raw = Number(c.req.query('offset') ?? 0)
    const offset = Number.isInteger(raw) ? Math.min(Math.max(raw, 0), MAX_SEARCH_OFFSET) : 0
    const none = { items: [], next: null, match: 'all' as const }
    const noQuotes: QuoteResults = { quotes: [], match: 'all' }
    const [results, quotes] = query ? await Promise.all([searchArticles(deps, query, { offset }), offset === 0 ? quotesMatching(deps, query) : noQuotes]) : [none, noQuotes]
    return c.html(<SearchPage {...common(c)} query={query} offset={offset} results={results} quotes={quotes} />)
  })

  accountRoutes(web, deps, common)
  return web
}

export type Common = (c: Ctx) => { viewer: AppEnv['Variables']['viewer']; csrf: string }

/** The author edits or deletes their own reply, each from a page of its own (no JavaScript needed). */
function replyAuthorRoutes(web: Hono<AppEnv>, deps: ServiceDeps, common: Common): void {
  web.get('/replies/:id/edit', async (c) => {
    const own = await ownReply(deps, c.get('viewer'), c.req.param('id'))
    if (!own.ok) return refusedReply(c, own.error)
    return c.html(<ReplyEditPage {...common(c)} replyId={own.value.id} articleId={own.value.articleId} body={own.value.body} />)
  })
  web.post('/replies/:id/edit', async (c) => {
    const body = str((await c.req.parseBody()).body)
    const edited = await editReply(deps, c.get('viewer'), c.req.param('id'), body)
    if (edited.ok) return c.redirect(`/articles/${edited.value.articleId}#reply-${edited.value.id}`, 303)
    if (edited.error.code !== 'invalid_reply') return refusedReply(c, edited.error)
    const own = await ownReply(deps, c.get('viewer'), c.req.param('id'))
    if (!own.ok) return refusedReply(c, own.error)
    return c.html(<ReplyEditPage {...common(c)} replyId={own.value.id} articleId={own.value.articleId} body={body} error={edited.error.message} />, 422)
  })
  web.get('/replies/:id/delete', async (c) => {
    const own = await ownReply(deps, c.get('viewer'), c.req.param('id'))
    if (!own.ok) return refusedReply(c, own.error)
    const back = `/articles/${own.value.articleId}#reply-${own.value.id}`
    return c.html(<ConfirmPage {...common(c)} title="Delete your reply?" message="Your words go; answers to them stay, under an empty place." action={`/replies/${own.value.id}/delete`} button="Delete the reply" cancel={back} />)
  })
  web.post('/replies/:id/delete', async (c) => {
    const deleted = await deleteOwnReply(deps, c.get('viewer'), c.req.param('id'))
    if (!deleted.ok) return refusedReply(c, deleted.error)
    return c.redirect(`/articles/${deleted.value.articleId}#replies`, 303)
  })
}

/** A reply action refused: no such reply (404), not yours or not a moderator (403), or not possible (422). */
function refusedReply(c: Ctx, error: { code: string; message: string }) {
  if (error.code === 'not_found') return notFoundPage(c, 'There is no such reply on this desk.')
  const title = error.code === 'forbidden' ? 'Not allowed' : 'Not done'
  return c.html(<MessagePage viewer={c.get('viewer')} csrf={c.get('csrfToken')} title={title} message={error.message} />, error.code === 'forbidden' ? 403 : 422)
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
