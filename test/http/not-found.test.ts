import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createApp } from '../../src/http/app.js'
import { createUser } from '../../src/services/accounts.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { client } from './client.js'

/** The parts of the "Not found" page every web route shares. */
function assertNotFoundPage(status: number, page: string, message: string): void {
  assert.equal(status, 404)
  // Standards mode: without the doctype browsers lay pages out in quirks mode.
  assert.match(page, /^<!doctype html><html lang="en">/)
  assert.match(page, /<title>Not found · newsdesk<\/title>/)
  assert.match(page, /<h1>Not found<\/h1>/)
  assert.ok(page.includes(`<p>${message}</p>`), message)
  assert.match(page, /<a href="\/">Back to the latest articles<\/a>/)
}

describe('the Not found page', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let admin: ReturnType<typeof client>

  before(async () => {
    store = await sqliteStore()
    const deps = testDeps(store)
    app = createApp(deps, { writesPerMinute: 1000 })
    assert.ok((await createUser(deps, { username: 'ada', displayName: 'Ada', password: 'a long password' }, 'admin')).ok)
    admin = client(app)
    assert.equal((await admin.post('/login', { username: 'ada', password: 'a long password' })).status, 303)
  })
  after(() => store.close())

  it('answers an unknown address with the page, and an unknown asset in plain text', async () => {
    const res = await admin.get('/no/such/page')
    assertNotFoundPage(res.status, await res.text(), 'There is no page at this address.')
    const asset = await admin.get('/static/missing.css')
    assert.equal(asset.status, 404)
    assert.equal(await asset.text(), 'Not found')
  })

  it('answers unknown articles and people', async () => {
    for (const [path, message] of [
      ['/articles/nope', 'There is no such article on this desk.'],
      ['/people/nope', 'There is no such person on this desk.'],
    ] as const) {
      const res = await admin.get(path)
      assertNotFoundPage(res.status, await res.text(), message)
    }
  })

  it('answers form posts about things that are not there', async () => {
    for (const path of ['/articles/nope/replies', '/articles/nope/delete']) {
      const res = await admin.post(path, { authorName: 'Sam', body: 'hello' })
      assertNotFoundPage(res.status, await res.text(), 'There is no such article on this desk.')
    }
    for (const path of ['/replies/nope/hide', '/replies/nope/edit', '/replies/nope/delete']) {
      const reply = await admin.post(path, { body: 'hello' })
      assertNotFoundPage(reply.status, await reply.text(), 'There is no such reply on this desk.')
    }
    for (const path of ['/replies/nope/edit', '/replies/nope/delete', '/articles/nope/delete']) {
      const res = await admin.get(path)
      assert.equal(res.status, 404, path)
    }
    const role = await admin.post('/admin/users/nope/role', { role: 'editor' })
    assertNotFoundPage(role.status, await role.text(), 'no such account')
  })
})
