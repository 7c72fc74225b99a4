/**
 * Names shaped like an organisation's, and names a text uses as one. By
 * shape: an outlet's masthead ("Baltimore Sun", "Daily Telegraph"), a web
 * address ("Znak.com"), an ampersand ("PG&E"), a plural head ("National
 * Conference of State Legislatures"), a news agency's word in another
 * language ("Agence France-Presse"). By use: "the X" with no noun after it
 * ("The Baltimore Sun reported", "according to the Coast Guard."), "an X
 * reporter", "a group called X", "X reported" for a name the text gives no
 * person's sign.
 */
import { isFirstName } from './firstnames.js'
import { cueLemma } from './lexicon.js'
import type { NameMention } from './names.js'
import type { Token } from './text.js'

/** Last words of newspapers' and broadcasters' names. */
const OUTLET_HEADS = new Set([
  'sun', 'telegraph', 'guardian', 'chronicle', 'mail', 'express', 'observer', 'independent', 'examiner', 'inquirer',
  'courier', 'standard', 'mirror', 'register', 'monitor', 'bulletin', 'dispatch', 'gazette', 'times', 'post', 'herald',
  'tribune', 'journal', 'daily', 'weekly', 'today', 'insider', 'wire', 'broadcasting', 'tv', 'fm',
])

/** Words of news agencies' and papers' names in other languages, anywhere in the name: "Agence France-Presse", "Süddeutsche Zeitung". */
const OUTLET_WORDS = new Set(['agence', 'agencia', 'agenzia', 'presse', 'prensa', 'stampa', 'zeitung', 'nachrichten', 'noticias', 'notícias', 'nouvelles', 'kurier', 'gazeta', 'gazzetta', 'pravda', 'izvestia'])

/** Last words of bodies' names: "Amnesty International", "Oxfam Worldwide". */
const BODY_TAILS = new Set(['international', 'worldwide', 'global', 'incorporated', 'limited', 'unlimited'])

/** "Znak.com", "Meduza.io": a web address. */
const WEB_ADDRESS = /\.(com|org|net|io|info|news|ru|co|uk|de|fr|in)$/i

/** "Legislatures", "Operations", "Communities": the plural of an abstract noun, no family name. */
const ABSTRACT_PLURAL = /\p{L}{3,}(tions|sions|ments|ures|ities|ships|ances|ences|nesses)$/u

/**
 * Well-known firms and outlets named like a person ("Goldman Sachs said …",
 * "Al Jazeera said …"): nothing in their shape tells them from people, and
 * they speak in the news every day.
 */
const PERSON_SHAPED_BODIES = new Set(
  [
    'goldman sachs', 'morgan stanley', 'wells fargo', 'dow jones', 'charles schwab', 'merrill lynch', 'lehman brothers',
    'edward jones', 'raymond james', 'jp morgan', 'j.p. morgan', 'bain capital',
    'al jazeera', 'al arabiya', 'thomson reuters', 'warner bros', 'walt disney', 'estée lauder', 'estee lauder', 'ralph lauren',
    'louis vuitton', 'christian dior', 'calvin klein', 'tommy hilfiger', 'hugo boss', 'harley davidson', 'harley-davidson',
    'rolls royce', 'rolls-royce', 'aston martin', 'mercedes benz', 'mercedes-benz', 'john lewis', 'baker mckenzie',
    'sherwin williams', 'sherwin-williams', 'johnson controls',
  ].map((n) => n.split(/\s+/).join(' ')),
)

/** Does the name's own shape make it an organisation's? */
export function hasOrganisationShape(words: string[]): boolean {
  const last = words[words.length - 1] ?? ''
  if (PERSON_SHAPED_BODIES.has(words.join(' ').toLowerCase())) return true
  if (words.some((w) => WEB_ADDRESS.test(w) || /\p{L}&\p{L}/u.test(w))) return true
  if (words.some((w) => w.toLowerCase().split('-').some((part) => OUTLET_WORDS.has(part)))) return true
  if (words.length < 2 || isFirstName(words[0] ?? '')) return false
  return OUTLET_HEADS.has(last.toLowerCase()) || BODY_TAILS.has(last.toLowerCase()) || ABSTRACT_PLURAL.test(last)
}

/** Journalists and their work, after an outlet's name. */
const MEDIA_STAFF = /^(reporters?|correspondents?|journalists?|columnists?|anchors?|presenters?|editors?|documentary|broadcast|newsroom|crew)$/

/** Nouns of a body that names itself after "called" or "named": "a group called …". */
const BODY_NOUNS = /^(group|organi[sz]ation|company|firm|network|collective|charity|union|movement|party|band|website|site|outlet|newspaper|magazine|channel|app|association|society|club|foundation|agency|coalition|campaign|initiative|project|programme|program|body)$/

/** Heads of an appositive that describe a body, not a person: "Magyar Nemzet, a Hungarian daily newspaper". */
const BODY_HEADS = /^(newspaper|paper|daily|weekly|tabloid|magazine|broadsheet|outlet|website|channel|network|company|firm|airline|carrier|manufacturer|automaker|retailer|insurer|lender|startup|brand|label|band|charity|organi[sz]ation|agency|group|party|club|team|franchise|distribution|app|platform|broadcaster)$/

/** "Hungarian daily newspaper Magyar Nemzet": a role that names a body, not a person. */
export function describesBody(role: string): boolean {
  return BODY_HEADS.test(role.split(/\s+/).pop()?.toLowerCase() ?? '')
}

/** "Magyar Nemzet, a Hungarian daily newspaper,", "Mahan Air, an Iranian airline.": the appositive at token i describes a body. */
export function bodyAppositive(tokens: Token[], i: number): boolean {
  if (tokens[i]?.text !== ',' || !/^(a|an|the)$/.test(tokens[i + 1]?.lower ?? '')) return false
  for (let k = i + 2; k < i + 7; k++) {
    const t = tokens[k]
    if (!t || !t.word || /^(of|for|at|with|in|from|to|by|on|who|which|that)$/.test(t.lower)) return false
    if (BODY_HEADS.test(t.lower) && !tokens[k + 1]?.word) return true
  }
  return false
}

/** An earlier name mention of the text, seen as used like an organisation's rather than a person's. */
export function usedAsOrganisation(tokens: Token[], n: NameMention): boolean {
  const before = tokens[n.first - 1]
  const after = tokens[n.last + 1]
  if (before?.lower === 'the' && !nounAfter(tokens, n.last + 1)) return true
  // "an Al Jazeera reporter": a name that qualifies a journalist is an outlet's ("a Trump supporter" is not a journalist).
  if (/^(a|an|the)$/.test(before?.lower ?? '') && MEDIA_STAFF.test(after?.lower ?? '')) return true
  const called = /^["“]$/.test(before?.text ?? '') ? n.first - 2 : n.first - 1
  if (/^(called|named)$/.test(tokens[called]?.lower ?? '') && BODY_NOUNS.test(tokens[called - 1]?.lower ?? '')) return true
  return followedByIt(tokens, n)
}

/** "Znak.com claims … . It said …": a subject the next sentence takes up as "it" speaking is a body. */
function followedByIt(tokens: Token[], n: NameMention): boolean {
  const before = tokens[n.first - 1]
  if (before && !/^[.!?]$/.test(before.text) && (tokens[n.first]?.start ?? 0) - before.end <= 1) return false
  let k = n.last + 1
  while (k < tokens.length && k < n.last + 60 && !/^[.!?]$/.test(tokens[k]?.text ?? '')) k++
  const it = tokens[k + 1]
  const verb = tokens[k + 2]
  return it?.text === 'It' && !!verb && !!cueLemma(verb.lower) && verb.lower !== cueLemma(verb.lower)
}

/** "X reported that …": outlets report; a person who does is known otherwise (a role, a title, a family name alone). */
export function reports(tokens: Token[], n: NameMention): boolean {
  return /^(reported|reports)$/.test(tokens[n.last + 1]?.lower ?? '')
}

/**
 * "the Trump administration", "the Punta Tombo breeding site": a lower-case
 * noun (or a word in -ing before one) after the name makes it a modifier; a
 * verb or a mark does not ("the Coast Guard seeking to clarify").
 */
function nounAfter(tokens: Token[], k: number): boolean {
  const t = tokens[k]
  if (!t || !t.word || t.text !== t.lower) return false
  if (/^\p{Ll}+ing$/u.test(t.text)) return isNoun(tokens[k + 1])
  if (/^\p{Ll}+ed$/u.test(t.text) || cueLemma(t.lower)) return false
  return isNoun(t)
}

function isNoun(t: Token | undefined): boolean {
  if (!t || !t.word || t.text !== t.lower) return false
  return !/^(is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|and|or|on|in|at|for|of|to|with|from|by|as|that|which|who|the|a|an|his|her|its|their)$/.test(t.lower)
}
