import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { countUsers, userForSession, viewerFor } from '../../services/accounts.js'
import type { ServiceDeps } from '../../services/deps.js'

export const SESSION_COOKIE = 'nd_session'

/** Resolves the session cookie to the Viewer every handler receives. */
export function resolveViewer(deps: ServiceDeps): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
    const [user, users] = await Promise.all([userForSession(deps, token), countUsers(deps)])
    c.set('viewer', viewerFor(user, users))
    return next()
  }
}
