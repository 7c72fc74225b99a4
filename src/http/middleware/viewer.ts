import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { countUsers, userForApiToken, userForSession, viewerFor } from '../../services/accounts.js'
import type { ServiceDeps } from '../../services/deps.js'

export const SESSION_COOKIE = 'nd_session'

/** Paths whose handlers never look at the viewer: stylesheets and the like, favicon and robots probes, health checks. */
function isAssetPath(path: string): boolean {
  return path.startsWith('/static/') || path === '/favicon.ico' || path === '/robots.txt' || path === '/healthz'
}

/**
 * Resolves the session cookie (pages) or a Bearer API token (scripts) to the Viewer every handler receives.
 * Asset paths get no viewer, so they cost no query.
 */
export function resolveViewer(deps: ServiceDeps): MiddlewareHandler {
  const deskHasUsers = userCountLatch(deps)
  return async (c, next) => {
    if (isAssetPath(c.req.path)) return next()
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const findUser = bearer ? userForApiToken(deps, bearer) : userForSession(deps, getCookie(c, SESSION_COOKIE))
    const [user, hasUsers] = await Promise.all([findUser, deskHasUsers()])
    if (bearer && !user) return c.json({ error: { code: 'invalid_token', message: 'the API token is unknown or revoked' } }, 401)
    c.set('viewer', viewerFor(user, hasUsers ? 1 : 0))
    return next()
  }
}

/**
 * Whether the desk has an account, counted until the answer is yes and then
 * remembered: accounts are never deleted, so an open desk closes once for good
 * (were every account removed by hand, a restart reopens it).
 */
function userCountLatch(deps: ServiceDeps): () => Promise<boolean> {
  let hasUsers = false
  return async () => {
    if (!hasUsers) hasUsers = (await countUsers(deps)) > 0
    return hasUsers
  }
}
