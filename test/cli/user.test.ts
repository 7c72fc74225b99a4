import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { runNewsdesk } from '../helpers/cli.js'

let dataDir = ''
const newsdesk = (args: string[]) => runNewsdesk(args, dataDir, undefined, { NEWSDESK_PASSWORD: 'a long enough password' })

/** The labels of a user's stored API tokens. */
function tokenLabels(username: string): string[] {
  const db = new Database(join(dataDir, 'newsdesk.db'), { readonly: true })
  try {
    const rows = db.prepare('SELECT label FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE username = ? ORDER BY label').all(username) as { label: string }[]
    return rows.map((r) => r.label)
  } finally {
    db.close()
  }
}

describe('newsdesk user list and revoke-tokens', { timeout: 120_000 }, () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-user-cli-'))
  })
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('lists the accounts with display name, role and creation time, as text and JSON', async () => {
    const empty = await newsdesk(['user', 'list'])
    assert.deepEqual([empty.code, empty.stdout], [0, 'no accounts yet: newsdesk user add <username>\n'])
    assert.equal((await newsdesk(['user', 'add', 'ada', '--name', 'Ada Lovelace', '--role', 'admin'])).code, 0)
    assert.equal((await newsdesk(['user', 'add', 'bo', '--role', 'reader'])).code, 0)
    const json = await newsdesk(['user', 'list', '--json'])
    assert.equal(json.code, 0, json.stderr)
    const accounts = JSON.parse(json.stdout) as { username: string; displayName: string; role: string; createdAt: string }[]
    assert.deepEqual(accounts.map((a) => [a.username, a.displayName, a.role]), [['ada', 'Ada Lovelace', 'admin'], ['bo', 'bo', 'reader']])
    assert.ok(accounts.every((a) => !Number.isNaN(Date.parse(a.createdAt))))
    const text = await newsdesk(['user', 'list'])
    const lines = text.stdout.trimEnd().split('\n')
    assert.match(lines[0] ?? '', /^USER +NAME +ROLE +CREATED$/)
    assert.match(lines[1] ?? '', new RegExp(`^ada +Ada Lovelace +admin +${accounts[0]?.createdAt}$`))
    assert.match(lines[2] ?? '', /^bo +bo +reader +\S+$/)
  })

  it('revokes an account’s API tokens, all or by label, and says when there is nothing to revoke', async () => {
    for (const label of ['ci', 'ci', 'laptop']) assert.match((await newsdesk(['user', 'token', 'ada', '--label', label])).stdout, /^nd_/)
    assert.match((await newsdesk(['user', 'token', 'bo'])).stdout, /^nd_/)
    const ci = await newsdesk(['user', 'revoke-tokens', 'ada', '--label', 'ci'])
    assert.deepEqual([ci.code, ci.stdout], [0, 'revoked 2 API tokens of ada (ci)\n'])
    assert.deepEqual(tokenLabels('ada'), ['laptop'])
    const typo = await newsdesk(['user', 'revoke-tokens', 'ada', '--label', 'lapt0p'])
    assert.deepEqual([typo.code, typo.stderr], [1, 'newsdesk user revoke-tokens: ada has no API token labelled "lapt0p"\n'])
    const all = await newsdesk(['user', 'revoke-tokens', 'ADA'])
    assert.deepEqual([all.code, all.stdout], [0, 'revoked 1 API token of ada (laptop)\n'])
    assert.deepEqual([tokenLabels('ada'), tokenLabels('bo')], [[], ['cli']])
    const none = await newsdesk(['user', 'revoke-tokens', 'ada'])
    assert.deepEqual([none.code, none.stdout], [0, 'revoked 0 API tokens of ada\n'])
    const nobody = await newsdesk(['user', 'revoke-tokens', 'nobody'])
    assert.deepEqual([nobody.code, nobody.stderr], [1, 'newsdesk user revoke-tokens: no account nobody\n'])
    const usage = await newsdesk(['user', 'revoke-tokens'])
    assert.equal(usage.code, 2)
    const help = await newsdesk(['user', '--help'])
    assert.match(help.stdout, /list \[options\]/)
    assert.match(help.stdout, /revoke-tokens \[options\] <username>/)
  })
})
