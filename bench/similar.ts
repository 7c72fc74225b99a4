/**
 * Similar Posts benchmark: imports the similar-dev set into a fresh SQLite
 * database through extract → analyse → relate, writes each article's list
 * ("Also published as" copies first, then Similar Posts) and scores it with
 * the shared scorer. Run on the whole set and on two halves split by story
 * (each half in its own database), so weights tuned on one half can be
 * checked on the other. Also checks that the same page under two URLs is
 * reported as a duplicate.
 *
 *   npm run bench:similar -- [--data ../shared/data/similar-dev/wikinewssum-en.jsonl] [--scorer ../shared/tools/similar/score.mjs] [--top 10]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashString } from '../src/relate/minhash.js'
import { normaliseUrl } from '../src/relate/url.js'
import { addCorpusItem, corpusRelations, parseCorpus, type CorpusItem, type CorpusRelations } from '../src/search/similar-corpus.js'
import { openStore } from '../src/store/db.js'
import { migrate } from '../src/store/migrations/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const dataPath = resolve(opt('data', join(here, '../../shared/data/similar-dev/wikinewssum-en.jsonl')))
const scorer = resolve(opt('scorer', join(here, '../../shared/tools/similar/score.mjs')))
const top = Number(opt('top', '10'))
const cacheDir = join(here, '.cache')

interface GoldItem extends CorpusItem {
  event: string
}

interface RunResult {
  articles: number
  scores: Record<string, number>
  addMsPerArticle: number
  queryMsPerArticle: number
  relations: CorpusRelations[]
}

async function run(name: string, items: GoldItem[]): Promise<RunResult> {
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
  const goldPath = join(cacheDir, `similar-${name}.gold.jsonl`)
  const predPath = join(cacheDir, `similar-${name}.pred.jsonl`)
  const scorePath = join(cacheDir, `similar-${name}.score.json`)
  writeFileSync(goldPath, items.map((i) => JSON.stringify({ id: i.id, event: i.event })).join('\n') + '\n')
  // What the article page shows: its copies ("Also published as"), then Similar Posts.
  writeFileSync(predPath, relations.map((r) => JSON.stringify({ id: r.id, similar: [...r.duplicates, ...r.similar] })).join('\n') + '\n')
  execFileSync(process.execPath, [scorer, '--gold', goldPath, '--pred', predPath, '--json', scorePath], { stdio: 'pipe' })
  const scores = JSON.parse(readFileSync(scorePath, 'utf8')) as Record<string, number>
  return { articles: items.length, scores, addMsPerArticle: round(addMs), queryMsPerArticle: round(queryMs), relations }
}

/** Pairs that are the same page: same normalised URL or the same text. */
function samePagePairs(items: GoldItem[]): [string, string][] {
  const pairs: [string, string][] = []
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!
      const b = items[j]!
      if (a.text.trim() === b.text.trim() || (a.url && b.url && safeUrl(a.url) === safeUrl(b.url))) pairs.push([a.id, b.id])
    }
  }
  return pairs
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
  const expected = samePagePairs(items)
  const missed = expected.filter(([a, b]) => !dups.get(a)?.has(b))
  const reported = new Set<string>()
  for (const r of relations) for (const d of r.duplicates) reported.add([r.id, d].sort().join(' '))
  const expectedKeys = new Set(expected.map((p) => [...p].sort().join(' ')))
  const extra = [...reported].filter((k) => !expectedKeys.has(k))
  return { samePagePairs: expected.length, found: expected.length - missed.length, missed: missed.map((p) => p.join(' ')), otherReportedPairs: extra }
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}

async function main(): Promise<void> {
  const items = parseCorpus(readFileSync(dataPath, 'utf8')) as GoldItem[]
  const raw = readFileSync(dataPath, 'utf8').split('\n').filter((l) => l.trim())
  const events = new Map(raw.map((l) => JSON.parse(l) as { id: string; event: string }).map((o) => [String(o.id), String(o.event)]))
  for (const item of items) item.event = events.get(item.id) ?? item.id
  // Halves by story, from a hash of the story label: no story is in both.
  const half = (i: GoldItem): 'a' | 'b' => (hashString(i.event) % 2 === 0 ? 'a' : 'b')
  const all = await run('all', items)
  const a = await run('half-a', items.filter((i) => half(i) === 'a'))
  const b = await run('half-b', items.filter((i) => half(i) === 'b'))
  const dup = duplicateCheck(items, all.relations)
  const result = {
    benchmark: 'similar',
    date: new Date().toISOString(),
    node: process.version,
    command: `npm run bench:similar -- --top ${top}`,
    data: dataPath.replace(resolve(here, '../..') + '/', ''),
    listLength: top,
    reference: { tfidfCosine: { MAP: 0.766, 'P@5': 0.469 }, bestPossibleP5: 0.59, target: { MAP: 0.88, 'P@5': 0.55 } },
    all: { ...all.scores, articles: all.articles, addMsPerArticle: all.addMsPerArticle, queryMsPerArticle: all.queryMsPerArticle },
    halfA: { ...a.scores, articles: a.articles },
    halfB: { ...b.scores, articles: b.articles },
    duplicates: dup,
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(join(here, 'results/similar.json'), JSON.stringify(result, null, 2) + '\n')
}

await main()
