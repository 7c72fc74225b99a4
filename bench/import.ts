/**
 * Import benchmark: `newsdesk import`'s service (extract → analyse → store →
 * relate, written in batches) over the demo corpus and a generated one
 * (bench/gen-corpus.ts), each into a fresh SQLite desk in a temporary data
 * directory. Reports articles per second (wall clock), the process's CPU
 * milliseconds per article and articles per CPU second, which a busy machine
 * disturbs less, and (on Linux) how long the import waited for a CPU: on a
 * machine shared with other work that wait, not the import, sets the wall clock.
 *
 *   npm run bench:import -- [--size 5000] [--batch 100] [--runs 1] [--code <checkout>] [--out bench/results/import.json]
 *
 * --batch 1 writes one article per transaction (the import before batching);
 * --code runs another checkout's import (e.g. an older commit's, unpacked
 * with `git archive`) on the same corpora, for a before/after comparison.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pino from 'pino'
import { DEFAULT_SOURCE, generateCorpus, loadSources } from './gen-corpus.js'
import { intOption, option } from './lib/args.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const size = intOption('size', 5000, 1, args)
const batch = intOption('batch', 100, 1, args)
const runs = intOption('runs', 1, 1, args)
const code = resolve(option('code', join(here, '..'), args))
const outPath = resolve(option('out', join(here, 'results/import.json'), args))
const source = resolve(option('source', DEFAULT_SOURCE, args))

interface Run {
  articles: number
  seconds: number
  articlesPerSecond: number
  cpuMsPerArticle: number
  articlesPerCpuSecond: number
  /** Seconds the main thread was ready to run but waited for a CPU (Linux), or null. */
  waitedForCpuSeconds: number | null
  report: { created: number; updated: number; skipped: number; failed: number }
}

/** The import service and store of the checkout measured, loaded from its sources. */
async function loadCode() {
  const load = (path: string) => import(pathToFileURL(join(code, path)).href)
  const [{ importPath }, { openStore }, { migrate }, { loadConfig }] = await Promise.all([
    load('src/services/import.ts'),
    load('src/store/db.ts'),
    load('src/store/migrations/index.ts'),
    load('src/config/index.ts'),
  ])
  return { importPath, openStore, migrate, loadConfig }
}

/** Nanoseconds the calling thread has waited for a CPU so far (Linux's schedstat), or null elsewhere. */
function cpuWaitNs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1])
  } catch {
    return null
  }
}

/** The generated corpus of `size` articles, written once to bench/.cache. */
async function generatedCorpus(): Promise<string> {
  const path = join(here, `.cache/corpus-${size}.jsonl`)
  if (existsSync(path)) return path
  mkdirSync(dirname(path), { recursive: true })
  const lines = [...generateCorpus(size, loadSources(source))].map((a) => JSON.stringify(a))
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

async function importInto(corpus: string): Promise<Run> {
  const { importPath, openStore, migrate, loadConfig } = await loadCode()
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-import-'))
  const config = loadConfig({ NEWSDESK_DATA_DIR: dataDir })
  const store = openStore(config.databaseUrl)
  await migrate(store.db, store.dialect)
  const deps = { store, config, log: pino({ level: 'silent' }), now: () => new Date() }
  const waited = cpuWaitNs()
  const cpu = process.cpuUsage()
  const started = performance.now()
  const report = await importPath(deps, corpus, () => undefined, { batch: { size: batch } })
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  const waitedNow = cpuWaitNs()
  const cpuSeconds = (used.user + used.system) / 1e6
  await store.close()
  rmSync(dataDir, { recursive: true, force: true })
  const articles = report.created + report.updated
  return {
    articles,
    seconds: round(seconds, 1),
    articlesPerSecond: round(articles / seconds, 1),
    cpuMsPerArticle: round((cpuSeconds * 1000) / Math.max(1, articles), 1),
    articlesPerCpuSecond: round(articles / cpuSeconds, 1),
    waitedForCpuSeconds: waited === null || waitedNow === null ? null : round((waitedNow - waited) / 1e9, 1),
    report: { created: report.created, updated: report.updated, skipped: report.skipped, failed: report.failed.length },
  }
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits

/** The best of `runs` runs (the one least disturbed by other work on the machine). */
async function best(corpus: string): Promise<Run & { runs: number }> {
  const all: Run[] = []
  for (let i = 0; i < runs; i++) all.push(await importInto(corpus))
  const fastest = all.reduce((a, b) => (b.articlesPerSecond > a.articlesPerSecond ? b : a))
  return { ...fastest, runs }
}

/** Loads the sources and the analyser's model once before anything is timed. */
async function warmUp(): Promise<void> {
  const path = join(tmpdir(), `newsdesk-bench-import-warm-${process.pid}.jsonl`)
  writeFileSync(path, `${[...generateCorpus(20, loadSources(source), 99)].map((a) => JSON.stringify(a)).join('\n')}\n`)
  await importInto(path)
  rmSync(path, { force: true })
}

async function main(): Promise<void> {
  await warmUp()
  const corpora = { demo: source, [`generated-${size}`]: await generatedCorpus() }
  const results: Record<string, Run & { runs: number; corpus: string }> = {}
  for (const [name, path] of Object.entries(corpora)) {
    results[name] = { corpus: relative(join(here, '..'), path), ...(await best(path)) }
    const r = results[name]
    console.error(`${name}: ${r?.articlesPerSecond} articles/s, ${r?.articlesPerCpuSecond} per CPU second, waited ${r?.waitedForCpuSeconds ?? '?'} s of ${r?.seconds} s for a CPU`)
  }
  const result = {
    benchmark: 'import',
    date: new Date().toISOString(),
    node: process.version,
    command: `npm run bench:import -- --size ${size} --batch ${batch} --runs ${runs}${code === resolve(here, '..') ? '' : ` --code ${code}`}`,
    store: `sqlite (WAL), ${batch === 1 ? 'one article per transaction' : `up to ${batch} articles per transaction`}`,
    pipeline: 'importPath: read → extract → analyse → store → relate',
    loadAverage: loadavg().map((x) => round(x, 1)),
    results,
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync(dirname(outPath), { recursive: true })
  writeFileSync(outPath, `${JSON.stringify(result, null, 2)}\n`)
}

await main()
