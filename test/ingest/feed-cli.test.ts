import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { feedCommand } from '../../src/cli/commands/feed.js'
import type { CliContext } from '../../src/cli/context.js'
import type { ServiceDeps } from '../../src/services/deps.js'
import type { Store } from '../../src/store/db.js'
import { localFetchDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { startServer, type TestServer } from './server.js'

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>CLI Desk</title><link>https://cli.example/</link>
<item><title>Only entry</title><guid>cli-1</guid><description>&lt;p&gt;The feed's own words about the harbour, long enough to be an article of its own for the desk.&lt;/p&gt;</description></item></channel></rss>`

const item = (n: number): string => `<item><title>Damaged desk story ${n}</title><guid>cut-${n}</guid><description>&lt;p&gt;Story ${n}: the feed's own words about the harbour, long enough to be an article of its own for the desk.&lt;/p&gt;</description></item>`
/** Two whole entries, then the document stops in the middle of the third. */
const TRUNCATED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut Desk</title>${item(1)}${item(2)}<item><title>Cut off mid-en`

class Sink extends Writable {
  text = ''
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

describe('newsdesk feed (command)', () => {
  let server: TestServer
  let store: Store
  let ctx: CliContext & { stdout: Sink; stderr: Sink }
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-feed-cli-'))

  before(async () => {
    server = await startServer({
      '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS),
      '/broken.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Never closed'),
      '/cut': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(TRUNCATED),
    })
    store = await sqliteStore()
    const deps: ServiceDeps = localFetchDeps(store, () => new Date(), dir)
    ctx = { open: async () => deps, close: async () => undefined, stdout: new Sink(), stderr: new Sink() }
  })
  after(async () => {
    process.exitCode = 0
    await store?.close()
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const run = async (...args: string[]): Promise<string> => {
    ctx.stdout.text = ''
    ctx.stderr.text = ''
    process.exitCode = 0
    await feedCommand({ ctx }).exitOverride().parseAsync(args, { from: 'user' })
    return ctx.stdout.text
  }

  it('adds, refreshes (keeping feed content when the entry has no page), lists, exports, imports and removes', async () => {
    const added = await run('add', `${server.origin}/rss`, '--json')
    const id = (JSON.parse(added) as { feed: { id: string } }).feed.id
    const refreshed = await run('refresh', id)
    assert.match(refreshed, /updated; 1 new/)
    assert.match(refreshed, /kept feed content/)
    const listed = await run('list')
    assert.match(listed, /CLI Desk/)
    assert.match(listed, /1 from the feed's own content/)
    const opml = await run('export-opml')
    assert.match(opml, /<opml version="2.0">/)
    const file = join(dir, 'subs.opml')
    writeFileSync(file, opml.replace('/rss"', '/other"'))
    assert.match(await run('import-opml', file), /added 1, already subscribed 0/)
    assert.match(await run('remove', id), /removed/)
    await run('remove', id)
    assert.match(ctx.stderr.text, /no feed with id/)
    assert.equal(process.exitCode, 1)
  })

  it('names the URL of a malformed feed once', async () => {
    await run('add', `${server.origin}/broken.xml`)
    const url = `${server.origin}/broken.xml`
    assert.equal(ctx.stderr.text.split(url).length - 1, 1, ctx.stderr.text)
    assert.match(ctx.stderr.text, /^newsdesk feed add: http:\/\/127\.0\.0\.1:\d+\/broken\.xml: the feed is malformed/)
    assert.equal(process.exitCode, 1)
  })

  it('reports a refused URL on standard error with exit code 1', async () => {
    await run('add', 'http://[::1]/feed')
    assert.match(ctx.stderr.text, /blocked_address/)
    assert.equal(process.exitCode, 1)
  })

  it('reports a damaged feed read in part as updated with a warning, in refresh and in list alike', async () => {
    const id = (JSON.parse(await run('add', `${server.origin}/cut`, '--json')) as { feed: { id: string } }).feed.id
    const refreshed = await run('refresh', id)
    assert.match(refreshed, /updated with a warning: the feed was damaged: 2 entries read, those after the damage were not; 2 new/)
    assert.equal(process.exitCode, 0)
    const listed = await run('list')
    const status = /status: +(.*)/.exec(listed.slice(listed.indexOf(id)))?.[1] ?? ''
    assert.match(status, /^ok, with a warning: the feed was damaged: 2 entries read/)
    const json = JSON.parse(await run('list', '--json')) as { id: string; lastError: string | null; lastWarning: string | null; errorCount: number }[]
    const feed = json.find((f) => f.id === id)
    assert.deepEqual([feed?.lastError, feed?.errorCount], [null, 0])
    assert.match(feed?.lastWarning ?? '', /damaged/)
  })

  it('imports OPML refusing private addresses and other schemes, each named with its reason, as text or --json', async () => {
    const file = join(dir, 'mixed.opml')
    const outline = (url: string): string => `<outline text="x" type="rss" xmlUrl="${url}"/>`
    writeFileSync(file, `<?xml version="1.0"?><opml version="2.0"><head><title>Mixed</title></head><body>
${outline(`${server.origin}/opml-ok`)}${outline('http://10.0.0.5/feed.xml')}${outline('ftp://files.example/feed.xml')}${outline('http://localhost/feed')}
</body></opml>`)
    const text = await run('import-opml', file)
    assert.match(text, /added 1, already subscribed 0, skipped 3/)
    assert.match(text, /skipped http:\/\/10\.0\.0\.5\/feed\.xml: 10\.0\.0\.5 is a private-network address: refused/)
    assert.match(text, /skipped ftp:\/\/files\.example\/feed\.xml: only http and https feeds can be followed, not ftp:/)
    const report = JSON.parse(await run('import-opml', file, '--json')) as { added: unknown[]; existing: string[]; skipped: { url: string; reason: string }[] }
    assert.deepEqual([report.added.length, report.existing], [0, [`${server.origin}/opml-ok`]])
    assert.deepEqual(report.skipped.map((s) => s.url), ['ftp://files.example/feed.xml', 'http://10.0.0.5/feed.xml', 'http://localhost/feed'])
    assert.match(report.skipped[2]?.reason ?? '', /names this machine/)
    const listed = JSON.parse(await run('list', '--json')) as { url: string }[]
    assert.ok(!listed.some((f) => f.url.includes('10.0.0.5')), 'the private address was not added')
  })
})
