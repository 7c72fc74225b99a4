/**
 * How the JSON API answers bad requests: one error shape ({error: {code,
 * message}}), one status per code, and readers for the parts of a request
 * that can be malformed (the JSON body, a limit in the query).
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import type { StageError } from '../../domain/index.js'
import type { AppEnv } from '../env.js'

const STATUS_OF: Record<string, 400 | 403 | 404 | 409 | 413 | 422> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
}

export function errorResponse(c: Context<AppEnv>, error: StageError) {
  // Only the code and message: an error's detail (what a name resolved to) is for the server log.
  return c.json({ error: { code: error.code, message: error.message } }, STATUS_OF[error.code] ?? 422)
}

/** A body that parsed as JSON but does not fit the schema: each issue with its path. */
function invalidRequest(c: Context<AppEnv>, issues: { path: PropertyKey[]; message: string }[]) {
  return errorResponse(c, { code: 'invalid_request', message: issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ') })
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
