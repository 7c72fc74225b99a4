/**
 * The who-said-what scorer's prediction format (one document a line), shared
 * by `newsdesk quotes --eval` and bench/quotes.ts.
 */
import type { Analysis, Span } from '../domain/index.js'

export interface PredictedQuote {
  content: Span[]
  type: string
  speaker: { mention: Span[]; name: string | null } | null
  cue: Span[]
}

export interface PredictionDoc {
  doc_id: string
  quotes: PredictedQuote[]
}

export function toPrediction(docId: string, analysis: Analysis): PredictionDoc {
  return {
    doc_id: docId,
    quotes: analysis.quotes.map((q) => ({
      content: q.content,
      type: q.kind,
      speaker: q.speaker || q.speakerMention ? { mention: q.speakerMention ? [q.speakerMention] : [], name: q.speaker?.name ?? null } : null,
      cue: q.cue ? [q.cue] : [],
    })),
  }
}
