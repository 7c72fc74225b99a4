import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { countUsers, userForApiToken, userForSession, viewerFor } from '../../services/accounts.js'
import type { ServiceDeps } from '../../services/deps.js'

export const SESSION_COOKIE = 'nd_session'

/** Resolves the session cookie (pages) or a Bearer API token (scripts) to the Viewer every handler receives. */
export function resolveViewer(deps: ServiceDeps): MiddlewareHandler {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const findUser = bearer ? userForApiToken(deps, bearer) : userForSession(deps, getCookie(c, SESSION_COOKIE))
    const [user, users] = await Promise.all([findUser, countUsers(deps)])
    if (bearer && !user) return c.json({ error: { code: 'invalid_token', message: 'the API token is unknown or revoked' } }, 401)
    c.set('viewer', viewerFor(user, users))
    return next()
  }
}
