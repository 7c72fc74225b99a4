import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'

const COOKIE = 'nd_csrf'
export const CSRF_FIELD = '_csrf'

/**
 * Double-submit CSRF protection for HTML forms: a random token lives in a
 * SameSite cookie and must come back in the form's hidden `_csrf` field.
 * JSON API requests are exempt: a cross-site page cannot send
 * `Content-Type: application/json` without a CORS preflight, which we never grant.
 */
export function csrfProtection(options: { secure?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    let token = getCookie(c, COOKIE)
    if (!token || token.length < 20) {
      token = randomBytes(24).toString('base64url')
      setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: options.secure ?? false })
    }
    c.set('csrfToken', token)
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'DELETE' || c.req.method === 'PATCH') {
      if (isJsonApi(c)) return next()
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const sent = body[CSRF_FIELD]
      if (typeof sent !== 'string' || !sameToken(sent, token)) {
        if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'csrf', message: 'send JSON (Content-Type: application/json) or a Bearer token' } }, 403)
        return c.text('This form has expired or did not come from newsdesk. Reload the page and try again.', 403)
      }
    }
    return next()
  }
}

/**
 * API calls exempt from the form token: JSON bodies (a cross-site form cannot
 * send them without a preflight) and Bearer-token calls (browsers never attach
 * an Authorization header to a cross-site request on their own).
 */
function isJsonApi(c: Context): boolean {
  if (!c.req.path.startsWith('/api/')) return false
  return (c.req.header('content-type') ?? '').startsWith('application/json') || /^Bearer\s/i.test(c.req.header('authorization') ?? '')
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
