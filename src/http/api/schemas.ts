import { z } from 'zod'
import { MAX_ARTICLE_CHARS } from '../../services/articles.js'

const MAX_TEXT = `at most ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters (a book or a log file is not an article)`

/** Request and response shapes of the REST API; the OpenAPI document is generated from them. */
export const AddArticleBody = z
  .object({
    url: z.string().url().max(2048).optional().describe('Page to fetch (and canonical URL when text or html is given)'),
    text: z.string().max(MAX_ARTICLE_CHARS, MAX_TEXT).optional().describe(`Plain text: first line is the title; ${MAX_TEXT}`),
    html: z.string().max(20_000_000).optional().describe(`A whole HTML page; the article text found in it is ${MAX_TEXT}, or the answer is 413`),
    title: z.string().max(500).optional(),
    publishedAt: z.string().max(64).refine((v) => !Number.isNaN(Date.parse(v)), 'not a date').optional(),
  })
  .refine((b) => b.url || b.text || b.html, { message: 'give url, text or html' })

export const Span = z.object({ start: z.number().int(), end: z.number().int() })

export const QuoteOut = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  content: z.array(Span),
  cue: Span.nullable(),
  cueText: z.string().nullable().describe('the cue as written: "said", "criticised", "according to"'),
  speakerMention: Span.nullable(),
  speakerName: z.string().nullable(),
  speakerKind: z.string().nullable(),
  personId: z.string().nullable(),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
  continuation: z.boolean(),
})

export const ArticleSummaryOut = z.object({
  id: z.string(),
  title: z.string(),
  dek: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  wordCount: z.number(),
})

export const SimilarOut = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  score: z.number(),
  sameStory: z.boolean(),
  relation: z.enum(['story', 'topic', 'related']).describe('the same story (close in time, naming the same people), the same topic, or only related (a theme or a few words in common)'),
  copies: z.array(z.string()).describe('Other copies of this post (wire copies, the same page under another URL)'),
  why: z.object({ sharedPeople: z.array(z.string()), sharedTerms: z.array(z.string()), sharedQuotes: z.array(z.string()), daysApart: z.number().nullable() }),
})

export const BlockOut = z.object({
  kind: z.enum(['heading', 'paragraph', 'blockquote', 'list', 'caption', 'preformatted']),
  text: z.string(),
  level: z.number().optional(),
  items: z.array(z.string()).optional(),
  ordered: z.boolean().optional(),
  imageUrl: z.string().optional(),
  credit: z.string().optional(),
})

export const ArticleOut = z.object({
  id: z.string(),
  url: z.string().nullable(),
  title: z.string(),
  dek: z.string().nullable(),
  authors: z.array(z.string()),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  outlet: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  lang: z.string().nullable(),
  blocks: z.array(BlockOut),
  text: z.string().describe('The analysis text every offset points into'),
  createdAt: z.string(),
  collection: z.string().nullable().describe('where externalId belongs: the imported file\'s name or import --collection'),
  externalId: z.string().nullable().describe('the record\'s own id in its collection (a JSONL "id"), for joining back to the source'),
})

export const EntityOut = z.object({
  kind: z.enum(['person', 'organisation', 'place']),
  name: z.string(),
  mentions: z.array(Span),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
  personId: z.string().nullable(),
})

export const PersonQuoteOut = QuoteOut.extend({ articleId: z.string(), articleTitle: z.string(), articlePublishedAt: z.string().nullable(), articleCreatedAt: z.string() })

export const PersonOut = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    nameKey: z.string(),
    aliases: z.array(z.string()),
    roles: z.array(z.string()),
    organisations: z.array(z.string()),
    coMentions: z.array(z.string()),
    createdAt: z.string(),
  }),
  quotes: z.array(PersonQuoteOut).describe('A page of the person’s quotes, newest article first (a wire copy’s quotes once)'),
  quoteCount: z.number().int().describe('All the person’s quotes across the desk'),
  next: z.number().int().nullable().describe('The offset of the next page of quotes, or null on the last one'),
})

export const PeopleOut = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string().nullable(), organisation: z.string().nullable(), quoteCount: z.number().int() })),
  next: z.number().int().nullable(),
})

export const ArticleDetailOut = z.object({
  article: ArticleOut,
  quotes: z.array(QuoteOut),
  entities: z.array(EntityOut),
  similar: z.array(SimilarOut),
  duplicates: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().nullable() })),
})

export const AddedOut = z.object({
  id: z.string(),
  created: z.boolean(),
  unchanged: z.boolean().optional().describe('true when the article was already stored exactly so: nothing of it changed'),
  title: z.string(),
  quoteCount: z.number(),
  speakers: z.array(z.string()),
})

export const ErrorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) })
