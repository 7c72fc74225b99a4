import type { Viewer } from '../../services/accounts.js'
import { CsrfField, ErrorBox, Layout } from './layout.js'

interface ConfirmProps {
  viewer: Viewer
  csrf: string
  title: string
  /** What will be lost, in a sentence. */
  message: string
  action: string
  button: string
  cancel: string
}

/** "Delete this article?": a page asking before anything is destroyed (works without JavaScript). */
export function ConfirmPage(p: ConfirmProps) {
  return (
    <Layout title={p.title} viewer={p.viewer} csrf={p.csrf}>
      <section class="card narrow">
        <h1>{p.title}</h1>
        <p>{p.message}</p>
        <form method="post" action={p.action} class="actions">
          <CsrfField token={p.csrf} />
          <button class="danger" type="submit">
            {p.button}
          </button>
          <a href={p.cancel}>Cancel</a>
        </form>
      </section>
    </Layout>
  )
}

interface ReplyEditProps {
  viewer: Viewer
  csrf: string
  replyId: string
  articleId: string
  body: string
  error?: string | null
}

/** The author changes the words of their reply. */
export function ReplyEditPage(p: ReplyEditProps) {
  return (
    <Layout title="Edit your reply" viewer={p.viewer} csrf={p.csrf}>
      <section class="card narrow">
        <h1>Edit your reply</h1>
        <form class="stack" method="post" action={`/replies/${p.replyId}/edit`}>
          <CsrfField token={p.csrf} />
          <ErrorBox message={p.error} />
          <label for="reply-body">Your reply</label>
          <textarea id="reply-body" name="body" required maxlength={10000} autofocus>
            {p.body}
          </textarea>
          <div class="actions">
            <button type="submit">Save</button>
            <a href={`/articles/${p.articleId}#reply-${p.replyId}`}>Cancel</a>
          </div>
        </form>
      </section>
    </Layout>
  )
}
