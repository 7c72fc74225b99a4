import type { createApp } from '../../src/http/app.js'

/** A tiny cookie-keeping client over app.request(). */
export function client(app: ReturnType<typeof createApp>) {
  const jar = new Map<string, string>()
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [k, v] = (pair ?? '').split('=')
      if (k) {
        if (v === '' || /Max-Age=0/i.test(c)) jar.delete(k)
        else jar.set(k, v ?? '')
      }
    }
    return res
  }
  return {
    jar,
    get: async (path: string) => remember(await app.request(path, { headers: { cookie: cookieHeader() } })),
    /** Loads the home page for a CSRF token when it has none, then posts the form fields to `path`. */
    post: async (path: string, fields: Record<string, string>, options: { csrf?: string | null; headers?: Record<string, string> } = {}) => {
      if (!jar.has('nd_csrf')) remember(await app.request('/', { headers: { cookie: cookieHeader() } }))
      const body = new URLSearchParams({ ...fields, ...(options.csrf === null ? {} : { _csrf: options.csrf ?? jar.get('nd_csrf') ?? '' }) })
      return remember(await app.request(path, { method: 'POST', body, headers: { ...options.headers, cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' } }))
    },
    json: async (path: string, method: string, value: unknown) =>
      remember(await app.request(path, { method, body: JSON.stringify(value), headers: { cookie: cookieHeader(), 'content-type': 'application/json' } })),
  }
}
