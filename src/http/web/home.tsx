import type { ArticleSummary } from '../../store/repos/article-repo.js'
import type { PersonSummary } from '../../store/repos/people-repo.js'
import type { Viewer } from '../../services/accounts.js'
import { CsrfField, ErrorBox, formatDate, Layout } from './layout.js'
import { personMeta } from '../../lib/wording.js'

export interface HomeProps {
  viewer: Viewer
  csrf: string
  articles: ArticleSummary[]
  next: string | null
  people: PersonSummary[]
  /** Showing a page after the first (a cursor was given). */
  paged: boolean
  error?: string | null
  /** A line above the list: what the last action did ("The article was deleted."). */
  notice?: string | null
  form?: { url?: string; text?: string }
}

/** The latest articles, the most quoted people, and the form to add an article. */
export function HomePage(p: HomeProps) {
  return (
    <Layout title="Latest" viewer={p.viewer} csrf={p.csrf}>
      <div class="columns">
        <section>
          <h1>Latest articles</h1>
          {p.notice ? <p class="notice" role="status">{p.notice}</p> : null}
          <ArticleList articles={p.articles} />
          <p class="pager actions">
            {p.paged ? <a href="/">← Latest articles</a> : null}
            {p.next ? <a href={`/?cursor=${encodeURIComponent(p.next)}`}>Older articles →</a> : null}
          </p>
        </section>
        <aside>
          {p.viewer.canAddArticles ? <AddArticleForm csrf={p.csrf} error={p.error} form={p.form} /> : <SignInHint viewer={p.viewer} />}
          <section class="card">
            <h2>Most quoted</h2>
            {p.people.length === 0 ? <p class="meta">No quotes yet.</p> : null}
            <ul class="plain">
              {p.people.map((person) => (
                <li>
                  <a href={`/people/${person.id}`}>{person.name}</a> <span class="meta">{personMeta(person)}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </Layout>
  )
}

export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return <p class="meta">No articles yet: add one with the form, or run <code>newsdesk import</code>.</p>
  return (
    <ul class="article-list">
      {articles.map((a) => (
        <li>
          <a href={`/articles/${a.id}`}>
            <strong>{a.title}</strong>
          </a>
          <div class="meta">
            {[a.outlet, a.publishedAt ? formatDate(a.publishedAt) : `added ${formatDate(a.createdAt)}`, `${a.wordCount} words`].filter(Boolean).join(' · ')}
          </div>
          {a.dek ? <div>{a.dek}</div> : null}
        </li>
      ))}
    </ul>
  )
}

function AddArticleForm({ csrf, error, form }: { csrf: string; error?: string | null; form?: { url?: string; text?: string } }) {
  return (
    <section class="card" id="add">
      <h2>Add an article</h2>
      <ErrorBox message={error} />
      <form class="stack" method="post" action="/articles" enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <label for="add-url">Web address</label>
        {/* After a refusal the form takes the focus, so the browser shows it and its reason (on a phone it sits below the list). */}
        <input id="add-url" type="url" name="url" placeholder="https://…" value={form?.url ?? ''} autofocus={!!error} />
        <label for="add-text">or paste the text or HTML</label>
        <textarea id="add-text" name="text">{form?.text ?? ''}</textarea>
        <label for="add-file">or upload a file (.html, .txt, .md)</label>
        <input id="add-file" type="file" name="file" accept=".html,.htm,.txt,.md,text/html,text/plain" />
        <button type="submit">Add article</button>
      </form>
    </section>
  )
}

function SignInHint({ viewer }: { viewer: Viewer }) {
  return (
    <section class="card">
      <p>{viewer.user ? ADD_NEEDS_EDITOR : <><a href="/login">Sign in</a> as an editor to add articles.</>}</p>
    </section>
  )
}

/** What a signed-in reader is told where an editor would add an article. */
export const ADD_NEEDS_EDITOR = 'Your account reads and replies; an admin can make it an editor’s to add articles.'
