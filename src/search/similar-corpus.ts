/**
 * A corpus of plain-text articles ({id, title, text, date?, url?}) through
 * extract → analyse → relate into a store, keeping each line as its own
 * record (even exact copies, which addArticle would merge), then Similar
 * Posts and duplicates for every article. Used by `newsdesk similar` and the
 * benchmarks.
 */
import { analyseArticle } from '../analyse/index.js'
import { articleText, wordCount, type Analysis, type Article } from '../domain/index.js'
import { dateFromUrl, extractText, isErrorPage } from '../extract/index.js'
import { sha256 } from '../lib/ids.js'
import type { Store } from '../store/db.js'
import type { ArticlesTable } from '../store/schema/index.js'
import { writeArticle } from '../store/repos/article-repo.js'
import { duplicatesOf, indexArticleRelations, similarArticles } from './similar.js'

export interface CorpusItem {
  id: string
  title?: string | null
  text: string
  date?: string | null
  url?: string | null
}

export interface CorpusRelations {
  id: string
  similar: string[]
  duplicates: string[]
  /** Copies folded into each Similar Post, by post id. */
  copies?: Record<string, string[]>
}

/** Extracts and analyses one item; the title goes first unless the text already starts with it. */
export function corpusArticle(item: CorpusItem): Article {
  const title = item.title?.trim() ?? ''
  const body = title && !item.text.trimStart().startsWith(title) ? `${title}\n\n${item.text}` : item.text
  const extracted = extractText(body)
  const base: Article = extracted.ok
    ? extracted.value
    : { title: title || 'Untitled', dek: null, authors: [], publishedAt: null, updatedAt: null, outlet: null, canonicalUrl: null, lang: null, blocks: [] }
  return { ...base, publishedAt: isoDate(item.date) ?? dateFromUrl(item.url), canonicalUrl: null }
}

function isoDate(date: string | null | undefined): string | null {
  if (!date) return null
  const t = Date.parse(date)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** Milliseconds spent in each step of addCorpusItem, for benchmarks. */
export interface CorpusTiming {
  extract: number
  analyse: number
  /** Writing the article row and blocks. */
  store: number
  /** relateFeatures + indexArticleRelations (the relate step). */
  relate: number
}

export interface CorpusOptions {
  /** The analyse stage; benchmarks of the relate path alone pass one that finds nothing. */
  analyse?: (a: Article) => Analysis
  /** Accumulates the time of each step. */
  timing?: CorpusTiming
}

/** Stores one item with its relations, in one transaction. */
export async function addCorpusItem(store: Store, item: CorpusItem, options: CorpusOptions = {}): Promise<void> {
  await addCorpusItems(store, [item], options)
}

/**
 * Stores several items in one transaction (bulk loads: the relate work per
 * article is the same, the commits are shared). `onRelated` gets each
 * article's relate-step time.
 */
export async function addCorpusItems(store: Store, items: CorpusItem[], options: CorpusOptions & { onRelated?: (ms: number) => void } = {}): Promise<void> {
  const timing = options.timing
  let t = performance.now()
  const lap = (key: keyof CorpusTiming): number => {
    const now = performance.now()
    const ms = now - t
    if (timing) timing[key] += ms
    t = now
    return ms
  }
  const prepared = items.map((item) => {
    const article = corpusArticle(item)
    lap('extract')
    const analysis = (options.analyse ?? analyseArticle)(article)
    lap('analyse')
    return { item, article, analysis }
  })
  const relateMs: number[] = []
  await store.db.transaction().execute(async (trx) => {
    for (const { item, article, analysis } of prepared) {
      await writeArticle(trx, corpusRow(item, article), article.blocks, false)
      lap('store')
      // An error page ("document not found") or a line without text is kept as a line of the corpus but is nobody's Similar Post or copy.
      if (hasText(item) && !isErrorPage(article)) await indexArticleRelations(trx, store.dialect, { id: item.id, article, analysis, url: item.url ?? null, publishedAt: article.publishedAt })
      relateMs.push(lap('relate'))
    }
  })
  // The commit counts in the relate step (its rows are most of what is written), shared by the batch's articles.
  const commitShare = lap('relate') / Math.max(1, relateMs.length)
  for (const ms of relateMs) options.onRelated?.(ms + commitShare)
}

function corpusRow(item: CorpusItem, article: Article): ArticlesTable {
  const now = new Date().toISOString()
  const text = articleText(article)
  return {
    id: item.id,
    url: item.url ?? null,
    canonical_url: null,
    // Each corpus line is its own record: the id keeps identical texts apart.
    content_hash: sha256(`${item.id}\n${text}`),
    title: article.title,
    dek: article.dek,
    authors: '[]',
    published_at: article.publishedAt,
    updated_at: null,
    outlet: null,
    lang: null,
    body_text: text,
    word_count: wordCount(article),
    source: 'import',
    collection: null,
    external_id: null,
    created_at: now,
    modified_at: now,
  }
}

/** Similar Posts (ids, best first) and copies of one stored article. */
export async function corpusRelations(store: Store, id: string, top: number): Promise<CorpusRelations> {
  const similar = await similarArticles(store.db, store.dialect, id, top)
  const duplicates = await duplicatesOf(store.db, id)
  const copies = Object.fromEntries(similar.filter((s) => s.copies.length > 0).map((s) => [s.id, s.copies]))
  return { id, similar: similar.map((s) => s.id), duplicates: duplicates.map((d) => d.id), copies }
}

/**
 * Every related article of a corpus relation, best first, as a machine reads
 * it: the article's own copies, then each Similar Post followed by the copies
 * folded into it (the page shows those as "also at …"). The first `posts`
 * Similar Posts are kept.
 */
export function relatedIds(r: CorpusRelations, posts: number): string[] {
  const expanded = r.similar.slice(0, posts).flatMap((id) => [id, ...(r.copies?.[id] ?? [])])
  return [...r.duplicates, ...expanded]
}

/**
 * Parses JSONL corpus lines. Blank lines are passed over; a line that is not
 * a JSON object with an id and a text, or repeats an id, is skipped and
 * reported through `onBad`. A line whose text is empty is kept (its id gets
 * its line of output) and named through `onNote`: addCorpusItems makes it
 * nobody's Similar Post, as the desk's import refuses such a record.
 */
export function parseCorpus(
  text: string,
  onBad: (line: number, reason: string) => void = () => undefined,
  onNote: (line: number, note: string) => void = () => undefined,
): CorpusItem[] {
  const items: CorpusItem[] = []
  const firstLine = new Map<string, number>()
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    const item = corpusLine(line)
    if (typeof item === 'string') return onBad(i + 1, item)
    const first = firstLine.get(item.id)
    if (first !== undefined) return onBad(i + 1, `duplicate id ${item.id}, first on line ${first}`)
    firstLine.set(item.id, i + 1)
    if (!hasText(item)) onNote(i + 1, `${item.id} has no text: listed with no Similar Posts or duplicates`)
    items.push(item)
  })
  return items
}

/** One corpus line as an item, or why it is not one. */
function corpusLine(line: string): CorpusItem | string {
  let o: unknown
  try {
    o = JSON.parse(line)
  } catch {
    return 'not JSON'
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'not a JSON object'
  const { id, title, text, date, url } = o as Record<string, unknown>
  if (typeof text !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) return 'needs id and text'
  return { id: String(id), title: str(title), text, date: str(date), url: str(url) }
}

/** An item with some text besides its title (the desk's import refuses one without). */
function hasText(item: CorpusItem): boolean {
  return item.text.trim() !== ''
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null
}
