import { resolve } from 'node:path'
import { z } from 'zod'
import { issueLines } from '../lib/issues.js'

/** Everything newsdesk reads from its environment, validated once at start. */
export interface Config {
  /** `sqlite:<path>` or `postgres://…`. */
  databaseUrl: string
  dataDir: string
  host: string
  port: number
  logLevel: string
  /** LOG_LEVEL was given: every command logs at it (otherwise the CLI's one-shot commands log errors only). */
  logLevelSet: boolean
  /** Host names or CIDRs that the server-side fetcher may reach although private. */
  allowPrivateHosts: string[]
  /** Open sign-up: when false only an admin creates accounts (the first account is always admin). */
  openSignup: boolean
  /** Behind a reverse proxy: take the client address from X-Forwarded-For for rate limits. */
  trustProxy: boolean
  /** Served over https: cookies get the Secure flag. */
  secureCookies: boolean
}

const EnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  NEWSDESK_DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  NEWSDESK_ALLOW_PRIVATE_HOSTS: z.string().default(''),
  NEWSDESK_OPEN_SIGNUP: z.enum(['true', 'false', '1', '0']).default('true'),
  NEWSDESK_TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  NEWSDESK_SECURE_COOKIES: z.enum(['true', 'false', '1', '0']).default('false'),
})

const flag = (v: string): boolean => v === 'true' || v === '1'

/** Reads and validates the environment; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = issueLines(parsed.error.issues, { fields: true })
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  const dataDir = resolve(e.NEWSDESK_DATA_DIR)
  return Object.freeze({
    databaseUrl: e.DATABASE_URL || `sqlite:${resolve(dataDir, 'newsdesk.db')}`,
    dataDir,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL ?? 'info',
    logLevelSet: e.LOG_LEVEL !== undefined,
    allowPrivateHosts: e.NEWSDESK_ALLOW_PRIVATE_HOSTS.split(',').map((s) => s.trim()).filter(Boolean),
    openSignup: flag(e.NEWSDESK_OPEN_SIGNUP),
    trustProxy: flag(e.NEWSDESK_TRUST_PROXY),
    secureCookies: flag(e.NEWSDESK_SECURE_COOKIES),
  })
}
