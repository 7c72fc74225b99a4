import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { runNewsdesk } from '../helpers/cli.js'

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
/** Retitles the terminal window and turns the text red: what a stored title must never do to the operator's terminal. */
const ESCAPES = '\u001b]0;PWNED\u0007\u009b31m'

let dataDir = ''
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

/** Stored text with escape sequences in it, as a desk written before ingest dropped them (or an edited feed title) holds. */
function plant(articleId: string): void {
  const db = new Database(join(dataDir, 'newsdesk.db'))
  try {
    db.prepare('UPDATE articles SET title = ?, outlet = ? WHERE id = ?').run(`Kim ${ESCAPES}returns`, `Wire${ESCAPES}`, articleId)
  } finally {
    db.close()
  }
}

describe('the command line prints no control characters from stored text', { timeout: 120_000 }, () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-escapes-'))
    const added = await newsdesk(['add', 'test/fixtures/seed/article.txt', '--json'])
    assert.equal(added.code, 0, added.stderr)
    plant((JSON.parse(added.stdout) as { id: string }).id)
    const opml = join(dataDir, 'feeds.opml')
    writeFileSync(opml, '<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/></body></opml>')
    assert.equal((await newsdesk(['feed', 'import-opml', opml])).code, 0)
  })
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('in feed, show and search output; --json keeps the stored text, escaped', async () => {
    const [feed] = JSON.parse((await newsdesk(['feed', 'list', '--json'])).stdout) as { id: string }[]
    const edited = await newsdesk(['feed', 'edit', feed?.id ?? '', '--title', `Harbour ${ESCAPES}wire`])
    const id = (JSON.parse((await newsdesk(['search', 'Kim', '--json'])).stdout) as { items: { id: string }[] }).items[0]?.id ?? ''
    const runs = [edited, await newsdesk(['feed', 'list']), await newsdesk(['show', id]), await newsdesk(['search', 'Kim'])]
    for (const run of runs) {
      assert.equal(run.code, 0, run.stderr)
      assert.doesNotMatch(run.stdout, CONTROL, JSON.stringify(run.stdout.slice(0, 300)))
    }
    assert.match(runs[1]?.stdout ?? '', /Harbour \]0;PWNED31mwire/)
    assert.match(runs[2]?.stdout ?? '', /^Kim \]0;PWNED31mreturns\n/)
    const json = JSON.parse((await newsdesk(['show', id, '--json'])).stdout) as { article: { title: string } }
    assert.equal(json.article.title, `Kim ${ESCAPES}returns`)
  })
})
