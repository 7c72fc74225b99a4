import { articleText } from '../domain/index.js'
import { quotesOfArticle } from '../store/repos/analysis-repo.js'
import { getArticle, listArticles } from '../store/repos/article-repo.js'
import type { ServiceDeps } from './deps.js'

/**
 * Streams the desk, newest first, page by page (keyset pagination, so memory
 * stays flat): each article with its text and quotes, or one line per quote.
 */
export async function* exportArticles(deps: ServiceDeps, what: 'articles' | 'quotes'): AsyncGenerator<Record<string, unknown>> {
  const { db } = deps.store
  let before: { createdAt: string; id: string } | null = null
  for (;;) {
    const page = await listArticles(db, { limit: 200, before })
    if (page.length === 0) return
    for (const summary of page) {
      const stored = await getArticle(db, summary.id)
      if (!stored) continue
      const quotes = await quotesOfArticle(db, summary.id)
      const a = stored.article
      const ref = { collection: stored.collection, externalId: stored.externalId }
      const base = { id: stored.id, ...ref, url: stored.url, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt }
      const quoteLines = quotes.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speakerName, personId: q.personId, role: q.role, organisation: q.organisation, content: q.content, cue: q.cue }))
      if (what === 'articles') yield { ...base, authors: a.authors, dek: a.dek, text: articleText(a), quotes: quoteLines }
      else for (const q of quoteLines) yield { articleId: stored.id, ...ref, articleTitle: a.title, publishedAt: a.publishedAt, ...q }
    }
    const last = page[page.length - 1]
    if (!last) return
    before = { createdAt: last.createdAt, id: last.id }
  }
}
