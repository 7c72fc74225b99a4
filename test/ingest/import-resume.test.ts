import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, describe, it } from 'node:test'
import SQLite from 'better-sqlite3'

/**
 * The resumable-import proof: a 10,000-line JSONL import with 3 bad lines is
 * killed with SIGKILL half way, then run again; every good line must end up
 * stored exactly once and the bad lines reported, with exit code 1.
 * NEWSDESK_RESUME_LINES makes it smaller for a quick local run.
 */
const LINES = Number(process.env.NEWSDESK_RESUME_LINES ?? 10_000)
const BAD = new Map<number, string>([
  [Math.round(LINES * 0.0777), '{"title": "broken json", "text": '],
  [Math.round(LINES * 0.4242), JSON.stringify({ id: 'no-body', title: 'A line without text or html' })],
  [Math.round(LINES * 0.8888), JSON.stringify(['not', 'an', 'object'])],
])
const BIN = fileURLToPath(new URL('../../bin/newsdesk.mjs', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-resume-'))
const dataDir = join(dir, 'data')
const file = join(dir, 'corpus.jsonl')
after(() => rmSync(dir, { recursive: true, force: true }))

/** Short, distinct articles: each has its own URL and its own text. */
function article(n: number): string {
  const towns = ['Alder', 'Birch', 'Cedar', 'Dunmore', 'Elm', 'Fairview', 'Glen']
  const text =
    `The river at ${towns[n % towns.length]} rose by ${n} centimetres overnight, record ${n}. ` +
    `"We are watching gauge ${n * 7} closely," said Anna Berg, who leads flood watch ${n % 101}. ` +
    `Residents of street ${n} were told to move cars before noon on day ${n % 365}.`
  return JSON.stringify({ id: `story-${n}`, title: `River report ${n}`, date: '2024-03-01', url: `https://news.example/river/${n}`, text })
}

function writeCorpus(): void {
  const lines: string[] = []
  for (let n = 1; n <= LINES; n++) lines.push(BAD.get(n) ?? article(n))
  writeFileSync(file, `${lines.join('\n')}\n`)
}

function runImport(progress = false): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'import', file, '--json', ...(progress ? [] : ['--no-progress'])], {
    cwd: ROOT,
    env: { ...process.env, NEWSDESK_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  )
  return { child, done }
}

function countArticles(): number {
  let db: SQLite.Database | null = null
  try {
    db = new SQLite(join(dataDir, 'newsdesk.db'), { readonly: true, fileMustExist: true })
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  } catch {
    return 0
  } finally {
    db?.close()
  }
}

describe(`resumable import of ${LINES} JSONL lines with 3 bad ones`, { timeout: 20 * 60_000 }, () => {
  it('stores every good line exactly once across a SIGKILL and a re-run, and reports the bad lines', async () => {
    writeCorpus()
    // With its progress lines (no terminal: a line every tenth), which must never count an article not yet committed.
    const first = runImport(true)
    let atKill = 0
    for (;;) {
      await new Promise((r) => setTimeout(r, 200))
      atKill = countArticles()
      if (atKill >= LINES / 2 || first.child.exitCode !== null) break
    }
    first.child.kill('SIGKILL')
    const killed = await first.done
    assert.equal(killed.signal, 'SIGKILL', `the first run must be killed half way, not finish (${killed.stderr})`)
    const storedAfterKill = countArticles()
    assert.ok(storedAfterKill > 0 && storedAfterKill < LINES - 3, `killed with ${storedAfterKill} stored`)
    const reportedNew = [...killed.stderr.matchAll(/^importing .*\| (\d+) new/gm)].map((m) => Number(m[1]))
    assert.ok(reportedNew.length > 0, `progress lines before the kill (${killed.stderr})`)
    assert.ok(storedAfterKill >= Math.max(...reportedNew), `progress said ${Math.max(...reportedNew)} new, ${storedAfterKill} stored at the kill`)

    const second = await runImport().done
    assert.equal(second.code, 1, `exit code 1 because of the bad lines (${second.stderr})`)
    const report = JSON.parse(second.stdout) as { created: number; updated: number; skipped: number; failed: { ref: string; error: { code: string } }[] }
    assert.deepEqual(report.failed.map((f) => f.ref).sort(), [...BAD.keys()].map((n) => `corpus.jsonl:${n}`).sort())
    assert.deepEqual(report.failed.map((f) => f.error.code).sort(), ['bad_json', 'bad_record', 'no_content'])
    assert.ok(report.skipped >= storedAfterKill - 1, `the re-run skipped what was stored (${report.skipped} skipped, ${storedAfterKill} stored before)`)
    assert.equal(report.created + report.skipped + report.updated, LINES - 3)

    const db = new SQLite(join(dataDir, 'newsdesk.db'), { readonly: true })
    try {
      const { n, urls } = db.prepare('SELECT count(*) AS n, count(DISTINCT url) AS urls FROM articles').get() as { n: number; urls: number }
      assert.equal(n, LINES - 3, 'every good line stored')
      assert.equal(urls, LINES - 3, 'each exactly once')
      const stored = new Set((db.prepare('SELECT url FROM articles').all() as { url: string }[]).map((r) => r.url))
      for (let k = 1; k <= LINES; k++) {
        if (!BAD.has(k)) assert.ok(stored.has(`https://news.example/river/${k}`), `line ${k} stored`)
      }
    } finally {
      db.close()
    }
  })
})
