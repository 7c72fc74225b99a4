/**
 * A person's role and organisation as the text describes them: the
 * appositive after the name ("Jeremy Chan, a senior analyst with the Eurasia
 * Group") or the pre-modifier before it ("RAND analyst Bruce Bennet").
 */
import { isCapitalised, stripPossessive } from './names.js'
import type { Token } from './text.js'
import { DETERMINERS, HONORIFICS, NOT_NAME, ORG_WORDS, ROLE_NOUN, actLemma, cueLemma } from './lexicon.js'
import { NAME_MODIFIERS, PLACE_NAMES, isOneWordPlace } from './places.js'
import { isNationality } from './nationalities.js'
import { isFirstName } from './firstnames.js'
import { isHonorific } from './people.js'

export interface Description {
  role: string
  organisation: string | null
  /** The organisation was written as a possessive ("Kosgei's countryman"). */
  possessive?: boolean
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
    // A line break ends the description: a headline's role does not run into the next paragraph.
    if (!t || !t.word || ROLE_PREPS.has(t.lower) || (roleWords.length > 0 && lineBreakBefore(tokens, k))) break
    if (/^(who|which|whose|said|says|told)$/.test(t.lower) || /^\d/.test(t.text)) return null
    roleWords.push(t.text)
    k++
  }
  if (roleWords.length === 0 || roleWords.every((w) => /^\p{Lu}/u.test(w))) return null
  // "Donald Trump, days after winning": a time or a clause, not a role ("after" only looks like "adviser").
  if (roleWords.some((w) => NOT_ROLE_WORD.test(w.toLowerCase()))) return null
  if (isClause(roleWords) || endsInName(roleWords)) return null
  while (roleWords.length > 1 && NOW_WORDS.has(roleWords[0]?.toLowerCase() ?? '')) roleWords.shift()
  // A description ("a much tougher character") is not a role: roles end in a role noun and carry no degree words.
  if (!isRoleHead(roleWords[roleWords.length - 1] ?? '') || roleWords.some((w) => DEGREE_WORDS.has(w.toLowerCase()))) return null
  let organisation: string | null = null
  if (ROLE_PREPS.has(tokens[k]?.lower ?? '')) organisation = capitalisedRun(tokens, k + 1)
  return { role: roleWords.join(' '), organisation }
}

/**
 * A noun that names what a person is: "analyst", "chef", "president"; not
 * a body or a thing that only ends like one ("parliament", "government",
 * "department", "agreement").
 */
function isRoleHead(word: string): boolean {
  const lower = word.toLowerCase()
  return ROLE_NOUN.test(lower) && !/^(center|centre|quarter|headquarter|parliament|government|department)$/.test(lower) && !/ment$/.test(lower)
}

/** Finite verbs that open a clause after a name ("Jo Lin, is also the head of …"). */
const FINITE = /^(is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|gave|took|made|went|came|became|met|left|won|lost|ran|began|spent|sent|led|held|got|kept)$/

/** "Luigi Di Maio, joined the talks as an observer", "…, gave his condolences": a clause after the name, not a role. */
function isClause(words: string[]): boolean {
  const lower = words.map((w) => w.toLowerCase())
  const first = lower[0] ?? ''
  if (FINITE.test(first) || cueLemma(first) || actLemma(first) || /^\p{Ll}{2,}ed$/u.test(words[0] ?? '')) return true
  return lower.slice(1).some((w) => /^(the|a|an|his|her|their|its|our|my|your)$/.test(w))
}

/** "Ann Hale, Green Party nominee Brian Carroll, …": a role followed by a first name is the next person of a list. */
function endsInName(words: string[]): boolean {
  const last = words[words.length - 1] ?? ''
  return words.length > 1 && /^\p{Lu}/u.test(last) && isFirstName(last) && !HONORIFICS.has(last.toLowerCase())
}

/** Verbs in the present that put a role noun after their object's name: "Wikinews interviews biologist Jo Lin". */
const PRESENT_VERB = /^(interviews|meets|visits|asks|contacts|joins|comes|goes|becomes|names|appoints|hires|thanks|quotes|cites|welcomes|backs|fires|replaces|succeeds|defeats|beats|faces|accuses|sues|follows|marks)$/

/** Words a pre-modifying role cannot reach across: function words, prepositions and verbs ("wrote student protester Jo Lin"). */
function endsPremodifier(tokens: Token[], k: number): boolean {
  const t = tokens[k]
  if (!t || !t.word || isCapitalised(t) || DETERMINERS.has(t.lower)) return true
  if (/^(and|or|by|to|with|said|says|told|of|in|on|at|for|from|after|before|over|under|than|about|as|via|like|against|into|onto|upon)$/.test(t.lower)) return true
  if (FINITE.test(t.lower) || PRESENT_VERB.test(t.lower) || cueLemma(t.lower) || actLemma(t.lower)) return true
  // "Wikinews contacted campaign manager Jo Lin": a past tense is the verb, unless it reads as an adjective ("retired general").
  return /^\p{Ll}{2,}ed$/u.test(t.text) && !PARTICIPLE_ADJECTIVES.has(t.lower)
}

const PARTICIPLE_ADJECTIVES = new Set(['retired', 'elected', 'appointed', 'designated', 'acclaimed', 'noted', 'renowned', 'celebrated', 'decorated', 'disgraced', 'embattled', 'licensed', 'certified', 'qualified', 'trained', 'skilled', 'talented', 'unnamed', 'unidentified', 'armed', 'accused', 'convicted', 'detained', 'jailed', 'suspected', 'alleged', 'registered', 'experienced', 'published', 'married', 'divorced', 'widowed', 'unemployed', 'self-employed', 'salaried', 'paid', 'unpaid', 'seasoned', 'respected', 'committed', 'dedicated'])

/** Words of time that say nothing of the role: "current president" is the president. */
const NOW_WORDS = new Set(['current', 'currently', 'sitting', 'present'])

/**
 * A title read before a name as the person's role, without the forms of
 * address: "Archaeologist Dr" → "Archaeologist"; "Dr" alone stays (the
 * person pages drop it).
 */
export function titleRole(title: string | null): string | null {
  if (!title) return null
  const words = title.split(/\s+/)
  const kept = words.filter((w) => !isHonorific(w))
  if (kept.length) return kept.join(' ')
  // "Mr", "Ms", "Dr" say how a person is addressed, not what they do: the description after the name does.
  return words.every((w) => COURTESY.has(w.toLowerCase().replace(/\.$/, ''))) ? null : title
}

/** Courtesy titles: never a role ("Dr Ann Lee, an economist at Bank North" is an economist). */
const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'jr', 'sr'])

function capitalisedRun(tokens: Token[], k: number): string | null {
  if (tokens[k]?.lower === 'the') k++
  const words: string[] = []
  while (k < tokens.length) {
    const t = tokens[k]
    if (!t) break
    if (isCapitalised(t) || (words.length && /^(of|for|and|&|on)$/.test(t.lower) && isCapitalised(tokens[k + 1] ?? t))) {
      // "an analyst at Moody's, …": a possessive owning no noun is the name itself; "at Moody's ratings desk" owns one.
      const possessive = /['’]s?$/u.test(t.text)
      words.push(possessive && !tokens[k + 1]?.word ? t.text : stripPossessive(t.text))
      if (possessive) break
      k++
    } else break
  }
  return words.length ? words.join(' ').replace(/ (of|for|and|&|on)$/, '') : null
}

/** "RAND analyst Bruce Bennet": lower-case role words, optionally led by an organisation name. */
export function premodifier(tokens: Token[], i: number): Description | null {
  const role: string[] = []
  let k = i
  while (k >= 0 && role.length < 3 && !endsPremodifier(tokens, k)) {
    role.unshift(tokens[k]?.text ?? '')
    k--
  }
  while (role.length > 1 && NOW_WORDS.has(role[0]?.toLowerCase() ?? '')) role.shift()
  if (role.length === 0 || !isRoleHead(role[role.length - 1] ?? '')) return null
  const possessive = /\p{L}['’]s?$/u.test(tokens[k]?.text ?? '')
  const { words: orgWords, opensSentence } = capitalisedBefore(tokens, k)
  // "Former Trump adviser": the modifier belongs to the role, not to the organisation.
  while (orgWords.length && (NAME_MODIFIERS.has(orgWords[0]?.toLowerCase() ?? '') || NOT_NAME.has(orgWords[0]?.toLowerCase() ?? ''))) {
    const lead = orgWords.shift()?.toLowerCase() ?? ''
    if (NAME_MODIFIERS.has(lead)) role.unshift(lead)
  }
  // "Greek prime minister", "Prime minister": a nationality or a title word before the role words is part of the role.
  while (orgWords.length && (isNationality(orgWords.at(-1) ?? '') || HONORIFICS.has(orgWords.at(-1)?.toLowerCase() ?? ''))) role.unshift(orgWords.pop() ?? '')
  // "Fashion designer Mary Quant" opening a sentence: a word capitalised only there is a common word of the role.
  const lead = orgWords[0] ?? ''
  if (orgWords.length === 1 && opensSentence && isCommonWord(tokens, lead)) role.unshift(orgWords.pop()?.toLowerCase() ?? '')
  return { role: role.join(' '), organisation: orgWords.length ? orgWords.join(' ') : null, possessive }
}

/**
 * The capitalised run before a pre-modifying role, with "of", "for", "and"
 * or "&" inside it ("Florida Department of Transportation official"), and
 * whether it opens its sentence.
 */
function capitalisedBefore(tokens: Token[], k: number): { words: string[]; opensSentence: boolean } {
  const words: string[] = []
  while (k >= 0 && words.length < 6) {
    const t = tokens[k]
    if (!t) break
    const joins = words.length > 0 && /^(of|for|and|&)$/.test(t.lower) && isCapitalised(tokens[k - 1] ?? t)
    if (!joins && (!isCapitalised(t) || DETERMINERS.has(t.lower) || t.lower === 'the')) break
    words.unshift(joins ? t.text : stripPossessive(t.text))
    k--
  }
  return { words, opensSentence: opensSentence(tokens, k + 1) }
}

/** More than one character between two tokens: a paragraph's end (the analyser's text separates them with a blank line). */
function lineBreakBefore(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]
  const t = tokens[i]
  return !!before && !!t && t.start - before.end > 1
}

/** Token i starts the text, a paragraph (a gap of a line break or more) or a sentence. */
function opensSentence(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]
  const t = tokens[i]
  if (!before || !t) return true
  return /^[.!?:;“"—]$/.test(before.text) || lineBreakBefore(tokens, i)
}

/**
 * A capitalised word that the text writes capitalised only where a sentence
 * opens, and that names no organisation or place by its shape: "Fashion",
 * "Regional", "Lead" (not "Google", "NASA", "Wynnum" seen mid-sentence).
 */
function isCommonWord(tokens: Token[], word: string): boolean {
  const lower = word.toLowerCase()
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || ORG_WORDS.has(lower) || PLACE_NAMES.has(lower) || isOneWordPlace(lower) || isFirstName(word)) return false
  return !midSentenceCapitals(tokens).has(lower)
}

const CAPITALS = new WeakMap<Token[], Set<string>>()

/** Words written capitalised somewhere other than at a sentence's opening. */
function midSentenceCapitals(tokens: Token[]): Set<string> {
  let seen = CAPITALS.get(tokens)
  if (seen) return seen
  seen = new Set()
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t && isCapitalised(t) && !opensSentence(tokens, i)) seen.add(stripPossessive(t.lower))
  }
  CAPITALS.set(tokens, seen)
  return seen
}

/**
 * "John Smith of the Brookings Institution", "Helen Brandt of Georgetown
 * University Law Center": the body named right after a person, when its
 * name reads as a body's ("Sanders of Vermont" is a place, not an employer).
 */
export function bodyAfterName(tokens: Token[], k: number): string | null {
  // "Mary Jones, of Harvard University, said": the same between commas.
  if (tokens[k]?.text === ',') k++
  if (!/^(of|at|with|from)$/.test(tokens[k]?.lower ?? '')) return null
  const run = capitalisedRun(tokens, k + 1)
  return run && run.split(' ').some((w) => ORG_WORDS.has(w.toLowerCase())) ? run : null
}

/**
 * "The Italian foreign minister, Luigi Di Maio, said", "The company's chief
 * executive, Raj Patel, wrote": a role set before the name between commas.
 * "The company's" refers to a body named before: not part of the role.
 */
export function frontedRole(tokens: Token[], n: { first: number; last: number }): Description | null {
  if (tokens[n.first - 1]?.text !== ',' || tokens[n.last + 1]?.text !== ',') return null
  const found = premodifier(tokens, n.first - 2)
  if (!found) return null
  const words = found.role.split(' ')
  while (words.length > 1 && /^\p{Ll}+['’]s?$/u.test(words[0] ?? '')) words.shift()
  return { ...found, role: words.join(' ') }
}
