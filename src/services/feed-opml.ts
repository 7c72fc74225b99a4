import { ok, type Result } from '../domain/index.js'
import { buildOpml, parseOpml } from '../ingest/feeds/index.js'
import type { SkippedOutline } from '../ingest/feeds/index.js'
import * as repo from '../store/repos/feed-repo.js'
import type { StoredFeed } from '../store/repos/feed-repo.js'
import { addFeed, checkFeedUrl, findFeed, type FeedDeps } from './feeds.js'

export type { SkippedOutline } from '../ingest/feeds/index.js'

export interface OpmlImportReport {
  added: StoredFeed[]
  /** URLs of feeds already followed (left as they are). */
  existing: string[]
  /** Outlines not followed, each with why (not http(s), a refused address, …). */
  skipped: SkippedOutline[]
}

/**
 * Subscribes to every feed of an OPML file without fetching them (the
 * scheduler checks each soon); each address passes the fetcher's rules that
 * need no DNS first, so a private address is refused here, not at its first check.
 */
export async function importOpml(deps: FeedDeps, body: string | Uint8Array): Promise<Result<OpmlImportReport>> {
  const doc = parseOpml(body)
  if (!doc.ok) return doc
  const report: OpmlImportReport = { added: [], existing: [], skipped: [...doc.value.skipped] }
  for (const item of doc.value.feeds) {
    const checked = checkFeedUrl(deps, item.url)
    if (!checked.ok) {
      report.skipped.push({ url: item.url, reason: checked.error.message })
      continue
    }
    // A feed already followed keeps its own title and interval.
    if ((await findFeed(deps, checked.value)) !== null) {
      report.existing.push(item.url)
      continue
    }
    const added = await addFeed(deps, { url: checked.value, title: item.title, verify: false })
    if (!added.ok) report.skipped.push({ url: item.url, reason: added.error.message })
    else if (!added.value.created) report.existing.push(item.url)
    else {
      if (item.siteUrl !== null) await repo.updateFeed(deps.store.db, added.value.feed.id, { siteUrl: item.siteUrl })
      report.added.push({ ...added.value.feed, siteUrl: item.siteUrl })
    }
  }
  return ok(report)
}

export async function exportOpml(deps: FeedDeps): Promise<string> {
  const feeds = await repo.listFeeds(deps.store.db)
  return buildOpml(feeds.map((f) => ({ url: f.url, title: f.title, siteUrl: f.siteUrl })), { title: 'newsdesk feeds', now: deps.now() })
}
