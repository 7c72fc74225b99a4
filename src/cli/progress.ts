import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createGunzip } from 'node:zlib'
import cliProgress from 'cli-progress'

/** A progress bar on standard error (plain periodic lines when it is not a terminal). */
export function progressBar(label: string, total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left | {status}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      etaBuffer: 200,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(Math.max(total, 1), 0, { status: '' })
  return bar
}

/** How many items an import source holds, for the bar's total (lines of JSONL, files of a folder). */
export async function countImportItems(path: string): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (!info) return 0
  if (info.isDirectory()) return countFiles(path)
  if (/\.jsonl(\.gz)?$/i.test(path)) return countLines(path)
  return 1
}

async function countFiles(dir: string): Promise<number> {
  let n = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    if (entry.isDirectory()) n += await countFiles(join(dir, entry.name))
    else if (/\.(html?|txt|md|html\.gz|jsonl|warc(\.gz)?)$/i.test(entry.name)) n++
  }
  return n
}

async function countLines(path: string): Promise<number> {
  let n = 0
  let last = 10
  const raw = createReadStream(path)
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? 10
  }
  return last === 10 ? n : n + 1
}
