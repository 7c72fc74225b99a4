/**
 * How the JSON API answers bad requests: one error shape ({error: {code,
 * message}}), one status per code, and readers for the parts of a request
 * that can be malformed (the JSON body, a limit in the query).
 */
import type { Context } from 'hono'
import type { RouterRoute } from 'hono/types'
import type { z } from 'zod'
import type { StageError } from '../../domain/index.js'
import { issuesMessage, type Issue } from '../../lib/issues.js'
import type { AppEnv } from '../env.js'

const STATUS_OF: Record<string, 400 | 403 | 404 | 405 | 409 | 413 | 422> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
}

/** The error as the API documents it: its code and message, nothing else a service's error carries (a fetch error's url, status). */
export function errorResponse(c: Context<AppEnv>, error: StageError) {
  // Only the code and message: an error's detail (what a name resolved to) is for the server log.
  return c.json({ error: { code: error.code, message: error.message } }, STATUS_OF[error.code] ?? 422)
}

/** A body that parsed as JSON but does not fit the schema: each issue after the field it concerns. */
function invalidRequest(c: Context<AppEnv>, issues: readonly Issue[]) {
  return errorResponse(c, { code: 'invalid_request', message: issuesMessage(issues, { fields: true, root: 'body' }) })
}

/** The request body as JSON, or undefined when it is not JSON (answer with `notJson`). */
async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  return c.req.json().catch(() => undefined)
}

function notJson(c: Context<AppEnv>) {
  return errorResponse(c, { code: 'bad_request', message: 'the request body is not JSON (send Content-Type: application/json)' })
}

/** The request body checked against `schema`: its data, or the response that says what is wrong (not JSON, or which fields). */
export async function validBody<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const raw = await jsonBody(c)
  if (raw === undefined) return { ok: false, response: notJson(c) }
  const parsed = schema.safeParse(raw)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalidRequest(c, parsed.error.issues) }
}

/** `?limit=`: `fallback` when absent, a whole number from 1 to `max`, or null when malformed (answer with `badLimit`). */
export function limitParam(c: Context<AppEnv>, fallback: number, max: number): number | null {
  const raw = c.req.query('limit')
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null
}

/** `?offset=`: 0 when absent, a whole number from 0 to `max`, or null when malformed. */
export function offsetParam(c: Context<AppEnv>, max: number): number | null {
  const raw = c.req.query('offset')
  if (raw === undefined || raw === '') return 0
  const n = Number(raw)
  return Number.isInteger(n) && n >= 0 && n <= max ? n : null
}

export function badLimit(c: Context<AppEnv>, max: number) {
  return errorResponse(c, { code: 'bad_request', message: `limit must be a whole number from 1 to ${max}` })
}

/** The order an Allow header lists methods in. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/** The methods the app's routes answer at `path` (a GET answers HEAD too). */
export function allowedMethods(routes: readonly RouterRoute[], path: string): string[] {
  const allowed = new Set<string>()
  for (const route of routes) {
    if (route.method === 'ALL' || !routePattern(route.path).test(path)) continue
    allowed.add(route.method)
    if (route.method === 'GET') allowed.add('HEAD')
  }
  return METHODS.filter((m) => allowed.has(m))
}

/** A route's path ("/api/articles/:id") as a pattern of whole paths. */
function routePattern(path: string): RegExp {
  const parts = path.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${parts.join('/')}$`)
}

/** An API address nothing answers: 405 with Allow when it is known under other methods, else 404. */
export function noSuchEndpoint(c: Context<AppEnv>, routes: readonly RouterRoute[]) {
  const allowed = allowedMethods(routes, c.req.path)
  if (allowed.length === 0) return errorResponse(c, { code: 'not_found', message: 'no such endpoint' })
  c.header('Allow', allowed.join(', '))
  return errorResponse(c, { code: 'method_not_allowed', message: `${c.req.method} is not answered here: use ${allowed.join(', ')}` })
}
