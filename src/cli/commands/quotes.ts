import { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { articleText, type Analysis, type Article, type Result } from '../../domain/index.js'
import { analyseArticle, analyseText } from '../../analyse/index.js'
import { toPrediction } from '../../analyse/predictions.js'

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
    .option('--eval <docs>', 'read scorer-format documents (JSONL) and print predictions in the scorer format')
    .option('--publisher <name>', 'the outlet publishing the text (never taken as a speaker)')
    .action((file: string | undefined, opts: QuotesOptions) => {
      if (opts.eval) return runEval(opts.eval)
      if (!file) {
        process.stderr.write('newsdesk quotes: give a file, - for stdin, or --eval <docs.jsonl>\n')
        process.exitCode = 2
        return
      }
      const analysed = analyseInput(file, opts, deps)
      if (!analysed.ok) {
        process.stderr.write(`newsdesk quotes: ${analysed.error}\n`)
        process.exitCode = 1
        return
      }
      const { text, analysis } = analysed
      if (opts.json) process.stdout.write(`${JSON.stringify({ text, ...analysis }, null, 2)}\n`)
      else process.stdout.write(renderQuotes(analysis, text))
    })
}

type Analysed = { ok: true; text: string; analysis: Analysis } | { ok: false; error: string }

function analyseInput(file: string, opts: QuotesOptions, deps: QuotesDeps): Analysed {
  const body = file === '-' ? readFileSync(0) : readFileSync(file)
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
      ? `${q.speaker.name}${q.speaker.role ? ` (${q.speaker.role}${q.speaker.organisation ? `, ${q.speaker.organisation}` : ''})` : ''}`
      : mention
        ? `“${mention}” (unnamed)`
        : 'unattributed'
    const body = q.kind !== 'direct' ? q.text : `“${q.text.replace(/^[“"]|[”"]$/g, '')}”`
    return `- [${q.kind}${q.continuation ? ', continued' : ''}] ${who}: ${body}`
  })
  return `${lines.join('\n')}\n`
}

interface EvalDoc {
  doc_id: string
  text: string
  meta?: { outlet?: string | null }
}

function runEval(path: string): void {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim())
  for (const line of lines) {
    const doc = JSON.parse(line) as EvalDoc
    const analysis = analyseText(doc.text, { publisher: doc.meta?.outlet ?? null })
    process.stdout.write(`${JSON.stringify(toPrediction(doc.doc_id, analysis))}\n`)
  }
}
