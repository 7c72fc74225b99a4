/**
 * One person record per real person across the desk. Pure functions the
 * store calls: personKey merges spelling variants (accents, hyphens, case,
 * honorifics), matchPerson keeps namesakes apart by role, organisation and
 * the people they are mentioned with.
 */

export interface PersonEvidence {
  name: string
  role: string | null
  organisation: string | null
  /** Other people named in the same article (full names). */
  coMentions: string[]
}

export interface KnownPerson {
  id: string
  name: string
  aliases: string[]
  roles: string[]
  organisations: string[]
  coMentions: string[]
}

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'sen', 'rep', 'gov', 'gen', 'lt', 'col',
  'capt', 'sgt', 'hon', 'jr', 'sr', 'president', 'senator', 'governor', 'mayor', 'minister', 'premier',
  'chancellor', 'secretary', 'judge', 'justice', 'professor', 'doctor', 'pope', 'king', 'queen', 'prince',
  'princess', 'lord', 'lady', 'ambassador', 'representative', 'congressman', 'congresswoman', 'president-elect',
  'prime', 'chairman', 'chief', 'ii', 'iii', 'iv',
])

/**
 * A spelling-insensitive key: "Kim Jong-un", "Kim Jong Un" and "kim jong un"
 * → "kim jong un"; "José Álvarez" → "jose alvarez"; "Dr. Jane Doe" → "jane doe".
 */
export function personKey(name: string): string {
  let key = KEYS.get(name)
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear()
    key = keyOf(name)
    KEYS.set(name, key)
  }
  return key
}

/** Keys already made: an article asks for the same few names' keys many times. Bounded, cleared when full. */
const KEYS = new Map<string, string>()
const MAX_KEYS = 20_000

function keyOf(name: string): string {
  const words = foldLetters(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[‐‑‒–—-]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
  const kept = words.filter((w, i) => !(TITLES.has(w) && (i < words.length - 1 || words.length > 1)))
  return (kept.length ? kept : words).join(' ')
}

/** Letters that Unicode decomposition leaves alone but a reader takes for plain ones ("Jarosław" = "Jaroslaw"). */
const PLAIN_LETTERS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', Þ: 'Th', ı: 'i' }
const FOLDED = /[łŁøØđĐðÐßæÆœŒþÞı]/g

export function foldLetters(text: string): string {
  return text.replace(FOLDED, (c) => PLAIN_LETTERS[c] ?? c)
}

/** Forms of address that say nothing of what a person does ("Mr.", "Dr"): never a role. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'madam', 'mme', 'mlle'])

export function isHonorific(role: string): boolean {
  const words = role.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter(Boolean)
  return words.length > 0 && words.every((w) => HONORIFICS.has(w))
}

function tokens(s: string | null): Set<string> {
  return new Set(personKey(s ?? '').split(' ').filter((w) => w.length > 2))
}

/** Same word, or one the stem of the other ("russia" / "russian", "korea" / "korean"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3
}

function overlaps(a: Set<string>, list: string[]): boolean {
  for (const item of list) for (const w of tokens(item)) for (const x of a) if (sameWord(x, w)) return true
  return false
}

/** A title or honorific on its own ("President", "Minister"): not a person's name. */
export function isTitleWord(word: string): boolean {
  return TITLES.has(word.toLowerCase())
}

/** Does the candidate's key match the person's name or one of its aliases? */
function sameName(key: string, p: KnownPerson): boolean {
  return personKey(p.name) === key || p.aliases.some((a) => personKey(a) === key)
}

/**
 * Evidence score for "same person": organisation and role words shared,
 * people mentioned alongside shared; contradicting organisations count against.
 */
export function namesakeEvidence(c: PersonEvidence, p: KnownPerson): number {
  let score = 0
  const org = tokens(c.organisation)
  const role = tokens(c.role)
  if (org.size && p.organisations.length) score += overlaps(org, p.organisations) ? 2 : -2
  if (role.size && p.roles.length && overlaps(role, p.roles)) score += 1
  const co = new Set(c.coMentions.map(personKey))
  const shared = p.coMentions.filter((m) => co.has(personKey(m))).length
  score += Math.min(shared, 3)
  return score
}

/**
 * The id of the known person the candidate is, or null for a new person.
 * Same key is required; among namesakes the best-supported one wins, and a
 * namesake with contradicting evidence (another organisation, no shared
 * company) is a different person.
 */
export function matchPerson(candidate: PersonEvidence, known: KnownPerson[]): string | null {
  const key = personKey(candidate.name)
  if (!key) return null
  const same = known.filter((p) => sameName(key, p))
  if (same.length === 0) return null
  const scored = same.map((p) => ({ p, s: namesakeEvidence(candidate, p) })).sort((a, b) => b.s - a.s)
  const best = scored[0]
  if (!best) return null
  if (best.s < 0) return null
  if (same.length === 1) {
    // A lone namesake matches unless the evidence contradicts it.
    return best.s >= 0 ? best.p.id : null
  }
  // Several namesakes: only clear evidence picks one.
  const second = scored[1]
  if (best.s > 0 && (!second || best.s > second.s)) return best.p.id
  return null
}
