import { articleSegments, type Block } from '../../domain/index.js'
import { hostOf } from '../../lib/wording.js'
import type { Viewer } from '../../services/accounts.js'
import type { ArticleView } from '../../services/reading.js'
import type { ReplyThread } from '../../services/replies.js'
import type { StoredEntity, StoredQuote } from '../../store/repos/analysis-repo.js'
import { Highlighted, type Highlight } from './highlight.js'
import { formatDate, Layout, QuoteCue } from './layout.js'
import { Discussion, type FailedReply } from './discussion.js'
import { SimilarPosts } from './similar.js'

export interface ArticlePageProps {
  viewer: Viewer
  csrf: string
  view: ArticleView
  replies: ReplyThread[]
  /** A reply or an answer that was refused, shown again in its own form with the reason. */
  failedReply?: FailedReply
  notice?: string | null
}

/** The reader view with its quotes highlighted, who said what, Similar Posts and the discussion. */
export function ArticlePage(p: ArticlePageProps) {
  const { stored, quotes } = p.view
  const a = stored.article
  return (
    <Layout title={a.title} viewer={p.viewer} csrf={p.csrf}>
      <div class="columns article-columns">
        <article class="reader card">
          {p.notice ? <p class="notice" role="status">{p.notice}</p> : null}
          <ReaderBody view={p.view} />
          {p.view.duplicates.length > 0 ? (
            <p class="meta" id="also-published">
              Also published as:{' '}
              {p.view.duplicates.map((d, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={`/articles/${d.id}`}>{d.title}</a>
                  {hostOf(d.url) ? <span> ({hostOf(d.url)})</span> : null}
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
            <p class="card">
              <a class="danger" href={`/articles/${stored.id}/delete`}>
                Delete this article…
              </a>
            </p>
          ) : null}
        </aside>
        <Discussion viewer={p.viewer} csrf={p.csrf} articleId={stored.id} replies={p.replies} failed={p.failedReply} />
      </div>
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
