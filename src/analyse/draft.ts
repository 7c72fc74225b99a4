import type { QuoteKind, Span, Speaker } from '../domain/index.js'
import type { Mention } from './mentions.js'

/** A quote while the steps work on it; index.ts turns drafts into domain Quotes. */
export interface Draft {
  kind: QuoteKind
  content: Span[]
  cue: Span | null
  mention: Mention | null
  speaker: Speaker | null
  continuation: boolean
  paragraph: number
  /** A speech act reported by its object ("called for …") or a stance ("plans to …"): its speaker does not become the current speaker. */
  act?: boolean
  /** Where the quote starts, for ordering. */
  start: number
}

/** Does the span share a character with any content span of the drafts? */
export function overlapsDrafts(s: Span, drafts: Draft[]): boolean {
  return drafts.some((o) => o.content.some((x) => x.start < s.end && s.start < x.end))
}
