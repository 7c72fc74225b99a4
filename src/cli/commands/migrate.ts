import { Command } from 'commander'
import type { CliContext } from '../context.js'

/** `newsdesk migrate`: apply pending migrations (every command also does this at start). */
export function migrateCommand(ctx: CliContext): Command {
  return new Command('migrate').description('apply database migrations').action(async () => {
    await ctx.open()
    ctx.stdout.write('database is up to date\n')
  })
}
