import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { addCorpusItem, corpusRelations, parseCorpus, relatedIds } from '../../search/similar-corpus.js'
import { openStore } from '../../store/db.js'
import { migrate } from '../../store/migrations/index.js'
import { EXIT, skippedLines, wholeNumber } from '../context.js'
import { progressBar } from '../progress.js'

/**
 * `newsdesk similar --corpus <articles.jsonl> [--top 10]`: builds the relate
 * features of a corpus in a temporary database and prints, one JSON line per
 * article, its Similar Posts and its duplicates. The desk's own database is
 * never touched.
 */
export function similarCommand(): Command {
  return new Command('similar')
    .description('Similar Posts and duplicates for every article of a JSONL corpus (id, title, text, date?, url?)')
    .requiredOption('--corpus <file>', 'JSONL file, one article a line')
    .option('--top <n>', 'Similar Posts per article (each with its copies)', wholeNumber(1, 1000), 10)
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      [
        '',
        'Output: one line per article: {"id", "similar": [ids], "duplicates": [ids]}.',
        '"similar" is every related article, best first: the article\'s own copies, then each',
        'Similar Post followed by its copies (the web page folds copies into one entry).',
        '"duplicates" lists the article\'s own copies alone.',
        '',
        'A line that is not a JSON object with an id and a text, or repeats an id, is named with its',
        'line number and skipped (exit code 1). A line whose text is empty keeps its output line, with',
        'empty lists, and is nobody\'s Similar Post (newsdesk import refuses such a record).',
      ].join('\n'),
    )
    .action(async (opts: { corpus: string; top: number; progress: boolean }) => {
      const text = readCorpus(opts.corpus)
      if (text === null) return
      const bad = skippedLines('similar', opts.corpus)
      const items = parseCorpus(text, bad.skip, (line, note) => process.stderr.write(`${opts.corpus}:${line}: ${note}\n`))
      const dir = mkdtempSync(join(tmpdir(), 'newsdesk-similar-'))
      const store = openStore(`sqlite:${join(dir, 'similar.db')}`)
      try {
        await migrate(store.db, store.dialect)
        const bar = opts.progress ? progressBar('relating', items.length * 2) : null
        for (const item of items) {
          await addCorpusItem(store, item)
          bar?.increment()
        }
        for (const { id } of items) {
          const relations = await corpusRelations(store, id, opts.top)
          process.stdout.write(`${JSON.stringify({ id, similar: relatedIds(relations, opts.top), duplicates: relations.duplicates })}\n`)
          bar?.increment()
        }
        bar?.stop()
        bad.report()
      } finally {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })
}

function readCorpus(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    process.stderr.write(`newsdesk similar: cannot read ${path}: ${(err as Error).message}\n`)
    process.exitCode = EXIT.failed
    return null
  }
}
