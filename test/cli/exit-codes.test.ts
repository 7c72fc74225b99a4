import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

let dataDir = ''
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir)

describe('newsdesk exit codes', { timeout: 120_000 }, () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-exit-'))
  })
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('documents them in --help: 1 for a failure such as an unreadable file, 2 for a usage error', async () => {
    const help = await newsdesk(['--help'])
    assert.match(help.stdout, /Exit codes: 0 done; 1 something failed \(a file that cannot be read.*\); 2 usage error/)
  })

  it('a missing input file exits 1 on every command, naming the command and the file', async () => {
    const nope = join(dataDir, 'nope.jsonl')
    const commands = [['similar', '--corpus', nope, '--no-progress'], ['quotes', '--eval', nope], ['quotes', nope], ['import', nope, '--no-progress'], ['add', nope], ['extract', nope]]
    for (const args of commands) {
      const run = await newsdesk(args)
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`)
      assert.match(run.stderr, new RegExp(`^newsdesk ${args[0]}: .*nope\\.jsonl`), args.join(' '))
    }
  })

  it('extract refuses an address other than http(s) as add does, instead of reading it as a file name', async () => {
    for (const command of ['extract', 'add']) {
      const run = await newsdesk([command, 'ftp://x/y'])
      assert.equal(run.code, 2, run.stderr)
      assert.equal(run.stderr, `newsdesk ${command}: ftp://x/y: only http and https URLs can be fetched, not ftp: (give a local file by its path)\n`)
    }
  })
})
