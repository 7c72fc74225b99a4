import { Hono, type Context } from 'hono'
import type { StageError } from '../../domain/index.js'
import { addArticle, addArticleFromUrl, deleteArticle } from '../../services/articles.js'
import type { ServiceDeps } from '../../services/deps.js'
import { articleDetail, latestArticles, personProfile, searchArticles, searchQuotes, similarTo, viewArticle } from '../../services/reading.js'
import type { AppEnv } from '../env.js'
import { openApiDocument } from './openapi.js'
import { AddArticleBody } from './schemas.js'

const STATUS_OF: Record<string, 403 | 404 | 413 | 422 | 502> = {
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  fetch_unavailable: 422,
}

function errorResponse(c: Context<AppEnv>, error: StageError) {
  return c.json({ error }, STATUS_OF[error.code] ?? 422)
}

/** The JSON API: thin handlers over the same services as the pages. */
export function apiRoutes(deps: ServiceDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>()

  api.get('/openapi.json', (c) => c.json(openApiDocument()))

  api.get('/articles', async (c) => {
    const limit = Number(c.req.query('limit') ?? 30) || 30
    return c.json(await latestArticles(deps, { limit, cursor: c.req.query('cursor') }))
  })

  api.post('/articles', async (c) => {
    if (!c.get('viewer').canAddArticles) return errorResponse(c, { code: 'forbidden', message: 'sign in as an editor to add articles' })
    const raw = await c.req.json().catch(() => null)
    const parsed = AddArticleBody.safeParse(raw)
    if (!parsed.success) return errorResponse(c, { code: 'invalid_request', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') })
    const b = parsed.data
    const body = b.html ?? b.text
    const result =
      body !== undefined
        ? await addArticle(deps, { body, contentType: b.html !== undefined ? 'text/html' : 'text/plain', url: b.url ?? null, title: b.title ?? null, publishedAt: b.publishedAt ?? null, source: 'api' })
        : await addArticleFromUrl(deps, b.url ?? '')
    if (!result.ok) return errorResponse(c, result.error)
    return c.json(result.value, result.value.created ? 201 : 200)
  })

  api.get('/articles/:id', async (c) => {
    const view = await viewArticle(deps, c.req.param('id'))
    if (!view) return errorResponse(c, { code: 'not_found', message: 'no such article' })
    return c.json(articleDetail(view))
  })

  api.delete('/articles/:id', async (c) => {
    if (!c.get('viewer').canModerate && !c.get('viewer').openDesk) return errorResponse(c, { code: 'forbidden', message: 'only editors delete articles' })
    const deleted = await deleteArticle(deps, c.req.param('id'))
    return deleted ? c.body(null, 204) : errorResponse(c, { code: 'not_found', message: 'no such article' })
  })

  api.get('/articles/:id/similar', async (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 10) || 10, 1), 50)
    const items = await similarTo(deps, c.req.param('id'), limit)
    if (!items) return errorResponse(c, { code: 'not_found', message: 'no such article' })
    return c.json({ items })
  })

  api.get('/search', async (c) => {
    const q = c.req.query('q') ?? ''
    const [items, quotes] = await Promise.all([searchArticles(deps, q), searchQuotes(deps, q)])
    return c.json({ items, quotes })
  })

  api.get('/people/:id', async (c) => {
    const profile = await personProfile(deps, c.req.param('id'))
    if (!profile) return errorResponse(c, { code: 'not_found', message: 'no such person' })
    return c.json(profile)
  })

  return api
}
