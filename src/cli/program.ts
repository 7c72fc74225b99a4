import { Command } from 'commander'
import type { Config } from '../config/index.js'
import { EXIT_HELP, type CliContext } from './context.js'
import { LOG_HELP } from './log-level.js'
import { addCommand } from './commands/add.js'
import { exportCommand } from './commands/export.js'
import { importCommand } from './commands/import.js'
import { migrateCommand } from './commands/migrate.js'
import { peopleCommand, personCommand } from './commands/people.js'
import { searchCommand } from './commands/search.js'
import { serveCommand, type ServerParts } from './commands/serve.js'
import { showCommand } from './commands/show.js'
import { userCommand } from './commands/user.js'

/** The `newsdesk` command line; `extra` are commands the composition root adds (extract, quotes, similar, feed). */
export function buildProgram(ctx: CliContext, config: Readonly<Config>, server: ServerParts, extra: Command[] = []): Command {
  const program = new Command('newsdesk')
    .description('a self-hosted news desk: collect, extract, analyse who said what, relate and discuss articles')
    .version('0.1.0')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `\nData: ${config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl.slice(7) : 'PostgreSQL (DATABASE_URL)'}\nEnvironment: NEWSDESK_DATA_DIR, DATABASE_URL, PORT, HOST, LOG_LEVEL, NEWSDESK_ALLOW_PRIVATE_HOSTS, NEWSDESK_OPEN_SIGNUP, NEWSDESK_TRUST_PROXY, NEWSDESK_SECURE_COOKIES (see README)\n${LOG_HELP}\n${EXIT_HELP}`,
    )
  program.addCommand(addCommand(ctx))
  program.addCommand(importCommand(ctx))
  program.addCommand(showCommand(ctx))
  program.addCommand(searchCommand(ctx))
  program.addCommand(peopleCommand(ctx))
  program.addCommand(personCommand(ctx))
  program.addCommand(exportCommand(ctx))
  program.addCommand(serveCommand(ctx, { host: config.host, port: config.port }, server))
  program.addCommand(migrateCommand(ctx))
  program.addCommand(userCommand(ctx))
  for (const command of extra) program.addCommand(command)
  return program
}
