import type { Logger } from 'pino'
import type { Config } from '../config/index.js'
import type { Result } from '../domain/index.js'
import type { Store } from '../store/db.js'

/** A fetched page as the ingest edge returns it (after its SSRF and size guards). */
export interface FetchedPage {
  body: Uint8Array
  contentType: string | null
  /** The final URL, after redirects. */
  url: string
}

export type FetchUrl = (url: string) => Promise<Result<FetchedPage>>

/** Logs the detail of a refused fetch (what a name resolved to), which its message leaves out; returns the result as it is. */
export function logDetail<T extends Result<unknown>>(log: Logger, result: T): T {
  if (!result.ok && result.error.detail !== undefined) log.warn({ code: result.error.code, detail: result.error.detail }, result.error.message)
  return result
}

/** What every service needs, built once by main.ts and passed down. */
export interface ServiceDeps {
  store: Store
  config: Readonly<Config>
  log: Logger
  /** The clock, injectable for tests. */
  now: () => Date
  /** The safe fetcher of the ingest edge; absent where the network is not allowed. */
  fetchUrl?: FetchUrl
}
