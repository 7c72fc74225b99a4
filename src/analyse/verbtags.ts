/**
 * Is a cue word used as a verb here? The wink-nlp tagger decides the
 * ambiguous ones ("says" yes, "a bitter joke" no, "the phone calls" no);
 * it runs only on sentences holding a candidate cue, once per sentence.
 */
import type { Span } from '../domain/index.js'
import type { Context, Unit } from './context.js'
import { tagSpan, type Tagged } from './pos.js'

const tagCache = new WeakMap<Context, Map<number, Tagged>>()

/**
 * "The report says" yes, "a bitter joke was", "Trump’s pledge" no: a cue
 * the tagger reads as a noun inside a noun phrase (after a determiner,
 * adjective, number or possessive) is not a verb of saying. Plain past
 * forms ("said", "warned") are never nouns and skip the tagger.
 */
export function cueIsVerb(ctx: Context, unit: Unit, cue: Span): boolean {
  const word = ctx.text.slice(cue.start, cue.end)
  if (!/^\p{Ll}+$/u.test(word) || word === 'for' || /(?:ed|said|told|wrote|thought|felt|found)$/.test(word)) return true
  // "one in five say they …": a clause opening right after the word makes it a verb, whatever the tagger thinks.
  const after = ctx.text.slice(cue.end, cue.end + 6)
  if (/^ (?:they|he|she|we|it|that|i)\b/i.test(after)) return true
  const tagged = tagsOf(ctx, unit)
  const i = tagged.starts.indexOf(cue.start)
  const tag = tagged.tags[i]
  if (i < 0 || (tag !== 'NOUN' && tag !== 'ADJ' && tag !== 'PROPN')) return true
  return !/^(DET|ADJ|PART|NUM)$/.test(tagged.tags[i - 1] ?? '')
}

function tagsOf(ctx: Context, unit: Unit): Tagged {
  let byUnit = tagCache.get(ctx)
  if (!byUnit) tagCache.set(ctx, (byUnit = new Map()))
  let tagged = byUnit.get(unit.start)
  if (!tagged) byUnit.set(unit.start, (tagged = tagSpan(ctx.text, unit)))
  return tagged
}

/** "his calls for calm", "her praises": a present-tense speech act must be tagged a verb. */
export function actIsVerb(ctx: Context, unit: Unit, cue: Span): boolean {
  const text = ctx.text.slice(cue.start, cue.end)
  if (/ed$/.test(text)) return true
  // "…, promising to …": a participle after a comma is a verb whatever the tagger reads.
  if (/^\p{Ll}+ing$/u.test(text) && /,\s*$/.test(ctx.text.slice(Math.max(0, cue.start - 3), cue.start))) return true
  const tagged = tagsOf(ctx, unit)
  // "is defending": the tag of the chain's last word.
  const i = tagged.starts.indexOf(cue.start + text.search(/\S+$/))
  if (tagged.tags[i] === 'VERB') return true
  // "is promising lower fees": the tagger reads an adjective ("the outlook is promising"), but an object follows the chain.
  if (/\s\p{Ll}+ing$/u.test(text) && tagged.tags[i] === 'ADJ' && /^(DET|ADJ|NOUN|NUM)$/.test(tagged.tags[i + 1] ?? '')) return true
  return presentActAsNoun(tagged, i)
}

/**
 * "Senator Ruiz questions the wisdom of …", "Some farmers, however, question
 * the plan": the tagger reads a present-tense act as a noun, but a name, a
 * pronoun or a plural subject stands before it and its object's determiner
 * after it ("answered questions the reporters asked" has a verb before).
 */
function presentActAsNoun(tagged: Tagged, i: number): boolean {
  if (tagged.tags[i] !== 'NOUN' || tagged.tags[i + 1] !== 'DET') return false
  let k = i - 1
  // ", however,": a sentence adverb between commas.
  if (tagged.tags[k] === 'PUNCT' && tagged.tags[k - 1] === 'ADV' && tagged.tags[k - 2] === 'PUNCT') k -= 3
  while (tagged.tags[k] === 'ADV') k--
  return /^(PROPN|PRON|NOUN)$/.test(tagged.tags[k] ?? '')
}

/** "one of the states suing", "these reports", "its claims": a cue word right after an article or a possessive is a noun. */
export function afterArticle(ctx: Context, i: number): boolean {
  const article = (k: number): boolean => /^(the|a|an|these|those|his|its|their|our|my|your)$/.test(ctx.tokens[k]?.lower ?? '')
  // "made the following comment:", "issued a brief statement": an adjective between.
  return article(i - 1) || (/^(following|same|brief|short|written|joint|first|final)$/.test(ctx.tokens[i - 1]?.lower ?? '') && article(i - 2))
}

/** "Having said that, …", "It's worth noting that …", "it bears repeating": the writer's turn of phrase, no report. */
export function writersPhrase(ctx: Context, c: number): boolean {
  const before = ctx.tokens[c - 1]?.lower ?? ''
  if (before === 'having') return /^(that|this|so)$/.test(ctx.tokens[c + 1]?.lower ?? '') && ctx.tokens[c + 2]?.text === ','
  return /^(worth|bears)$/.test(before) && (ctx.tokens[c]?.lower ?? '').endsWith('ing')
}
