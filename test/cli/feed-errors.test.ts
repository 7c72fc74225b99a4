import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

let dataDir = ''
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

describe('newsdesk feed errors', { timeout: 120_000 }, () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-feed-errors-'))
  })
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('names the subcommand in every error, as feed edit does', async () => {
    const cases: [string[], number, string][] = [
      [['feed', 'failures', 'nope'], 1, 'newsdesk feed failures: no feed with id nope'],
      [['feed', 'remove', 'nope'], 1, 'newsdesk feed remove: no feed with id nope'],
      [['feed', 'refresh', 'nope'], 1, 'newsdesk feed refresh: no feed with id nope'],
      [['feed', 'edit', 'nope', '--title', 'x'], 1, 'newsdesk feed edit: no feed with id or URL nope'],
      [['feed', 'remove'], 2, "newsdesk feed remove: missing required argument 'id'"],
    ]
    for (const [args, code, message] of cases) {
      const run = await newsdesk(args)
      assert.deepEqual([run.code, run.stderr.trim()], [code, message], args.join(' '))
    }
    const opml = await newsdesk(['feed', 'import-opml', 'nope.opml'])
    assert.match(opml.stderr, /^newsdesk feed import-opml: cannot read nope\.opml: ENOENT\n/)
  })
})
