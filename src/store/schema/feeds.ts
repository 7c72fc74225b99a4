/** Tables of the ingest edge (feeds, job queue). Owned by src/ingest + src/pipeline. */

export interface FeedsTable {
  id: string
  url: string
  title: string | null
  site_url: string | null
  /** Validators of the last answer, sent back for a conditional request. */
  etag: string | null
  last_modified: string | null
  /** The desk's polling interval; the server's TTL / max-age can only lengthen it. */
  interval_minutes: number
  next_check_at: string
  last_checked_at: string | null
  /** Why the last check failed; error_count says how many failed in a row. */
  last_error: string | null
  error_count: number
  created_at: string
  /** What the last successful check found wrong (the feed was damaged and read in part); not an error. */
  last_warning: string | null
}

export interface FeedEntriesTable {
  feed_id: string
  guid: string
  url: string | null
  title: string | null
  article_id: string | null
  /** page | feed-content | failed; null while the entry waits for its job. */
  status: string | null
  /** Why the last try fell short (failed, or only the feed's own content kept). */
  error: string | null
  created_at: string
  /** Tries at the entry's page so far, each counted when it starts (migration 0016: a try whose process stopped is one). */
  attempts: number
  /** When a transient failure is tried again; null when there is nothing to retry (stored, permanent, or given up). */
  retry_at: string | null
  tried_at: string | null
  /** The entry's date as the feed gave it, so a retry can rebuild the entry without the feed. */
  published_at: string | null
  /** The entry's updated date (else its published date) when last stored: a later one means the entry changed. */
  entry_updated_at: string | null
  /** The token of the refresh or job that holds the entry's retry (migration 0012); null when none does. */
  claim_token: string | null
  /** When the try that holds the entry (its run's token is claim_token) started; null when none runs (migration 0016). */
  try_started_at: string | null
}

export interface JobsTable {
  id: string
  kind: string
  /** JSON text. */
  payload: string
  /** queued | dead */
  status: string
  run_at: string
  attempts: number
  locked_until: string | null
  locked_by: string | null
  last_error: string | null
  created_at: string
}

export interface FeedTables {
  feeds: FeedsTable
  feed_entries: FeedEntriesTable
  jobs: JobsTable
}
