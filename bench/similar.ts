/**
 * Similar Posts benchmark: imports the similar-dev set into a fresh SQLite
 * database through extract → analyse → relate, writes each article's list
 * ("Also published as" copies first, then Similar Posts) and scores it with
 * the shared scorer. Run on the whole set and on two halves split by story
 * (each half in its own database), so weights tuned on one half can be
 * checked on the other. Also checks that the same page under two URLs is
 * reported as a duplicate.
 *
 *   npm run bench:similar -- [--data ../shared/data/similar-dev/wikinewssum-en.jsonl] [--scorer ../shared/tools/similar/score.mjs] [--top 50]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashString } from '../src/relate/minhash.js'
import { normaliseUrl } from '../src/relate/url.js'
import { addCorpusItem, corpusRelations, parseCorpus, relatedIds, type CorpusItem, type CorpusRelations } from '../src/search/similar-corpus.js'
import { openStore } from '../src/store/db.js'
import { migrate } from '../src/store/migrations/index.js'
import { option } from './lib/args.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const opt = (name: string, fallback: string): string => option(name, fallback, args)
const dataPath = resolve(opt('data', join(here, '../../shared/data/similar-dev/wikinewssum-en.jsonl')))
const scorer = resolve(opt('scorer', join(here, '../../shared/tools/similar/score.mjs')))
const top = Number(opt('top', '50'))
const cacheDir = join(here, '.cache')

interface GoldItem extends CorpusItem {
  event: string
}

interface RunResult {
  articles: number
  addMsPerArticle: number
  queryMsPerArticle: number
  relations: CorpusRelations[]
}

async function run(name: string, items: GoldItem[], top: number): Promise<RunResult> {
  mkdirSync(cacheDir, { recursive: true })
  const dbPath = join(cacheDir, `similar-${name}.db`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  const store = openStore(`sqlite:${dbPath}`)
  await migrate(store.db, store.dialect)
  let t = performance.now()
  for (const item of items) await addCorpusItem(store, item)
  const addMs = (performance.now() - t) / items.length
  t = performance.now()
  const relations: CorpusRelations[] = []
  for (const item of items) relations.push(await corpusRelations(store, item.id, top))
  const queryMs = (performance.now() - t) / items.length
  await store.close()
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  return { articles: items.length, addMsPerArticle: round(addMs), queryMsPerArticle: round(queryMs), relations }
}

type ListKind = 'shown' | 'withCopies'

/**
 * The list a reader sees: the article's own copies ("Also published as"),
 * then Similar Posts. 'withCopies' also lists the copies folded into each
 * Similar Post right after it (the page shows them as "also at …"); this is
 * the list `newsdesk similar` prints.
 */
function listOf(r: CorpusRelations, kind: ListKind, length: number): string[] {
  return kind === 'shown' ? [...r.duplicates, ...r.similar.slice(0, length)] : relatedIds(r, length)
}

function score(name: string, items: GoldItem[], relations: CorpusRelations[], kind: ListKind, length: number): Record<string, number> {
  const goldPath = join(cacheDir, `similar-${name}.gold.jsonl`)
  const predPath = join(cacheDir, `similar-${name}-${kind}-${length}.pred.jsonl`)
  const scorePath = join(cacheDir, `similar-${name}-${kind}-${length}.score.json`)
  writeFileSync(goldPath, items.map((i) => JSON.stringify({ id: i.id, event: i.event })).join('\n') + '\n')
  writeFileSync(predPath, relations.map((r) => JSON.stringify({ id: r.id, similar: listOf(r, kind, length) })).join('\n') + '\n')
  execFileSync(process.execPath, [scorer, '--gold', goldPath, '--pred', predPath, '--json', scorePath], { stdio: 'pipe' })
  const scores = JSON.parse(readFileSync(scorePath, 'utf8')) as Record<string, number>
  return { 'P@5': round(scores['P@5'] ?? 0, 4), 'R@5': round(scores['R@5'] ?? 0, 4), MAP: round(scores.MAP ?? 0, 4), queries: scores.queries ?? 0 }
}

function scoresOf(name: string, items: GoldItem[], r: RunResult): Record<string, unknown> {
  const out: Record<string, unknown> = { articles: r.articles }
  for (const length of [10, top]) {
    for (const kind of ['shown', 'withCopies'] as const) out[`${kind}@${length}`] = score(name, items, r.relations, kind, length)
  }
  return out
}

/**
 * Pairs that are copies, found independently of the system: the same
 * normalised URL, or exact word 5-shingle Jaccard ≥ 0.8 (same page or a wire
 * copy; the MinHash signatures only estimate this).
 */
function copyPairs(items: GoldItem[]): [string, string][] {
  const shingles = items.map((i) => shingleSet(i.text))
  const pairs: [string, string][] = []
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!
      const b = items[j]!
      const sameUrl = a.url && b.url && safeUrl(a.url) === safeUrl(b.url)
      if (sameUrl || jaccard(shingles[i]!, shingles[j]!) >= 0.8) pairs.push([a.id, b.id])
    }
  }
  return pairs
}

function shingleSet(text: string): Set<string> {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const out = new Set<string>()
  for (let i = 0; i + 5 <= w.length; i++) out.add(w.slice(i, i + 5).join(' '))
  return out
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared)
}

function safeUrl(url: string): string {
  try {
    return normaliseUrl(url)
  } catch {
    return url
  }
}

function duplicateCheck(items: GoldItem[], relations: CorpusRelations[]): Record<string, unknown> {
  const dups = new Map(relations.map((r) => [r.id, new Set(r.duplicates)]))
  const expected = copyPairs(items)
  const missed = expected.filter(([a, b]) => !dups.get(a)?.has(b))
  const reported = new Set<string>()
  for (const r of relations) for (const d of r.duplicates) reported.add([r.id, d].sort().join(' '))
  const expectedKeys = new Set(expected.map((p) => [...p].sort().join(' ')))
  const extra = [...reported].filter((k) => !expectedKeys.has(k))
  return { copyPairs: expected.length, found: expected.length - missed.length, missed: missed.map((p) => p.join(' ')), otherReportedPairs: extra }
}

function round(x: number, digits = 2): number {
  return Math.round(x * 10 ** digits) / 10 ** digits
}

async function main(): Promise<void> {
  const items = parseCorpus(readFileSync(dataPath, 'utf8')) as GoldItem[]
  const raw = readFileSync(dataPath, 'utf8').split('\n').filter((l) => l.trim())
  const events = new Map(raw.map((l) => JSON.parse(l) as { id: string; event: string }).map((o) => [String(o.id), String(o.event)]))
  for (const item of items) item.event = events.get(item.id) ?? item.id
  // Halves by story, from a hash of the story label: no story is in both.
  const half = (i: GoldItem): 'a' | 'b' => (hashString(i.event) % 2 === 0 ? 'a' : 'b')
  const all = await run('all', items, top)
  const a = items.filter((i) => half(i) === 'a')
  const b = items.filter((i) => half(i) === 'b')
  const runA = await run('half-a', a, top)
  const runB = await run('half-b', b, top)
  const result = {
    benchmark: 'similar',
    date: new Date().toISOString(),
    node: process.version,
    command: `npm run bench:similar -- --top ${top}`,
    data: dataPath.replace(resolve(here, '../..') + '/', ''),
    note: 'shown = copies of the article, then Similar Posts (one entry per duplicate cluster); withCopies = the copies folded into each post listed after it. @N = Similar Posts list length. Halves split by story; weights were tuned looking at half A.',
    reference: { tfidfCosine: { MAP: 0.766, 'P@5': 0.469 }, bestPossibleP5: 0.59, target: { MAP: 0.88, 'P@5': 0.55 } },
    all: { ...scoresOf('all', items, all), addMsPerArticle: all.addMsPerArticle, queryMsPerArticle: all.queryMsPerArticle },
    halfA: scoresOf('half-a', a, runA),
    halfB: scoresOf('half-b', b, runB),
    duplicates: duplicateCheck(items, all.relations),
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(join(here, 'results/similar.json'), JSON.stringify(result, null, 2) + '\n')
}

await main()
