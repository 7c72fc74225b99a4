import { Command } from 'commander'
import { MAX_PEOPLE_OFFSET, MAX_QUOTES_OFFSET, findPeople, personProfile } from '../../services/reading.js'
import { countOf, onceEach, personMeta } from '../../lib/wording.js'
import { EXIT, paged, printJson, printText, type CliContext } from '../context.js'

/** `newsdesk people [name]`: the desk's people, most quoted first, or everyone whose name holds `name`. */
export function peopleCommand(ctx: CliContext): Command {
  return paged(
    new Command('people')
      .description('list the people quoted on the desk, most quoted first; with a name, everyone named so (quoted or only named)')
      .argument('[name...]', 'a name or part of one (accents, case and titles ignored)'),
      'people',
      { max: 200, fallback: 50 },
      MAX_PEOPLE_OFFSET,
    )
    .option('--json', 'print JSON: items (id, name, role, organisation, quoteCount) and next')
    .addHelpText('after', '\nExit code 1 when a name finds no one. See one person with: newsdesk person <id>')
    .action(async (words: string[], opts: { limit: number; offset: number; json?: boolean }) => {
      const deps = await ctx.open()
      const name = words.join(' ').trim()
      const page = await findPeople(deps, { name, limit: opts.limit, offset: opts.offset })
      if (name && page.items.length === 0 && opts.offset === 0) process.exitCode = EXIT.failed
      if (opts.json) return printJson(ctx, page)
      const lines = page.items.map((p) => `${p.id}  ${p.name}  ${personMeta(p)}`)
      if (page.items.length === 0) lines.push(name ? `No one on the desk is named “${name}”.` : 'No one is quoted yet.')
      if (page.next !== null) lines.push(`More: --offset ${page.next}`)
      printText(ctx.stdout, `${lines.join('\n')}\n`)
    })
}

/** `newsdesk person <id>`: one person with their quotes across the desk, newest first. */
export function personCommand(ctx: CliContext): Command {
  return paged(
    new Command('person')
      .description('print a person with their roles and quotes across the desk, newest first')
      .argument('<id>', 'person id (from `newsdesk people` or a quote)'),
      'quotes',
      { max: 500, fallback: 100 },
      MAX_QUOTES_OFFSET,
    )
    .option('--json', 'print JSON: person, quotes, quoteCount, next')
    .action(async (id: string, opts: { limit: number; offset: number; json?: boolean }) => {
      const deps = await ctx.open()
      const profile = await personProfile(deps, id, { limit: opts.limit, offset: opts.offset })
      if (!profile) {
        ctx.stderr.write(`newsdesk person: no person ${id}\n`)
        process.exitCode = EXIT.failed
        return
      }
      if (opts.json) return printJson(ctx, profile)
      const { person, quotes, quoteCount, next } = profile
      const lines = [person.name, onceEach([...person.roles, ...person.organisations]).join(' · '), '']
      lines.push(quoteCount === 0 ? 'Named on the desk, not quoted.' : `${countOf(quoteCount, 'quote')}:`)
      for (const q of quotes) lines.push(`  - “${q.text}” (${q.articleTitle}, ${(q.articlePublishedAt ?? q.articleCreatedAt).slice(0, 10)}) [${q.articleId}]`)
      if (next !== null) lines.push(`More: --offset ${next}`)
      printText(ctx.stdout, `${lines.filter((l, i) => i !== 1 || l !== '').join('\n')}\n`)
    })
}
