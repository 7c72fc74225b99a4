import type { Viewer } from '../../services/accounts.js'
import type { PeoplePage as PeopleListPage, PersonProfile } from '../../services/reading.js'
import { onceEach, personMeta } from '../../lib/wording.js'
import { countOf, formatDate, Layout, Pager, QuoteCue } from './layout.js'

/** People, and a person's quotes, a page lists. */
export const PEOPLE_PER_PAGE = 100
export const QUOTES_PER_PAGE = 100

/** One person across the desk: names, roles, and every quote with its article. */
export function PersonPage({ viewer, csrf, profile, offset }: { viewer: Viewer; csrf: string; profile: PersonProfile; offset: number }) {
  const { person, quotes, quoteCount, next } = profile
  const otherNames = person.aliases.filter((a) => a !== person.name)
  // The role at the time beside each quote, once roles differ between quotes; one role for all is said once, above.
  const roleOf = (q: { role: string | null; organisation: string | null }): string => [q.role, q.organisation].filter(Boolean).join(', ')
  const rolesDiffer = new Set(quotes.map(roleOf)).size > 1
  const described = onceEach([...person.roles, ...person.organisations])
  return (
    <Layout title={person.name} viewer={viewer} csrf={csrf}>
      <section class="card">
        <h1>{person.name}</h1>
        {described.length > 0 ? <p>{described.join(' · ')}</p> : null}
        {otherNames.length > 0 ? <p class="meta">Also written: {otherNames.join(', ')}</p> : null}
      </section>
      <section class="card">
        <h2>{quoteCount > 0 ? countOf(quoteCount, 'quote') : 'Named on the desk, not quoted'}</h2>
        {offset > 0 || next !== null ? <p class="meta">{quotes.length > 0 ? `Quotes ${offset + 1}–${offset + quotes.length}, newest first` : 'No more quotes.'}</p> : null}
        <ul class="quotes" id="person-quotes">
          {quotes.map((q) => (
            <li class={q.kind === 'direct' ? undefined : 'indirect'}>
              <QuoteCue quote={q} />
              <q>{q.text}</q>
              <div class="meta">
                {rolesDiffer && roleOf(q) ? `${roleOf(q)} · ` : ''}
                <a href={`/articles/${q.articleId}#q-${q.id}`}>{q.articleTitle}</a> · {q.articlePublishedAt ? formatDate(q.articlePublishedAt) : `added ${formatDate(q.articleCreatedAt)}`}
              </div>
            </li>
          ))}
        </ul>
        <Pager
          previous={offset > 0 ? `/people/${person.id}${offset > QUOTES_PER_PAGE ? `?offset=${offset - QUOTES_PER_PAGE}` : ''}` : null}
          next={next !== null ? `/people/${person.id}?offset=${next}` : null}
          previousLabel="Newer quotes"
          nextLabel="Older quotes"
        />
      </section>
    </Layout>
  )
}

/** The desk's people, most quoted first, a page at a time; a name finds everyone named, quoted or not. Plain links and a GET form: no JavaScript needed. */
export function PeoplePage({ viewer, csrf, name, offset, page }: { viewer: Viewer; csrf: string; name: string; offset: number; page: PeopleListPage }) {
  const { items, next } = page
  const more = (at: number): string => `/people?${new URLSearchParams(name ? { q: name, offset: String(at) } : { offset: String(at) }).toString()}`
  return (
    <Layout title="People" viewer={viewer} csrf={csrf}>
      <section class="card">
        <h1>{name ? `People named “${name}”` : 'People quoted on the desk'}</h1>
        <form method="get" action="/people" class="inline" role="search" aria-label="Find people">
          <input type="search" name="q" value={name} aria-label="Name" placeholder="A name, or part of one" /> <button type="submit">Find</button>
        </form>
        {items.length === 0 ? <p class="meta">{emptyListing(name, offset)}</p> : null}
        <ul class="plain">
          {items.map((p) => (
            <li>
              <a href={`/people/${p.id}`}>{p.name}</a> <span class="meta">{personMeta(p)}</span>
            </li>
          ))}
        </ul>
        <Pager previous={offset > 0 ? more(Math.max(0, offset - PEOPLE_PER_PAGE)) : null} next={next !== null ? more(next) : null} previousLabel="Previous people" nextLabel="More people" />
      </section>
    </Layout>
  )
}

function emptyListing(name: string, offset: number): string {
  if (offset > 0) return name ? `No more people named “${name}”.` : 'No more people.'
  return name ? `No one on the desk is named “${name}”.` : 'No quotes yet.'
}
