/**
 * Who-said-what benchmark: runs analyseText on the development sets, writes
 * predictions to bench/.cache/, scores them with the shared scorer and
 * measures throughput (analysis only, one core) and peak memory.
 *
 *   npm run bench:quotes -- [--data ../shared] [--sets ggt,polnear,seed] [--quick] [--warmup 5] [--rounds 5]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cueLemma } from '../src/analyse/lexicon.js'
import { analyseText } from '../src/analyse/index.js'
import { toPrediction } from '../src/analyse/predictions.js'
import { tagSpan } from '../src/analyse/pos.js'
import { option } from './lib/args.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const opt = (name: string, fallback: string): string => option(name, fallback, args)
const shared = resolve(opt('data', join(here, '../../shared')))
const cacheDir = join(here, '.cache')
const scorer = join(shared, 'tools/quotes/score.mjs')

interface Doc {
  doc_id: string
  text: string
  meta?: { outlet?: string | null }
}

const SETS: Record<string, string> = {
  ggt: 'data/quotes-dev/ggt.dev.jsonl',
  polnear: 'data/quotes-dev/polnear.dev.jsonl',
  'polnear-train': 'data/quotes-dev/polnear.train.jsonl',
  seed: 'data/seed/seed.quotes.jsonl',
}

function readDocs(path: string): Doc[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Doc)
}

type Metrics = Record<string, unknown>

function score(gold: string, pred: string, extra: string[]): Metrics {
  const out = join(cacheDir, `score-${Date.now()}-${Math.random().toString(36).slice(2)}.json`)
  execFileSync(process.execPath, [scorer, '--gold', gold, '--pred', pred, '--json', out, '--quiet', ...extra], { stdio: 'pipe' })
  return JSON.parse(readFileSync(out, 'utf8')) as Metrics
}

function pick(m: Metrics, path: string): number {
  let v: unknown = m
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k]
  return typeof v === 'number' ? Math.round(v * 1000) / 1000 : NaN
}

function summary(m: Metrics): Record<string, number> {
  return {
    quoteP: pick(m, 'quote.partial.p'),
    quoteR: pick(m, 'quote.partial.r'),
    quoteF1: pick(m, 'quote.partial.f1'),
    speakerAcc: pick(m, 'attribution.speaker_acc.acc'),
    speakerNameAcc: pick(m, 'attribution.speaker_name_acc.acc'),
    e2eF1: pick(m, 'e2e.f1'),
  }
}

function runSet(name: string): Record<string, unknown> {
  const gold = join(shared, SETS[name] ?? '')
  const docs = readDocs(gold)
  const preds = docs.map((d) => toPrediction(d.doc_id, analyseText(d.text, { publisher: d.meta?.outlet ?? null })))
  const pred = join(cacheDir, `${name}.pred.jsonl`)
  writeFileSync(pred, preds.map((p) => JSON.stringify(p)).join('\n') + '\n')
  const result: Record<string, unknown> = { docs: docs.length, jaccard05: summary(score(gold, pred, [])) }
  if (name === 'ggt') result.coverage03 = summary(score(gold, pred, ['--match', 'gold-coverage', '--threshold', '0.3']))
  if (name.startsWith('polnear')) result.speechCued = speechCued(name, gold, pred)
  return result
}

/**
 * PolNeAR annotates any reported stance or act ("sent a letter", "is
 * investigating", "plans to"); the product shows speech and writing. A
 * diagnostic, not the headline: the share of its annotations cued by a verb
 * of saying (or "according to"), and how many of those we find with the
 * right speaker (e2e recall on that subset).
 */
function speechCued(name: string, gold: string, pred: string): Record<string, number> {
  let all = 0
  let kept = 0
  const lines = readFileSync(gold, 'utf8').split('\n').filter(Boolean).map((l) => {
    const doc = JSON.parse(l) as { quotes: { cue?: { text: string }[] }[] }
    all += doc.quotes.length
    doc.quotes = doc.quotes.filter((q) => (q.cue ?? []).some((c) => /according to/i.test(c.text) || (c.text.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => cueLemma(w))))
    kept += doc.quotes.length
    return JSON.stringify(doc)
  })
  const subset = join(cacheDir, `${name}.speech-cued.gold.jsonl`)
  writeFileSync(subset, lines.join('\n') + '\n')
  return { share: Math.round((kept / Math.max(1, all)) * 1000) / 1000, e2eRecall: pick(score(subset, pred, []), 'e2e.r') }
}

/**
 * Throughput over the GGT + PolNeAR dev texts: the steady rate of a worker
 * that has been analysing for a while. The analyser is several hundred small
 * functions, and V8 keeps compiling them on its background threads for the
 * first few passes (that compilation is CPU time of this process too), so
 * the rate is taken over --rounds passes after --warmup passes. Every pass's
 * own rate is kept (articlesPerCpuSecondByPass), so the warm-up curve shows;
 * the scoring runs before it are the process's first passes.
 */
function throughput(): Record<string, unknown> {
  const texts = [...readDocs(join(shared, SETS.ggt ?? '')), ...readDocs(join(shared, SETS.polnear ?? ''))].map((d) => d.text)
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g) ?? []).length, 0)
  const tokens = texts.reduce((n, t) => n + (t.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).length, 0)
  const quick = args.includes('--quick')
  const warmup = Number(opt('warmup', quick ? '1' : '5'))
  const rounds = Number(opt('rounds', quick ? '1' : '5'))
  if (!Number.isInteger(warmup) || warmup < 0 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--warmup is a whole number from 0, --rounds from 1')
  const passes: number[] = []
  let cpuSeconds = 0
  let wallSeconds = 0
  for (let r = 0; r < warmup + rounds; r++) {
    // CPU time of this process: the analysing thread plus V8's compiler and collector threads.
    const cpu0 = process.cpuUsage()
    const t0 = process.hrtime.bigint()
    for (const t of texts) analyseText(t)
    const used = process.cpuUsage(cpu0)
    const seconds = (used.user + used.system) / 1e6
    passes.push(Math.round(texts.length / seconds))
    if (r < warmup) continue
    cpuSeconds += seconds
    wallSeconds += Number(process.hrtime.bigint() - t0) / 1e9
  }
  const articles = (texts.length * rounds) / cpuSeconds
  return {
    articles: texts.length,
    meanWords: Math.round(words / texts.length),
    warmupPasses: warmup,
    measuredPasses: rounds,
    articlesPerCpuSecond: Math.round(articles),
    articlesPerCpuSecond800Words: Math.round((articles * (words / texts.length)) / 800),
    tokensPerCpuSecond: Math.round((tokens * rounds) / cpuSeconds),
    articlesPerWallSecond: Math.round((texts.length * rounds) / wallSeconds),
    articlesPerCpuSecondByPass: passes,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    winkTaggingAloneArticlesPerCpuSecond: winkCost(texts),
  }
}

/** What tagging every article with wink-nlp would cost on its own (why analyse tags only candidate sentences). */
function winkCost(texts: string[]): number {
  const cpu0 = process.cpuUsage()
  for (const t of texts) tagSpan(t, { start: 0, end: t.length })
  const used = process.cpuUsage(cpu0)
  return Math.round(texts.length / ((used.user + used.system) / 1e6))
}

function main(): void {
  mkdirSync(cacheDir, { recursive: true })
  const sets = opt('sets', 'ggt,polnear,seed').split(',')
  const results: Record<string, unknown> = {}
  for (const s of sets) {
    results[s] = runSet(s)
    console.log(s, JSON.stringify(results[s]))
  }
  const speed = throughput()
  console.log('throughput', JSON.stringify(speed))
  if (args.includes('--no-write')) return
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    command: `npm run bench:quotes -- ${args.join(' ')}`.trim(),
    sets: results,
    throughput: speed,
  }
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(join(here, 'results/quotes.json'), JSON.stringify(out, null, 2) + '\n')
}

main()
