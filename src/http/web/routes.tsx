import { Hono, type Context } from 'hono'
import { setCookie, deleteCookie, getCookie } from 'hono/cookie'
import { addArticle, addArticleFromUrl, deleteArticle } from '../../services/articles.js'
import { changePassword, listUsers, setRole, signIn, signOut, signOutEverywhere, signUp, type Role } from '../../services/accounts.js'
import type { ServiceDeps } from '../../services/deps.js'
import { MAX_PEOPLE_OFFSET, MAX_QUOTES_OFFSET, findPeople, latestArticles, personProfile, quotedPeople, viewArticle } from '../../services/reading.js'
import { quotesMatching, type QuoteResults } from '../../services/quote-search.js'
import { MAX_SEARCH_OFFSET, searchArticles } from '../../services/search.js'
import { deleteOwnReply, editReply, moderateReply, ownReply, postReply, replyThreads } from '../../services/replies.js'
import { offsetParam } from '../api/errors.js'
import type { AppEnv } from '../env.js'
import { loginLimiter, tooManySignIns } from '../login-limit.js'
import { clientKey, setRetryAfter } from '../middleware/rate-limit.js'
import { SESSION_COOKIE } from '../middleware/viewer.js'
import { AccountPage, LoginPage, MessagePage, SignupPage, UsersPage } from './account.js'
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

  web.get('/articles/:id/delete', async (c) => {
    if (!c.get('viewer').canModerate) return c.html(<MessagePage {...common(c)} title="Not allowed" message="Only editors delete articles." />, 403)
    const view = await viewArticle(deps, c.req.param('id'))
    if (!view) return notFoundPage(c, NO_SUCH_ARTICLE)
    const message = `“${view.stored.article.title}” goes from the desk with its quotes and its replies. This cannot be undone.`
    return c.html(<ConfirmPage {...common(c)} title="Delete this article?" message={message} action={`/articles/${view.stored.id}/delete`} button="Delete the article" cancel={`/articles/${view.stored.id}`} />)
  })

  web.post('/articles/:id/delete', async (c) => {
    if (!c.get('viewer').canModerate) return c.html(<MessagePage {...common(c)} title="Not allowed" message="Only editors delete articles." />, 403)
    if (!(await deleteArticle(deps, c.req.param('id')))) return notFoundPage(c, NO_SUCH_ARTICLE)
    return c.redirect('/?deleted=1', 303)
  })

  for (const action of ['hide', 'show'] as const) {
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

type Common = (c: Ctx) => { viewer: AppEnv['Variables']['viewer']; csrf: string }

function accountRoutes(web: Hono<AppEnv>, deps: ServiceDeps, common: Common): void {
  web.get('/login', (c) => c.html(<LoginPage {...common(c)} next={returnPath(c.req.query('next')) ?? refererPath(c)} />))
  const logins = loginLimiter(() => deps.now().getTime())
  web.post('/login', async (c) => {
    const body = await c.req.parseBody()
    const username = str(body.username)
    const next = returnPath(str(body.next))
    const address = clientKey(c, deps.config.trustProxy)
    const waitMs = logins.attempt(username, address)
    if (waitMs !== null) {
      setRetryAfter(c, waitMs)
      return c.html(<LoginPage {...common(c)} error={tooManySignIns(waitMs)} username={username} next={next} />, 429)
    }
    const result = await signIn(deps, username, str(body.password))
    if (!result.ok) return c.html(<LoginPage {...common(c)} error={result.error.message} username={username} next={next} />, 401)
    logins.succeeded(username, address)
    setCookie(c, SESSION_COOKIE, result.value.token, sessionCookie(deps))
    return c.redirect(next ?? '/', 303)
  })
  web.get('/signup', (c) => c.html(<SignupPage {...common(c)} />))
  web.post('/signup', async (c) => {
    const body = await c.req.parseBody()
    const input = { username: str(body.username), displayName: str(body.displayName), password: str(body.password) }
    const created = await signUp(deps, c.get('viewer'), input)
    if (!created.ok) return c.html(<SignupPage {...common(c)} error={created.error.message} username={input.username} />, 422)
    if (c.get('viewer').user) return c.redirect('/admin/users', 303)
    const session = await signIn(deps, input.username, input.password)
    if (session.ok) setCookie(c, SESSION_COOKIE, session.value.token, sessionCookie(deps))
    return c.redirect('/', 303)
  })
  web.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await signOut(deps, token)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.redirect('/', 303)
  })
  web.get('/account', (c) => (c.get('viewer').user ? c.html(<AccountPage {...common(c)} notice={ACCOUNT_DONE.get(c.req.query('done') ?? '') ?? null} />) : c.redirect('/login?next=/account', 303)))
  // Form-only addresses, loaded directly (a refused form's page, reloaded): back to the account page.
  for (const path of ['/account/password', '/account/sign-out-everywhere']) web.get(path, (c) => c.redirect('/account', 303))
  web.post('/account/password', async (c) => {
    const body = await c.req.parseBody()
    // The current password is guessed here as at sign-in (a stolen session): the same limit applies.
    const username = c.get('viewer').user?.username ?? ''
    const address = clientKey(c, deps.config.trustProxy)
    const waitMs = username ? logins.attempt(username, address) : null
    if (waitMs !== null) {
      setRetryAfter(c, waitMs)
      return c.html(<AccountPage {...common(c)} error={tooManySignIns(waitMs)} />, 429)
    }
    const result = await changePassword(deps, c.get('viewer'), str(body.current), str(body.next), getCookie(c, SESSION_COOKIE) ?? null)
    if (result.ok && username) logins.succeeded(username, address)
    if (!result.ok) return c.html(<AccountPage {...common(c)} error={result.error.message} />, result.error.code === 'forbidden' ? 403 : 422)
    return c.redirect('/account?done=password', 303)
  })
  web.post('/account/sign-out-everywhere', async (c) => {
    const user = c.get('viewer').user
    if (!user) return c.redirect('/login', 303)
    await signOutEverywhere(deps, user.id, getCookie(c, SESSION_COOKIE) ?? null, true)
    return c.redirect('/account?done=sessions', 303)
  })
  web.get('/admin/users', async (c) => {
    const users = await listUsers(deps, c.get('viewer'))
    if (!users.ok) return c.html(<MessagePage {...common(c)} title="Not allowed" message={users.error.message} />, 403)
    return c.html(<UsersPage {...common(c)} users={users.value} />)
  })
  web.post('/admin/users/:id/role', async (c) => {
    const body = await c.req.parseBody()
    const role = str(body.role)
    if (role !== 'admin' && role !== 'editor' && role !== 'reader') return c.text('unknown role', 422)
    const result = await setRole(deps, c.get('viewer'), c.req.param('id'), role as Role)
    if (!result.ok) return result.error.code === 'not_found' ? notFoundPage(c, result.error.message) : c.html(<MessagePage {...common(c)} title="Not allowed" message={result.error.message} back={{ href: '/admin/users', label: 'Back to the accounts' }} />, 403)
    return c.redirect('/admin/users', 303)
  })
}

/** What the account page says after a change (Post/Redirect/Get: a reload repeats nothing). */
const ACCOUNT_DONE = new Map([
  ['password', 'Password changed; your other sessions were signed out and your API tokens revoked.'],
  ['sessions', 'Signed out everywhere else; your API tokens are revoked.'],
])

/** A path on this desk to return to after signing in, or null: never another site ("//evil.example", "https://…") nor the sign-in pages. */
function returnPath(value: string | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500 || /[\u0000-\u001f]/.test(value)) return undefined
  // Letters beyond ASCII are percent-encoded, as a Location header must be ("/people?q=é").
  return /^\/(login|signup|logout)\b/.test(value) ? undefined : value.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch))
}

/** The page the reader came from, when it is on this desk. */
function refererPath(c: Ctx): string | undefined {
  const referer = c.req.header('referer')
  if (!referer || !URL.canParse(referer)) return undefined
  const from = new URL(referer)
  return from.host === new URL(c.req.url).host ? returnPath(from.pathname + from.search) : undefined
}

function sessionCookie(deps: ServiceDeps) {
  return { httpOnly: true, sameSite: 'Lax' as const, path: '/', maxAge: 30 * 86400, secure: deps.config.secureCookies }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
