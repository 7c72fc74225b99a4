import { isEmptyQuery, parseQuery } from '../../search/query.js'
import type { Viewer } from '../../services/accounts.js'
import { SEARCH_PAGE_SIZE, type SearchResults } from '../../services/search.js'
import type { QuoteResults as FoundQuotes } from '../../services/quote-search.js'
import { ArticleList } from './home.js'
import { Layout, Pager, QuoteCue } from './layout.js'

/** Search results, a page at a time: "More results" is a plain link, so it works without JavaScript. */
export function SearchPage({ viewer, csrf, query, offset, results, quotes }: { viewer: Viewer; csrf: string; query: string; offset: number; results: SearchResults; quotes: FoundQuotes }) {
  const { items, next } = results
  const at = (offset: number): string => `/search?${new URLSearchParams(offset > 0 ? { q: query, offset: String(offset) } : { q: query }).toString()}`
  return (
    <Layout title={`Search: ${query}`} viewer={viewer} csrf={csrf}>
      <section class="card">
        <h1>Search</h1>
        <form method="get" action="/search">
          <input type="search" name="q" value={query} aria-label="Search words" aria-describedby="search-hint" /> <button type="submit">Search</button>
        </form>
        <p class="meta" id="search-hint">
          Every word must match (rail finds rails); <code>"a phrase"</code> matches as written; <code>rail OR port</code> takes either; <code>-word</code> excludes. Common words (the, what, did…)
          are ignored.
        </p>
        {results.match === 'any' && items.length > 0 ? (
          <p class="notice partial">No article has all of these words. {offset > 0 ? 'These' : `These ${items.length}`} have some of them, the best matches first.</p>
        ) : query ? (
          <p class="meta">{summary(query, offset, items.length, next !== null)}</p>
        ) : null}
        {items.length > 0 ? <ArticleList articles={items} /> : null}
        <Pager previous={offset > 0 ? at(Math.max(0, offset - SEARCH_PAGE_SIZE)) : null} next={next !== null ? at(next) : null} previousLabel="Better matches" nextLabel="More results" />
      </section>
      {quotes.quotes.length > 0 && offset === 0 ? <QuoteResults found={quotes} /> : null}
    </Layout>
  )
}

function summary(query: string, offset: number, count: number, more: boolean): string {
  const parsed = parseQuery(query)
  if (isEmptyQuery(parsed) && parsed.none.length > 0) return `“${query}” only says what to leave out: add a word to look for.`
  if (isEmptyQuery(parsed)) return `“${query}” has only common words, which search ignores: add a more specific word.`
  if (count === 0) return offset > 0 ? `No more articles match “${query}”.` : `No article matches “${query}”.`
  if (offset > 0) return `Matches ${offset + 1}–${offset + count} for “${query}”.`
  if (count === 1) return `The one match for “${query}”.`
  return more ? `The ${count} best matches for “${query}”.` : `The ${count} matches for “${query}”.`
}

function QuoteResults({ found }: { found: FoundQuotes }) {
  return (
    <section class="card" id="quote-results">
      <h2>Who said it</h2>
      {found.match === 'any' ? <p class="notice partial">No quote has all of these words. These have some of them, those with more of the words first.</p> : null}
      <ul class="quotes">
        {found.quotes.map((q) => (
          <li class={q.kind === 'direct' ? undefined : 'indirect'}>
            <QuoteCue quote={q} />
            <q>{q.text}</q>
            <div class="meta">
              {q.personId ? <a href={`/people/${q.personId}`}>{q.speakerName}</a> : (q.speakerName ?? 'Unattributed')} ·{' '}
              <a href={`/articles/${q.articleId}#q-${q.id}`}>{q.articleTitle}</a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
