/**
 * Scale benchmark for Similar Posts on SQLite: imports a synthetic corpus
 * (bench/gen-corpus.ts) into a fresh database and reports the import rate,
 * the time of the relate step per article, the database size, Similar Posts
 * query latency (warm, random articles) and peak memory.
 *
 *   npm run bench:scale -- --size 100000 [--batch 1] [--probe 1000] [--analyse] [--queries 1000] [--keep] [--out bench/results/scale.json]
 *
 * --batch N loads the corpus N articles per transaction (a bulk load: the
 * same relate work per article, shared commits), so a million-article desk
 * can be built in an hour. Then --probe more articles are added the way the
 * app adds them, one transaction each: the relate step "at full size".
 *
 * By default articles go through extract → relate → store, without the
 * analyse stage (whose cost is measured by bench:quotes, and which a 100k
 * import on a shared 2-core machine cannot afford); --analyse includes it.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { addCorpusItems, type CorpusItem, type CorpusTiming } from '../src/search/similar-corpus.js'
import { similarArticles } from '../src/search/similar.js'
import { openStore } from '../src/store/db.js'
import { migrate } from '../src/store/migrations/index.js'
import { relateCounts } from '../src/store/repos/relate-repo.js'
import { DEFAULT_SOURCE, generateCorpus, loadSources, rng } from './gen-corpus.js'
import { intOption, option } from './lib/args.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const opt = (name: string, fallback: string): string => option(name, fallback, args)
const size = intOption('size', 10000, 1, args)
const queries = intOption('queries', 1000, 1, args)
const batch = intOption('batch', 1, 1, args)
const probe = intOption('probe', 1000, 1, args)
// SQLite memory for a big bulk load (the app's defaults are a 64 MB cache, no mmap).
const sqlite = { cacheMb: intOption('cache-mb', 64, 1, args), mmapMb: intOption('mmap-mb', 0, 0, args) }
const withAnalysis = args.includes('--analyse')
// Continue a kept database (--keep) where its load stopped: the generator is deterministic, so the stored articles are skipped.
const resume = args.includes('--resume')
// Free text kept in the results (e.g. how a resumed database was loaded).
const note = opt('note', '')
const source = resolve(opt('source', DEFAULT_SOURCE))
const dbPath = resolve(opt('db', join(here, `.cache/scale-${size}.db`)))
const outPath = resolve(opt('out', join(here, 'results/scale.json')))

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits

async function main(): Promise<void> {
  mkdirSync(dirname(dbPath), { recursive: true })
  if (!resume) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  const store = openStore(`sqlite:${dbPath}`, { sqlite })
  await migrate(store.db, store.dialect)
  const timing: CorpusTiming = { extract: 0, analyse: 0, store: 0, relate: 0 }
  const relateTimes: number[] = []
  const probeTimes: number[] = []
  const options = { ...(withAnalysis ? {} : { analyse: () => ({ quotes: [], entities: [] }) }), timing }
  const resumedFrom = resume ? (await relateCounts(store.db)).docs : 0
  if (resumedFrom > size) throw new Error(`the database holds ${resumedFrom} articles, more than --size ${size}`)
  const started = performance.now()
  let loaded = resumedFrom
  let pending: CorpusItem[] = []
  let importSeconds = 0
  let seen = 0
  for (const item of generateCorpus(size + probe, loadSources(source))) {
    if (seen++ < resumedFrom) continue
    if (loaded < size) {
      pending.push(item)
      if (pending.length < batch && loaded + pending.length < size) continue
      await addCorpusItems(store, pending, { ...options, onRelated: (ms) => relateTimes.push(ms) })
      const before = loaded
      loaded += pending.length
      pending = []
      if (Math.floor(loaded / 10_000) > Math.floor(before / 10_000)) console.error(`${loaded} articles, ${round((loaded - resumedFrom) / ((performance.now() - started) / 1000), 0)}/s`)
      if (loaded === size) importSeconds = (performance.now() - started) / 1000
      continue
    }
    // At full size: articles added the way the app adds them, one transaction each.
    await addCorpusItems(store, [item], { ...options, onRelated: (ms) => probeTimes.push(ms) })
  }
  const counts = await relateCounts(store.db)
  const latencies = await queryLatencies(store, size + probe)
  await store.close()
  clearInterval(sampler)
  // Articles this run added: the rest of the load, then the probe.
  const added = size - resumedFrom + probe
  probeTimes.sort((a, b) => a - b)
  relateTimes.sort((a, b) => a - b)
  const result = {
    benchmark: 'scale',
    date: new Date().toISOString(),
    node: process.version,
    command: `npm run bench:scale -- --size ${size} --batch ${batch} --probe ${probe} --cache-mb ${sqlite.cacheMb} --mmap-mb ${sqlite.mmapMb}${withAnalysis ? ' --analyse' : ''} --queries ${queries}`,
    store: batch === 1 ? 'sqlite (WAL, one transaction per article)' : `sqlite (WAL; loaded ${batch} articles per transaction, then ${probe} added one per transaction)`,
    pipeline: withAnalysis ? 'extract → analyse → store → relate' : 'extract → store → relate (analyse stage skipped)',
    articles: size,
    ...(resume ? { resumedFrom } : {}),
    ...(note ? { note } : {}),
    importSeconds: round(importSeconds, 1),
    articlesPerSecond: importSeconds > 0 ? round((size - resumedFrom) / importSeconds, 1) : null,
    msPerArticle: { extract: round(timing.extract / added), analyse: round(timing.analyse / added), store: round(timing.store / added), relate: round(timing.relate / added) },
    relateStepDuringLoadMs: relateTimes.length === 0 ? null : { p50: round(percentile(relateTimes, 50)), p95: round(percentile(relateTimes, 95)), p99: round(percentile(relateTimes, 99)) },
    relateStepAtFullSizeMs: {
      note: 'articles added one transaction each once the corpus is full size (commit included)',
      additions: probeTimes.length,
      mean: round(probeTimes.reduce((a, b) => a + b, 0) / Math.max(1, probeTimes.length)),
      p50: round(percentile(probeTimes, 50)),
      p95: round(percentile(probeTimes, 95)),
      p99: round(percentile(probeTimes, 99)),
    },
    databaseMb: round((fileSize(dbPath) + fileSize(`${dbPath}-wal`)) / 1e6, 1),
    relateRows: counts,
    similarQueryMs: latencies,
    peakRssMb: round(Math.max(peakRss, process.memoryUsage().rss) / 1e6, 0),
    targets: { similarP95Ms: size >= 1_000_000 ? 50 : 20, relateStepMs: 10 },
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync(dirname(outPath), { recursive: true })
  writeFileSync(outPath, `${JSON.stringify(result, null, 2)}\n`)
  if (!args.includes('--keep')) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
}

/** Similar Posts (top 10) for random articles, after a warm-up of 200 queries. */
async function queryLatencies(store: ReturnType<typeof openStore>, n: number): Promise<Record<string, number>> {
  const random = rng(7)
  const id = (): string => `g${Math.floor(random() * n)}`
  for (let k = 0; k < 200; k++) await similarArticles(store.db, store.dialect, id(), 10)
  const times: number[] = []
  for (let k = 0; k < queries; k++) {
    const t = performance.now()
    await similarArticles(store.db, store.dialect, id(), 10)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { queries, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times[times.length - 1] ?? 0) }
}

await main()
