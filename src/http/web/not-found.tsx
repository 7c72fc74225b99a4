import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { MessagePage } from './account.js'

/** The "Not found" page the web routes answer with, status 404; `message` names what is missing. */
export function notFoundPage(c: Context<AppEnv>, message: string) {
  return c.html(<MessagePage viewer={c.get('viewer')} csrf={c.get('csrfToken')} title="Not found" message={message} />, 404)
}
