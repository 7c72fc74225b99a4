import type { Command } from 'commander'
import { extractCommand } from './cli/commands/extract.js'
import { feedCommand } from './cli/commands/feed.js'
import { quotesCommand } from './cli/commands/quotes.js'
import { similarCommand } from './cli/commands/similar.js'
import type { CliContext } from './cli/context.js'
import { cliLogLevel, commandPath } from './cli/log-level.js'
import { buildProgram } from './cli/program.js'
import { buildApp, openServices, pageFetcher } from './compose.js'
import { loadConfig, type Config } from './config/index.js'
import { extractDocument } from './extract/index.js'
import type { ServiceDeps } from './services/deps.js'
import { startFeedBackground } from './services/feeds.js'

/** The command line's entry: configuration → composition (compose.ts) → the `newsdesk` program. */
function cliContext(config: Readonly<Config>, logLevel: () => string): CliContext {
  let opened: Promise<ServiceDeps> | null = null
  return {
    open: () => (opened ??= openServices({ ...config, logLevel: logLevel() })),
    close: async () => {
      if (opened) await (await opened).store.close()
    },
    stdout: process.stdout,
    stderr: process.stderr,
  }
}

// `newsdesk … | head`: a reader that stops early ends the command quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

async function run(): Promise<void> {
  let config: Readonly<Config>
  try {
    config = loadConfig()
  } catch (err) {
    process.stderr.write(`newsdesk: ${(err as Error).message}\n`)
    process.exit(2)
  }
  let logLevel = config.logLevel
  const ctx = cliContext(config, () => logLevel)
  const fetchPage = pageFetcher(config)
  const program = buildProgram(
    ctx,
    config,
    { buildApp, startBackground: startFeedBackground },
    [
      extractCommand({ fetchUrl: fetchPage }),
      quotesCommand({ extract: extractDocument }),
      similarCommand(),
      feedCommand({ ctx }),
    ],
  )
  // Usage errors exit 2 (help and version 0) for the program and every subcommand, each named by its command:
  // "newsdesk feed remove: missing required argument 'id'".
  const exitOnUsage = (command: Command): void => {
    command.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    const name = ['newsdesk', commandPath(command)].filter(Boolean).join(' ')
    command.configureOutput({ outputError: (message, write) => write(message.replace(/^error: /, `${name}: `)) })
    command.commands.forEach(exitOnUsage)
  }
  exitOnUsage(program)
  program.hook('preAction', (_program, action) => {
    logLevel = cliLogLevel(config, commandPath(action))
  })
  try {
    await program.parseAsync(process.argv)
  } catch (err) {
    process.stderr.write(`newsdesk: ${(err as Error).message}\n`)
    process.exitCode = 1
  } finally {
    await ctx.close()
  }
}

await run()
