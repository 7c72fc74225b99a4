import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, it } from 'node:test'
import { runNewsdesk } from '../helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-help-'))
after(() => rmSync(dir, { recursive: true, force: true }))

it('--help names every environment variable the configuration reads, and exits 0', async () => {
  const config = readFileSync('src/config/index.ts', 'utf8')
  const variables = [...new Set(config.match(/\b(?:NEWSDESK_[A-Z_]+|DATABASE_URL|LOG_LEVEL)\b/g) ?? [])]
  assert.ok(variables.length >= 5, variables.join(' '))
  const help = await runNewsdesk(['--help'], dir)
  assert.equal(help.code, 0)
  for (const name of variables) assert.ok(help.stdout.includes(name), `--help does not name ${name}`)
})
