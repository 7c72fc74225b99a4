/**
 * What the analyse stage finds in an article's text. Offsets are JavaScript
 * string indices into articleText(article) (or the raw text analysed),
 * end-exclusive.
 */
export interface Span {
  start: number
  end: number
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect'
export type EntityKind = 'person' | 'organisation' | 'place'

export interface Entity {
  /** Local id within one analysis, e.g. "e3". */
  id: string
  kind: EntityKind
  /** Canonical (longest, full) name in this article: "Jeremy Chan". */
  name: string
  mentions: Span[]
  role: string | null
  organisation: string | null
  /** An organisation's name as the article introduces it, with its article: "the Raptors", "the U.S.". */
  writtenAs?: string
}

export interface Speaker {
  /** Resolved full name ("Jeremy Chan"), or the group/organisation name. */
  name: string
  kind: 'person' | 'organisation' | 'group'
  /** Id of the Entity in the same analysis, when resolved to one. */
  entityId: string | null
  role: string | null
  organisation: string | null
}

export interface Quote {
  kind: QuoteKind
  /** One or more content spans (a quote interrupted by its cue has two). */
  content: Span[]
  /** The quoted or reported text, spans joined by " … ". */
  text: string
  cue: Span | null
  /** The cue as written ("said", "criticised", "according to"), for showing it beside the text. */
  cueText: string | null
  /** The local mention attached to the cue ("Chan", "he", "the analyst"); for a continuation quote, the mention of the quote it continues. */
  speakerMention: Span | null
  speaker: Speaker | null
  /** True when no speaker of its own was found and the previous quote's carried over. */
  continuation: boolean
}

export interface Analysis {
  quotes: Quote[]
  entities: Entity[]
}
