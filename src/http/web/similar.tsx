import type { SimilarPost } from '../../search/similar.js'
import { RELATION_LABEL } from '../../lib/wording.js'
import { formatDate } from './layout.js'

/** Similar Posts: same story first (marked), then same topic, then related, each with why. */
export function SimilarPosts({ similar }: { similar: SimilarPost[] }) {
  return (
    <section class="card similar" id="similar-posts">
      <h2>Similar Posts</h2>
      {similar.length === 0 ? <p class="meta">Nothing similar yet.</p> : null}
      <ul class="plain">
        {similar.map((s) => (
          <li>
            <span class={`badge ${s.relation}`}>{RELATION_LABEL[s.relation]}</span>{' '}
            <a href={`/articles/${s.id}`}>{s.title}</a>
            <div class="meta">{why(s)}</div>
          </li>
        ))}
      </ul>
    </section>
  )
}

function why(s: SimilarPost): string {
  const parts: string[] = []
  if (s.outlet) parts.push(s.outlet)
  if (s.publishedAt) parts.push(formatDate(s.publishedAt))
  if (s.why.sharedPeople.length > 0) parts.push(`both name ${s.why.sharedPeople.slice(0, 3).join(', ')}`)
  else if (s.why.sharedTerms.length > 0) parts.push(`about ${s.why.sharedTerms.slice(0, 4).join(', ')}`)
  const quote = s.why.sharedQuotes[0]
  if (quote) parts.push(`same quote “${shorten(quote, 90)}”`)
  if (s.why.daysApart !== null) parts.push(s.why.daysApart === 0 ? 'same day' : `${s.why.daysApart} days apart`)
  return parts.join(' · ')
}

function shorten(text: string, max: number): string {
  const bare = text.replace(/…$/, '')
  return bare.length <= max && bare === text ? text : `${bare.slice(0, max - 1).trimEnd()}…`
}
