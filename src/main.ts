import pino from 'pino'
import { buildProgram } from './cli/program.js'
import type { CliContext } from './cli/context.js'
import { loadConfig, type Config } from './config/index.js'
import type { ServiceDeps } from './services/deps.js'
import { openStore } from './store/db.js'
import { migrate } from './store/migrations/index.js'

/** The composition root: configuration → store → services → CLI / HTTP. The only module that knows them all. */
export async function openServices(config: Readonly<Config>): Promise<ServiceDeps> {
  const log = pino({ level: config.logLevel }, pino.destination(2))
  const store = openStore(config.databaseUrl)
  await migrate(store.db, store.dialect)
  return { store, config, log, now: () => new Date() }
}

function cliContext(config: Readonly<Config>): CliContext {
  let opened: Promise<ServiceDeps> | null = null
  return {
    open: () => (opened ??= openServices(config)),
    close: async () => {
      if (opened) await (await opened).store.close()
    },
    stdout: process.stdout,
    stderr: process.stderr,
  }
}

async function run(): Promise<void> {
  let config: Readonly<Config>
  try {
    config = loadConfig()
  } catch (err) {
    process.stderr.write(`newsdesk: ${(err as Error).message}\n`)
    process.exit(2)
  }
  const ctx = cliContext(config)
  const program = buildProgram(ctx, config)
  program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
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
