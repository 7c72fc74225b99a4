/**
 * The search box's query language, parsed once here and rendered per dialect
 * by store/dialect.ts (never as raw user text):
 *
 *   words             every word must match (in the title or text, any form: rail finds rails)
 *   "a phrase"        the words next to one another, in that order
 *   rail OR port      either (OR in capitals, between two words or phrases)
 *   -word, -"phrase"  excludes articles that have it (also NOT word)
 *
 * Common words (the, what, did, …: PostgreSQL's English stop words) are
 * ignored outside phrases on both engines, so a question finds what its
 * other words find. Everything but letters and digits separates words.
 */

/** One word, or several that must follow one another. Words are lower case. */
export type Term = { kind: 'word'; word: string } | { kind: 'phrase'; words: string[] }

export interface SearchQuery {
  /** Every group must match; a group matches when any of its terms does. */
  all: Term[][]
  /** No match may hold any of these. */
  none: Term[]
}

/** Beyond this many terms the rest of a query is ignored (bounded work per search). */
export const MAX_TERMS = 12

// PostgreSQL's english.stop (Snowball), so both engines ignore the same words.
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs
  themselves what which who whom this that these those am is are was were be been being have has had having do does did doing a an the and but if or
  because as until while of at by for with about against between into through during before after above below to from up down in out on off over under
  again further then once here there when where why how all any both each few more most other some such no nor not only own same so than too very s t
  can will just don should now`.split(/\s+/),
)

const TOKEN = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g

/** Parses what a user typed into the search box. */
export function parseQuery(text: string): SearchQuery {
  const query: SearchQuery = { all: [], none: [] }
  let or = false
  let not = false
  let count = 0
  for (const m of text.slice(0, 200).matchAll(TOKEN)) {
    const quoted = m[2] !== undefined
    const raw = quoted ? (m[2] ?? '') : (m[4] ?? '')
    const negated = (quoted ? m[1] : m[3]) === '-' || not
    not = false
    if (!quoted && (raw === 'OR' || raw === 'NOT')) {
      if (raw === 'OR') or = query.all.length > 0
      else not = true
      continue
    }
    const term = toTerm(raw, quoted)
    if (!term || count >= MAX_TERMS) continue
    count++
    if (negated) query.none.push(term)
    else if (or) query.all[query.all.length - 1]?.push(term)
    else query.all.push([term])
    or = false
  }
  return query
}

/** A word or phrase as typed, lower case, without stop words outside phrases; null when nothing is left. */
function toTerm(raw: string, quoted: boolean): Term | null {
  const words = (raw.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8)
  if (words.every((w) => STOP_WORDS.has(w))) return null
  if (words.length === 1 && words[0]) return { kind: 'word', word: words[0] }
  // "U.S." or covid-19 typed bare: its parts in order, as a phrase.
  return quoted || words.length > 1 ? { kind: 'phrase', words } : null
}

/** Nothing to search for: no word that is not a stop word outside an exclusion. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.all.length === 0
}

/** The same terms, any one of them enough: the fallback when requiring all of them finds nothing. */
export function anyTerm(query: SearchQuery): SearchQuery {
  const terms = query.all.flat()
  return { all: terms.length > 0 ? [terms] : [], none: query.none }
}

/** Does the query require more than one thing (so that anyTerm would find more)? */
export function requiresSeveral(query: SearchQuery): boolean {
  return query.all.length > 1
}

export function termWords(term: Term): string[] {
  return term.kind === 'word' ? [term.word] : term.words
}

/**
 * Does a text (a quote) satisfy the whole query: every group by one of its
 * terms, no excluded term; words whole and in any case, a phrase's words next
 * to one another. No stemming: quotes are searched word for word.
 */
export function textMatches(query: SearchQuery, text: string): boolean {
  const has = holds(text)
  return query.all.every((group) => group.some(has)) && !query.none.some(has)
}

/** How many of the query's groups a text satisfies: how good a partial match is (the any-word fallback). */
export function groupsMatched(query: SearchQuery, text: string): number {
  const has = holds(text)
  return query.all.filter((group) => group.some(has)).length
}

/** Does the text hold a term: its words whole, in any case, next to one another. */
function holds(text: string): (term: Term) => boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return (term) => containsRun(words, termWords(term))
}

function containsRun(words: string[], run: string[]): boolean {
  if (run.length === 0) return false
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, k) => words[i + k] === w)) return true
  return false
}
