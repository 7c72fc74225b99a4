/**
 * Capitalised name mentions and their classification (person, organisation,
 * place). Rules on capitalisation and small word lists: an unknown single
 * capitalised word is only a person when it matches a full name seen earlier
 * or carries an honorific.
 */
import type { EntityKind, Span } from '../domain/index.js'
import { isOneWordPlace, NAME_MODIFIERS, PLACE_NAMES } from './places.js'
import { GENERIC_BODY, HONORIFICS, NOT_NAME, ORG_WORDS, ROLE_NOUN } from './lexicon.js'
import type { Token } from './text.js'
import { isFirstName } from './firstnames.js'
import { isOpeningAdverb } from './openers.js'
import { hasOrganisationShape } from './orgshape.js'

export interface NameMention extends Span {
  /** Name words without honorific or possessive: ["Jeremy", "Chan"]. */
  words: string[]
  kind: EntityKind | 'unknown'
  /** A title or honorific directly before the name ("President-elect", "Dr."). */
  title: string | null
  /** Index of the first and last token of the name in the token array. */
  first: number
  last: number
}

const CONNECTORS = new Set(['de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'le', 'la', 'du', 'al', 'bin', 'ibn', 'el', 'dos', 'das', 'st.'])
const ORG_CONNECTORS = new Set(['for', 'of', '&', 'and', 'on'])
const NATIONAL = new Set(['canada', 'canadian', 'american', 'america', 'british', 'chinese', 'china', 'russian', 'russia', 'french', 'france', 'german', 'germany', 'mexican', 'mexico', 'indian', 'india', 'japanese', 'japan', 'korean', 'european', 'african', 'asian', 'israeli', 'israel', 'iranian', 'iran', 'syrian', 'syria', 'ukrainian', 'ukraine', 'italian', 'italy', 'spanish', 'spain', 'australian', 'australia', 'scotia', 'ontario', 'quebec', 'alberta', 'manitoba', 'saskatchewan', 'brunswick', 'labrador', 'yukon', 'nunavut', 'columbia', 'black', 'white', 'indigenous', 'catholic', 'muslim', 'jewish', 'christian', 'republican', 'democrat', 'democratic', 'liberal', 'conservative', 'texas', 'california', 'florida', 'ohio', 'virginia', 'iowa', 'washington', 'vancouver', 'toronto', 'montreal', 'ottawa', 'calgary', 'edmonton', 'winnipeg', 'halifax', 'london', 'paris', 'beijing', 'moscow', 'general', 'charter', 'continued', 'below', 'above'])
const PLACE_FIRST = new Set(['middle', 'north', 'south', 'east', 'west', 'new', 'los', 'las', 'san', 'santa', 'hong', 'upper', 'lower', 'central', 'northern', 'southern', 'eastern', 'western', 'united', 'great', 'greater', 'fort', 'port', 'lake', 'mount', 'cape', 'sri', 'saudi', 'el'])
const PLACE_LAST = new Set(['korea', 'states', 'kingdom', 'york', 'city', 'county', 'island', 'islands', 'republic', 'province', 'street', 'avenue', 'road', 'park', 'valley', 'river', 'lake', 'mountains', 'beach', 'bay', 'coast', 'peninsula', 'sea', 'ocean', 'america', 'africa', 'asia', 'europe', 'east', 'carolina', 'dakota', 'jersey', 'zealand', 'arabia', 'columbia', 'angeles', 'francisco', 'vegas', 'kong', 'square', 'hill', 'heights', 'falls', 'airport', 'station', 'stadium', 'arena', 'bridge', 'highway', 'territory', 'territories', 'region', 'district', 'village', 'town', 'hall', 'war', 'ii', 'day', 'cup', 'games', 'olympics', 'summit', 'award', 'awards', 'prize', 'act', 'bill', 'series', 'championship', 'open', 'challenge', 'conference', 'expo', 'week', 'month', 'year', 'christmas', 'eve', 'festival', 'show', 'gulf', 'strait', 'canal', 'border', 'wall', 'plan', 'deal', 'agreement', 'treaty', 'accord', 'order', 'rule', 'law', 'code', 'budget', 'tower', 'building', 'centre', 'center', 'rd', 'st', 'ave', 'dr.'])

const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/

/** Occupations written before a name like a title: "Author Cecil Foster", "Cartoonist Andre Campbell". */
const ROLE_TITLES = new Set(['author', 'writer', 'reporter', 'novelist', 'journalist', 'columnist', 'historian', 'economist', 'analyst', 'artist', 'singer', 'actor', 'actress', 'producer', 'photographer', 'cartoonist', 'poet', 'lawyer', 'researcher', 'scientist', 'chef', 'designer', 'filmmaker', 'comedian', 'activist', 'porter', 'rapper', 'musician', 'player', 'striker', 'goalkeeper', 'quarterback', 'entrepreneur', 'founder', 'owner', 'spokesman', 'spokeswoman', 'spokesperson'])

const COMMON_LEAD = new Set(['international', 'arab', 'middle', 'red', 'blue', 'green', 'yellow', 'orange', 'purple', 'golden', 'silver', 'gold', 'grand', 'royal', 'big', 'little', 'old', 'open', 'free', 'global', 'digital', 'social', 'smart', 'happy', 'real', 'good', 'best', 'first', 'prime', 'blackstone', 'iron', 'steel', 'sun', 'moon', 'star', 'sky', 'blackberry', 'high', 'low', 'deep', 'wild', 'super', 'mega', 'hyper', 'all', 'elite', 'world', 'team', 'planet', 'human', 'civil', 'public', 'private'])

export function isCapitalised(t: Token): boolean {
  if (!t.word) return false
  // Most words are ASCII: a range check, no regular expression (a hot path of the analyser).
  const first = t.text.charCodeAt(0)
  return first < 128 ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(t.text)
}

function isNameWord(t: Token): boolean {
  if (!isCapitalised(t)) return false
  return !NOT_NAME.has(stripPossessive(t.lower).replace(/\.$/, ''))
}

/** "Russia’s" → "Russia". */
export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '').replace(/['’]$/u, '')
}

function possessiveCut(t: Token): number {
  const m = /['’]s?$/u.exec(t.text)
  return m ? t.end - m[0].length : t.end
}

/** Name mentions in the tokens, in order. */
export function findNames(tokens: Token[]): NameMention[] {
  const out: NameMention[] = []
  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]
    if (!t || !isCapitalised(t)) {
      i++
      continue
    }
    const j = extend(tokens, i)
    const mention = classify(tokens, i, j)
    if (mention) out.push(mention)
    i = j + 1
  }
  return withPartners(out, tokens)
}

/** "Kim and Clark Moran": a single unclassified name before "and" and a full name is the other person of a couple, named as written. */
function withPartners(names: NameMention[], tokens: Token[]): NameMention[] {
  return names.map((n, k) => {
    const next = names[k + 1]
    // A place or a body there ("Ottawa and Mary Moran") keeps its kind.
    const pair = n.kind === 'unknown' && n.words.length === 1 && tokens[n.last + 1]?.lower === 'and' && next?.first === n.last + 2
    return pair && next.kind === 'person' && next.words.length === 2 ? { ...n, kind: 'person' } : n
  })
}

/** Speech verbs a headline capitalises after its speaker ("Mayor Ruiz Vows To …"). */
const HEADLINE_VERB = /^(says|said|vows|urges|slams|warns|blasts|reveals|praises|endorses|denies|admits|calls|rips|tells)$/

/** Last token index of the capitalised run starting at i. */
function extend(tokens: Token[], i: number): number {
  let j = i
  for (;;) {
    const cur = tokens[j]
    if (!cur) return j
    // "the Prime Minister’s Office", "the Mayor’s Office": a title's office is one organisation.
    if (/['’]s?$/u.test(cur.text) && !(HONORIFICS.has(stripPossessive(cur.lower)) && ORG_WORDS.has(tokens[j + 1]?.lower ?? ''))) return j
    const next = tokens[j + 1]
    if (!next || next.start - cur.end > 1) return j
    // "the Globe and Mail Thursday": a weekday is never part of a name; nor is a title's "Says" or "Vows".
    if (isCapitalised(next) && !WEEKDAY.test(next.lower) && !HEADLINE_VERB.test(next.lower)) {
      j++
      continue
    }
    const after = tokens[j + 2]
    // "Procter & Gamble", "Marks & Spencer": an ampersand between capitalised words joins a firm's name.
    const joins = CONNECTORS.has(next.lower) || next.text === '&' || (ORG_CONNECTORS.has(next.lower) && hasOrgWord(tokens, i, j))
    if (joins && after && isCapitalised(after) && after.start - next.end <= 1) {
      j += 2
      continue
    }
    return j
  }
}

function hasOrgWord(tokens: Token[], i: number, j: number): boolean {
  return i <= j && (orgAhead(tokens)[Math.max(0, i)] ?? Infinity) <= j
}

/**
 * Per token, the index of the next organisation word at or after it: one
 * pass per text, kept. Asked once per word of a run of capitals, a scan of
 * the run would cost a run of thousands ("Mr. Mr. Mr. …") millions of steps.
 */
const ORG_AHEAD = new WeakMap<Token[], Int32Array>()

function orgAhead(tokens: Token[]): Int32Array {
  let next = ORG_AHEAD.get(tokens)
  if (next) return next
  next = new Int32Array(tokens.length + 1).fill(tokens.length)
  for (let k = tokens.length - 1; k >= 0; k--) next[k] = ORG_WORDS.has(stripPossessive(tokens[k]?.lower ?? '')) ? k : (next[k + 1] ?? tokens.length)
  ORG_AHEAD.set(tokens, next)
  return next
}

function classify(tokens: Token[], i: number, j: number): NameMention | null {
  let first = i
  const titles: string[] = []
  while (first <= j) {
    const t = tokens[first]
    if (!t) break
    const bare = stripPossessive(t.lower).replace(/\.$/, '')
    if (HONORIFICS.has(bare) && first < j && !hasOrgWord(tokens, first + 1, j)) titles.push(t.text)
    else if (first < j && /-(based|born|area|headquartered|owned|run|old)$/.test(bare)) {
      /* "Calgary-based Suncor Energy", "Fourteen-year-old Zoe": a modifier, not part of the name */
    } else if (first < j && bare.length > 5 && bare.endsWith('ing')) {
      /* a sentence-initial gerund: "Knowing Bardos" */
    } else if (!isNameWord(t) || (first < j && NAME_MODIFIERS.has(bare)) || (first < j && isOpeningAdverb(tokens, first))) {
      /* sentence openers ("Afterwards Trump", "Finally Chan"); "Former Trump adviser …" */
    } else if (j - first >= 2 && PLACE_NAMES.has(bare) && !isFirstName(t.text) && isFirstName(tokens[first + 1]?.text ?? '')) {
      /* "Vermont Bernie Sanders": a place before a first name is not part of the name */
    } else if (first === i && j - first >= 2 && endsTitleOrOpens(tokens, i) && !isFirstName(t.text) && isFirstName(tokens[first + 1]?.text ?? '')) {
      /* "Secretary of State Mike Pompeo", "Businessman Don Blankenship": the word before a first name ends a title or opens the sentence */
    } else if (first === i && j - first >= 2 && PLACE_NAMES.has(bare) && titleOf(tokens, i)) {
      /* "President of Argentina Alberto Fernández": the country ends the title */
    } else break
    first++
  }
  if (first > j) return null
  first = cutInnerTitle(tokens, first, j, titles)
  if (first === i) first = afterTitleOf(tokens, first, j, titles)
  // "Author Dorothy Brandt", "Democrat Chuck Schumer", "Co-developer Jing Wang", "Assemblywoman Selena Torres": a capitalised role word before a name.
  const lead = tokens[first]
  const roleLike = !isFirstName(lead?.text ?? '') && (isFirstName(tokens[first + 1]?.text ?? '') ? ROLE_NOUN.test(lead?.lower ?? '') || PARTY_MEMBER.test(lead?.lower ?? '') : COMPOUND_ROLE.test(lead?.lower ?? '') || occupationBefore(tokens, first, j))
  if (lead && j - first >= 2 && (roleLike || ROLE_TITLES.has(lead.lower))) {
    titles.push(lead.text)
    first++
  }
  const lastTok = tokens[j]
  const firstTok = tokens[first]
  if (!lastTok || !firstTok) return null
  const words = tokens.slice(first, j + 1).map((t, i, all) => (i === all.length - 1 ? stripPossessive(t.text) : t.text))
  const title = titles.length ? titles.join(' ') : null
  return { start: firstTok.start, end: possessiveCut(lastTok), words, kind: kindOf(words, title), title, first, last: j }
}

/**
 * The first word of a run of capitals that ends a title ("Secretary of State
 * …", "First Minister of Scotland …") or, shaped like an occupation, opens a
 * sentence ("Businessman …", "Podcaster …").
 */
function endsTitleOrOpens(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]
  if (before?.lower === 'of') return isCapitalised(tokens[i - 2] ?? before)
  return (!before || SENTENCE_OPENERS.has(before.text)) && OCCUPATION_SHAPE.test(tokens[i]?.lower ?? '')
}

/**
 * "Director of National Intelligence John Ratcliffe": after a title and
 * "of", the words before the first given name end the title.
 */
function afterTitleOf(tokens: Token[], first: number, j: number, titles: string[]): number {
  if (!titleOf(tokens, first)) return first
  for (let f = first + 1; f < j; f++) {
    if (!isFirstName(tokens[f]?.text ?? '')) continue
    titles.push(tokens[first - 2]?.text ?? '', 'of')
    for (let x = first; x < f; x++) titles.push(tokens[x]?.text ?? '')
    return f
  }
  // "Secretary of State Corey Stapleton": with no known given name, one word ends the title before a two-word name.
  const rest = tokens.slice(first + 1, j + 1).map((t) => stripPossessive(t.text))
  if (j - first !== 2 || kindOf(rest, null) !== 'person' || rest.some((w) => PLACE_NAMES.has(w.toLowerCase()))) return first
  titles.push(tokens[first - 2]?.text ?? '', 'of', tokens[first]?.text ?? '')
  return first + 1
}

/** "President of Argentina": a title, "of", then the place it ends with. */
function titleOf(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.lower === 'of' && HONORIFICS.has(stripPossessive(tokens[i - 2]?.lower ?? '').replace(/\.$/, ''))
}

/** "Co-developer", "Vice-chairman", "Businessman", "Assemblywoman": role words that are never a given name. */
const COMPOUND_ROLE = /^(?:(co|vice|ex|deputy|assistant)-\p{Ll}+|\p{Ll}{3,}(?:man|woman|person))$/u

/**
 * "Prosecutor Krzysztof Sierak … Sierak said": a word shaped like an
 * occupation before a name whose family name the text also uses alone.
 */
function occupationBefore(tokens: Token[], first: number, j: number): boolean {
  const lead = tokens[first]
  const last = tokens[j]
  if (!lead || !last || j - first < 2 || !/(?:er|or|ist)$/.test(lead.lower)) return false
  // "Procter & Gamble": the words after the occupation must read as a person's name.
  const rest = tokens.slice(first + 1, j + 1).map((t) => stripPossessive(t.text))
  if (!rest.every(looksLikeNameWord) || kindOf(rest, null) !== 'person') return false
  const family = stripPossessive(last.text)
  return tokens.some((t, k) => k !== j && stripPossessive(t.text) === family && standsAlone(tokens, k))
}

/** A word with no capitalised word right beside it and no "the" before it: a family name used alone. */
function standsAlone(tokens: Token[], k: number): boolean {
  const t = tokens[k]
  const before = tokens[k - 1]
  const after = tokens[k + 1]
  if (!t || before?.lower === 'the') return false
  const joinedBefore = !!before && isCapitalised(before) && t.start - before.end <= 1
  const joinedAfter = !!after && isCapitalised(after) && after.start - t.end <= 1
  return !joinedBefore && !joinedAfter
}

/** "Democrat Chuck Schumer": a party's member named before the name. */
const PARTY_MEMBER = /^(democrat|republican|labourite|tory|socialist|communist|liberal|conservative|independent)$/

const OCCUPATION_SHAPE = /[a-z](?:man|woman|er|or|ist|ian|naut|ant|ent)$/

const SENTENCE_OPENERS = new Set(['.', '!', '?', '“', '"', ':', '—'])

/** "Jr.", "Sr.": they follow a name, and what follows them is no name of that person ("Martin Luther King Jr. Day"). */
const NAME_SUFFIXES = new Set(['jr', 'sr'])

/** Heads of a body of the armed or public services: "Coast Guard", "Border Patrol", "Marine Corps". */
const SERVICE_HEADS = new Set(['guard', 'guards', 'corps', 'brigade', 'brigades', 'regiment', 'battalion', 'patrol', 'fleet', 'squadron', 'militia'])

/** Role heads that end a title written in capitals before a name: "Divisional Railway Manager Aparna Garg". */
export const INNER_TITLES = new Set(['manager', 'spokesperson', 'spokesman', 'spokeswoman', 'administrator', 'editor', 'correspondent', 'coordinator', 'founder', 'co-founder', 'master', 'person', 'executive', 'engineer', 'economist', 'analyst'])

/** Titles that end no family name ("King", "Major", "Bishop", "Judge" do). */
const TITLE_ENDS = new Set([...INNER_TITLES, ...[...HONORIFICS].filter((w) => !/^(king|major|bishop|judge|brother|sister|saint|father|lord|lady|prince|princess|queen|pope|general|chief|doctor|justice|st|jr|sr|rev|hon|gen|col|lt|capt|sgt)$/.test(w))])

/** "Conservative Leader Andrew Scheer": the name starts after the last title word (not in organisations). */
function cutInnerTitle(tokens: Token[], first: number, j: number, titles: string[]): number {
  const bares = tokens.slice(first, j + 1).map((t) => stripPossessive(t.lower).replace(/\.$/, ''))
  // "Martin Luther King Jr. Day": a run with a suffix holds a whole name; its "King" is no title.
  if (bares.some((b) => NAME_SUFFIXES.has(b))) return first
  for (let k = j - 1; k >= first; k--) {
    const bare = bares[k - first] ?? ''
    if (!HONORIFICS.has(bare) && !INNER_TITLES.has(bare)) continue
    // "Health Minister Randy Delorey" is a person; "Minister of Health Services" is not.
    if (hasOrgWord(tokens, k + 1, j)) return first
    for (let x = first; x <= k; x++) titles.push(tokens[x]?.text ?? '')
    return k + 1
  }
  return first
}

/** The kind a name's words alone give it ("China's Guangdong Province" → place), for a speaker no entity stands for. */
export function nameKind(name: string): EntityKind | 'unknown' {
  return kindOf(name.split(/\s+/).map(stripPossessive), null)
}

function kindOf(words: string[], title: string | null): EntityKind | 'unknown' {
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''))
  if (words.length === 1 && isOneWordPlace(lower[0] ?? '')) return 'place'
  // "Bank raises rates", "Council votes": a body's common noun capitalised in a title names no body.
  if (words.length === 1 && GENERIC_BODY.has(lower[0] ?? '')) return 'unknown'
  // "North Korean", "South African": a nationality; "World War II", "Cold War": an event.
  if (words.length > 1 && (NATIONAL.has(lower[lower.length - 1] ?? '') && /(?:an|ese|ish)$/.test(lower[lower.length - 1] ?? ''))) return 'unknown'
  if (lower.includes('war') && !lower.some((w) => ORG_WORDS.has(w))) return 'unknown'
  if (hasOrganisationShape(words)) return 'organisation'
  // "Christopher House", "Jane Post": a first name makes a person even before an organisation word.
  if (words.length === 2 && isFirstName(words[0] ?? '') && words.every(looksLikeNameWord)) return 'person'
  if (lower.some((w) => ORG_WORDS.has(w) || w === '&')) return 'organisation'
  if (words.some((w) => /^\p{Lu}{2,}$/u.test(w) && !/^[IVX]+$/.test(w))) return 'organisation'
  // "Coast Guard", "Revolutionary Guards": a body of the armed or public services.
  if (words.length > 1 && SERVICE_HEADS.has(lower[lower.length - 1] ?? '')) return 'organisation'
  if (title && !/^the$/i.test(title)) return 'person'
  if (PLACE_FIRST.has(lower[0] ?? '') || PLACE_LAST.has(lower[lower.length - 1] ?? '')) return 'place'
  if (lower.some((w) => NATIONAL.has(w))) return 'unknown'
  // "Divisional Railway Manager", "Time Person", "Current Director": a capitalised role is no one's name.
  if (words.length > 1 && TITLE_ENDS.has(lower[lower.length - 1] ?? '') && !isFirstName(words[0] ?? '')) return 'unknown'
  // "Red Hat", "Golden Dawn": a common word leading the name makes it a brand or a body, not a person.
  if (COMMON_LEAD.has(lower[0] ?? '') && !isFirstName(words[0] ?? '')) return 'organisation'
  if (words.length >= 2 && words.length <= 4 && words.every(looksLikeNameWord)) return 'person'
  return 'unknown'
}

function looksLikeNameWord(w: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]*[\p{Ll}]$|^\p{Lu}\.$|^\p{Lu}[\p{Ll}]*-\p{Lu}?[\p{Ll}]+$|^(?:Mc|Mac|O'|O’|D'|D’)\p{Lu}\p{Ll}+$/u.test(w) || /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u.test(w)
}
