import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { addFeed, refreshFeed } from '../../src/services/feeds.js'
import type { FeedDeps, RefreshReport } from '../../src/services/feeds.js'
import type { Store } from '../../src/store/db.js'
import { localFetchDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { startServer } from './server.js'
import type { TestServer } from './server.js'

function articlePage(title: string, said: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>The harbour council met on Tuesday evening to discuss the ferry plan in detail, with residents filling the hall.</p>
<p>“${said},” said Maria Jones, who chairs the residents’ association.</p>
<p>The vote followed months of consultation with shipping companies, fishermen and the regional transport authority.</p>
<p>Work is expected to begin in the autumn and to last for about eighteen months, according to the council’s engineers.</p>
</article></body></html>`
}

describe('a feed entry the feed updates is fetched again and its article updated in place', () => {
  let server: TestServer
  let store: Store
  let deps: FeedDeps
  let feedId = ''
  const entry = { link: '/story', updated: '2024-05-10T09:00:00Z' }
  const pages: Record<string, string> = {
    '/story': articlePage('Council backs night ferry', 'We have waited long enough for this decision'),
    '/story-corrected': articlePage('Council backs night ferry, with conditions', 'We will hold the council to its word'),
  }
  const pageRequests = (): number => server.requests.filter((r) => r.url?.startsWith('/story')).length
  const atom = (): string => `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Update Desk</title><id>urn:desk</id><updated>${entry.updated}</updated>
<entry><title>Council backs night ferry</title><id>urn:story-1</id><link href="${server.origin}${entry.link}"/><published>2024-05-10T08:00:00Z</published><updated>${entry.updated}</updated></entry></feed>`
  const refresh = async (): Promise<RefreshReport> => {
    const r = await refreshFeed(deps, feedId)
    assert.ok(r.ok)
    return r.value
  }
  const articles = () => store.db.selectFrom('articles').select(['id', 'title', 'url']).execute()

  before(async () => {
    server = await startServer({
      '/atom.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom()),
      '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(pages['/story']),
      '/story-corrected': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(pages['/story-corrected']),
    })
    store = await sqliteStore()
    deps = localFetchDeps(store, () => new Date('2024-05-10T12:00:00Z'))
    const added = await addFeed(deps, { url: `${server.origin}/atom.xml` })
    assert.ok(added.ok)
    feedId = added.value.feed.id
  })
  after(async () => {
    await store?.close()
    await server?.close()
  })

  it('leaves an unchanged entry alone, and fetches it again when its updated date changes', async () => {
    const first = await refresh()
    assert.equal(first.newEntries, 1)
    const [stored] = await articles()
    assert.ok(stored)
    const fetched = pageRequests()
    assert.equal((await refresh()).changed, 0)
    assert.equal(pageRequests(), fetched, 'an unchanged entry is not fetched again')

    entry.updated = '2024-05-10T11:30:00Z'
    pages['/story'] = articlePage('Council backs night ferry after all', 'We have waited long enough, and we won')
    const second = await refresh()
    assert.equal(second.changed, 1)
    assert.equal(second.entries[0]?.outcome.status, 'page')
    assert.deepEqual((await articles()).map((a) => [a.id, a.title]), [[stored.id, 'Council backs night ferry after all']])
  })

  it('fetches the entry again when its link changes, keeping the article id', async () => {
    const [stored] = await articles()
    entry.link = '/story-corrected'
    const third = await refresh()
    assert.equal(third.changed, 1)
    const after = await articles()
    assert.deepEqual(after.map((a) => [a.id, a.title, a.url?.replace(server.origin, '')]), [[stored?.id, 'Council backs night ferry, with conditions', '/story-corrected']])
    assert.equal((await refresh()).changed, 0)
  })
})
