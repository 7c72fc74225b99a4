import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createApp } from '../../src/http/app.js'
import { createUser } from '../../src/services/accounts.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { client } from './client.js'

const PASSWORD = 'correct horse battery'
const LIMITED = 'Too many failed sign-ins for this account; try again in 15 minutes.'

describe('failed sign-ins per account', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let clock = Date.parse('2026-03-01T09:00:00Z')
  const minutes = (n: number) => (clock += n * 60_000)

  /** Signs in from a fresh browser (its own CSRF cookie); the status and the page. */
  const login = async (username: string, password: string, from = '198.51.100.7') => {
    const res = await client(app).post('/login', { username, password }, { headers: { 'x-forwarded-for': from } })
    return { status: res.status, retryAfter: res.headers.get('retry-after'), page: await res.text() }
  }
  const failTimes = async (n: number, username: string) => {
    const codes: number[] = []
    for (let i = 0; i < n; i++) codes.push((await login(username, 'not the password')).status)
    return codes
  }

  before(async () => {
    store = await sqliteStore()
    const base = testDeps(store)
    const deps = testDeps(store, { now: () => new Date(clock), config: { ...base.config, trustProxy: true } })
    app = createApp(deps, { writesPerMinute: 1000 })
    for (const username of ['ada', 'bob', 'cyd']) assert.ok((await createUser(deps, { username, displayName: username, password: PASSWORD }, 'editor')).ok)
  })
  after(() => store.close())

  it('refuses the sixth attempt in fifteen minutes with 429, even with the right password', async () => {
    assert.deepEqual(await failTimes(5, 'ada'), [401, 401, 401, 401, 401])
    const sixth = await login('ada', PASSWORD)
    assert.equal(sixth.status, 429)
    assert.ok(sixth.page.includes(LIMITED), 'the form says why and for how long')
    assert.equal(sixth.retryAfter, String(15 * 60))
    assert.equal((await login('  ADA ', PASSWORD)).status, 429, 'the name is normalised as sign-in does')
    assert.equal((await login('bob', PASSWORD)).status, 303, 'other accounts are not affected')
    assert.equal((await login('ada', PASSWORD, '203.0.113.9')).status, 303, 'the owner signing in from elsewhere is not locked out')
  })

  it('lets the account in again once the window has passed', async () => {
    minutes(10)
    const later = await login('ada', PASSWORD)
    assert.equal(later.status, 429)
    assert.match(later.page, /try again in 5 minutes\./)
    minutes(5)
    assert.equal((await login('ada', PASSWORD)).status, 303)
  })

  it('starts the count again after a successful sign-in', async () => {
    assert.deepEqual(await failTimes(4, 'cyd'), [401, 401, 401, 401])
    assert.equal((await login('cyd', PASSWORD)).status, 303)
    assert.deepEqual(await failTimes(5, 'cyd'), [401, 401, 401, 401, 401], 'five more failures are allowed, not one')
    assert.equal((await login('cyd', PASSWORD)).status, 429)
  })

  it('limits guesses of the current password on the password form alike', async () => {
    const browser = client(app)
    const from = { headers: { 'x-forwarded-for': '192.0.2.44' } }
    assert.equal((await browser.post('/login', { username: 'bob', password: PASSWORD }, from)).status, 303)
    const codes: number[] = []
    for (let i = 0; i < 6; i++) codes.push((await browser.post('/account/password', { current: 'a guess', next: 'another long passphrase' }, from)).status)
    assert.deepEqual(codes, [422, 422, 422, 422, 422, 429])
  })

  it('limits unknown names alike, so the answer does not tell which accounts exist', async () => {
    assert.deepEqual(await failTimes(5, 'nobody'), [401, 401, 401, 401, 401])
    const unknown = await login('nobody', PASSWORD)
    const known = await login('cyd', PASSWORD)
    assert.equal(unknown.status, 429)
    assert.equal(known.status, 429)
    const errorOf = (page: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(page)?.[1]
    assert.equal(errorOf(unknown.page), LIMITED)
    assert.equal(errorOf(known.page), errorOf(unknown.page))
  })
})
