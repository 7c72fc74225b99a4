import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { exportOpml, importOpml } from '../../services/feed-opml.js'
import { addFeed, editFeed, getFeed, listFeeds, removeFeed, requestRefresh, type FeedDeps } from '../../services/feeds.js'
import type { AppEnv } from '../env.js'
import { errorResponse, validBody } from './errors.js'

/** Request shapes of the feeds API (kept beside it; the lead may add them to the OpenAPI document). */
export const AddFeedBody = z.object({
  url: z.string().url().max(2048).describe('Feed URL, or a page that advertises its feed'),
  title: z.string().max(500).optional(),
  intervalMinutes: z.number().int().min(5).max(10_080).optional().describe('How often to check; the feed may ask for less often'),
})

/** A feed's settings to change; what is left out stays as it is. Unknown fields are refused (a typo changes nothing silently). */
export const EditFeedBody = z
  .strictObject({
    title: z.string().max(500).nullable().optional().describe('A title of your own; "" or null goes back to the feed\'s own title at its next check'),
    url: z.string().url().max(2048).optional().describe('The feed\'s new address: refused as when adding (private hosts, other schemes), not fetched now; the feed is checked there at once'),
    intervalMinutes: z.number().int().min(5).max(10_080).optional().describe('How often to check; the feed may ask for less often'),
  })
  .refine((b) => b.title !== undefined || b.url !== undefined || b.intervalMinutes !== undefined, { message: 'give title, url or intervalMinutes' })

/** A followed feed as the API returns it. */
export const FeedOut = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  siteUrl: z.string().nullable(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  intervalMinutes: z.number().int(),
  nextCheckAt: z.string(),
  lastCheckedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  errorCount: z.number().int(),
  lastWarning: z.string().nullable(),
  createdAt: z.string(),
})

/** A feed in the list: its settings and last check, with what became of its entries. */
export const FeedViewOut = FeedOut.extend({
  counts: z.object({ entries: z.number().int(), stored: z.number().int(), feedContent: z.number().int(), failed: z.number().int(), retrying: z.number().int() })
    .describe('Entries seen, stored from their page, kept from the feed\'s own content, failed, waiting for a retry'),
  failures: z.array(z.object({
    guid: z.string(), url: z.string().nullable(), title: z.string().nullable(), status: z.string().nullable(), error: z.string().nullable(),
    attempts: z.number().int(), triedAt: z.string().nullable(), retryAt: z.string().nullable(),
  })).describe('The latest entries that fell short, latest first (at most 3)'),
})

export const ImportOpmlBody = z.object({ opml: z.string().min(1).max(2_000_000) })

/** What an OPML import did, the same report as `newsdesk feed import-opml --json`. */
export const OpmlReportOut = z.object({
  added: z.array(FeedOut).describe('The feeds now followed (checked soon by the scheduler)'),
  existing: z.array(z.string()).describe('Addresses of feeds already followed, left as they are'),
  skipped: z.array(z.object({ url: z.string(), reason: z.string() })).describe('Outlines not followed, each with why (not http(s), a refused address, …)'),
})

const forbidden = (c: Context<AppEnv>) => errorResponse(c, { code: 'forbidden', message: 'sign in as an editor to manage feeds' })

/** The feeds JSON API, mounted at /api/feeds. Refreshes are queued, never run inside a request. */
export function feedsApi(deps: FeedDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>()

  api.get('/', async (c) => c.json({ items: await listFeeds(deps) }))

  api.post('/', async (c) => {
    if (!c.get('viewer').canAddArticles) return forbidden(c)
    const parsed = await validBody(c, AddFeedBody)
    if (!parsed.ok) return parsed.response
    const result = await addFeed(deps, parsed.data)
    if (!result.ok) return errorResponse(c, result.error)
    if (result.value.created) await requestRefresh(deps, result.value.feed.id)
    return c.json(result.value.feed, result.value.created ? 201 : 200)
  })

  api.get('/opml', async (c) => c.body(await exportOpml(deps), 200, { 'content-type': 'text/x-opml; charset=utf-8' }))

  api.post('/opml', async (c) => {
    if (!c.get('viewer').canAddArticles) return forbidden(c)
    const parsed = await validBody(c, ImportOpmlBody)
    if (!parsed.ok) return parsed.response
    const result = await importOpml(deps, parsed.data.opml)
    if (!result.ok) return errorResponse(c, result.error)
    return c.json(result.value)
  })

  api.get('/:id', async (c) => {
    const feed = await getFeed(deps, c.req.param('id'))
    return feed ? c.json(feed) : errorResponse(c, { code: 'not_found', message: 'no such feed' })
  })

  api.patch('/:id', async (c) => {
    if (!c.get('viewer').canAddArticles) return forbidden(c)
    const parsed = await validBody(c, EditFeedBody)
    if (!parsed.ok) return parsed.response
    const result = await editFeed(deps, c.req.param('id'), parsed.data)
    return result.ok ? c.json(result.value) : errorResponse(c, result.error)
  })

  api.post('/:id/refresh', async (c) => {
    if (!c.get('viewer').canAddArticles) return forbidden(c)
    const result = await requestRefresh(deps, c.req.param('id'))
    return result.ok ? c.json(result.value, 202) : errorResponse(c, result.error)
  })

  api.delete('/:id', async (c) => {
    if (!c.get('viewer').canAddArticles) return forbidden(c)
    const result = await removeFeed(deps, c.req.param('id'))
    return result.ok ? c.json(result.value) : errorResponse(c, result.error)
  })

  return api
}
