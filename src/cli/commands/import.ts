import { stat } from 'node:fs/promises'
import { Command } from 'commander'
import { sourceKind } from '../../ingest/import/files.js'
import { importPath, type ImportReport } from '../../services/import.js'
import { EXIT, printJson, printText, type CliContext } from '../context.js'
import { countImportItems, progressBar } from '../progress.js'

/** `newsdesk import <dir|file>`: bulk import that keeps going past bad items and reports them. */
export function importCommand(ctx: CliContext): Command {
  return new Command('import')
    .description('import a folder (.html .htm .txt .md .html.gz), a JSON-lines file (.jsonl, .ndjson: id, title, text|html, url, date) or a WARC file')
    .argument('<path>', 'folder or file to import')
    .option('--collection <name>', 'the collection the records’ own ids belong to (default: the file’s name without extension)')
    .option('--json', 'print the final report as JSON')
    .option('--no-progress', 'no progress bar')
    .addHelpText('after', '\nA re-run skips what is already stored, so an interrupted import can simply be run again.\nA record’s own id (JSONL "id", a WARC record id) is kept with its collection: the same id again updates its article.\nA JSON-lines record is refused (named by its line) when it has no text, or a date that is not one.\nExit code 1 when any item failed.')
    .action(async (path: string, opts: { json?: boolean; progress: boolean; collection?: string }) => {
      // Checked before the store is opened, so a mistyped path creates no database.
      const problem = await unusablePath(path)
      if (problem) {
        ctx.stderr.write(`newsdesk import: ${path}: ${problem}\n`)
        process.exitCode = EXIT.failed
        return
      }
      const deps = await ctx.open()
      const count = opts.progress ? await countImportItems(path) : { total: 0, exact: true }
      const bar = opts.progress ? progressBar('importing', count.total) : null
      let done = 0
      const report = await importPath(deps, path, (p) => {
        done = p.done
        bar?.update(p.done, { status: progressStatus(p.report) })
      }, { collection: opts.collection ?? null })
      // A WARC file's count is an upper bound (records that are not HTML pages are skipped): end on what was read.
      if (!count.exact && done > 0) bar?.setTotal(done)
      bar?.update(done)
      bar?.stop()
      if (opts.json) printJson(ctx, report)
      else printText(ctx.stdout, formatReport(report))
      if (report.failed.length > 0) process.exitCode = EXIT.failed
    })
}

/** Why a path cannot be imported at all (missing, unreadable, not an importable file), or null. */
async function unusablePath(path: string): Promise<string | null> {
  try {
    const info = await stat(path)
    if (info.isDirectory() || sourceKind(path) !== null) return null
    return 'not an importable file (.html, .htm, .txt, .md, .html.gz, .jsonl, .ndjson, .warc, or a folder of them)'
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? 'no such file or folder (ENOENT)' : `cannot read it (${code ?? (err as Error).message})`
  }
}

/** "3 new, 120 already stored, 1 failed" (and how many were updated, if any): a re-run's skipped lines count too. */
function progressStatus(r: ImportReport): string {
  return `${r.created} new${r.updated > 0 ? `, ${r.updated} updated` : ''}, ${r.skipped} already stored, ${r.failed.length} failed`
}

function formatReport(r: ImportReport): string {
  const lines = [`stored ${r.created} new, updated ${r.updated}, skipped ${r.skipped} already stored, failed ${r.failed.length}`]
  if (r.failed.length > 0) {
    lines.push('failed items:')
    for (const f of r.failed.slice(0, 200)) lines.push(`  ${f.ref}: ${f.error.message} (${f.error.code})`)
    if (r.failed.length > 200) lines.push(`  … and ${r.failed.length - 200} more (use --json for all)`)
  }
  return `${lines.join('\n')}\n`
}
