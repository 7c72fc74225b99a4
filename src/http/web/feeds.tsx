import { Hono, type Context } from 'hono'
import type { Viewer } from '../../services/accounts.js'
import { exportOpml, importOpml, type SkippedOutline } from '../../services/feed-opml.js'
import { addFeed, getFeed, listFeeds, removeFeed, requestRefresh, type EntryFailure, type FeedDeps, type FeedView } from '../../services/feeds.js'
import { ConfirmPage } from './confirm.js'
import type { AppEnv } from '../env.js'
import { feedEditPages } from './feed-edit.js'
import { countOf, CsrfField, ErrorBox, formatDate, Layout } from './layout.js'

type Ctx = Context<AppEnv>

const MAX_OPML_BYTES = 2 * 1024 * 1024

/**
 * The status messages a redirect may ask for, by code: the banner only ever
 * says one of these, whatever a link's query string holds.
 */
const NOTICES: Record<string, string> = {
  added: 'Feed added; its articles arrive in a moment.',
  'already-followed': 'You already follow that feed.',
  edited: 'Feed settings saved.',
  'refresh-queued': 'The feed will be checked in a moment.',
  removed: 'Feed removed; its articles stay on the desk.',
}

const noticeOf = (code: string | undefined): string | null => (code !== undefined && Object.hasOwn(NOTICES, code) ? (NOTICES[code] ?? null) : null)

interface FeedsPageProps {
  viewer: Viewer
  csrf: string
  feeds: FeedView[]
  error?: string | null
  notice?: string | null
  /** OPML outlines the last import did not follow, with why. */
  skipped?: SkippedOutline[]
  form?: { url?: string; interval?: string }
}

/** The subscribed feeds with each one's last check and last error, and the forms to manage them. */
export function FeedsPage(p: FeedsPageProps) {
  return (
    <Layout title="Feeds" viewer={p.viewer} csrf={p.csrf}>
      <div class="columns">
        <section>
          <h1>Feeds</h1>
          {p.notice ? <p class="notice" role="status">{p.notice}</p> : null}
          {p.skipped && p.skipped.length > 0 ? (
            <ul class="meta opml-skipped">
              {p.skipped.map((s) => <li>Skipped {s.url}: {s.reason}</li>)}
            </ul>
          ) : null}
          {p.feeds.length === 0 ? <p class="meta">No feeds yet.</p> : null}
          <ul id="feeds" class="feeds">
            {p.feeds.map((f) => <FeedItem feed={f} canEdit={p.viewer.canAddArticles} csrf={p.csrf} />)}
          </ul>
          <p>
            <a href="/feeds/export.opml">Export as OPML</a>
          </p>
        </section>
        <aside>{p.viewer.canAddArticles ? <FeedForms csrf={p.csrf} error={p.error} form={p.form} /> : <p class="meta">Sign in as an editor to add feeds.</p>}</aside>
      </div>
    </Layout>
  )
}

function FeedItem({ feed: f, canEdit, csrf }: { feed: FeedView; canEdit: boolean; csrf: string }) {
  return (
    <li class="card feed" id={`feed-${f.id}`}>
      <h2>{f.title ?? f.url}</h2>
      <p class="meta">
        <a href={f.url} rel="nofollow noopener">{f.url}</a>
        {f.siteUrl ? <> · <a href={f.siteUrl} rel="nofollow noopener">site</a></> : null}
      </p>
      <p class="meta">
        Checked {f.lastCheckedAt ? checkTime(f.lastCheckedAt) : 'never'} · next {checkTime(f.nextCheckAt)} · every {f.intervalMinutes} min
      </p>
      <p class="meta">
        {countOf(f.counts.entries, 'entry', 'entries')}: {f.counts.stored} from their page, {f.counts.feedContent} from the feed's own content, {f.counts.failed} failed
        {f.counts.retrying > 0 ? `; ${f.counts.retrying} to be tried again` : ''}
      </p>
      <EntryFailures failures={f.failures} />
      {f.lastError ? (
        <p class="error feed-error">
          Last error{f.errorCount > 1 ? ` (${f.errorCount} in a row)` : ''}: {f.lastError}
        </p>
      ) : f.lastWarning ? (
        <p class="meta feed-warning">Read with a warning: {f.lastWarning}</p>
      ) : null}
      {canEdit ? (
        <div class="actions">
          <a class="edit-feed" href={`/feeds/${f.id}/edit`}>Edit</a>
          <form method="post" action={`/feeds/${f.id}/refresh`}>
            <CsrfField token={csrf} />
            <button type="submit">Check now</button>
          </form>
          <a class="danger" href={`/feeds/${f.id}/remove`}>Remove…</a>
        </div>
      ) : null}
    </li>
  )
}

/** The latest entries that fell short, each with why and whether it will be tried again. */
function EntryFailures({ failures }: { failures: EntryFailure[] }) {
  if (failures.length === 0) return null
  return (
    <ul class="meta entry-failures">
      {failures.map((e) => (
        <li>
          {e.status === 'failed' ? 'Failed' : 'Page failed'}: {e.url ? <a href={e.url} rel="nofollow noopener">{e.title ?? e.url}</a> : (e.title ?? e.guid)} – {e.error ?? 'unknown error'}
          {e.retryAt ? ` (tried ${e.attempts}×, next try ${e.retryAt.slice(0, 16).replace('T', ' ')} UTC)` : ` (tried ${e.attempts}×, not tried again)`}
        </li>
      ))}
    </ul>
  )
}

/** When a feed was or will be checked: "7 Dec 2026 17:26 UTC". */
const checkTime = (iso: string): string => `${formatDate(iso)} ${iso.slice(11, 16)} UTC`

function FeedForms({ csrf, error, form }: { csrf: string; error?: string | null | undefined; form?: { url?: string; interval?: string } | undefined }) {
  return (
    <>
      <section class="card" id="add-feed">
        <h2>Add a feed</h2>
        <ErrorBox message={error} />
        <form method="post" action="/feeds">
          <CsrfField token={csrf} />
          <label>
            Feed or site address <input type="url" name="url" required value={form?.url ?? ''} placeholder="https://example.org/feed.xml" />
          </label>
          <label>
            Check every (minutes) <input type="number" name="interval" min="5" max="10080" value={form?.interval ?? '60'} />
          </label>
          <button type="submit">Add feed</button>
        </form>
      </section>
      <section class="card" id="import-opml">
        <h2>Import OPML</h2>
        <form method="post" action="/feeds/import" enctype="multipart/form-data">
          <CsrfField token={csrf} />
          <input type="file" name="file" accept=".opml,.xml,text/xml,text/x-opml" required aria-label="OPML file" />
          <button type="submit">Import</button>
        </form>
      </section>
    </>
  )
}

/** The feeds pages, mounted at /feeds. Each handler: parse → one service → render. */
export function feedPages(deps: FeedDeps): Hono<AppEnv> {
  const web = new Hono<AppEnv>()
  const render = async (c: Ctx, extra: Partial<FeedsPageProps> = {}, status: 200 | 403 | 404 | 413 | 422 = 200) =>
    c.html(<FeedsPage viewer={c.get('viewer')} csrf={c.get('csrfToken')} feeds={await listFeeds(deps)} {...extra} />, status)
  const denied = (c: Ctx) => render(c, { error: 'Sign in as an editor to manage feeds.' }, 403)

  web.get('/', (c) => render(c, { notice: noticeOf(c.req.query('notice')) }))

  web.post('/', async (c) => {
    if (!c.get('viewer').canAddArticles) return denied(c)
    const body = await c.req.parseBody()
    const url = typeof body.url === 'string' ? body.url.trim() : ''
    const typed = typeof body.interval === 'string' ? body.interval.trim() : ''
    const interval = typed !== '' ? Number(typed) : undefined
    if (url === '') return render(c, { error: 'Not added: give the address of a feed or of a site that has one.', form: { url, interval: typed } }, 422)
    const result = await addFeed(deps, { url, ...(interval === undefined ? {} : { intervalMinutes: interval }) })
    if (!result.ok) return render(c, { error: `Not added: ${result.error.message}`, form: { url, interval: typed } }, 422)
    if (result.value.created) await requestRefresh(deps, result.value.feed.id)
    return c.redirect(`/feeds?notice=${result.value.created ? 'added' : 'already-followed'}`, 303)
  })

  web.post('/import', async (c) => {
    if (!c.get('viewer').canAddArticles) return denied(c)
    const body = await c.req.parseBody()
    const file = body.file instanceof File ? body.file : null
    if (file === null || file.size === 0) return render(c, { error: 'Choose an OPML file.' }, 422)
    if (file.size > MAX_OPML_BYTES) return render(c, { error: 'That OPML file is larger than 2 MB.' }, 413)
    const result = await importOpml(deps, new Uint8Array(await file.arrayBuffer()))
    if (!result.ok) return render(c, { error: result.error.message }, 422)
    const r = result.value
    // The report is shown at once (importing the same file again changes nothing), not carried in a redirect.
    return render(c, { notice: `Imported ${r.added.length} feeds (${r.existing.length} already followed, ${r.skipped.length} skipped).`, skipped: r.skipped })
  })

  web.post('/:id/refresh', async (c) => {
    if (!c.get('viewer').canAddArticles) return denied(c)
    const result = await requestRefresh(deps, c.req.param('id'))
    if (!result.ok) return render(c, { error: result.error.message }, 404)
    return c.redirect('/feeds?notice=refresh-queued', 303)
  })

  // Form-only addresses, loaded directly (a refused form's page, reloaded): back to the feeds.
  for (const path of ['/import', '/:id/refresh']) web.get(path, (c) => c.redirect('/feeds', 303))

  web.get('/:id/remove', async (c) => {
    if (!c.get('viewer').canAddArticles) return denied(c)
    const feed = await getFeed(deps, c.req.param('id'))
    if (!feed) return render(c, { error: 'There is no such feed on this desk.' }, 404)
    const message = `The desk stops checking ${feed.title ?? feed.url}. The articles it brought stay on the desk.`
    return c.html(<ConfirmPage viewer={c.get('viewer')} csrf={c.get('csrfToken')} title="Stop following this feed?" message={message} action={`/feeds/${feed.id}/remove`} button="Remove the feed" cancel="/feeds" />)
  })

  web.post('/:id/remove', async (c) => {
    if (!c.get('viewer').canAddArticles) return denied(c)
    const result = await removeFeed(deps, c.req.param('id'))
    if (!result.ok) return render(c, { error: result.error.message }, 404)
    return c.redirect('/feeds?notice=removed', 303)
  })

  web.route('/', feedEditPages(deps, denied))

  web.get('/export.opml', async (c) =>
    c.body(await exportOpml(deps), 200, { 'content-type': 'text/x-opml; charset=utf-8', 'content-disposition': 'attachment; filename="newsdesk-feeds.opml"' }),
  )

  return web
}
