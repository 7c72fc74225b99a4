import { Hono } from 'hono'
import { addArticle, addArticleFromUrl, deleteArticle } from '../../services/articles.js'
import type { ServiceDeps } from '../../services/deps.js'
import { MAX_PEOPLE_OFFSET, MAX_QUOTES_OFFSET, articleDetail, findPeople, isPageCursor, latestArticles, personProfile, similarTo, viewArticle } from '../../services/reading.js'
import { quotesMatching } from '../../services/quote-search.js'
import { MAX_SEARCH_OFFSET, searchArticles } from '../../services/search.js'
import type { AppEnv } from '../env.js'
import { badLimit, errorResponse, limitParam, offsetParam, validBody } from './errors.js'
import { openApiDocument } from './openapi.js'
import { replyApiRoutes } from './replies.js'
import { AddArticleBody } from './schemas.js'

/** The JSON API: thin handlers over the same services as the pages. */
export function apiRoutes(deps: ServiceDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>()

  api.get('/openapi.json', (c) => c.json(openApiDocument()))

  api.get('/articles', async (c) => {
    const limit = limitParam(c, 30, 100)
    if (limit === null) return badLimit(c, 100)
    const cursor = c.req.query('cursor')
    if (cursor && !isPageCursor(cursor)) return errorResponse(c, { code: 'bad_request', message: 'cursor is not one this API returned (use the "next" of a page)' })
    return c.json(await latestArticles(deps, { limit, cursor }))
  })

  api.post('/articles', async (c) => {
    if (!c.get('viewer').canAddArticles) return errorResponse(c, { code: 'forbidden', message: 'sign in as an editor to add articles' })
    const parsed = await validBody(c, AddArticleBody)
    if (!parsed.ok) return parsed.response
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
    const limit = limitParam(c, 10, 50)
    if (limit === null) return badLimit(c, 50)
    const items = await similarTo(deps, c.req.param('id'), limit)
    if (!items) return errorResponse(c, { code: 'not_found', message: 'no such article' })
    return c.json({ items })
  })

  api.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim()
    if (!q) return errorResponse(c, { code: 'bad_request', message: 'q is required: the words to search for' })
    const limit = limitParam(c, 30, 100)
    if (limit === null) return badLimit(c, 100)
    const offset = offsetParam(c, MAX_SEARCH_OFFSET)
    if (offset === null) return errorResponse(c, { code: 'bad_request', message: `offset must be a whole number from 0 to ${MAX_SEARCH_OFFSET} (use the "next" of a page)` })
    const [page, said] = await Promise.all([searchArticles(deps, q, { limit, offset }), quotesMatching(deps, q)])
    return c.json({ ...page, quotes: said.quotes, quoteMatch: said.match })
  })

  api.get('/people', async (c) => {
    const limit = limitParam(c, 50, 200)
    if (limit === null) return badLimit(c, 200)
    const offset = offsetParam(c, MAX_PEOPLE_OFFSET)
    if (offset === null) return errorResponse(c, { code: 'bad_request', message: `offset must be a whole number from 0 to ${MAX_PEOPLE_OFFSET} (use the "next" of a page)` })
    const name = (c.req.query('q') ?? '').trim()
    if (name.length > 100) return errorResponse(c, { code: 'bad_request', message: 'q is at most 100 characters: a name or part of one' })
    return c.json(await findPeople(deps, { name, limit, offset }))
  })

  api.get('/people/:id', async (c) => {
    const limit = limitParam(c, 100, 500)
    if (limit === null) return badLimit(c, 500)
    const offset = offsetParam(c, MAX_QUOTES_OFFSET)
    if (offset === null) return errorResponse(c, { code: 'bad_request', message: `offset must be a whole number from 0 to ${MAX_QUOTES_OFFSET} (use the "next" of a page)` })
    const profile = await personProfile(deps, c.req.param('id'), { limit, offset })
    if (!profile) return errorResponse(c, { code: 'not_found', message: 'no such person' })
    return c.json(profile)
  })

  api.route('/', replyApiRoutes(deps))
  return api
}
