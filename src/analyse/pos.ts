/**
 * Part-of-speech tags from wink-nlp (wink-eng-lite-web-model), used only
 * where they pay: to check that a candidate cue of reported speech is a
 * verb ("The report says" vs "a bitter joke was"). Tagging every sentence
 * would halve the analyser's throughput (bench/quotes.ts measures both), so
 * only sentences holding a candidate are tagged, and the pipeline's own
 * tokenizer does the rest.
 *
 * One wink instance per process, created on first use: loading the model
 * takes about 100 ms and 20 MB, and the instance holds no per-document state.
 */
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { Span } from '../domain/index.js'

type Wink = ReturnType<typeof winkNLP>
let instance: Wink | null = null

function wink(): Wink {
  instance ??= winkNLP(model, ['pos'])
  return instance
}

export interface Tagged {
  /** Absolute start offset of each token. */
  starts: number[]
  tags: string[]
}

/** Universal POS tag of each token of text[span], with absolute start offsets. */
export function tagSpan(text: string, span: Span): Tagged {
  const nlp = wink()
  const its = nlp.its
  const doc = nlp.readDoc(text.slice(span.start, span.end))
  const values = doc.tokens().out(its.value) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  const spaces = doc.tokens().out(its.precedingSpaces) as string[]
  const starts: number[] = []
  let at = span.start
  values.forEach((v, i) => {
    at += (spaces[i] ?? '').length
    starts.push(at)
    at += v.length
  })
  return { starts, tags }
}
