/**
 * Sentence adverbs that open a sentence right before a name and are glued to
 * it by capitalisation: "Afterwards Trump said", "Separately Chan told …",
 * "Interestingly Gloria La Riva …". The word is no part of the name. The
 * closed list of such words that are never names lives in NOT_NAME
 * (lexicon.ts); this is the rule by shape, which needs the sentence start:
 * "-wards" after a direction and "-ly" adverbs ("Finally", "Reportedly"),
 * never a first name ("Emily", "Beverly") nor a family-name ending ("-ley",
 * "Kelly", "Daly", "McNally", "Anatoly").
 */
import { isFirstName } from './firstnames.js'
import type { Token } from './text.js'

const WARDS = /^(?:after|to|back|for|on|up|down|in|out|home|sky|earth|heaven|east|west|north|south)wards?$/
const LY = /^\p{Ll}{2,}(?:[bcdfghkmnprstvwxz]ly|ally|ely|ily|fully)$/u
const SENTENCE_END = new Set(['.', '!', '?', '“', '"', ':', '—', ';'])

/** Is token i an adverb opening its sentence ("Afterwards", "Finally")? */
export function isOpeningAdverb(tokens: Token[], i: number): boolean {
  const t = tokens[i]
  if (!t || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return false
  const before = tokens[i - 1]
  if (before && !SENTENCE_END.has(before.text)) return false
  if (WARDS.test(t.lower)) return true
  return t.lower.length >= 6 && LY.test(t.lower) && !/^ma?c/.test(t.lower) && !isFirstName(t.text)
}

const PARTICIPLE_NEXT = new Set([',', 'by', 'with', 'about', 'over', 'at'])

/** "Chastened by the analyses, Trump …": a past participle opening its sentence before "by", "with" or a comma is no name. */
export function isOpeningParticiple(tokens: Token[], i: number): boolean {
  const t = tokens[i]
  if (!t || !/^\p{Lu}\p{Ll}{4,}ed$/u.test(t.text) || isFirstName(t.text)) return false
  const before = tokens[i - 1]
  if (before && !SENTENCE_END.has(before.text)) return false
  return PARTICIPLE_NEXT.has(tokens[i + 1]?.lower ?? '')
}
