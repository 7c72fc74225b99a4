/**
 * The relate stage: Article + Analysis → RelateFeatures. Pure. Weighted
 * terms from title, lead and body; name terms from the analysis entities and
 * from capitalised words; a MinHash signature with its LSH band keys.
 */
import type { Analysis, Article, RelateFeatures } from '../domain/index.js'
import { bandKeys, minhash, shingleHashes } from './minhash.js'
import { capitalisedNames, namePairs } from './names.js'
import { quoteSnippets } from './quotes.js'
import { termOf, words } from './tokens.js'

export interface FeatureOptions {
  /** How much one occurrence counts, by where it is: the title and lead say what the story is about. */
  boost: { title: number; lead: number; body: number; entity: number; name: number }
  /** Paragraphs counted as the lead. */
  leadBlocks: number
  /** Terms kept per article (by weight); the rest add little to a cosine. */
  maxTerms: number
}

export const FEATURE_DEFAULTS: FeatureOptions = {
  boost: { title: 3, lead: 1.5, body: 1, entity: 1.5, name: 1 },
  leadBlocks: 2,
  maxTerms: 100,
}

export function relateFeatures(article: Article, analysis: Analysis, options: FeatureOptions = FEATURE_DEFAULTS): RelateFeatures {
  const { boost: BOOST, leadBlocks: LEAD_BLOCKS } = options
  const counts = new Map<string, number>()
  const add = (term: string | null, boost: number): void => {
    if (term) counts.set(term, (counts.get(term) ?? 0) + boost)
  }
  const lead = [article.dek ?? '', ...article.blocks.slice(0, LEAD_BLOCKS).map((b) => b.text)].join('\n')
  const rest = article.blocks.slice(LEAD_BLOCKS).map((b) => b.text).join('\n')
  for (const w of words(article.title)) add(termOf(w), BOOST.title)
  for (const w of words(lead)) add(termOf(w), BOOST.lead)
  for (const w of words(rest)) add(termOf(w), BOOST.body)
  const names = nameCounts(article, analysis, BOOST)
  for (const [name, n] of names) for (const pair of namePairs(name)) add(pair, n.weight)
  const body = [article.dek ?? '', ...article.blocks.map((b) => b.text)].join('\n')
  const signature = minhash(shingleHashes(words(body)))
  return {
    terms: topTerms(counts, options.maxTerms),
    names: [...names.entries()].sort((a, b) => b[1].weight - a[1].weight).slice(0, 20).map(([, n]) => n.display),
    quotes: quoteSnippets(analysis.quotes),
    minhash: signature,
    bands: bandKeys(signature),
  }
}

interface NameCount {
  display: string
  weight: number
}

/** Lower-cased name → mention weight and display form; analysis entities count more than bare capitalised runs. */
function nameCounts(article: Article, analysis: Analysis, BOOST: FeatureOptions['boost']): Map<string, NameCount> {
  const out = new Map<string, NameCount>()
  const add = (display: string, weight: number): void => {
    const key = display.toLowerCase().replace(/\s+/g, ' ').trim()
    if (!key.includes(' ')) return
    const prev = out.get(key)
    out.set(key, { display: prev?.display ?? display, weight: (prev?.weight ?? 0) + weight })
  }
  for (const e of analysis.entities) add(e.name, BOOST.entity * Math.max(1, e.mentions.length))
  const text = [article.title, article.dek ?? '', ...article.blocks.map((b) => b.text)].join('\n')
  for (const name of capitalisedNames(text)) add(name, BOOST.name)
  return out
}

/** Sub-linear weights (1 + ln tf) of the heaviest terms. */
function topTerms(counts: Map<string, number>, max: number): Record<string, number> {
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max)
  const out: Record<string, number> = {}
  for (const [term, tf] of sorted) out[term] = round(1 + Math.log(tf))
  return out
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
