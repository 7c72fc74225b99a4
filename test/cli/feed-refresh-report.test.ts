import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'
import { startServer, type TestServer } from '../ingest/server.js'

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Report Desk</title><item><title>One</title><guid>r-1</guid><description>Words.</description></item></channel></rss>'

/** Lines of standard error that are structured log records rather than words for a person. */
const logLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.trimStart().startsWith('{'))

describe('newsdesk feed refresh reports to a person', { timeout: 120_000 }, () => {
  let dataDir = ''
  let server: TestServer
  let feedUp = true
  let feedId = ''
  // As a user runs it: no LOG_LEVEL in the environment.
  const newsdesk = (args: string[], env: Record<string, string | undefined> = {}) =>
    runNewsdesk(args, dataDir, undefined, { LOG_LEVEL: undefined, NEWSDESK_ALLOW_PRIVATE_HOSTS: '127.0.0.1', ...env })

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-refresh-report-'))
    server = await startServer({
      '/rss': (_req, res) => (feedUp ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS) : res.writeHead(500).end('down')),
    })
    const added = await newsdesk(['feed', 'add', `${server.origin}/rss`, '--json'])
    assert.equal(added.code, 0, added.stderr)
    feedId = (JSON.parse(added.stdout) as { feed: { id: string } }).feed.id
    feedUp = false
  })
  after(async () => {
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('says a feed failed in its report alone, with exit code 1, and no JSON log lines beside it', async () => {
    const run = await newsdesk(['feed', 'refresh', feedId])
    assert.equal(run.code, 1)
    assert.match(run.stdout, new RegExp(`^${feedId} \\S+/rss: failed – .*500`))
    assert.deepEqual(logLines(run.stderr), [], run.stderr)
    const all = await newsdesk(['feed', 'refresh'])
    assert.equal(all.code, 1)
    assert.deepEqual(logLines(all.stderr), [], all.stderr)
  })

  it('keeps --json machine-readable: the reports on standard output, nothing on standard error', async () => {
    for (const env of [{}, { LOG_LEVEL: 'warn' }]) {
      const run = await newsdesk(['feed', 'refresh', feedId, '--json'], env)
      assert.equal(run.code, 1)
      const reports = JSON.parse(run.stdout) as { feedId: string; status: string; error: string }[]
      assert.deepEqual(reports.map((r) => [r.feedId, r.status]), [[feedId, 'failed']])
      assert.match(reports[0]?.error ?? '', /500/)
      assert.equal(run.stderr, '', JSON.stringify(env))
    }
  })

  it('says how it logs in --help', async () => {
    const help = await newsdesk(['feed', 'refresh', '--help'])
    assert.match(help.stdout, /exit code is 1/)
    assert.match(help.stdout, /LOG_LEVEL/)
  })
})
