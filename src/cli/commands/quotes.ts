import { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { articleText, type Analysis, type Article, type Result } from '../../domain/index.js'
import { analyseArticle, analyseText } from '../../analyse/index.js'
import { toPrediction } from '../../analyse/predictions.js'
import { EXIT, skippedLines } from '../context.js'

export interface QuotesDeps {
  /** HTML → Article (the composition root passes extractDocument from src/extract). */
  extract?: (input: { body: Uint8Array | string; fileName?: string | null }) => Result<Article>
}

interface QuotesOptions {
  json?: boolean
  eval?: string
  publisher?: string
}

/** `newsdesk quotes <file|->`: who said what in one document; `--eval docs.jsonl` for the scorer. */
export function quotesCommand(deps: QuotesDeps = {}): Command {
  return new Command('quotes')
    .description('print who said what in a text or HTML file (- for stdin)')
    .argument('[file]', 'text or HTML file, or - for stdin')
    .option('--json', 'print JSON with offsets, speakers and roles')
    .option('--eval <docs>', 'read scorer-format documents (JSONL, - for stdin) and print predictions in the scorer format')
    .option('--publisher <name>', 'the outlet publishing the text (never taken as a speaker)')
    .action((file: string | undefined, opts: QuotesOptions) => {
      if (opts.eval) return runEval(opts.eval)
      if (!file) {
        process.stderr.write('newsdesk quotes: give a file, - for stdin, or --eval <docs.jsonl>\n')
        process.exitCode = EXIT.usage
        return
      }
      const analysed = analyseInput(file, opts, deps)
      if (!analysed.ok) {
        process.stderr.write(`newsdesk quotes: ${analysed.error}\n`)
        process.exitCode = EXIT.failed
        return
      }
      const { text, analysis } = analysed
      if (opts.json) process.stdout.write(`${JSON.stringify({ text, ...analysis }, null, 2)}\n`)
      else process.stdout.write(renderQuotes(analysis, text))
    })
}

type Analysed = { ok: true; text: string; analysis: Analysis } | { ok: false; error: string }

function analyseInput(file: string, opts: QuotesOptions, deps: QuotesDeps): Analysed {
  let body: Buffer
  try {
    body = readFileSync(file === '-' ? 0 : file)
  } catch (err) {
    return { ok: false, error: `cannot read ${file}: ${(err as Error).message}` }
  }
  // Text never holds NUL bytes; a binary file is refused, as `add` and `extract` refuse it.
  if (body.subarray(0, 8192).includes(0)) return { ok: false, error: 'binary_input: not a text or HTML file' }
  const raw = body.toString('utf8')
  const html = /\.x?html?$/i.test(file) || /^\s*</.test(raw)
  if (!html) return { ok: true, text: raw, analysis: analyseText(raw, { publisher: opts.publisher ?? null }) }
  if (!deps.extract) return { ok: false, error: 'HTML input needs the extractor (run through the newsdesk binary)' }
  const extracted = deps.extract({ body, fileName: file === '-' ? null : file })
  if (!extracted.ok) return { ok: false, error: `${extracted.error.code}: ${extracted.error.message}` }
  const article = { ...extracted.value, outlet: opts.publisher ?? extracted.value.outlet }
  return { ok: true, text: articleText(article), analysis: analyseArticle(article) }
}

/** One line a quote; a speaker the analyser could only describe ("his daughter") is shown as written. */
export function renderQuotes(analysis: Analysis, text: string): string {
  if (analysis.quotes.length === 0) return 'no quotes found\n'
  const lines = analysis.quotes.map((q) => {
    const mention = q.speakerMention ? text.slice(q.speakerMention.start, q.speakerMention.end) : null
    const who = q.speaker
      ? `${q.speaker.name}${described(q.speaker)}`
      : mention
        ? `“${mention}” (unnamed)`
        : 'unattributed'
    const body = q.kind !== 'direct' ? q.text : `“${q.text.replace(/^[“"]|[”"]$/g, '')}”`
    return `- [${q.kind}${q.continuation ? ', continued' : ''}] ${who}: ${body}`
  })
  return `${lines.join('\n')}\n`
}

/**
 * Scorer-format documents in, predictions out, one line each. A line that is
 * not JSON or lacks `doc_id` and `text` is reported with its number and
 * skipped; the others are still scored, and the exit code says lines were lost.
 */
function runEval(path: string): void {
  let source: string
  try {
    source = readFileSync(path === '-' ? 0 : path, 'utf8')
  } catch (err) {
    process.stderr.write(`newsdesk quotes: cannot read ${path}: ${(err as Error).message}\n`)
    process.exitCode = EXIT.failed
    return
  }
  const bad = skippedLines('quotes', path)
  source.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    const doc = evalDoc(line)
    if (typeof doc === 'string') return bad.skip(i + 1, doc)
    const analysis = analyseText(doc.text, { publisher: doc.publisher })
    process.stdout.write(`${JSON.stringify(toPrediction(doc.docId, analysis))}\n`)
  })
  bad.report()
}

/** One document of the scorer's gold format, or why the line is not one. */
function evalDoc(line: string): { docId: string; text: string; publisher: string | null } | string {
  let o: unknown
  try {
    o = JSON.parse(line)
  } catch {
    return 'not JSON'
  }
  if (typeof o !== 'object' || o === null) return 'not a JSON object'
  const { doc_id: docId, text, meta } = o as { doc_id?: unknown; text?: unknown; meta?: { outlet?: unknown } }
  if ((typeof docId !== 'string' && typeof docId !== 'number') || typeof text !== 'string') return 'needs doc_id and text'
  return { docId: String(docId), text, publisher: typeof meta?.outlet === 'string' ? meta.outlet : null }
}

/** " (senior analyst, Eurasia Group)", " (Brookings Institution)", or nothing. */
function described(speaker: { role: string | null; organisation: string | null }): string {
  const words = [speaker.role, speaker.organisation].filter(Boolean).join(', ')
  return words ? ` (${words})` : ''
}
