import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { KyselyPlugin, RootOperationNode } from 'kysely'
import { createApp } from '../../src/http/app.js'
import { createUser } from '../../src/services/accounts.js'
import type { ServiceDeps } from '../../src/services/deps.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'

/** A store whose every query's SQL is written down, so a test can see which ones a request ran. */
function recordingStore(store: Store): { store: Store; sql: string[] } {
  const sql: string[] = []
  const recorder: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      sql.push(store.db.getExecutor().compileQuery(node as RootOperationNode, queryId).sql)
      return node
    },
    transformResult: async ({ result }) => result,
  }
  return { store: { ...store, db: store.db.withPlugin(recorder) }, sql }
}

const isUserCount = (q: string) => /count\(\*\).* from "users"/i.test(q)

describe('the viewer of a request', () => {
  let base: Store
  let deps: ServiceDeps
  let sql: string[]
  let app: ReturnType<typeof createApp>

  /** One request: its answer and the SQL it ran. */
  const request = async (path: string) => {
    sql.length = 0
    const res = await app.request(path)
    const body = await res.text()
    return { status: res.status, type: res.headers.get('content-type') ?? '', body, queries: [...sql] }
  }

  before(async () => {
    base = await sqliteStore()
    const recorded = recordingStore(base)
    sql = recorded.sql
    deps = testDeps(recorded.store)
    app = createApp(deps, { writesPerMinute: 1000 })
  })
  after(() => base.close())

  it('costs no query for the stylesheet and other assets', async () => {
    for (const path of ['/static/app.css', '/favicon.ico', '/healthz']) assert.deepEqual((await request(path)).queries, [], path)
    const css = await request('/static/app.css')
    assert.equal(css.status, 200)
    assert.match(css.type, /text\/css/)
  })

  it('counts accounts on every page while the desk is open', async () => {
    for (let i = 0; i < 2; i++) {
      const home = await request('/')
      assert.equal(home.status, 200)
      assert.equal(home.queries.filter(isUserCount).length, 1)
      assert.match(home.body, /Create the admin account/)
    }
  })

  it('stops counting once the desk has an account, and the desk stays closed', async () => {
    const admin = await createUser(deps, { username: 'ada', displayName: 'Ada', password: 'a long password' }, 'admin')
    assert.ok(admin.ok)
    const first = await request('/')
    assert.equal(first.queries.filter(isUserCount).length, 1, 'the first page after sign-up counts again')
    for (let i = 0; i < 3; i++) {
      const home = await request('/')
      assert.equal(home.status, 200)
      assert.equal(home.queries.filter(isUserCount).length, 0, 'the answer is remembered')
      assert.ok(!home.body.includes('Create the admin account'), 'guests see the closed desk')
      assert.match(home.body, />Sign up</)
    }
    const refused = await app.request('/api/articles', { method: 'POST', body: JSON.stringify({ text: 'A story\n\nThe port reopened, officials said.' }), headers: { 'content-type': 'application/json' } })
    assert.equal(refused.status, 403, 'guests may no longer add articles')
  })
})
