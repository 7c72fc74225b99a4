import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { Viewer } from '../../services/accounts.js'
import { CSRF_FIELD } from '../middleware/csrf.js'

export interface PageProps {
  title: string
  viewer: Viewer
  csrf: string
  children?: Child
}

/** The page frame: header with navigation, search and account links. */
export function Layout({ title, viewer, csrf, children }: PageProps) {
  // Without a doctype browsers render in quirks mode (form margins, box sizes): a constant, nothing from input.
  return (
    <>
    {raw('<!doctype html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title} · newsdesk</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="site">
          <a class="brand" href="/">newsdesk</a>
          <nav>
            <a href="/">Latest</a>
            <a href="/people">People</a>
            <a href="/feeds">Feeds</a>
          </nav>
          <form method="get" action="/search" role="search">
            <input type="search" name="q" placeholder="Search articles" aria-label="Search articles" />
          </form>
          <Account viewer={viewer} csrf={csrf} />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
    </>
  )
}

function Account({ viewer, csrf }: { viewer: Viewer; csrf: string }) {
  if (!viewer.user) {
    return (
      <span>
        <a href="/login">Sign in</a> · <a href="/signup">{viewer.openDesk ? 'Create the admin account' : 'Sign up'}</a>
      </span>
    )
  }
  return (
    <form method="post" action="/logout">
      <CsrfField token={csrf} />
      <span>
        <a href="/account">{viewer.user.displayName}</a> ({viewer.user.role}){viewer.canManageUsers ? <> · <a href="/admin/users">Accounts</a></> : null}{' '}
      </span>
      <button class="link" type="submit" style="color:#fff">Sign out</button>
    </form>
  )
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}

export function ErrorBox({ message }: { message: string | null | undefined }) {
  return message ? <p class="error" role="alert">{message}</p> : null
}

/** A date as the reader wants it: "27 Nov 2026". */
/**
 * How a reported quote was said, before its words ("criticised", "according
 * to"): "the plan" alone says little. Direct quotations speak for themselves.
 */
export function QuoteCue({ quote }: { quote: { kind: string; cueText: string | null } }) {
  if (quote.kind === 'direct' || !quote.cueText) return null
  return <span class="cue">{quote.cueText} </span>
}

/** "1 quote", "3 quotes", "2 replies". */
export { countOf } from '../../lib/wording.js'

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
}

/** A moment as the reader wants it: "27 Nov 2026, 14:05" (UTC). */
export function formatDateTime(iso: string | null | undefined): string {
  const day = formatDate(iso)
  if (!day || !iso) return day
  return `${day}, ${new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`
}

/** Plain links to the page before and the page after (no JavaScript): nothing when there is one page. */
export function Pager(p: { previous: string | null; next: string | null; previousLabel: string; nextLabel: string }) {
  if (!p.previous && !p.next) return null
  return (
    <p class="pager actions">
      {p.previous ? <a href={p.previous} rel="prev">← {p.previousLabel}</a> : null}
      {p.next ? <a href={p.next} rel="next">{p.nextLabel} →</a> : null}
    </p>
  )
}
