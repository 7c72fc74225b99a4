/**
 * A person's role and organisation as the text describes them: the
 * appositive after the name ("Jeremy Chan, a senior analyst with the Eurasia
 * Group") or the pre-modifier before it ("RAND analyst Bruce Bennet").
 */
import { isCapitalised, stripPossessive } from './names.js'
import type { Token } from './text.js'
import { DETERMINERS, NOT_NAME, ROLE_NOUN } from './lexicon.js'
import { NAME_MODIFIERS } from './places.js'

export interface Description {
  role: string
  organisation: string | null
}

const ROLE_PREPS = new Set(['with', 'at', 'of', 'for', 'from', 'in'])
const NOT_ROLE_WORD = /^(after|before|since|until|during|days?|weeks?|months?|years?|hours?|ago|later|earlier|then|when|while|than|not|never|still|just|once|again|over|under|other|another|ever|whether|either|neither|rather)$/

const DEGREE_WORDS = new Set(['much', 'more', 'most', 'very', 'so', 'too', 'less', 'least', 'rather', 'quite', 'far'])

export function appositive(tokens: Token[], i: number): Description | null {
  if (tokens[i]?.text !== ',') return null
  let k = i + 1
  if (DETERMINERS.has(tokens[k]?.lower ?? '')) k++
  const roleWords: string[] = []
  while (k < tokens.length && roleWords.length < 6) {
    const t = tokens[k]
    if (!t || !t.word || ROLE_PREPS.has(t.lower)) break
    if (/^(who|which|whose|said|says|told)$/.test(t.lower) || /^\d/.test(t.text)) return null
    roleWords.push(t.text)
    k++
  }
  if (roleWords.length === 0 || roleWords.every((w) => /^\p{Lu}/u.test(w))) return null
  // "Donald Trump, days after winning": a time or a clause, not a role ("after" only looks like "adviser").
  if (roleWords.some((w) => NOT_ROLE_WORD.test(w.toLowerCase()))) return null
  // A description ("a much tougher character") is not a role: roles end in a role noun and carry no degree words.
  if (!ROLE_NOUN.test(roleWords[roleWords.length - 1] ?? '') || roleWords.some((w) => DEGREE_WORDS.has(w.toLowerCase()))) return null
  let organisation: string | null = null
  if (ROLE_PREPS.has(tokens[k]?.lower ?? '')) organisation = capitalisedRun(tokens, k + 1)
  return { role: roleWords.join(' '), organisation }
}

function capitalisedRun(tokens: Token[], k: number): string | null {
  if (tokens[k]?.lower === 'the') k++
  const words: string[] = []
  while (k < tokens.length) {
    const t = tokens[k]
    if (!t) break
    if (isCapitalised(t) || (words.length && /^(of|for|and|&|on)$/.test(t.lower) && isCapitalised(tokens[k + 1] ?? t))) {
      words.push(stripPossessive(t.text))
      if (/['’]s?$/u.test(t.text)) break
      k++
    } else break
  }
  return words.length ? words.join(' ').replace(/ (of|for|and|&|on)$/, '') : null
}


/** "RAND analyst Bruce Bennet": lower-case role words, optionally led by an organisation name. */
export function premodifier(tokens: Token[], i: number): Description | null {
  const role: string[] = []
  let k = i
  while (k >= 0 && role.length < 3) {
    const t = tokens[k]
    if (!t || !t.word || isCapitalised(t) || DETERMINERS.has(t.lower) || /^(and|or|by|to|with|said|says|told|of|in|on|at|for|from)$/.test(t.lower)) break
    role.unshift(t.text)
    k--
  }
  if (role.length === 0 || !ROLE_NOUN.test(role[role.length - 1] ?? '')) return null
  const orgWords: string[] = []
  while (k >= 0 && orgWords.length < 4) {
    const t = tokens[k]
    if (!t || !isCapitalised(t) || DETERMINERS.has(t.lower) || t.lower === 'the') break
    orgWords.unshift(stripPossessive(t.text))
    k--
  }
  // "Former Trump adviser": the modifier belongs to the role, not to the organisation.
  while (orgWords.length && (NAME_MODIFIERS.has(orgWords[0]?.toLowerCase() ?? '') || NOT_NAME.has(orgWords[0]?.toLowerCase() ?? ''))) {
    const lead = orgWords.shift()?.toLowerCase() ?? ''
    if (NAME_MODIFIERS.has(lead)) role.unshift(lead)
  }
  return { role: role.join(' '), organisation: orgWords.length ? orgWords.join(' ') : null }
}
