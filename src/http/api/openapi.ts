import { z } from 'zod'
import { AddFeedBody, EditFeedBody, FeedOut, FeedViewOut, ImportOpmlBody, OpmlReportOut } from './feeds.js'
import { EditReplyBody, PostReplyBody, ReplyOut } from './replies.js'
import { MAX_ARTICLE_CHARS } from '../../services/articles.js'
import { MAX_SEARCH_OFFSET } from '../../services/search.js'
import { MAX_PEOPLE_OFFSET, MAX_QUOTES_OFFSET } from '../../services/reading.js'
import { AddArticleBody, AddedOut, ArticleDetailOut, ArticleSummaryOut, ErrorOut, PeopleOut, PersonOut, PersonQuoteOut, SimilarOut } from './schemas.js'

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }
const errors = { '404': { description: 'Not found', content: json(ErrorOut) } }
const badRequest = { '400': { description: 'Malformed request (a limit out of range, a body that is not JSON)', content: json(ErrorOut) } }

const SearchOut = z.object({
  items: z.array(ArticleSummaryOut).describe('Best first (on PostgreSQL, a broad search ranks the newest 1,000 matches, then the next 1,000); a match in a wire copy shows the article that represents its story, once'),
  next: z.number().int().nullable().describe('The offset of the next page, or null at the end'),
  match: z.enum(['all', 'any']).describe('"any": no article had every term, so these have some of them'),
  quotes: z.array(PersonQuoteOut).describe('Who said it: quotes matching the query word for word (no stemming), newest first, at most 30; when none matches every term, those with any of them, the most first'),
  quoteMatch: z.enum(['all', 'any']).describe('"any": no quote matched every term, so these have some of them'),
})

const SEARCH_SYNTAX =
  'What to search for, as in a web search box: words are all required (any form: rail finds rails); "quoted words" match as a phrase; ' +
  'OR between two words or phrases takes either; -word (or NOT word) excludes. Common words (the, what, did…) are ignored outside phrases. ' +
  'When no article has every word, the articles with any of them are given and match is "any"; quotes follow the same language, and quoteMatch says the same of them.'

const forbidden = { '403': { description: 'Not allowed: sign in (or send an API token) as an editor; a form post without its CSRF token (send JSON) is refused too (code csrf)', content: json(ErrorOut) } }
const rateLimited = { '429': { description: 'Too many writes from this address in a minute (rate_limited): wait a minute', content: json(ErrorOut) } }
const tooLarge = { '413': { description: 'The request body is too large (too_large): 1 MB, 3 MB for an OPML import, 26 MB for an article', content: json(ErrorOut) } }
const invalidToken = { '401': { $ref: '#/components/responses/InvalidToken' } }

const components = {
  securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'An API token from `newsdesk user token <user>`' } },
  responses: {
    InvalidToken: { description: 'The Authorization: Bearer token is unknown or revoked (invalid_token); a request without one is a guest\'s', content: json(ErrorOut) },
  },
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the handlers
 * validate with. Every operation takes an API token as a bearer credential
 * (`newsdesk user token`) and answers 401 to one it does not know; every write
 * (POST, PATCH, DELETE) needs one, and may answer 403 and 429.
 */
export function openApiDocument(): Record<string, unknown> {
  const doc = paths()
  for (const operations of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      op.responses = { ...(op.requestBody ? tooLarge : {}), ...op.responses, ...invalidToken }
      // A read takes a token or none; an operation that says otherwise (a guest's reply; an author's own reply) keeps its own security and 403.
      if (method !== 'post' && method !== 'patch' && method !== 'delete') op.security ??= [{}, { apiToken: [] }]
      else {
        op.security ??= [{ apiToken: [] }]
        op.responses = { ...forbidden, ...op.responses, ...rateLimited }
      }
    }
  }
  return { ...doc, components }
}

type Operation = { security?: unknown[]; responses?: Record<string, unknown>; [key: string]: unknown }

function paths(): { openapi: string; info: Record<string, unknown>; paths: Record<string, Record<string, Operation>> } {
  return {
    openapi: '3.1.0',
    info: { title: 'newsdesk API', version: '0.1.0', description: 'Articles, who said what, Similar Posts.' },
    paths: {
      '/api/articles': {
        get: {
          summary: 'Latest articles, newest first (one copy per story)',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'A page of articles', content: json(z.object({ items: z.array(ArticleSummaryOut), next: z.string().nullable() })) }, ...badRequest },
        },
        post: {
          summary: 'Add an article by URL, text or HTML (same article twice updates it)',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(AddArticleBody, { io: 'input', unrepresentable: 'any' }) } } },
          responses: {
            '201': { description: 'Created', content: json(AddedOut) },
            '200': { description: 'Already stored: updated', content: json(AddedOut) },
            ...badRequest,
            '413': { description: `too_large: the article's text is over ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters (an HTML page's, or a text near the limit with its title), or the request body is over 26 MB`, content: json(ErrorOut) },
            '422': { description: 'Unusable input: a field out of range (each named), no article text, an address that cannot be fetched or is refused', content: json(ErrorOut) },
          },
        },
      },
      '/api/articles/{id}': {
        get: { summary: 'An article with its quotes and Similar Posts', parameters: [idParam], responses: { '200': { description: 'The article', content: json(ArticleDetailOut) }, ...errors } },
        delete: { summary: 'Delete an article (editors)', parameters: [idParam], responses: { '204': { description: 'Deleted' }, ...errors } },
      },
      '/api/articles/{id}/similar': {
        get: {
          summary: 'Similar Posts: same story first, then same topic',
          parameters: [idParam, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } }],
          responses: { '200': { description: 'Similar articles', content: json(z.object({ items: z.array(SimilarOut) })) }, ...badRequest, ...errors },
        },
      },
      ...replyPaths(),
      '/api/search': {
        get: {
          summary: 'Full-text search over articles, and the quotes that match (who said it)',
          parameters: [
            { name: 'q', in: 'query', required: true, description: SEARCH_SYNTAX, schema: { type: 'string', maxLength: 200 } },
            { name: 'limit', in: 'query', description: 'Stories per page (30 when absent)', schema: { type: 'integer', minimum: 1, maximum: 100 } },
            { name: 'offset', in: 'query', description: 'Stories to skip: the "next" of the page before', schema: { type: 'integer', minimum: 0, maximum: MAX_SEARCH_OFFSET } },
          ],
          responses: { '200': { description: 'A page of matching articles, one per story, and the quotes matching the query', content: json(SearchOut) }, ...badRequest },
        },
      },
      ...feedPaths(),
      '/api/people/{id}': {
        get: {
          summary: 'A person with their quotes across the desk, a page at a time',
          parameters: [
            idParam,
            { name: 'limit', in: 'query', description: 'Quotes per page (100 when absent)', schema: { type: 'integer', minimum: 1, maximum: 500 } },
            { name: 'offset', in: 'query', description: 'Quotes to skip: the "next" of the page before', schema: { type: 'integer', minimum: 0, maximum: MAX_QUOTES_OFFSET } },
          ],
          responses: { '200': { description: 'The person', content: json(PersonOut) }, ...badRequest, ...errors },
        },
      },
      '/api/people': {
        get: {
          summary: 'The desk’s people, most quoted first; with q, everyone whose name contains it, quoted or only named',
          parameters: [
            { name: 'q', in: 'query', description: 'A name or part of one (accents, case and titles ignored)', schema: { type: 'string', maxLength: 100 } },
            { name: 'limit', in: 'query', description: 'People per page (50 when absent)', schema: { type: 'integer', minimum: 1, maximum: 200 } },
            { name: 'offset', in: 'query', description: 'People to skip: the "next" of the page before', schema: { type: 'integer', minimum: 0, maximum: MAX_PEOPLE_OFFSET } },
          ],
          responses: { '200': { description: 'A page of people', content: json(PeopleOut) }, ...badRequest },
        },
      },
    },
  }
}

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } })
const notYours = { '403': { description: 'Not your reply: only its author (signed in, or with their API token) changes or deletes it', content: json(ErrorOut) } }
const refused = { '422': { description: 'Refused: empty or too long, an answer to a hidden reply, a deleted reply shown again', content: json(ErrorOut) } }

/** "Leave a Reply" over the API. */
function replyPaths(): Record<string, Record<string, Operation>> {
  const moderate = (what: string): Operation => ({ summary: `${what} a reply (editors and admins)`, parameters: [idParam], responses: { '200': { description: 'The reply', content: json(ReplyOut) }, ...errors, ...refused } })
  return {
    '/api/articles/{id}/replies': {
      get: {
        summary: 'The article’s replies, oldest first, each before its answers (parentId); hidden ones are empty places for readers',
        parameters: [idParam],
        responses: { '200': { description: 'Replies', content: json(z.object({ items: z.array(ReplyOut) })) }, ...errors },
      },
      post: {
        summary: 'Reply to the article, or answer a reply (parentId)',
        security: [{}, { apiToken: [] }],
        parameters: [idParam],
        requestBody: body(PostReplyBody), responses: { '201': { description: 'Posted', content: json(ReplyOut) }, ...badRequest, ...errors, ...refused } },
    },
    '/api/replies/{id}': {
      patch: { summary: 'Change the words of your reply (its author only)', parameters: [idParam], requestBody: body(EditReplyBody), responses: { '200': { description: 'The reply as changed', content: json(ReplyOut) }, ...badRequest, ...errors, ...refused, ...notYours } },
      delete: { summary: 'Delete your reply (its author only); answers to it stay, under an empty place', parameters: [idParam], responses: { '204': { description: 'Deleted' }, ...errors, ...notYours } },
    },
    '/api/replies/{id}/hide': { post: moderate('Hide') },
    '/api/replies/{id}/show': { post: moderate('Show') },
  }
}

const notJsonOr = (what: string) => ({ '400': { description: 'The body is not JSON', content: json(ErrorOut) }, '422': { description: what, content: json(ErrorOut) } })

/** The feeds area (mounted at /api/feeds by the composition root). */
function feedPaths(): Record<string, Record<string, Operation>> {
  return {
    '/api/feeds': {
      get: { summary: 'Followed feeds with their last check, last error and entry counts', responses: { '200': { description: 'Feeds', content: json(z.object({ items: z.array(FeedViewOut) })) } } },
      post: {
        summary: 'Follow a feed (or a page that advertises one); its first check is queued at once',
        requestBody: body(AddFeedBody),
        responses: {
          '201': { description: 'Followed', content: json(FeedOut) },
          '200': { description: 'Already followed: the title and interval given are applied', content: json(FeedOut) },
          ...notJsonOr('A field out of range (each named), not a feed, an address that cannot be fetched or is refused'),
        },
      },
    },
    '/api/feeds/opml': {
      get: { summary: 'Export the followed feeds as OPML', responses: { '200': { description: 'OPML document', content: { 'text/x-opml': { schema: { type: 'string' } } } } } },
      post: {
        summary: 'Follow every feed of an OPML document',
        requestBody: body(ImportOpmlBody),
        responses: { '200': { description: 'Import report, as `newsdesk feed import-opml --json` prints it', content: json(OpmlReportOut) }, ...notJsonOr('No opml field, or not an OPML document') },
      },
    },
    '/api/feeds/{id}': {
      get: { summary: 'One feed', parameters: [idParam], responses: { '200': { description: 'The feed', content: json(FeedOut) }, ...errors } },
      patch: {
        summary: 'Change a feed\'s title, address or polling interval (what is left out stays); the same edit as `newsdesk feed edit`',
        parameters: [idParam],
        requestBody: body(EditFeedBody),
        responses: {
          '200': { description: 'The feed as changed', content: json(FeedOut) },
          ...errors,
          '409': { description: 'Another feed has that address', content: json(ErrorOut) },
          ...notJsonOr('Invalid settings (an interval out of range, an address that is refused), each named'),
        },
      },
      delete: { summary: 'Stop following a feed (its stored articles stay)', parameters: [idParam], responses: { '200': { description: 'Removed', content: json(z.object({ id: z.string() })) }, ...errors } },
    },
    '/api/feeds/{id}/refresh': {
      post: {
        summary: 'Queue a check of the feed now',
        parameters: [idParam],
        responses: { '202': { description: 'Queued', content: json(z.object({ id: z.string(), nextCheckAt: z.string().describe('Now: the check is queued') })) }, ...errors },
      },
    },
  }
}
