import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { ServiceDeps } from '../services/deps.js'
import { apiRoutes } from './api/routes.js'
import type { AppEnv } from './env.js'
import { csrfProtection } from './middleware/csrf.js'
import { rateLimit } from './middleware/rate-limit.js'
import { resolveViewer } from './middleware/viewer.js'
import { STYLESHEET } from './web/styles.js'
import { webRoutes } from './web/routes.js'

export interface AppOptions {
  /** Writes (POST/PUT/DELETE) allowed per client address per minute. */
  writesPerMinute?: number
  /** Extra sub-apps mounted by the composition root (feeds pages and API). */
  mounts?: { path: string; app: Hono<AppEnv> }[]
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
    }),
  )
  app.use('*', rateLimit({ windowMs: 60_000, max: options.writesPerMinute ?? 60 }))
  app.use('*', resolveViewer(deps))
  app.use('*', csrfProtection())
  app.get('/static/app.css', (c) => c.body(STYLESHEET, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
  app.get('/healthz', (c) => c.json({ ok: true }))
  app.route('/api', apiRoutes(deps))
  for (const m of options.mounts ?? []) app.route(m.path, m.app)
  app.route('/', webRoutes(deps))
  app.onError((err, c) => {
    deps.log.error({ err, path: c.req.path }, 'request failed')
    return c.req.path.startsWith('/api/') ? c.json({ error: { code: 'internal', message: 'internal error' } }, 500) : c.text('Something went wrong on our side.', 500)
  })
  return app
}
