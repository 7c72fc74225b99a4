import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import pino from 'pino'
import { feedCommand } from '../../src/cli/commands/feed.js'
import type { CliContext } from '../../src/cli/context.js'
import { loadConfig } from '../../src/config/index.js'
import type { ServiceDeps } from '../../src/services/deps.js'
import type { Store } from '../../src/store/db.js'
import { sqliteStore } from '../helpers/stores.js'
import { startServer, type TestServer } from './server.js'

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>CLI Desk</title><link>https://cli.example/</link>
<item><title>Only entry</title><guid>cli-1</guid><description>&lt;p&gt;The feed's own words about the harbour, long enough to be an article of its own for the desk.&lt;/p&gt;</description></item></channel></rss>`

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
    server = await startServer({ '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS) })
    store = await sqliteStore()
    const deps: ServiceDeps = { store, config: loadConfig({ NEWSDESK_DATA_DIR: dir, NEWSDESK_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }), log: pino({ level: 'silent' }), now: () => new Date() }
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

  it('reports a refused URL on standard error with exit code 1', async () => {
    await run('add', 'http://[::1]/feed')
    assert.match(ctx.stderr.text, /blocked_address/)
    assert.equal(process.exitCode, 1)
  })
})
