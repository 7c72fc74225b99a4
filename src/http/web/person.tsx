import type { Viewer } from '../../services/accounts.js'
import type { PersonProfile } from '../../services/reading.js'
import type { PersonSummary } from '../../store/repos/people-repo.js'
import { countOf, formatDate, Layout, QuoteCue } from './layout.js'

/** One person across the desk: names, roles, and every quote with its article. */
export function PersonPage({ viewer, csrf, profile }: { viewer: Viewer; csrf: string; profile: PersonProfile }) {
  const { person, quotes } = profile
  const otherNames = person.aliases.filter((a) => a !== person.name)
  // The role at the time beside each quote, once roles differ between quotes; one role for all is said once, above.
  const roleOf = (q: { role: string | null; organisation: string | null }): string => [q.role, q.organisation].filter(Boolean).join(', ')
  const rolesDiffer = new Set(quotes.map(roleOf)).size > 1
  return (
    <Layout title={person.name} viewer={viewer} csrf={csrf}>
      <section class="card">
        <h1>{person.name}</h1>
        {person.roles.length > 0 || person.organisations.length > 0 ? (
          <p>{[...person.roles, ...person.organisations].join(' · ')}</p>
        ) : null}
        {otherNames.length > 0 ? <p class="meta">Also written: {otherNames.join(', ')}</p> : null}
      </section>
      <section class="card">
        <h2>{countOf(quotes.length, 'quote')}</h2>
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
      </section>
    </Layout>
  )
}

export function PeoplePage({ viewer, csrf, people }: { viewer: Viewer; csrf: string; people: PersonSummary[] }) {
  return (
    <Layout title="People" viewer={viewer} csrf={csrf}>
      <section class="card">
        <h1>People quoted on the desk</h1>
        {people.length === 0 ? <p class="meta">No quotes yet.</p> : null}
        <ul class="plain">
          {people.map((p) => (
            <li>
              <a href={`/people/${p.id}`}>{p.name}</a> <span class="meta">{personMeta(p)}</span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  )
}

/** What a list shows beside a name: the latest role and organisation (namesakes differ there), then the quote count. */
export function personMeta(p: PersonSummary): string {
  const role = [p.role, p.organisation].filter(Boolean).join(', ')
  return `${role ? `${role} · ` : ''}${countOf(p.quoteCount, 'quote')}`
}
