import { Hono, type Context } from 'hono'
import type { Viewer } from '../../services/accounts.js'
import { editFeed, getFeed, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, type FeedDeps, type StoredFeed } from '../../services/feeds.js'
import type { AppEnv } from '../env.js'
import { CsrfField, ErrorBox, Layout } from './layout.js'
import { notFoundPage } from './not-found.js'

type Ctx = Context<AppEnv>

/** What the form holds: the feed's settings, or what the user sent when it could not be saved. */
export interface FeedSettingsForm {
  title: string
  url: string
  interval: string
}

interface FeedEditPageProps {
  viewer: Viewer
  csrf: string
  feed: StoredFeed
  form: FeedSettingsForm
  error?: string | null
}

/** A feed's settings as a form: its title, address and how often it is checked. */
export function FeedEditPage(p: FeedEditPageProps) {
  return (
    <Layout title="Edit feed" viewer={p.viewer} csrf={p.csrf}>
      <section class="card" id="edit-feed" style="max-width:36rem">
        <h1>Edit feed</h1>
        <p class="meta">{p.feed.title ?? p.feed.url}</p>
        <ErrorBox message={p.error} />
        <form class="stack" method="post" action={`/feeds/${p.feed.id}/edit`}>
          <CsrfField token={p.csrf} />
          <label for="feed-title">Title (leave empty for the feed's own)</label>
          <input id="feed-title" type="text" name="title" maxlength={500} value={p.form.title} />
          <label for="feed-url">Feed address</label>
          <input id="feed-url" type="url" name="url" required value={p.form.url} />
          <label for="feed-interval">Check every (minutes)</label>
          <input id="feed-interval" type="number" name="interval" required min={String(MIN_INTERVAL_MINUTES)} max={String(MAX_INTERVAL_MINUTES)} value={p.form.interval} />
          <p class="meta">A new address is checked at once; the feed may ask to be checked less often than this.</p>
          <div class="actions">
            <button type="submit">Save</button>
            <a href={`/feeds#feed-${p.feed.id}`}>Cancel</a>
          </div>
        </form>
      </section>
    </Layout>
  )
}

const formOf = (feed: StoredFeed): FeedSettingsForm => ({ title: feed.title ?? '', url: feed.url, interval: String(feed.intervalMinutes) })

const field = (body: Record<string, unknown>, name: string): string => {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

/** The status a refused edit is shown with. */
const statusOf = (code: string): 404 | 409 | 422 => (code === 'not_found' ? 404 : code === 'conflict' ? 409 : 422)

/**
 * The edit page of a feed, mounted under /feeds: GET shows the form, POST
 * saves it through the same editFeed as the CLI and the API, and shows the
 * form again with what was sent and why it was refused.
 */
export function feedEditPages(deps: FeedDeps, denied: (c: Ctx) => Response | Promise<Response>): Hono<AppEnv> {
  const web = new Hono<AppEnv>()
  const render = (c: Ctx, feed: StoredFeed, form: FeedSettingsForm, error: string | null = null, status: 200 | 404 | 409 | 422 = 200) =>
    c.html(<FeedEditPage viewer={c.get('viewer')} csrf={c.get('csrfToken')} feed={feed} form={form} error={error} />, status)

  web.get('/:id/edit', async (c) => {
    if (!c.get('viewer').canAddArticles) return denied(c)
    const feed = await getFeed(deps, c.req.param('id'))
    return feed === null ? notFoundPage(c, 'There is no such feed.') : render(c, feed, formOf(feed))
  })

  web.post('/:id/edit', async (c) => {
    if (!c.get('viewer').canAddArticles) return denied(c)
    const feed = await getFeed(deps, c.req.param('id'))
    if (feed === null) return notFoundPage(c, 'There is no such feed.')
    const body = await c.req.parseBody()
    const form: FeedSettingsForm = { title: field(body, 'title'), url: field(body, 'url').trim(), interval: field(body, 'interval').trim() }
    if (form.url === '') return render(c, feed, form, 'Give the address of the feed.', 422)
    const interval = form.interval === '' ? Number.NaN : Number(form.interval)
    // An unchanged address is not checked again (the desk's address rules may have changed since it was added).
    const result = await editFeed(deps, feed.id, { title: form.title, url: form.url === feed.url ? undefined : form.url, intervalMinutes: interval })
    if (!result.ok) return render(c, feed, form, `Not saved: ${result.error.message}.`, statusOf(result.error.code))
    return c.redirect(`/feeds?notice=edited#feed-${feed.id}`, 303)
  })

  return web
}
