import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { trimTrailingSlash } from 'hono/trailing-slash'
import type { ServiceDeps } from '../services/deps.js'
import { noSuchEndpoint } from './api/errors.js'
import { apiRoutes } from './api/routes.js'
import type { AppEnv } from './env.js'
import { csrfProtection } from './middleware/csrf.js'
import { rateLimit } from './middleware/rate-limit.js'
import { resolveViewer } from './middleware/viewer.js'
import { ICON, STYLESHEET } from './web/styles.js'
import { notFoundPage } from './web/not-found.js'
import { webRoutes } from './web/routes.js'

export interface AppOptions {
  /** Writes (POST/PUT/DELETE) allowed per client address per minute. */
  writesPerMinute?: number
  /** Extra sub-apps mounted by the composition root (feeds pages and API). */
  mounts?: { path: string; app: Hono<AppEnv> }[]
}

const MB = 1024 * 1024

/** Largest request body per route, checked before anything reads it (forms, uploads, the API). */
function bodyLimitFor(path: string): number {
  if (path === '/articles' || path === '/api/articles') return 26 * MB
  if (path === '/feeds/import' || path === '/api/feeds/opml') return 3 * MB
  return 1 * MB
}

/** Builds the web app: security headers, sessions, CSRF, rate limits, pages and the API. */
export function createApp(deps: ServiceDeps, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'https:', 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // Nothing of an address leaves the desk; within it the sign-in page learns where the reader came from.
      referrerPolicy: 'same-origin',
    }),
  )
  app.use('*', rateLimit({ windowMs: 60_000, max: options.writesPerMinute ?? 60, trustProxy: deps.config.trustProxy }))
  app.use('*', (c, next) =>
    bodyLimit({
      maxSize: bodyLimitFor(c.req.path),
      onError: (c) => (c.req.path.startsWith('/api/') ? c.json({ error: { code: 'too_large', message: 'request body too large' } }, 413) : c.text('That is too large to send here.', 413)),
    })(c, next),
  )
  // "/people/" is "/people": a GET that finds nothing with a trailing slash is sent to the address without it.
  app.use('*', trimTrailingSlash())
  app.use('*', resolveViewer(deps))
  app.use('*', csrfProtection({ secure: deps.config.secureCookies }))
  app.get('/static/app.css', (c) => c.body(STYLESHEET, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
  for (const path of ['/static/icon.svg', '/favicon.ico']) app.get(path, (c) => c.body(ICON, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }))
  app.get('/healthz', (c) => c.json({ ok: true }))
  app.route('/api', apiRoutes(deps))
  for (const m of options.mounts ?? []) app.route(m.path, m.app)
  app.route('/', webRoutes(deps))
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return noSuchEndpoint(c, app.routes)
    // Asset paths skip the viewer (no page to draw them in): plain text there, the site's page elsewhere.
    return c.get('viewer') ? notFoundPage(c, 'There is no page at this address.') : c.text('Not found', 404)
  })
  app.onError((err, c) => {
    deps.log.error({ err, path: c.req.path }, 'request failed')
    return c.req.path.startsWith('/api/') ? c.json({ error: { code: 'internal', message: 'internal error' } }, 500) : c.text('Something went wrong on our side.', 500)
  })
  return app
}
