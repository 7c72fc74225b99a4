import { readFile } from 'node:fs/promises'
import { Command, InvalidArgumentError } from 'commander'
import {
  addFeed, checkInterval, editFeed, feedFailures, INTERVAL_RULE, listFeeds, refreshAllFeeds, refreshFeed, removeFeed, startFeedBackground,
  type EntryFailure, type FeedDeps, type FeedView, type RefreshReport, type StoredFeed,
} from '../../services/feeds.js'
import { exportOpml, importOpml } from '../../services/feed-opml.js'
import { commandFailed, EXIT, printJson, printText, type CliContext } from '../context.js'

/** What the feed command needs beyond the CLI context: how to build feed deps from the opened services. */
export interface FeedCommandDeps {
  ctx: CliContext
  /** Adds feed-only dependencies (fetchDocument) to the opened services; identity by default. */
  feedDeps?: (deps: Awaited<ReturnType<CliContext['open']>>) => FeedDeps
}

/** `newsdesk feed add URL | edit ID|URL | list | failures ID | remove ID | refresh [ID] | import-opml FILE | export-opml | run`. */
export function feedCommand(deps: FeedCommandDeps): Command {
  const { ctx } = deps
  const open = async (): Promise<FeedDeps> => {
    const services = await ctx.open()
    return deps.feedDeps ? deps.feedDeps(services) : services
  }
  const feed = new Command('feed').description('subscribe to RSS, Atom, RDF and JSON feeds; their new articles are fetched and stored')

  feed
    .command('add')
    .description('subscribe to a feed (a web page that advertises its feed works too)')
    .argument('<url>', 'feed or page URL')
    .option('--interval <minutes>', `how often to check it: ${INTERVAL_RULE}; default 60 (the feed may ask for less often)`, intervalArg)
    .option('--title <title>', 'a title of your own')
    .option('--json', 'print the feed as JSON')
    .action(async (url: string, opts: FeedOptions) => {
      const result = await addFeed(await open(), { url, ...settingsOf(opts) })
      if (!result.ok) return commandFailed(ctx, 'feed add', `${url}: ${result.error.detail ?? result.error.message} (${result.error.code})`)
      if (opts.json) return printJson(ctx, result.value)
      const changed = result.value.created || (opts.title === undefined && opts.interval === undefined) ? '' : ' (settings changed)'
      printText(ctx.stdout, `${result.value.created ? 'added' : 'already subscribed'} ${result.value.feed.id}${changed}\n${formatSettings(result.value.feed)}`)
    })

  feed
    .command('edit')
    .description("change a feed's title, address or how often it is checked (as the feeds page and PATCH /api/feeds/:id do)")
    .argument('<feed>', 'feed id or URL')
    .option('--interval <minutes>', `how often to check it: ${INTERVAL_RULE}`, intervalArg)
    .option('--title <title>', 'a title of your own ("" for the feed\'s own)')
    .option('--url <url>', 'the feed\'s new address (refused as when adding; checked there at once, its articles stay)')
    .option('--json', 'print the feed as JSON')
    .action(async (idOrUrl: string, opts: FeedOptions) => {
      if (opts.title === undefined && opts.interval === undefined && opts.url === undefined) {
        ctx.stderr.write('newsdesk feed edit: nothing to change: give --title, --url and/or --interval\n')
        return void (process.exitCode = EXIT.usage)
      }
      const result = await editFeed(await open(), idOrUrl, { ...settingsOf(opts), ...(opts.url === undefined ? {} : { url: opts.url }) })
      if (!result.ok) return commandFailed(ctx, 'feed edit', result.error.message)
      if (opts.json) return printJson(ctx, result.value)
      printText(ctx.stdout, `changed ${result.value.id}\n${formatSettings(result.value)}`)
    })

  feed
    .command('list')
    .description('list subscribed feeds with their last check and last error')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const feeds = await listFeeds(await open())
      if (opts.json) return printJson(ctx, feeds)
      if (feeds.length === 0) return void ctx.stdout.write('no feeds yet: newsdesk feed add <url>\n')
      for (const f of feeds) printText(ctx.stdout, formatFeed(f))
    })

  feed
    .command('failures')
    .description('list the entries of a feed that failed or wait for another try, with why')
    .argument('<id>', 'feed id')
    .option('--json', 'print as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const result = await feedFailures(await open(), id)
      if (!result.ok) return commandFailed(ctx, 'feed failures', result.error.message)
      if (opts.json) return printJson(ctx, result.value)
      if (result.value.length === 0) return void ctx.stdout.write('no failed entries\n')
      for (const f of result.value) printText(ctx.stdout, `${formatFailure(f)}\n`)
    })

  feed
    .command('remove')
    .description('unsubscribe (stored articles stay)')
    .argument('<id>', 'feed id')
    .action(async (id: string) => {
      const result = await removeFeed(await open(), id)
      if (!result.ok) return commandFailed(ctx, 'feed remove', result.error.message)
      ctx.stdout.write(`removed ${id}\n`)
    })

  feed
    .command('refresh')
    .description('check one feed (or every feed) now and store its new articles')
    .argument('[id]', 'feed id; all feeds when omitted')
    .option('--json', 'print the reports as JSON')
    .addHelpText('after', '\nOne report per feed on standard output; a feed that failed is in it, with why, and the exit code is 1.\n' +
      'Nothing else is written unless something breaks (set LOG_LEVEL, e.g. LOG_LEVEL=info, for the JSON log as well).')
    .action(async (id: string | undefined, opts: { json?: boolean }) => {
      const d = await open()
      let reports: RefreshReport[]
      if (id === undefined) reports = await refreshAllFeeds(d)
      else {
        const r = await refreshFeed(d, id)
        if (!r.ok) return commandFailed(ctx, 'feed refresh', r.error.message)
        reports = [r.value]
      }
      if (opts.json) printJson(ctx, reports)
      else for (const r of reports) printText(ctx.stdout, formatReport(r))
      if (reports.some((r) => r.status === 'failed')) process.exitCode = EXIT.failed
    })

  feed
    .command('import-opml')
    .description('subscribe to every feed of an OPML file (each outline not followed is named, with why)')
    .argument('<file>', 'OPML file')
    .option('--json', 'print the report as JSON: added feeds, URLs already followed, skipped outlines with their reason')
    .action(async (file: string, opts: { json?: boolean }) => {
      let body: Buffer
      try {
        body = await readFile(file)
      } catch (err) {
        return commandFailed(ctx, 'feed import-opml', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
      }
      const result = await importOpml(await open(), new Uint8Array(body))
      if (!result.ok) return commandFailed(ctx, 'feed import-opml', `${file}: ${result.error.message}`)
      const r = result.value
      if (opts.json) return printJson(ctx, r)
      ctx.stdout.write(`added ${r.added.length}, already subscribed ${r.existing.length}, skipped ${r.skipped.length}\n`)
      for (const s of r.skipped) printText(ctx.stdout, `  skipped ${s.url}: ${s.reason}\n`)
    })

  feed
    .command('export-opml')
    .description('write the subscriptions as OPML to standard output')
    .action(async () => {
      ctx.stdout.write(await exportOpml(await open()))
    })

  feed
    .command('run')
    .description('run the feed scheduler and job worker in the foreground until stopped')
    .option('--every <seconds>', 'how often to look for due feeds', '30')
    .action(async (opts: { every: string }) => {
      const background = startFeedBackground(await open(), { everyMs: Math.max(1, Number(opts.every) || 30) * 1000 })
      ctx.stdout.write('newsdesk feed worker running (Ctrl-C to stop)\n')
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
      })
      await background.stop()
    })

  return feed
}

interface FeedOptions {
  interval?: number
  title?: string
  url?: string
  json?: boolean
}

const settingsOf = (opts: FeedOptions) => ({
  ...(opts.title === undefined ? {} : { title: opts.title }),
  ...(opts.interval === undefined ? {} : { intervalMinutes: opts.interval }),
})

/** --interval: a usage error (exit 2) unless it is a whole number of minutes in range. */
function intervalArg(value: string): number {
  const checked = checkInterval(value.trim() === '' ? Number.NaN : Number(value))
  if (!checked.ok) throw new InvalidArgumentError(`It must be ${INTERVAL_RULE}.`)
  return checked.value
}

function formatSettings(f: StoredFeed): string {
  const when = f.lastCheckedAt
    ? `last checked ${f.lastCheckedAt}, next check ${f.nextCheckAt}`
    : `first check at the next scheduler tick, or run: newsdesk feed refresh ${f.id}`
  return `  title: ${f.title ?? '(none)'}\n  url:   ${f.url}\n  every ${f.intervalMinutes} min; ${when}\n`
}

function formatFeed(f: FeedView): string {
  const status = f.lastError
    ? `ERROR (${f.errorCount}× in a row): ${f.lastError}`
    : !f.lastCheckedAt ? 'not checked yet' : f.lastWarning ? `ok, with a warning: ${f.lastWarning}` : 'ok'
  return [
    `${f.id}  ${f.title ?? '(untitled)'}`,
    `  url:      ${f.url}`,
    `  checked:  ${f.lastCheckedAt ?? 'never'}; next ${f.nextCheckAt}; every ${f.intervalMinutes} min`,
    `  entries:  ${f.counts.entries} (${f.counts.stored} from their page, ${f.counts.feedContent} from the feed's own content, ${f.counts.failed} failed; ${f.counts.retrying} to be tried again)`,
    `  status:   ${status}`,
    ...f.failures.map((e) => `  ${formatFailure(e)}`),
    '',
  ].join('\n')
}

function formatFailure(f: EntryFailure): string {
  const what = f.status === 'failed' ? 'failed' : f.status === 'feed-content' ? 'page failed (feed content kept)' : 'update failed'
  const next = f.retryAt ? `; tried ${f.attempts}×, next try ${f.retryAt}` : `; tried ${f.attempts}×, not tried again`
  return `${what} ${f.url ?? f.guid}: ${f.error ?? 'unknown error'}${next}`
}

function formatOutcome(guid: string, o: RefreshReport['entries'][number]['outcome']): string {
  const again = o.retryAt ? ` (will try again after ${o.retryAt})` : ''
  if (o.status === 'skipped') return `skipped  ${guid}: ${o.reason}`
  if (o.status === 'failed') return `failed   ${guid}: ${o.error}${again}`
  return `${o.status === 'page' ? 'stored  ' : 'kept feed content'} ${o.articleId} (${guid})${o.note ? ` – ${o.note}${again}` : ''}`
}

function formatReport(r: RefreshReport): string {
  const more = `${r.changed > 0 ? `; ${r.changed} updated` : ''}${r.retried > 0 ? `; ${r.retried} tried again` : ''}`
  const status = r.warning ? `${r.status} with a warning: ${r.warning}` : r.status
  const lines = [`${r.feedId} ${r.url}: ${status}${r.error ? ` – ${r.error}` : ''}; ${r.newEntries} new${more}; next check ${r.nextCheckAt}`]
  for (const e of r.entries) lines.push(`  ${formatOutcome(e.guid, e.outcome)}`)
  return `${lines.join('\n')}\n`
}
