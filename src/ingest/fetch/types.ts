import type { Dispatcher } from 'undici'
import type { StageError } from '../../domain/index.js'

export type FetchErrorCode =
  | 'blocked_address'
  | 'bad_scheme'
  | 'bad_url'
  | 'credentials_in_url'
  | 'too_many_redirects'
  | 'too_large'
  | 'timeout'
  | 'bad_content_type'
  | 'http_status'
  | 'network'

/** Why a fetch failed; status and retryAfterSeconds let a scheduler back off politely. */
export interface FetchError extends StageError {
  code: FetchErrorCode
  url: string
  status?: number
  retryAfterSeconds?: number
}

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Resolves a host name to all its addresses (dns.lookup with all: true by default). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

/** Builds the dispatcher that connects to one already-checked address; injectable so tests can watch connections. */
export type DispatcherFactory = (target: { hostname: string; address: ResolvedAddress }, options: ConnectLimits) => Dispatcher

export interface ConnectLimits {
  connectTimeoutMs: number
  idleTimeoutMs: number
}

export interface FetchOptions {
  /** Host names, IPs or CIDRs a desk may reach although they are private (intranet feeds). Empty by default. */
  allowPrivateHosts?: string[]
  /** Largest decoded body accepted, in bytes (default 10 MB). */
  maxBytes?: number
  /** Cap on the whole fetch, redirects included (default 30 s). */
  timeoutMs?: number
  /** Cap on silence while waiting for headers or between body chunks (default 10 s). */
  idleTimeoutMs?: number
  /** Most redirects followed (default 5). */
  maxRedirects?: number
  /** Accepted media types; default: HTML, XHTML, plain text and feeds (RSS, Atom, RDF, JSON Feed). */
  acceptTypes?: string[]
  /** Validators of a stored copy, for a conditional request. */
  etag?: string | null
  lastModified?: string | null
  userAgent?: string
  signal?: AbortSignal
  resolver?: Resolver
  dispatcherFactory?: DispatcherFactory
}

export interface FetchedDocument {
  /** The URL asked for, and the URL the body came from after redirects. */
  requestedUrl: string
  url: string
  status: number
  /** True on a 304 answer to a conditional request: body is empty, keep the stored copy. */
  notModified: boolean
  body: Uint8Array
  /** The Content-Type header as sent (charset included), for the extractor. */
  contentType: string | null
  etag: string | null
  lastModified: string | null
  /** Seconds from Cache-Control max-age (or s-maxage), if given. */
  maxAgeSeconds: number | null
  headers: Record<string, string>
  redirects: string[]
  fetchedAt: string
}
