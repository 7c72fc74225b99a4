import type { User, Viewer } from '../../services/accounts.js'
import { CsrfField, ErrorBox, Layout } from './layout.js'

interface FormPageProps {
  viewer: Viewer
  csrf: string
  error?: string | null
  username?: string
  /** Where to go once signed in: a path on this desk. */
  next?: string
}

export function LoginPage(p: FormPageProps) {
  return (
    <Layout title="Sign in" viewer={p.viewer} csrf={p.csrf}>
      <section class="card" style="max-width:28rem">
        <h1>Sign in</h1>
        <ErrorBox message={p.error} />
        <form class="stack" method="post" action="/login">
          <CsrfField token={p.csrf} />
          {p.next ? <input type="hidden" name="next" value={p.next} /> : null}
          <label for="username">User name</label>
          <input id="username" type="text" name="username" autocomplete="username" required value={p.username ?? ''} />
          <label for="password">Password</label>
          <input id="password" type="password" name="password" autocomplete="current-password" required />
          <button type="submit">Sign in</button>
        </form>
        <p class="meta">
          No account yet? <a href="/signup">Sign up</a> (or ask an admin, if this desk has closed sign-up).
        </p>
      </section>
    </Layout>
  )
}

export function SignupPage(p: FormPageProps) {
  return (
    <Layout title="Sign up" viewer={p.viewer} csrf={p.csrf}>
      <section class="card" style="max-width:28rem">
        <h1>{p.viewer.openDesk ? 'Create the admin account' : 'Sign up'}</h1>
        {p.viewer.openDesk ? <p class="notice">This desk has no account yet: the first one is its admin.</p> : null}
        <ErrorBox message={p.error} />
        <form class="stack" method="post" action="/signup">
          <CsrfField token={p.csrf} />
          <label for="username">User name</label>
          <input id="username" type="text" name="username" autocomplete="username" required value={p.username ?? ''} />
          <label for="displayName">Display name</label>
          <input id="displayName" type="text" name="displayName" required />
          <label for="password">Password (10 characters or more)</label>
          <input id="password" type="password" name="password" autocomplete="new-password" required minlength={10} />
          <button type="submit">Create account</button>
        </form>
      </section>
    </Layout>
  )
}

export function UsersPage({ viewer, csrf, users }: { viewer: Viewer; csrf: string; users: User[] }) {
  return (
    <Layout title="Accounts" viewer={viewer} csrf={csrf}>
      <section class="card">
        <h1>Accounts</h1>
        <p>
          <a href="/signup">Add an account</a> <span class="meta">· readers read and reply; editors also add articles, follow feeds and moderate; admins also manage accounts.</span>
        </p>
        <table class="accounts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">User name</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.displayName}</td>
                <td class="meta">{u.username}</td>
                <td>
                  <form method="post" action={`/admin/users/${u.id}/role`} class="actions">
                    <CsrfField token={csrf} />
                    <select name="role" aria-label={`Role of ${u.username}`}>
                      {(['reader', 'editor', 'admin'] as const).map((r) => (
                        <option value={r} selected={u.role === r}>
                          {r}
                        </option>
                      ))}
                    </select>{' '}
                    <button type="submit">Save</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  )
}

export function MessagePage({ viewer, csrf, title, message, back }: { viewer: Viewer; csrf: string; title: string; message: string; back?: { href: string; label: string } }) {
  return (
    <Layout title={title} viewer={viewer} csrf={csrf}>
      <section class="card">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href={back?.href ?? '/'}>{back?.label ?? 'Back to the latest articles'}</a>
        </p>
      </section>
    </Layout>
  )
}

/** The signed-in user's own page: change the password, sign out everywhere and revoke API tokens. */
export function AccountPage({ viewer, csrf, error, notice }: { viewer: Viewer; csrf: string; error?: string | null; notice?: string | null }) {
  return (
    <Layout title="Your account" viewer={viewer} csrf={csrf}>
      <section class="card" style="max-width:32rem">
        <h1>Your account</h1>
        {viewer.user ? (
          <p>
            Signed in as <strong>{viewer.user.displayName}</strong> <span class="meta">({viewer.user.username})</span>, {ROLE_MEANS[viewer.user.role]}
          </p>
        ) : null}
        {notice ? <p class="notice" role="status">{notice}</p> : null}
        <ErrorBox message={error} />
        <h2>Change your password</h2>
        <form class="stack" method="post" action="/account/password">
          <CsrfField token={csrf} />
          <label for="current">Current password</label>
          <input id="current" type="password" name="current" autocomplete="current-password" required />
          <label for="next">New password (10 characters or more)</label>
          <input id="next" type="password" name="next" autocomplete="new-password" required minlength={10} />
          <button type="submit">Change password</button>
        </form>
        <h2>Sessions and API tokens</h2>
        <form method="post" action="/account/sign-out-everywhere">
          <CsrfField token={csrf} />
          <button type="submit">Sign out everywhere else and revoke my API tokens</button>
        </form>
      </section>
    </Layout>
  )
}

/** What each role may do, as the account page says it. */
const ROLE_MEANS: Record<User['role'], string> = {
  reader: 'a reader: you read, search and reply.',
  editor: 'an editor: you also add articles, follow feeds and moderate replies.',
  admin: 'an admin: you also manage the desk’s accounts.',
}
