import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { visibleName } from '../lib/names.js'
import { fail, ok, type Result } from '../domain/index.js'
import { newId, sha256 } from '../lib/ids.js'
import { issuesMessage } from '../lib/issues.js'
import { hashPassword, verifyPassword } from '../lib/password.js'
import { isUniqueViolation, lockForWrite } from '../store/dialect.js'
import type { ServiceDeps } from './deps.js'
import type { Kysely } from 'kysely'
import type { Database } from '../store/schema/index.js'

export type Role = 'admin' | 'editor' | 'reader'

export interface User {
  id: string
  username: string
  displayName: string
  role: Role
}

/** Who is asking, and what they may do. Authorisation is decided here, not in routes. */
export interface Viewer {
  user: User | null
  /** True while the desk has no account yet: a fresh install is open until its admin signs up. */
  openDesk: boolean
  canAddArticles: boolean
  canModerate: boolean
  canManageUsers: boolean
}

const SESSION_DAYS = 30

export const SignupInput = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9_.-]{2,32}$/, 'user name: 2–32 letters, digits, . _ -'),
  displayName: z.string().transform(visibleName).pipe(z.string().min(1, 'give a display name').max(80)),
  password: z.string().min(10, 'password: at least 10 characters').max(200),
})

export function viewerFor(user: User | null, userCount: number): Viewer {
  const openDesk = userCount === 0
  const role = user?.role
  return {
    user,
    openDesk,
    canAddArticles: openDesk || role === 'admin' || role === 'editor',
    canModerate: role === 'admin' || role === 'editor',
    canManageUsers: role === 'admin',
  }
}

/** Account names are matched trimmed and in lower case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase()
}

export async function countUsers(deps: ServiceDeps): Promise<number> {
  const row = await deps.store.db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Creates an account. The first account is the admin; later ones need open sign-up or an admin. */
export async function signUp(deps: ServiceDeps, viewer: Viewer, raw: unknown): Promise<Result<User>> {
  const parsed = SignupInput.safeParse(raw)
  if (!parsed.success) return fail('invalid_account', issuesMessage(parsed.error.issues))
  const { username, displayName, password } = parsed.data
  const passwordHash = await hashPassword(password)
  try {
    // One transaction (write-locked on both engines): two sign-ups on a fresh desk cannot both become admin.
    return await deps.store.db.transaction().execute(async (trx) => {
      await lockForWrite(trx, deps.store.dialect, 'accounts')
      const first = Number((await trx.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n) === 0
      if (!first && !deps.config.openSignup && !viewer.canManageUsers) return fail('forbidden', 'sign-up is closed: ask an admin for an account')
      const exists = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
      if (exists) return fail('taken', 'that user name is taken')
      if (await displayNameTaken(trx, displayName)) return fail('taken', DISPLAY_NAME_TAKEN)
      const user: User = { id: newId(), username, displayName, role: first ? 'admin' : 'reader' }
      await trx
        .insertInto('users')
        .values({ id: user.id, username, display_name: displayName, password_hash: passwordHash, role: user.role, created_at: deps.now().toISOString() })
        .execute()
      return ok(user)
    })
  } catch (err) {
    if (isUniqueViolation(err)) return fail('taken', 'that user name is taken')
    throw err
  }
}

/** Checks a password and opens a session; returns the session token for the cookie. */
export async function signIn(deps: ServiceDeps, username: string, password: string): Promise<Result<{ token: string; user: User }>> {
  const row = await deps.store.db.selectFrom('users').selectAll().where('username', '=', normaliseUsername(username)).executeTakeFirst()
  const valid = row ? await verifyPassword(password, row.password_hash) : await verifyPassword(password, DUMMY_HASH)
  if (!row || !valid) return fail('bad_credentials', 'wrong user name or password')
  const token = randomBytes(32).toString('base64url')
  const now = deps.now()
  await deps.store.db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: row.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString() })
    .execute()
  return ok({ token, user: toUser(row) })
}

// Verifying against a fixed hash when the user does not exist keeps timing alike.
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$0NcHm0qYJ7CjPZ7sOZ0yB3JXq4qQ0D2gq7f2rS4rF2o'

export async function signOut(deps: ServiceDeps, token: string): Promise<void> {
  await deps.store.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute()
}

/** The user of a session token, if the session is live. */
export async function userForSession(deps: ServiceDeps, token: string | undefined): Promise<User | null> {
  if (!token) return null
  const row = await deps.store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'sessions.expires_at'])
    .where('sessions.id', '=', sha256(token))
    .executeTakeFirst()
  if (!row || row.expires_at < deps.now().toISOString()) return null
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role }
}

function toUser(r: { id: string; username: string; display_name: string; role: string }): User {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role }
}

/** An account with when it was made, as the accounts page and `newsdesk user list` show it. */
export interface Account extends User {
  createdAt: string
}

export async function listUsers(deps: ServiceDeps, viewer: Viewer): Promise<Result<Account[]>> {
  if (!viewer.canManageUsers) return fail('forbidden', 'only admins manage accounts')
  return ok(await allAccounts(deps))
}

/** Every account, oldest first, for the command line (trusted: the operator of the machine); the web asks listUsers. */
export async function allAccounts(deps: ServiceDeps): Promise<Account[]> {
  const rows = await deps.store.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'created_at']).orderBy('created_at').orderBy('id').execute()
  return rows.map((r) => ({ ...toUser(r), createdAt: r.created_at }))
}

export async function setRole(deps: ServiceDeps, viewer: Viewer, userId: string, role: Role): Promise<Result<true>> {
  if (!viewer.canManageUsers) return fail('forbidden', 'only admins manage accounts')
  if (viewer.user?.id === userId && role !== 'admin') return fail('invalid_role', 'an admin cannot demote themselves')
  const updated = await deps.store.db.updateTable('users').set({ role }).where('id', '=', userId).executeTakeFirst()
  return Number(updated.numUpdatedRows) > 0 ? ok(true) : fail('not_found', 'no such account')
}

/** Creates an API token for a user; the token is returned once and stored only as a hash. */
export async function createApiToken(deps: ServiceDeps, userId: string, label: string): Promise<string> {
  const token = `nd_${randomBytes(24).toString('base64url')}`
  await deps.store.db
    .insertInto('api_tokens')
    .values({ id: sha256(token), user_id: userId, label: label.slice(0, 80) || 'token', created_at: deps.now().toISOString() })
    .execute()
  return token
}

/** The user of an `Authorization: Bearer` API token. */
export async function userForApiToken(deps: ServiceDeps, token: string | undefined): Promise<User | null> {
  if (!token) return null
  const row = await deps.store.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role'])
    .where('api_tokens.id', '=', sha256(token))
    .executeTakeFirst()
  return row ? toUser(row) : null
}

/** Creates an account from the command line (trusted: the operator of the machine), with any role. */
export async function createUser(deps: ServiceDeps, raw: unknown, role: Role): Promise<Result<User>> {
  const parsed = SignupInput.safeParse(raw)
  if (!parsed.success) return fail('invalid_account', issuesMessage(parsed.error.issues))
  const { username, displayName, password } = parsed.data
  const exists = await deps.store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  if (exists) return fail('taken', 'that user name is taken')
  if (await displayNameTaken(deps.store.db, displayName)) return fail('taken', DISPLAY_NAME_TAKEN)
  const user: User = { id: newId(), username, displayName, role }
  await deps.store.db
    .insertInto('users')
    .values({ id: user.id, username, display_name: displayName, password_hash: await hashPassword(password), role, created_at: deps.now().toISOString() })
    .execute()
  return ok(user)
}

const DISPLAY_NAME_TAKEN = 'another account already shows that name: choose another display name'

/**
 * Replies show the display name: two accounts with one name would let one
 * pass for the other (an admin, say). Compared in JavaScript, where case,
 * Unicode forms and runs of spaces fold the same way on both databases
 * (SQLite's lower() folds ASCII only). A desk has a team's accounts, not millions.
 */
async function displayNameTaken(db: Kysely<Database>, displayName: string): Promise<boolean> {
  const key = displayNameKey(displayName)
  const rows = await db.selectFrom('users').select('display_name').execute()
  return rows.some((r) => displayNameKey(r.display_name) === key)
}

export function displayNameKey(name: string): string {
  return visibleName(name.normalize('NFKC')).toLocaleLowerCase('en')
}

export async function findUser(deps: ServiceDeps, username: string): Promise<User | null> {
  const row = await deps.store.db.selectFrom('users').selectAll().where('username', '=', normaliseUsername(username)).executeTakeFirst()
  return row ? toUser(row) : null
}

/** Changes the viewer's own password after checking the current one; every other session is signed out and API tokens are revoked. */
export async function changePassword(deps: ServiceDeps, viewer: Viewer, current: string, next: string, keepToken: string | null): Promise<Result<true>> {
  if (!viewer.user) return fail('forbidden', 'sign in first')
  const row = await deps.store.db.selectFrom('users').select('password_hash').where('id', '=', viewer.user.id).executeTakeFirst()
  if (!row || !(await verifyPassword(current, row.password_hash))) return fail('bad_credentials', 'the current password is wrong')
  const parsed = SignupInput.shape.password.safeParse(next)
  if (!parsed.success) return fail('invalid_account', issuesMessage(parsed.error.issues))
  await deps.store.db.updateTable('users').set({ password_hash: await hashPassword(parsed.data) }).where('id', '=', viewer.user.id).execute()
  await signOutEverywhere(deps, viewer.user.id, keepToken, true)
  return ok(true)
}

/** Ends every session of a user (but the one given) and revokes their API tokens when asked. */
export async function signOutEverywhere(deps: ServiceDeps, userId: string, keepToken: string | null, revokeTokens = false): Promise<void> {
  let q = deps.store.db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepToken) q = q.where('id', '!=', sha256(keepToken))
  await q.execute()
  if (revokeTokens) await revokeApiTokens(deps, userId)
}

/** Revokes a user's API tokens, or only those with the label given; returns the labels of the tokens revoked, oldest first. */
export async function revokeApiTokens(deps: ServiceDeps, userId: string, label?: string): Promise<string[]> {
  let query = deps.store.db.selectFrom('api_tokens').select(['id', 'label']).where('user_id', '=', userId)
  if (label !== undefined) query = query.where('label', '=', label)
  const tokens = await query.orderBy('created_at').execute()
  if (tokens.length > 0) await deps.store.db.deleteFrom('api_tokens').where('id', 'in', tokens.map((t) => t.id)).execute()
  return tokens.map((t) => t.label)
}
