import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'
import { startServer, type TestServer } from '../ingest/server.js'

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Edit Desk</title><item><title>One</title><guid>e-1</guid><description>Words.</description></item></channel></rss>'

let dataDir = ''
let server: TestServer
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

describe('newsdesk feed settings on the command line', { timeout: 120_000 }, () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-feed-cli-'))
    server = await startServer({ '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS) })
    // The real binary reads the allow list from its environment, which runNewsdesk passes on.
    process.env.NEWSDESK_ALLOW_PRIVATE_HOSTS = '127.0.0.1'
  })
  after(async () => {
    delete process.env.NEWSDESK_ALLOW_PRIVATE_HOSTS
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses an interval that is not a whole number of minutes from 5 to 10080, with exit code 2', async () => {
    for (const bad of ['abc', '-5', '4', '10081', '7.5', '']) {
      const run = await newsdesk(['feed', 'add', `${server.origin}/rss`, '--interval', bad])
      assert.equal(run.code, 2, `--interval ${bad}: ${run.stderr}`)
      assert.match(run.stderr, /whole number of minutes from 5 to 10080/)
    }
    const list = await newsdesk(['feed', 'list', '--json'])
    assert.deepEqual(JSON.parse(list.stdout), [], 'nothing was added')
  })

  it('edits a feed by id or URL, and `add` on a followed feed applies the settings given', async () => {
    const added = await newsdesk(['feed', 'add', `${server.origin}/rss`, '--interval', '30', '--json'])
    assert.equal(added.code, 0, added.stderr)
    const feed = (JSON.parse(added.stdout) as { feed: { id: string; intervalMinutes: number; title: string } }).feed
    assert.deepEqual([feed.intervalMinutes, feed.title], [30, 'Edit Desk'])

    const again = await newsdesk(['feed', 'add', `${server.origin}/rss`, '--interval', '10', '--title', 'My desk'])
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stdout, /already subscribed .* \(settings changed\)\n {2}title: My desk\n.*\n {2}every 10 min/)

    const edited = await newsdesk(['feed', 'edit', feed.id, '--interval', '120', '--json'])
    assert.equal(edited.code, 0, edited.stderr)
    assert.deepEqual(((f: { id: string; intervalMinutes: number; title: string }) => [f.id, f.intervalMinutes, f.title])(JSON.parse(edited.stdout)), [feed.id, 120, 'My desk'])
    const byUrl = await newsdesk(['feed', 'edit', `${server.origin}/rss`, '--title', 'Harbour wire'])
    assert.equal(byUrl.code, 0, byUrl.stderr)
    assert.match(byUrl.stdout, /title: Harbour wire/)

    const moved = await newsdesk(['feed', 'edit', feed.id, '--url', `${server.origin}/rss?moved=1`, '--json'])
    assert.equal(moved.code, 0, moved.stderr)
    assert.deepEqual(((f: { url: string; title: string }) => [f.url, f.title])(JSON.parse(moved.stdout)), [`${server.origin}/rss?moved=1`, 'Harbour wire'])
    const refused = await newsdesk(['feed', 'edit', feed.id, '--url', 'http://10.0.0.5/feed'])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /the address: 10\.0\.0\.5 is a private-network address: refused/)

    const bad = await newsdesk(['feed', 'edit', feed.id, '--interval', 'abc'])
    assert.equal(bad.code, 2)
    const nothing = await newsdesk(['feed', 'edit', feed.id])
    assert.equal(nothing.code, 2)
    assert.match(nothing.stderr, /nothing to change/)
    const missing = await newsdesk(['feed', 'edit', 'no-such-feed', '--title', 'x'])
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /no feed with id or URL no-such-feed/)
  })

})
