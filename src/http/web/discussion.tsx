import type { Viewer } from '../../services/accounts.js'
import { replyCount, showsOwnWords, type ReplyThread } from '../../services/replies.js'
import { countOf, CsrfField, ErrorBox, formatDateTime } from './layout.js'

/** A refused reply (parentId null) or answer: the words typed and why they were refused. */
export interface FailedReply {
  parentId: string | null
  error: string
  authorName: string
  body: string
}

interface DiscussionProps {
  viewer: Viewer
  csrf: string
  articleId: string
  replies: ReplyThread[]
  failed?: FailedReply | undefined
}

/** "Leave a Reply": the form, then the threads with their answers. */
export function Discussion(props: DiscussionProps) {
  // An answer refused because its reply has gone (deleted, hidden) has no form of its own to return to: the top form takes it.
  const failed = props.failed?.parentId && !answerable(props.replies, props.viewer).has(props.failed.parentId) ? { ...props.failed, parentId: null } : props.failed
  const p = { ...props, failed }
  const hidden = p.viewer.canModerate ? replyCount(p.replies, 'hidden') : 0
  return (
    <section class="card" id="replies">
      <h2>Leave a Reply</h2>
      <ReplyForm {...p} parentId={null} />
      <h3>
        {countOf(replyCount(p.replies), 'reply', 'replies')}
        {hidden > 0 ? <span class="meta"> and {hidden} hidden</span> : null}
      </h3>
      <ReplyList {...p} />
    </section>
  )
}

/** The replies shown with an Answer form to this viewer. */
function answerable(threads: ReplyThread[], viewer: Viewer, into = new Set<string>()): Set<string> {
  for (const r of threads) {
    if (showsOwnWords(r, viewer.canModerate)) into.add(r.id)
    answerable(r.children, viewer, into)
  }
  return into
}

type ReplyFormProps = DiscussionProps & { parentId: string | null }

function ReplyForm(p: ReplyFormProps) {
  const key = p.parentId ?? 'top'
  // The form that was refused shows its reason and the words typed, and takes the focus (the browser scrolls to it).
  const failed = p.failed && p.failed.parentId === p.parentId ? p.failed : null
  return (
    <form class="stack reply-form" method="post" action={`/articles/${p.articleId}/replies`}>
      <CsrfField token={p.csrf} />
      {p.parentId ? <input type="hidden" name="parentId" value={p.parentId} /> : null}
      <ErrorBox message={failed?.error} />
      {p.viewer.user ? (
        <input type="hidden" name="authorName" value={p.viewer.user.displayName} />
      ) : (
        <>
          <label for={`name-${key}`}>Name</label>
          <input id={`name-${key}`} type="text" name="authorName" required maxlength={80} value={failed?.authorName ?? ''} />
        </>
      )}
      <label for={`body-${key}`}>{p.parentId ? 'Your answer' : 'Your reply'}</label>
      <textarea id={`body-${key}`} name="body" required maxlength={10000} autofocus={!!failed}>
        {failed?.body ?? ''}
      </textarea>
      <button type="submit">{p.parentId ? 'Answer' : 'Post reply'}</button>
    </form>
  )
}

function ReplyList(p: DiscussionProps) {
  if (p.replies.length === 0) return null
  return <ul class="replies">{p.replies.map((r) => <ReplyItem {...p} reply={r} />)}</ul>
}

function ReplyItem(p: DiscussionProps & { reply: ReplyThread }) {
  const r = p.reply
  const answers = <ReplyList {...p} replies={r.children} />
  if (!showsOwnWords(r, p.viewer.canModerate)) {
    const gone = r.status === 'deleted' ? 'This reply was deleted by its author.' : 'This reply was hidden by a moderator.'
    return (
      <li class="reply" id={`reply-${r.id}`}>
        <p class="meta withheld">{gone}</p>
        {answers}
      </li>
    )
  }
  const own = !!p.viewer.user && r.userId === p.viewer.user.id
  return (
    <li class="reply" id={`reply-${r.id}`}>
      <div class={r.status === 'hidden' ? 'own-words hidden' : 'own-words'}>
        <div class="meta">
          <strong>{r.authorName}</strong>
          {r.userId ? '' : ' (guest)'} · <time datetime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
          {r.editedAt ? ' · edited' : ''}
          {r.status === 'hidden' ? ' · hidden' : ''}
        </div>
        <div class="body">{r.body}</div>
      </div>
      <div class="actions reply-actions">
        {p.viewer.canModerate ? (
          <form class="moderate" method="post" action={`/replies/${r.id}/${r.status === 'hidden' ? 'show' : 'hide'}`}>
            <CsrfField token={p.csrf} />
            <button class="link" type="submit">{r.status === 'hidden' ? 'Show' : 'Hide'}</button>
          </form>
        ) : null}
        {own ? <a class="meta" href={`/replies/${r.id}/edit`}>Edit</a> : null}
        {own ? <a class="meta" href={`/replies/${r.id}/delete`}>Delete</a> : null}
        <details class="answer" open={p.failed?.parentId === r.id}>
          <summary class="meta">Answer</summary>
          <ReplyForm {...p} parentId={r.id} />
        </details>
      </div>
      {answers}
    </li>
  )
}
