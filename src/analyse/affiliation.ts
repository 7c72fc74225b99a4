/**
 * Speakers named by whom they belong to: "Those close to him say", "advisers
 * to Mr. Obama say" (the people near someone), "Tim Guest with the Health
 * Authority says" (the person before the body).
 */
import type { Context } from './context.js'
import { entityAt } from './entities.js'
import { DETERMINERS, GROUP_NOUNS, ROLE_NOUN } from './lexicon.js'
import { make, mentionEndingAt, tok, type Mention } from './mentions.js'
import { isPossessive } from './mentionshape.js'

const CLOSE_HEAD = /^(those|people|sources?|someone|allies|ally|advisers?|advisors?|aides?|friends?|officials?|associates?|confidants?|insiders?)$/

/** "Those close to him say", "advisers to Mr. Obama say", "a source close to the talks said": the people near someone speak. */
export function closeTo(ctx: Context, m: Mention, min: number): Mention | null {
  if (tok(ctx, m.from - 1)?.lower !== 'to') return null
  let h = m.from - 2
  if (tok(ctx, h)?.lower === 'close') h--
  if (h < min || !CLOSE_HEAD.test(tok(ctx, h)?.lower ?? '')) return null
  if (h - 1 >= min && DETERMINERS.has(tok(ctx, h - 1)?.lower ?? '')) h--
  return make(ctx, 'nominal', h, m.to - 1)
}

/** "Tim Guest with the Health Authority says": the person before the affiliation speaks, not the body. */
export function affiliated(ctx: Context, m: Mention, min: number): Mention | null {
  if (!/^(with|of|at|from|for)$/.test(tok(ctx, m.from - 1)?.lower ?? '') || m.from - 2 < min) return null
  const head = mentionEndingAt(ctx, m.from - 2, min)
  if (!head || isPossessive(ctx, head)) return null
  // "An official with Animal Protection Services said", "Analysts at Westpark Bank wrote": the whole description speaks.
  if (head.kind === 'nominal' && (DETERMINERS.has(tok(ctx, head.from)?.lower ?? '') || peopleNoun(ctx, head))) return make(ctx, 'nominal', head.from, m.to - 1)
  const e = head.kind === 'name' ? entityAt(ctx.entities, head) : null
  // "Chan of Eurasia Group said": a lone family name the article has not named in full is still the person.
  const word = tok(ctx, head.from)?.text ?? ''
  const lone = head.kind === 'name' && head.to - head.from === 1 && !e && m.kind === 'name' && !/^\p{Lu}\p{Ll}+s$/u.test(word)
  return e?.kind === 'person' || lone ? head : null
}

/** "Analysts", "officials", "spokesmen": one word naming people, a group or the plural of a role. */
function peopleNoun(ctx: Context, m: Mention): boolean {
  return m.to - m.from === 1 && isPeopleWord(tok(ctx, m.from)?.lower ?? '')
}

export function isPeopleWord(word: string): boolean {
  const singular = word.replace(/men$/, 'man').replace(/s$/, '')
  return GROUP_NOUNS.has(word) || (singular !== word && ROLE_NOUN.test(singular))
}

/**
 * "Retailers said …": a plural of a role opening a sentence, capitalised only
 * because it opens it, is a group of people; "Waters said …" is the person
 * when the article names someone so ("Maxine Waters").
 */
export function isOpeningGroup(ctx: Context, k: number): boolean {
  const t = tok(ctx, k)
  if (!t || !/^\p{Lu}\p{Ll}+s$/u.test(t.text) || !isPeopleWord(t.lower)) return false
  const prev = tok(ctx, k - 1)
  const opens = !prev || /^[.!?:;"“”]$/.test(prev.text) || ctx.text.slice(prev.end, t.start).includes('\n')
  return opens && !ctx.entities.entities.some((e) => e.name.toLowerCase().split(' ').includes(t.lower))
}
