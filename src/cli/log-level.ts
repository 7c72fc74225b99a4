import type { Command } from 'commander'
import type { Config } from '../config/index.js'

/** The commands that run until stopped, as a service does: their log is the record of what they did. */
const SERVICE_COMMANDS = new Set(['serve', 'feed run'])

/** How the CLI explains its logging in --help. */
export const LOG_HELP =
  'Logs: serve and feed run write JSON logs to standard error at LOG_LEVEL (default info); the other commands print their ' +
  'own report and log errors only, unless LOG_LEVEL is set.'

/** "feed run" for `newsdesk feed run`: the command's names below the program. */
export function commandPath(command: Command): string {
  const names: string[] = []
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name())
  return names.join(' ')
}

/**
 * The log level a command runs with. A one-shot command (`feed refresh`,
 * `import`…) prints a human report, or JSON with --json, and its outcomes
 * are in it; structured log lines beside it would only repeat them in
 * another shape, so it logs errors only unless LOG_LEVEL says otherwise.
 */
export function cliLogLevel(config: Pick<Config, 'logLevel' | 'logLevelSet'>, path: string): string {
  if (config.logLevelSet || SERVICE_COMMANDS.has(path)) return config.logLevel
  return 'error'
}
