import { articleSegments, type Block } from '../../domain/index.js'
import type { Viewer } from '../../services/accounts.js'
import type { ArticleView } from '../../services/reading.js'
import { visibleReplyCount, type ReplyThread } from '../../services/replies.js'
import type { StoredEntity, StoredQuote } from '../../store/repos/analysis-repo.js'
import { Highlighted, type Highlight } from './highlight.js'
import { countOf, CsrfField, ErrorBox, formatDate, Layout, QuoteCue } from './layout.js'
import { SimilarPosts } from './similar.js'

export interface ArticlePageProps {
  viewer: Viewer
  csrf: string
  view: ArticleView
  replies: ReplyThread[]
  replyError?: string | null
  replyForm?: { authorName?: string; body?: string }
}

/** The reader view with its quotes highlighted, who said what, Similar Posts and the discussion. */
export function ArticlePage(p: ArticlePageProps) {
  const { stored, quotes } = p.view
  const a = stored.article
  return (
    <Layout title={a.title} viewer={p.viewer} csrf={p.csrf}>
      <div class="columns">
        <article class="reader card">
          <ReaderBody view={p.view} />
          {p.view.duplicates.length > 0 ? (
            <p class="meta" id="also-published">
              Also published as:{' '}
              {p.view.duplicates.map((d, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={`/articles/${d.id}`}>{d.url ?? d.title}</a>
                </>
              ))}
            </p>
          ) : null}
        </article>
        <aside>
          <WhoSaidWhat quotes={quotes} />
          <SimilarPosts similar={p.view.similar} />
          <NamedInArticle entities={p.view.entities} />
          {p.viewer.canModerate ? (
            <form method="post" action={`/articles/${stored.id}/delete`} class="card">
              <CsrfField token={p.csrf} />
              <button class="danger" type="submit">Delete this article</button>
            </form>
          ) : null}
        </aside>
      </div>
      <Discussion {...p} />
    </Layout>
  )
}

function ReaderBody({ view }: { view: ArticleView }) {
  const a = view.stored.article
  const { segments } = articleSegments(a)
  const highlights = toHighlights(view.quotes)
  const at = (part: 'title' | 'dek' | 'block', index = -1) => segments.find((s) => s.part === part && s.index === index)?.start ?? -1
  const meta = [a.outlet, a.authors.join(', '), formatDate(a.publishedAt)].filter(Boolean).join(' · ')
  return (
    <>
      <h1 id="article-title">
        <Highlighted text={a.title} start={at('title')} highlights={highlights} />
      </h1>
      {a.dek ? (
        <p class="dek">
          <Highlighted text={a.dek} start={at('dek')} highlights={highlights} />
        </p>
      ) : null}
      {meta ? <p class="meta">{meta}</p> : null}
      {view.stored.url && /^https?:\/\//i.test(view.stored.url) ? (
        <p class="meta">
          <a href={view.stored.url} rel="noopener noreferrer nofollow">
            Original page
          </a>
        </p>
      ) : null}
      <div id="article-body">
        {a.blocks.map((b, i) => (
          <BlockView block={b} start={at('block', i)} highlights={highlights} />
        ))}
      </div>
    </>
  )
}

function toHighlights(quotes: StoredQuote[]): Highlight[] {
  const out: Highlight[] = []
  for (const q of quotes) {
    q.content.forEach((span, i) => {
      out.push({ ...span, anchor: i === 0 ? `q-${q.id}` : null, title: q.speakerName ? `${q.speakerName}` : 'unattributed' })
    })
  }
  return out
}

function BlockView({ block, start, highlights }: { block: Block; start: number; highlights: Highlight[] }) {
  const text = <Highlighted text={block.text} start={start} highlights={highlights} />
  switch (block.kind) {
    case 'heading':
      return block.level && block.level >= 3 ? <h3>{text}</h3> : <h2>{text}</h2>
    case 'caption':
      return (
        <figure>
          {block.imageUrl && /^https?:\/\//.test(block.imageUrl) ? <img src={block.imageUrl} alt="" loading="lazy" referrerpolicy="no-referrer" style="max-width:100%" /> : null}
          <figcaption>
            {text}
            {block.credit ? <span class="meta"> {block.credit}</span> : null}
          </figcaption>
        </figure>
      )
    case 'blockquote':
      return <blockquote>{text}</blockquote>
    case 'list': {
      const items = (block.items ?? block.text.split('\n')).map((item) => <li>{item}</li>)
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>
    }
    case 'preformatted':
      return <pre>{block.text}</pre>
    default:
      return <p>{text}</p>
  }
}

function WhoSaidWhat({ quotes }: { quotes: StoredQuote[] }) {
  return (
    <section class="card" id="who-said-what">
      <h2>Who said what</h2>
      {quotes.length === 0 ? <p class="meta">No quotes found in this article.</p> : null}
      <ul class="quotes">
        {quotes.map((q) => (
          <li class={`quote-item${q.kind === 'direct' ? '' : ' indirect'}`}>
            <div>
              <Speaker quote={q} />
              <span class="meta"> · {q.kind}{q.continuation ? ', continued' : ''}</span>
            </div>
            <a href={`#q-${q.id}`} class="quote-link">
              <QuoteCue quote={q} />
              <q>{q.text.length > 280 ? `${q.text.slice(0, 277)}…` : q.text}</q>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

const KIND_LABEL: Record<string, string> = { person: 'People', organisation: 'Organisations', place: 'Places' }

/** The people, organisations and places the analysis found, most mentioned first. */
function NamedInArticle({ entities }: { entities: StoredEntity[] }) {
  if (entities.length === 0) return null
  return (
    <section class="card" id="named">
      <h2>Named in this article</h2>
      {Object.entries(KIND_LABEL).map(([kind, label]) => {
        const list = entities.filter((e) => e.kind === kind).sort((a, b) => b.mentions.length - a.mentions.length)
        if (list.length === 0) return null
        return (
          <p>
            <strong>{label}:</strong>{' '}
            {list.map((e, i) => (
              <>
                {i > 0 ? ', ' : ''}
                {e.personId ? <a href={`/people/${e.personId}`}>{e.name}</a> : e.name}
              </>
            ))}
          </p>
        )
      })}
    </section>
  )
}

function Speaker({ quote }: { quote: StoredQuote }) {
  const name = quote.speakerName ?? 'Unattributed'
  const role = [quote.role, quote.organisation].filter(Boolean).join(', ')
  return (
    <>
      {quote.personId ? (
        <a class="speaker" href={`/people/${quote.personId}`}>
          {name}
        </a>
      ) : (
        <span class="speaker">{name}</span>
      )}
      {role ? <span class="role"> · {role}</span> : null}
    </>
  )
}

function Discussion(p: ArticlePageProps) {
  const id = p.view.stored.id
  return (
    <section class="card" id="replies">
      <h2>Leave a Reply</h2>
      <ReplyForm viewer={p.viewer} csrf={p.csrf} articleId={id} parentId={null} error={p.replyError} form={p.replyForm} />
      <h3>{countOf(visibleReplyCount(p.replies), 'reply', 'replies')}</h3>
      <ReplyList replies={p.replies} viewer={p.viewer} csrf={p.csrf} articleId={id} />
    </section>
  )
}

interface ReplyFormProps {
  viewer: Viewer
  csrf: string
  articleId: string
  parentId: string | null
  error?: string | null
  form?: { authorName?: string; body?: string }
}

function ReplyForm(p: ReplyFormProps) {
  return (
    <form class="stack reply-form" method="post" action={`/articles/${p.articleId}/replies`}>
      <CsrfField token={p.csrf} />
      {p.parentId ? <input type="hidden" name="parentId" value={p.parentId} /> : <ErrorBox message={p.error} />}
      {p.viewer.user ? (
        <input type="hidden" name="authorName" value={p.viewer.user.displayName} />
      ) : (
        <>
          <label for={`name-${p.parentId ?? 'top'}`}>Name</label>
          <input id={`name-${p.parentId ?? 'top'}`} type="text" name="authorName" required maxlength={80} value={p.parentId ? '' : (p.form?.authorName ?? '')} />
        </>
      )}
      <label for={`body-${p.parentId ?? 'top'}`}>{p.parentId ? 'Your answer' : 'Your reply'}</label>
      <textarea id={`body-${p.parentId ?? 'top'}`} name="body" required maxlength={10000}>
        {p.parentId ? '' : (p.form?.body ?? '')}
      </textarea>
      <button type="submit">{p.parentId ? 'Answer' : 'Post reply'}</button>
    </form>
  )
}

function ReplyList({ replies, viewer, csrf, articleId }: { replies: ReplyThread[]; viewer: Viewer; csrf: string; articleId: string }) {
  if (replies.length === 0) return null
  return (
    <ul class="replies">
      {replies.map((r) =>
        r.status === 'hidden' && !viewer.canModerate ? (
          <li class="reply hidden" id={`reply-${r.id}`}>
            <div class="meta">This reply was hidden by a moderator.</div>
            <ReplyList replies={r.children} viewer={viewer} csrf={csrf} articleId={articleId} />
          </li>
        ) : (
        <li class={`reply${r.status === 'hidden' ? ' hidden' : ''}`} id={`reply-${r.id}`}>
          <div class="meta">
            <strong>{r.authorName}</strong>
            {r.userId ? '' : ' (guest)'} · {formatDate(r.createdAt)}
            {r.status === 'hidden' ? ' · hidden' : ''}
          </div>
          <div class="body">{r.body}</div>
          {viewer.canModerate ? (
            <form class="moderate" method="post" action={`/replies/${r.id}/${r.status === 'hidden' ? 'show' : 'hide'}`}>
              <CsrfField token={csrf} />
              <button class="link" type="submit">{r.status === 'hidden' ? 'Show' : 'Hide'}</button>
            </form>
          ) : null}
          <details class="answer">
            <summary class="meta">Answer</summary>
            <ReplyForm viewer={viewer} csrf={csrf} articleId={articleId} parentId={r.id} />
          </details>
          <ReplyList replies={r.children} viewer={viewer} csrf={csrf} articleId={articleId} />
        </li>
        ),
      )}
    </ul>
  )
}
