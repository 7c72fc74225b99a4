import type { Context, Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { changePassword, listUsers, setRole, signIn, signOut, signOutEverywhere, signUp, type Role } from '../../services/accounts.js'
import type { ServiceDeps } from '../../services/deps.js'
import type { AppEnv } from '../env.js'
import { loginLimiter, tooManySignIns } from '../login-limit.js'
import { clientKey, setRetryAfter } from '../middleware/rate-limit.js'
import { SESSION_COOKIE } from '../middleware/viewer.js'
import { AccountPage, LoginPage, MessagePage, SignupPage, UsersPage } from './account.js'
import { notFoundPage } from './not-found.js'
import { str, type Common } from './routes.js'

type Ctx = Context<AppEnv>

/** Signing in and up, the account page and the accounts admin. */
export function accountRoutes(web: Hono<AppEnv>, deps: ServiceDeps, common: Common): void {
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
  web.get('/admin/users/:id/role', (c) => c.redirect('/admin/users', 303))
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
