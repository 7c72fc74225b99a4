import { fetchUrl } from '../ingest/fetch/index.js'
import type { FetchDocument } from '../pipeline/feed-refresh.js'
import type { JobQueue } from '../pipeline/queue.js'
import { logDetail, type ServiceDeps } from './deps.js'

/** Services of the feeds area; fetchDocument defaults to the SSRF-safe fetcher with the desk's allow list. */
export interface FeedDeps extends ServiceDeps {
  fetchDocument?: FetchDocument
  /** When given, refreshes queue one job per new entry instead of storing entries inline. */
  queue?: JobQueue
}

/** The fetcher feeds and their pages are read with; the detail of a refusal goes to the log. */
export function feedFetcher(deps: FeedDeps): FetchDocument {
  const fetch: FetchDocument = deps.fetchDocument ?? ((url, options = {}) => fetchUrl(url, { ...options, allowPrivateHosts: deps.config.allowPrivateHosts }))
  return async (url, options) => logDetail(deps.log, await fetch(url, options))
}
