import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { createApp } from '../../src/http/app.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { client } from './client.js'

const SEED = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8')

describe('accounts, replies and moderation over HTTP', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let articleId = ''

  before(async () => {
    store = await sqliteStore()
    app = createApp(testDeps(store), { writesPerMinute: 1000 })
    const guest = client(app)
    const res = await guest.json('/api/articles', 'POST', { text: SEED })
    assert.equal(res.status, 201, 'a fresh desk is open: a guest may add the first article')
    articleId = ((await res.json()) as { id: string }).id
  })
  after(() => store.close())

  it('refuses a form post without the CSRF token', async () => {
    const guest = client(app)
    const res = await guest.post(`/articles/${articleId}/replies`, { authorName: 'Eve', body: 'forged' }, { csrf: 'not-the-token-at-all-xxxxx' })
    assert.equal(res.status, 403)
    const page = await (await guest.get(`/articles/${articleId}`)).text()
    assert.ok(!page.includes('forged'))
  })

  it('escapes reply text: markup is shown, never run', async () => {
    const guest = client(app)
    const res = await guest.post(`/articles/${articleId}/replies`, { authorName: 'Mallory', body: '<script>alert(1)</script> look' })
    assert.equal(res.status, 303)
    const page = await (await guest.get(`/articles/${articleId}`)).text()
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt; look'))
    assert.ok(!page.includes('<script>alert(1)</script>'))
  })

  it('rejects an empty reply with a message and keeps what was typed', async () => {
    const guest = client(app)
    const res = await guest.post(`/articles/${articleId}/replies`, { authorName: 'Sam', body: '   ' })
    assert.equal(res.status, 422)
    const page = await res.text()
    assert.match(page, /the reply is empty/)
    assert.match(page, /value="Sam"/)
  })

  it('makes the first account the admin, then closes adding to guests; editors moderate', async () => {
    const admin = client(app)
    const signup = await admin.post('/signup', { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' })
    assert.equal(signup.status, 303)
    assert.ok(admin.jar.has('nd_session'))

    const guest = client(app)
    const refused = await guest.json('/api/articles', 'POST', { text: 'A second story\n\nThe port reopened, officials said.' })
    assert.equal(refused.status, 403)

    const reply = await guest.post(`/articles/${articleId}/replies`, { authorName: 'Troll', body: 'spam spam spam' })
    const replyId = decodeURIComponent(reply.headers.get('location') ?? '').split('#reply-')[1] ?? ''
    assert.ok(replyId)
    assert.equal((await guest.post(`/replies/${replyId}/hide`, {})).status, 403, 'guests cannot moderate')
    assert.equal((await admin.post(`/replies/${replyId}/hide`, {})).status, 303)
    assert.ok(!(await (await guest.get(`/articles/${articleId}`)).text()).includes('spam spam spam'), 'hidden from readers')
    assert.ok((await (await admin.get(`/articles/${articleId}`)).text()).includes('spam spam spam'), 'still visible to moderators')
  })

  it('returns to the page the reader signed in from, never to another site', async () => {
    const someone = client(app)
    // Browsers send the page's address within the desk only (Hono's default, no-referrer, would send nothing at all).
    assert.equal((await app.request(`/articles/${articleId}`)).headers.get('referrer-policy'), 'same-origin')
    const form = await (await app.request('/login', { headers: { referer: `http://localhost/articles/${articleId}` } })).text()
    assert.ok(form.includes(`name="next" value="/articles/${articleId}"`))
    assert.doesNotMatch(await (await app.request('/login', { headers: { referer: 'https://elsewhere.example/page' } })).text(), /name="next"/)
    const back = await someone.post('/login', { username: 'ada', password: 'correct horse battery', next: `/articles/${articleId}` })
    assert.deepEqual([back.status, back.headers.get('location')], [303, `/articles/${articleId}`])
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const away = await client(app).post('/login', { username: 'ada', password: 'correct horse battery', next })
      assert.equal(away.headers.get('location'), '/', next)
    }
  })

  it('signs in with the right password only', async () => {
    const someone = client(app)
    assert.equal((await someone.post('/login', { username: 'ada', password: 'wrong password!' })).status, 401)
    assert.ok(!someone.jar.has('nd_session'))
    assert.equal((await someone.post('/login', { username: 'ada', password: 'correct horse battery' })).status, 303)
    assert.ok(someone.jar.has('nd_session'))
    const users = await someone.get('/admin/users')
    assert.equal(users.status, 200)
    assert.ok((await users.text()).includes('Ada Admin'))
  })

  it('changes a password only with the current one, and signs out the other sessions', async () => {
    const laptop = client(app)
    const phone = client(app)
    for (const device of [laptop, phone]) assert.equal((await device.post('/login', { username: 'ada', password: 'correct horse battery' })).status, 303)
    assert.equal((await laptop.post('/account/password', { current: 'not my password', next: 'a brand new passphrase' })).status, 422)
    const changed = await laptop.post('/account/password', { current: 'correct horse battery', next: 'a brand new passphrase' })
    assert.deepEqual([changed.status, changed.headers.get('location')], [303, '/account?done=password'], 'Post/Redirect/Get: a reload repeats nothing')
    assert.match(await (await laptop.get('/account?done=password')).text(), /Signed in as <strong>Ada Admin<\/strong>[^]*Password changed;/)
    assert.equal((await laptop.get('/admin/users')).status, 200, 'this session stays signed in')
    assert.equal((await phone.get('/admin/users')).status, 403, 'the other session was signed out')
    const fresh = client(app)
    assert.equal((await fresh.post('/login', { username: 'ada', password: 'correct horse battery' })).status, 401)
    assert.equal((await fresh.post('/login', { username: 'ada', password: 'a brand new passphrase' })).status, 303)
    assert.equal((await laptop.post('/account/password', { current: 'a brand new passphrase', next: 'correct horse battery' })).status, 303)
    assert.equal((await laptop.get('/account/password')).headers.get('location'), '/account')
    assert.doesNotMatch(await (await laptop.get('/account?done=constructor')).text(), /role="status"/, 'only the changes it names')
  })

  it('stores passwords as scrypt hashes', async () => {
    const row = await store.db.selectFrom('users').select('password_hash').where('username', '=', 'ada').executeTakeFirstOrThrow()
    assert.match(row.password_hash, /^scrypt\$/)
    assert.ok(!row.password_hash.includes('correct horse'))
  })
})

describe('rate limits on writes', () => {
  it('answers 429 past the limit', async () => {
    const store = await sqliteStore()
    const app = createApp(testDeps(store), { writesPerMinute: 3 })
    const c = client(app)
    const codes: number[] = []
    for (let i = 0; i < 5; i++) codes.push((await c.post('/login', { username: 'x', password: 'y' })).status)
    assert.deepEqual(codes.slice(0, 3), [401, 401, 401])
    assert.deepEqual(codes.slice(3), [429, 429])
    await store.close()
  })
})
