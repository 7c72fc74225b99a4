import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { Command, Option } from 'commander'
import type { Article, Block, Result, StageError } from '../../domain/index.js'
import { articleBody, extractDocument } from '../../extract/index.js'
import { EXIT, unfetchableScheme } from '../context.js'
import { progressBar } from '../progress.js'

/** A fetched page, as the ingest stage's safe fetcher gives it. */
export interface FetchedPage {
  body: Uint8Array | string
  contentType?: string | null
  url?: string | null
}

export interface ExtractCommandDeps {
  /** The SSRF-safe fetcher from src/ingest; without it URLs are refused. */
  fetchUrl?: (url: string) => Promise<Result<FetchedPage, StageError>>
  stdout?: NodeJS.WritableStream
  stderr?: NodeJS.WritableStream
  stdin?: AsyncIterable<Buffer | string>
}

type Format = 'json' | 'text' | 'markdown'
const DOCUMENT_FILE = /\.(x?html?|txt|text|md|markdown)(\.gz)?$/i

/**
 * `newsdesk extract <file|folder|url|->`: print the extracted article without
 * storing it. A folder gives one JSON line per file,
 * {"id", "title", "articleBody"}, like trafilatura's CLI; with --out, one
 * file per document in the chosen format instead.
 */
export function extractCommand(deps: ExtractCommandDeps = {}): Command {
  const out = deps.stdout ?? process.stdout
  const err = deps.stderr ?? process.stderr
  return new Command('extract')
    .description('print the article extracted from a file, a folder (.html, .html.gz, .txt, .md), a URL or standard input (-)')
    .argument('<source>', 'file, folder, http(s) URL, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text', 'markdown']).default('json'))
    .option('--url <url>', 'the page address of a file or of standard input')
    .option('--out <dir>', 'for a folder: write one file per document (<name>.json, .txt or .md) into this directory')
    .option('--no-progress', 'no progress bar for a folder written with --out')
    .action(async (source: string, opts: { format: Format; url?: string; out?: string; progress: boolean }) => {
      const fail = (message: string, code = 1): void => {
        err.write(`newsdesk extract: ${message}\n`)
        process.exitCode = code
      }
      const refused = unfetchableScheme(source)
      if (refused) return fail(refused, EXIT.usage)
      if (/^https?:\/\//i.test(source)) {
        if (!deps.fetchUrl) return fail(`${source}: fetching URLs is not available here; save the page and pass the file`, 2)
        const fetched = await deps.fetchUrl(source)
        if (!fetched.ok) return fail(`${source}: ${fetched.error.detail ?? fetched.error.message} (${fetched.error.code})`)
        const r = extractDocument({ body: fetched.value.body, contentType: fetched.value.contentType, url: fetched.value.url ?? source })
        return r.ok ? void out.write(render(r.value, opts.format)) : fail(`${source}: ${r.error.message} (${r.error.code})`)
      }
      let info
      if (source !== '-') {
        try {
          info = await stat(source)
        } catch (e) {
          return fail(`cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
        }
      }
      if (info?.isDirectory()) {
        if (opts.out) return extractFolderTo(source, opts.out, opts.format, opts.progress, err)
        if (opts.format !== 'json') return fail(`a folder prints JSON lines; add --out <dir> to write one ${opts.format} file per document`, 2)
        return extractFolder(source, out, err)
      }
      if (opts.out) return fail('--out is for a folder source', 2)
      const body = source === '-' ? await readAll(deps.stdin ?? process.stdin) : new Uint8Array(await readFile(source))
      const r = extractDocument({ body, url: opts.url ?? null, fileName: source === '-' ? null : source })
      if (!r.ok) return fail(`${source}: ${r.error.message} (${r.error.code})`)
      out.write(render(r.value, opts.format))
    })
}

async function extractFolder(dir: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  const names = (await readdir(dir)).filter((n) => DOCUMENT_FILE.test(n)).sort()
  let failed = 0
  for (const name of names) {
    const id = name.replace(DOCUMENT_FILE, '')
    const r = extractDocument({ body: new Uint8Array(await readFile(join(dir, name))), fileName: name })
    if (!r.ok) {
      failed++
      err.write(`newsdesk extract: ${basename(name)}: ${r.error.message} (${r.error.code})\n`)
      out.write(`${JSON.stringify({ id, articleBody: '', title: '', error: r.error.code })}\n`)
      continue
    }
    out.write(`${JSON.stringify({ id, articleBody: articleBody(r.value), title: r.value.title })}\n`)
  }
  if (failed > 0) process.exitCode = 1
}

const EXTENSION: Record<Format, string> = { json: 'json', text: 'txt', markdown: 'md' }

/**
 * One output file per document of the folder; failures are reported and
 * counted, the rest still written. Never overwrites: not the source folder,
 * not a file already there, not another document's output ("a.html" and
 * "a.txt" give "a.md" and "a.txt.md").
 */
async function extractFolderTo(dir: string, outDir: string, format: Format, progress: boolean, err: NodeJS.WritableStream): Promise<void> {
  if (resolve(dir) === resolve(outDir)) {
    err.write('newsdesk extract: --out must be another folder than the source\n')
    process.exitCode = 2
    return
  }
  const names = (await readdir(dir)).filter((n) => DOCUMENT_FILE.test(n)).sort()
  await mkdir(outDir, { recursive: true })
  const bar = progress ? progressBar('extracting', names.length) : null
  const taken = new Set<string>()
  let failed = 0
  for (const name of names) {
    const problem = await extractOne(join(dir, name), name, outputName(name, format, taken), outDir, format)
    if (problem) {
      failed++
      err.write(`newsdesk extract: ${basename(name)}: ${problem}\n`)
    }
    bar?.increment(1, { status: name })
  }
  bar?.stop()
  err.write(`newsdesk extract: ${names.length - failed} of ${names.length} documents written to ${outDir}\n`)
  if (failed > 0) process.exitCode = 1
}

/** Extracts one file into outDir; returns what went wrong, or null. */
async function extractOne(path: string, name: string, output: string, outDir: string, format: Format): Promise<string | null> {
  const r = extractDocument({ body: new Uint8Array(await readFile(path)), fileName: name })
  if (!r.ok) return `${r.error.message} (${r.error.code})`
  try {
    await writeFile(join(outDir, output), render(r.value, format), { flag: 'wx' })
    return null
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code === 'EEXIST' ? `${output} already exists in ${outDir}; nothing overwritten` : `cannot write ${output}: ${code ?? String(e)}`
  }
}

function outputName(name: string, format: Format, taken: Set<string>): string {
  const short = `${name.replace(DOCUMENT_FILE, '')}.${EXTENSION[format]}`
  const chosen = taken.has(short) ? `${name}.${EXTENSION[format]}` : short
  taken.add(chosen)
  return chosen
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return new Uint8Array(Buffer.concat(chunks))
}

/** The article as JSON, plain text or Markdown (text only: nothing from the page's markup). */
export function render(article: Article, format: Format): string {
  if (format === 'json') return `${JSON.stringify(article, null, 2)}\n`
  if (format === 'text') return `${[article.title, article.dek, ...article.blocks.map((b) => b.text)].filter(Boolean).join('\n\n')}\n`
  const head = [`# ${article.title}`]
  if (article.dek) head.push(`*${article.dek}*`)
  const byline = [article.authors.join(', '), article.outlet, article.publishedAt].filter(Boolean).join(' · ')
  if (byline) head.push(byline)
  return `${[...head, ...article.blocks.map(markdownBlock)].join('\n\n')}\n`
}

function markdownBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level ?? 2)} ${b.text}`
    case 'blockquote':
      return b.text.split('\n').map((l) => `> ${l}`).join('\n')
    case 'list':
      return (b.items ?? b.text.split('\n')).map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n')
    case 'caption':
      return `*${b.text}*${b.credit ? ` (${b.credit})` : ''}`
    case 'preformatted':
      return `\`\`\`\n${b.text}\n\`\`\``
    default:
      return b.text
  }
}
