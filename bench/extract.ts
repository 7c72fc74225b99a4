/**
 * Extraction benchmark: our extractor and @mozilla/readability on linkedom
 * over the ScrapingHub article-extraction pages, each system in its own
 * child process (so peak RSS is its own), scored by the shared scorer.
 *
 *   npm run bench:extract -- --data ../shared/data/extraction-benchmark [--only ours|readability] [--runs N]
 *
 * Speed is pages per CPU second (user + system) of the best of N warm
 * passes, parse + extract in one process; wall-clock pages/s is reported too.
 * CPU time is used for the comparison because the machine is shared and wall
 * time moves with other load.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { option } from './lib/args.js'

type System = 'ours' | 'readability'
interface WorkerReport {
  system: System
  pages: number
  /** CPU seconds (user + system) of the best timed pass: other load on the machine barely moves it. */
  seconds: number
  pagesPerSecond: number
  wallSeconds: number
  wallPagesPerSecond: number
  peakRssMb: number
  failures: number
}

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const opt = (name: string, fallback: string): string => option(name, fallback, args)
const dataDir = resolve(opt('data', join(here, '../../shared/data/extraction-benchmark')))
const cacheDir = join(here, '.cache')
const runs = Number(opt('runs', '3'))

function loadPages(): { id: string; html: string }[] {
  const dir = join(dataDir, 'html')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({ id: f.replace(/\.html\.gz$/, ''), html: gunzipSync(readFileSync(join(dir, f))).toString('utf8') }))
}

async function extractorFor(system: System): Promise<(html: string, url: string | null) => string> {
  if (system === 'ours') {
    const { extractHtml, articleBody } = await import('../src/extract/index.js')
    return (html, url) => {
      const r = extractHtml(html, { url })
      return r.ok ? articleBody(r.value) : ''
    }
  }
  const { Readability } = await import('@mozilla/readability')
  const { parseHTML } = await import('linkedom')
  return (html) => {
    const { document } = parseHTML(html)
    const article = new Readability(document as never).parse()
    return article?.textContent ?? ''
  }
}

async function worker(system: System): Promise<void> {
  const pages = loadPages()
  const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>
  const extract = await extractorFor(system)
  const pred: Record<string, { articleBody: string }> = {}
  let failures = 0
  const runOnce = (): void => {
    for (const p of pages) {
      try {
        pred[p.id] = { articleBody: extract(p.html, truth[p.id]?.url ?? null) }
      } catch {
        failures++
        pred[p.id] = { articleBody: '' }
      }
    }
  }
  runOnce() // warm-up
  let best = Infinity
  let bestWall = Infinity
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint()
    const c0 = process.cpuUsage()
    runOnce()
    const cpu = process.cpuUsage(c0)
    best = Math.min(best, (cpu.user + cpu.system) / 1e6)
    bestWall = Math.min(bestWall, Number(process.hrtime.bigint() - t0) / 1e9)
  }
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(join(cacheDir, `${system}.pred.json`), JSON.stringify(pred))
  const report: WorkerReport = {
    system,
    pages: pages.length,
    seconds: best,
    pagesPerSecond: pages.length / best,
    wallSeconds: bestWall,
    wallPagesPerSecond: pages.length / bestWall,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    failures: failures / (runs + 1),
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

function score(system: System): { f1: number; precision: number; recall: number; accuracy: number } {
  const out = join(cacheDir, `${system}.score.json`)
  execFileSync(process.execPath, [join(dataDir, '../../tools/extraction/score.mjs'), join(dataDir, 'ground-truth.json'), join(cacheDir, `${system}.pred.json`), '--bootstrap', '200', '--json', out], { stdio: 'ignore' })
  const data = JSON.parse(readFileSync(out, 'utf8')) as unknown
  const first = (Array.isArray(data) ? data[0] : typeof data === 'object' && data !== null && 'results' in data ? (data as { results: unknown[] }).results[0] : Object.values(data as object)[0]) as Record<string, number>
  const m = 'f1' in (data as object) ? (data as Record<string, number>) : first
  return { f1: m.f1!, precision: m.precision!, recall: m.recall!, accuracy: m.accuracy! }
}

async function main(): Promise<void> {
  const w = opt('worker', '')
  if (w) return worker(w as System)
  const only = opt('only', '')
  const systems: System[] = only ? [only as System] : ['ours', 'readability']
  const results: Record<string, WorkerReport & ReturnType<typeof score>> = {}
  for (const system of systems) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker', system, '--data', dataDir, '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26 })
    if (child.status !== 0) throw new Error(`${system} worker failed: ${child.stderr}`)
    const report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as WorkerReport
    results[system] = { ...report, ...score(system) }
    const r = results[system]!
    console.log(`${system.padEnd(12)} F1 ${r.f1.toFixed(3)}  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  acc ${r.accuracy.toFixed(3)}  ${r.pagesPerSecond.toFixed(1)} pages/s (CPU; wall ${r.wallPagesPerSecond.toFixed(1)})  peak RSS ${r.peakRssMb.toFixed(0)} MB`)
  }
  const ours = results.ours
  const ref = results.readability
  if (ours && ref) {
    const summary = {
      date: new Date().toISOString().slice(0, 10),
      pages: ours.pages,
      systems: results,
      speedup: ours.pagesPerSecond / ref.pagesPerSecond,
      targets: {
        f1: { target: 0.975, value: ours.f1, met: ours.f1 >= 0.975 },
        speedup: { target: 4, value: ours.pagesPerSecond / ref.pagesPerSecond, met: ours.pagesPerSecond >= 4 * ref.pagesPerSecond },
        memory: { target: '< readability', value: ours.peakRssMb, met: ours.peakRssMb < ref.peakRssMb },
      },
    }
    console.log(`speed-up ×${summary.speedup.toFixed(1)}`)
    mkdirSync(join(here, 'results'), { recursive: true })
    writeFileSync(join(here, 'results/extract.json'), `${JSON.stringify(summary, null, 2)}\n`)
  }
}

await main()
