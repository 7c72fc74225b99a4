/**
 * Synthetic news corpora for the scale benchmark, made by recombining the
 * paragraphs of the demo corpus: each generated article takes most of its
 * paragraphs from one source story (so stories recur, as follow-ups and
 * syndicated versions do) and the rest from random others, with a date near
 * its source's. Deterministic for a given seed.
 *
 *   npx tsx bench/gen-corpus.ts --size 100000 [--out bench/.cache/corpus-100000.jsonl] [--source ../shared/data/demo-corpus/wikinews-2019-2020.jsonl] [--seed 1]
 */
import { createWriteStream, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { option } from './lib/args.js'

const here = dirname(fileURLToPath(import.meta.url))
export const DEFAULT_SOURCE = join(here, '../../shared/data/demo-corpus/wikinews-2019-2020.jsonl')

export interface GeneratedArticle {
  id: string
  title: string
  text: string
  date: string
  url: string
}

interface Source {
  title: string
  date: string
  paragraphs: string[]
}

/** Mulberry32: a small seeded PRNG, so corpora are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function loadSources(path: string): Source[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { title: string; date?: string; text: string })
    .map((o) => ({ title: o.title, date: o.date ?? '2020-01-01', paragraphs: o.text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40) }))
    .filter((s) => s.paragraphs.length > 0)
}

const ANGLES = ['', 'Update: ', 'Analysis: ', 'Reaction: ', 'Explainer: ', 'Live: ', 'Follow-up: ']

export function* generateCorpus(size: number, sources: Source[], seed = 1): Generator<GeneratedArticle> {
  const random = rng(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T
  const pool = sources.flatMap((s) => s.paragraphs)
  for (let i = 0; i < size; i++) {
    const base = pick(sources)
    const own = [...base.paragraphs].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 5))
    const foreign = Array.from({ length: Math.floor(random() * 3) }, () => pick(pool))
    const paragraphs = [...own, ...foreign]
    const shift = Math.floor((random() - 0.3) * 20)
    const date = new Date(Date.parse(base.date) + shift * 86_400_000).toISOString().slice(0, 10)
    yield { id: `g${i}`, title: `${pick(ANGLES)}${base.title}`, text: paragraphs.join('\n\n'), date, url: `https://synthetic.example/${date}/g${i}` }
  }
}

async function main(): Promise<void> {
  const opt = (name: string, fallback: string): string => option(name, fallback)
  const size = Number(opt('size', '10000'))
  const out = resolve(opt('out', join(here, `.cache/corpus-${size}.jsonl`)))
  const sources = loadSources(resolve(opt('source', DEFAULT_SOURCE)))
  const stream = createWriteStream(out)
  for (const a of generateCorpus(size, sources, Number(opt('seed', '1')))) {
    if (!stream.write(`${JSON.stringify(a)}\n`)) await new Promise<void>((r) => stream.once('drain', () => r()))
  }
  await new Promise<void>((r) => stream.end(() => r()))
  console.log(`wrote ${size} articles to ${out}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
