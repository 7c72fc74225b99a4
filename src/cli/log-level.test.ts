import assert from 'node:assert/strict'
import { it } from 'node:test'
import { Command } from 'commander'
import { cliLogLevel, commandPath } from './log-level.js'

it('logs errors only in one-shot commands unless LOG_LEVEL is set; services log at LOG_LEVEL', () => {
  const unset = { logLevel: 'info', logLevelSet: false }
  const set = { logLevel: 'debug', logLevelSet: true }
  const cases: [typeof unset, string, string][] = [
    [unset, 'feed refresh', 'error'],
    [unset, 'import', 'error'],
    [unset, 'serve', 'info'],
    [unset, 'feed run', 'info'],
    [set, 'feed refresh', 'debug'],
    [set, 'serve', 'debug'],
  ]
  for (const [config, path, level] of cases) assert.equal(cliLogLevel(config, path), level, `${path} (LOG_LEVEL ${config.logLevelSet ? 'set' : 'unset'})`)
})

it('names a command by its path below the program', () => {
  const program = new Command('newsdesk')
  const feed = program.command('feed')
  assert.equal(commandPath(feed.command('run')), 'feed run')
  assert.equal(commandPath(program.command('serve')), 'serve')
})
