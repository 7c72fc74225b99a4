import { Command, Option } from 'commander'
import { allAccounts, createApiToken, createUser, findUser, revokeApiTokens, type Account, type Role } from '../../services/accounts.js'
import { commandFailed, printJson, printText, type CliContext } from '../context.js'

async function readPassword(): Promise<string> {
  if (process.env.NEWSDESK_PASSWORD) return process.env.NEWSDESK_PASSWORD
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

/** `newsdesk user add | list | token | revoke-tokens`: accounts and API tokens from the machine's shell. */
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
      if (!created.ok) return commandFailed(ctx, 'user add', created.error.message)
      if (opts.json) printJson(ctx, created.value)
      else ctx.stdout.write(`created ${created.value.role} ${created.value.username} (${created.value.id})\n`)
    })
  user
    .command('list')
    .description('list the accounts, oldest first: user name, display name, role and when each was created')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const accounts = await allAccounts(await ctx.open())
      if (opts.json) return printJson(ctx, accounts)
      if (accounts.length === 0) return void ctx.stdout.write('no accounts yet: newsdesk user add <username>\n')
      printText(ctx.stdout, formatAccounts(accounts))
    })
  user
    .command('token')
    .description('create an API token (Authorization: Bearer …) for an account; shown once')
    .argument('<username>')
    .option('--label <label>', 'what the token is for (revoke-tokens --label revokes it alone)', 'cli')
    .action(async (username: string, opts: { label: string }) => {
      const deps = await ctx.open()
      const found = await findUser(deps, username)
      if (!found) return commandFailed(ctx, 'user token', `no account ${username}`)
      ctx.stdout.write(`${await createApiToken(deps, found.id, opts.label)}\n`)
    })
  user
    .command('revoke-tokens')
    .description("revoke an account's API tokens (all, or those with one label); its web sessions stay signed in")
    .argument('<username>')
    .option('--label <label>', 'only the tokens created with this label')
    .addHelpText('after', '\nExit code 1 when there is no such account, or --label names no token of it.')
    .action(async (username: string, opts: { label?: string }) => {
      const deps = await ctx.open()
      const found = await findUser(deps, username)
      if (!found) return commandFailed(ctx, 'user revoke-tokens', `no account ${username}`)
      const revoked = await revokeApiTokens(deps, found.id, opts.label)
      if (opts.label !== undefined && revoked.length === 0) return commandFailed(ctx, 'user revoke-tokens', `${found.username} has no API token labelled ${JSON.stringify(opts.label)}`)
      const labels = revoked.length > 0 ? ` (${[...new Set(revoked)].join(', ')})` : ''
      ctx.stdout.write(`revoked ${revoked.length} API token${revoked.length === 1 ? '' : 's'} of ${found.username}${labels}\n`)
    })
  return user
}

/** One line an account, in columns under a header. */
function formatAccounts(accounts: Account[]): string {
  const rows = [['USER', 'NAME', 'ROLE', 'CREATED'], ...accounts.map((a) => [a.username, a.displayName, a.role, a.createdAt])]
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows.map((r) => `${r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')}\n`).join('')
}
