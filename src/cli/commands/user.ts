import { Command, Option } from 'commander'
import { createApiToken, createUser, findUser, type Role } from '../../services/accounts.js'
import { EXIT, printJson, type CliContext } from '../context.js'

async function readPassword(): Promise<string> {
  if (process.env.NEWSDESK_PASSWORD) return process.env.NEWSDESK_PASSWORD
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

/** `newsdesk user add` and `newsdesk user token`: accounts and API tokens from the machine's shell. */
export function userCommand(ctx: CliContext): Command {
  const user = new Command('user').description('manage accounts and API tokens')
  user
    .command('add')
    .description('create an account; the password is read from NEWSDESK_PASSWORD or standard input')
    .argument('<username>')
    .option('--name <display name>', 'name shown on replies')
    .addOption(new Option('--role <role>', 'what the account may do').choices(['admin', 'editor', 'reader']).default('editor'))
    .option('--json', 'print JSON')
    .action(async (username: string, opts: { name?: string; role: Role; json?: boolean }) => {
      const deps = await ctx.open()
      const created = await createUser(deps, { username, displayName: opts.name ?? username, password: await readPassword() }, opts.role)
      if (!created.ok) {
        ctx.stderr.write(`newsdesk user add: ${created.error.message}\n`)
        process.exitCode = EXIT.failed
        return
      }
      if (opts.json) printJson(ctx, created.value)
      else ctx.stdout.write(`created ${created.value.role} ${created.value.username} (${created.value.id})\n`)
    })
  user
    .command('token')
    .description('create an API token (Authorization: Bearer …) for an account; shown once')
    .argument('<username>')
    .option('--label <label>', 'what the token is for', 'cli')
    .action(async (username: string, opts: { label: string }) => {
      const deps = await ctx.open()
      const found = await findUser(deps, username)
      if (!found) {
        ctx.stderr.write(`newsdesk user token: no account ${username}\n`)
        process.exitCode = EXIT.failed
        return
      }
      ctx.stdout.write(`${await createApiToken(deps, found.id, opts.label)}\n`)
    })
  return user
}
