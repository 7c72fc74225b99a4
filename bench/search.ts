/**
 * Article search latency at size, on SQLite and PostgreSQL: loads the demo
 * corpus once, copies its rows with SQL until the desk holds --size articles
 * (as an audit did: the copies share their text, so every query matches a
 * fixed share of the desk), then times each query --runs times, warm
 * (p50, p95 and the slowest run): the article search, and "Who said it"
 * over the quotes the analyser finds in the corpus (copied with the articles).
 *
 *   npm run bench:search -- --size 30000 [--runs 20] [--dialects sqlite,postgres] [--pg postgres://…/db] [--label after] [--out bench/results/search.json]
 *
 * PostgreSQL runs in a fresh schema of --pg (dropped at the end). Results are
 * kept per --label in the output file, so before/after figures sit side by side.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { analyseText } from '../src/analyse/index.js'
import { quotesMatching } from '../src/services/quote-search.js'
import { searchArticles } from '../src/services/search.js'
import { writeAnalysis } from '../src/store/repos/analysis-repo.js'
import { indexArticleText } from '../src/store/dialect.js'
import { openStore, type Store } from '../src/store/db.js'
import { migrate } from '../src/store/migrations/index.js'
import { testDeps } from '../test/helpers/deps.js'
import { DEFAULT_SOURCE } from './gen-corpus.js'
import { intOption, option } from './lib/args.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const size = intOption('size', 30000, 300, args)
const runs = intOption('runs', 20, 1, args)
const dialects = option('dialects', 'sqlite,postgres', args).split(',')
const pgUrl = option('pg', 'postgres://postgres@127.0.0.1:5432/test', args)
const label = option('label', 'latest', args)
const source = resolve(option('source', DEFAULT_SOURCE, args))
const outPath = resolve(option('out', join(here, 'results/search.json'), args))

/** Everyday searches: one common word, two words, a phrase, OR, an exclusion, a question, a rare word. */
export const QUERIES = ['rail', 'government said', '"prime minister"', 'police OR army', 'election -president', 'what did the minister say about the economy', 'magnitogorsk']

interface Source {
  title: string
  text: string
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

const round = (x: number): number => Math.round(x * 100) / 100

async function openBenchStore(dialect: string): Promise<Store> {
  if (dialect === 'sqlite') {
    const path = join(here, '.cache/search.db')
    mkdirSync(dirname(path), { recursive: true })
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    return openStore(`sqlite:${path}`)
  }
  const schema = `bench_search_${process.pid}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const store = openStore(pgUrl, { pgSchema: schema })
  return {
    ...store,
    close: async () => {
      await store.close()
      const c = new pg.Client({ connectionString: pgUrl })
      await c.connect()
      await c.query(`DROP SCHEMA ${schema} CASCADE`)
      await c.end()
    },
  }
}

/** The corpus as rows, then copies of those rows (SQL) until the desk holds `size` articles. */
async function load(store: Store, sources: Source[]): Promise<void> {
  const { db, dialect } = store
  const now = new Date().toISOString()
  for (const [i, s] of sources.entries()) {
    const id = `base-${String(i).padStart(6, '0')}`
    await db
      .insertInto('articles')
      .values({ id, url: null, canonical_url: null, content_hash: id, title: s.title, dek: null, authors: '[]', published_at: null, updated_at: null, outlet: null, lang: 'en', body_text: s.text, word_count: s.text.split(/\s+/).length, source: 'bench', created_at: now, modified_at: now })
      .execute()
    await indexArticleText(db, dialect, id, s.title, s.text)
    const quotes = analyseText(`${s.title}\n\n${s.text}`).quotes
    await db.transaction().execute((trx) => writeAnalysis(trx, dialect, id, quotes, [], new Map()))
  }
  for (let copy = 1, total = sources.length; total < size; copy++) {
    const take = Math.min(sources.length, size - total)
    const prefix = `copy-${copy}-`
    await sql`
      INSERT INTO articles (id, content_hash, title, authors, lang, body_text, word_count, source, created_at, modified_at)
      SELECT ${prefix} || id, ${prefix} || content_hash, title, authors, lang, body_text, word_count, source, created_at, modified_at
      FROM articles WHERE id LIKE 'base-%' ORDER BY id LIMIT ${take}`.execute(db)
    await sql`
      INSERT INTO quotes (id, article_id, position, kind, text, content_spans, cue_start, cue_end, cue_text, mention_start, mention_end, speaker_name, speaker_kind, person_id, role, organisation, continuation)
      SELECT ${prefix} || q.id, ${prefix} || q.article_id, position, kind, text, content_spans, cue_start, cue_end, cue_text, mention_start, mention_end, speaker_name, speaker_kind, person_id, role, organisation, continuation
      FROM quotes q JOIN articles a ON a.id = ${prefix} || q.article_id WHERE q.article_id LIKE 'base-%'`.execute(db)
    if (dialect === 'sqlite') {
      await sql`INSERT INTO articles_fts (article_id, title, body_text) SELECT id, title, body_text FROM articles WHERE id LIKE ${prefix + '%'}`.execute(db)
      await sql`INSERT INTO quotes_fts (quote_id, article_id, text) SELECT id, article_id, text FROM quotes WHERE article_id LIKE ${prefix + '%'}`.execute(db)
    }
    total += take
  }
  if (dialect === 'postgres') await sql`ANALYZE`.execute(db)
}

/** Times `search` on each query: a warm-up, then --runs runs. */
async function timeQueries(label: string, search: (q: string) => Promise<number>): Promise<Record<string, unknown>> {
  const all: number[] = []
  const perQuery: Record<string, { p50: number; p95: number; max: number; results: number }> = {}
  for (const q of QUERIES) {
    const results = await search(q)
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      await search(q)
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    all.push(...times)
    perQuery[q] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1) ?? 0), results }
    console.log(`  ${label} ${JSON.stringify(q)}: p50 ${perQuery[q].p50} ms, p95 ${perQuery[q].p95} ms, max ${perQuery[q].max} ms, ${results} results`)
  }
  all.sort((a, b) => a - b)
  return { p50: round(percentile(all, 50)), p95: round(percentile(all, 95)), max: round(all.at(-1) ?? 0), queries: perQuery }
}

async function main(): Promise<void> {
  const sources = readFileSync(source, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Source)
  const result: Record<string, unknown> = { size, runs, date: new Date().toISOString() }
  for (const dialect of dialects) {
    const store = await openBenchStore(dialect)
    try {
      await migrate(store.db, store.dialect)
      const t = performance.now()
      await load(store, sources)
      console.log(`${dialect}: ${size} articles loaded in ${Math.round((performance.now() - t) / 1000)} s`)
      const quoteRows = await store.db.selectFrom('quotes').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()
      console.log(`${dialect}: ${Number(quoteRows?.n ?? 0)} quotes`)
      const deps = testDeps(store)
      const articles = await timeQueries(`${dialect} articles`, async (q) => (await searchArticles(deps, q)).items.length)
      const quotes = await timeQueries(`${dialect} quotes`, async (q) => (await quotesMatching(deps, q)).quotes.length)
      result[dialect] = { ...articles, quotes: { rows: Number(quoteRows?.n ?? 0), ...quotes } }
    } finally {
      await store.close()
    }
  }
  const previous = existsSync(outPath) ? (JSON.parse(readFileSync(outPath, 'utf8')) as Record<string, unknown>) : {}
  mkdirSync(dirname(outPath), { recursive: true })
  writeFileSync(outPath, JSON.stringify({ ...previous, [label]: result }, null, 2) + '\n')
  console.log(`written to ${outPath} under "${label}"`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
