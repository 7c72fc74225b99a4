import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createGunzip } from 'node:zlib'
import cliProgress from 'cli-progress'
import { sourceKind } from '../ingest/import/files.js'

/** What the commands ask of a progress display. */
export interface Progress {
  update(value: number, payload?: { status: string }): void
  increment(step?: number, payload?: { status: string }): void
  setTotal(total: number): void
  stop(): void
}

/** A progress bar on standard error; plain lines, few of them, when it is not a terminal (a log). */
export function progressBar(label: string, total: number): Progress {
  if (!process.stderr.isTTY) return new ProgressLines(label, total, (line) => process.stderr.write(line))
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left | {status}`,
      hideCursor: true,
      etaBuffer: 200,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(Math.max(total, 1), 0, { status: '' })
  return bar
}

/** How far a line-by-line progress goes between lines: a tenth of the total or 30 seconds, whichever comes first. */
export const LINE_EVERY = { fraction: 0.1, ms: 30_000 }

/** Whether a log line is due: the value moved a tenth of the total, or 30 s passed, since the last one. */
export function lineDue(last: { value: number; at: number }, value: number, total: number, now: number): boolean {
  if (value === last.value) return false
  return value - last.value >= total * LINE_EVERY.fraction || now - last.at >= LINE_EVERY.ms
}

/** Progress as plain lines for logs: at most every 10% or 30 s, plus the final line. */
export class ProgressLines implements Progress {
  private value = 0
  private status = ''
  private last: { value: number; at: number }
  constructor(
    private readonly label: string,
    private total: number,
    private readonly write: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.last = { value: 0, at: now() }
  }

  update(value: number, payload?: { status: string }): void {
    this.value = value
    if (payload) this.status = payload.status
    const at = this.now()
    if (lineDue(this.last, value, Math.max(this.total, 1), at)) this.print(at)
  }

  increment(step = 1, payload?: { status: string }): void {
    this.update(this.value + step, payload)
  }

  setTotal(total: number): void {
    this.total = total
  }

  stop(): void {
    if (this.last.value !== this.value || this.printedTotal !== this.total || this.value === 0) this.print(this.now())
  }

  private printedTotal = -1

  private print(at: number): void {
    this.last = { value: this.value, at }
    this.printedTotal = this.total
    const total = Math.max(this.total, 1)
    const percent = Math.min(100, Math.round((100 * this.value) / total))
    this.write(`${this.label} ${percent}% | ${this.value}/${total}${this.status ? ` | ${this.status}` : ''}\n`)
  }
}

/**
 * How many items an import source holds, for the bar's total: the non-blank
 * lines of a JSONL file, the documents of a folder with the items of each of
 * its JSONL and WARC files, the response and resource records of a WARC file
 * (an upper bound: those that are not HTML pages are skipped, so `exact` is false).
 */
export async function countImportItems(path: string): Promise<{ total: number; exact: boolean }> {
  const info = await stat(path).catch(() => null)
  if (!info) return { total: 0, exact: true }
  const exact = !(await holdsWarc(path, info.isDirectory()))
  return { total: info.isDirectory() ? await countFolder(path) : await countFileItems(path), exact }
}

async function holdsWarc(path: string, isDirectory: boolean): Promise<boolean> {
  if (!isDirectory) return sourceKind(path) === 'warc'
  const entries = await readdir(path, { withFileTypes: true, recursive: true })
  return entries.some((e) => e.isFile() && sourceKind(e.name) === 'warc')
}

async function countFileItems(path: string): Promise<number> {
  switch (sourceKind(path)) {
    case 'jsonl':
      return countNonBlankLines(path)
    case 'warc':
      return countWarcRecords(path)
    case 'document':
      return 1
    case null:
      return 0
  }
}

async function countFolder(dir: string): Promise<number> {
  let n = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) n += await countFolder(path)
    else if (entry.isFile()) n += await countFileItems(path)
  }
  return n
}

function readBytes(path: string): AsyncIterable<Buffer> {
  const raw = createReadStream(path)
  return (path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw) as AsyncIterable<Buffer>
}

const BLANK = new Set([0x20, 0x09, 0x0d])

/** Lines with something other than spaces on them (a byte-order mark counts as blank), as the JSONL reader reads them. */
export async function countNonBlankLines(path: string): Promise<number> {
  let n = 0
  let filled = false
  let first = true
  for await (const chunk of readBytes(path)) {
    const bom = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf
    first = false
    for (let i = bom ? 3 : 0; i < chunk.length; i++) {
      const b = chunk[i] ?? 0
      if (b === 0x0a) {
        if (filled) n++
        filled = false
      } else if (!BLANK.has(b)) filled = true
    }
  }
  return filled ? n + 1 : n
}

async function countWarcRecords(path: string): Promise<number> {
  let tail = ''
  let n = 0
  for await (const chunk of readBytes(path)) {
    // The previous chunk's tail goes first so a header split across chunks is still seen, and counted once.
    const text = tail + chunk.toString('latin1')
    for (const m of text.matchAll(/(?:^|\n)WARC-Type: *(?:response|resource)\r?\n/gi)) if (m.index + m[0].length > tail.length) n++
    tail = text.slice(-40)
  }
  return n
}
