/**
 * Short forms of names seen in full: a family name alone ("Chan" → Jeremy
 * Chan), a family name with its particles ("La Riva" → Gloria La Riva, "De
 * La Fuente" → Roque De La Fuente), an organisation's first word ("Suncor"
 * → Suncor Energy).
 */
import type { Entity } from '../domain/index.js'
import { FAMILY_PARTICLES } from './lexicon.js'
import { personKey } from './people.js'

/** An entity while the article's names are read (see entities.ts). */
export interface EntityDraft extends Entity {
  words: string[]
  keys: string[]
  lastSeen: number
  shortForms: number
  /** Whether the first mention of the full name comes after "the". */
  introduced?: boolean
}

/** Name words that open with a particle and so are a family name on their own ("La Riva", "De La Fuente"). */
export function isParticleFamilyName(words: string[]): boolean {
  return words.length >= 2 && FAMILY_PARTICLES.has(words[0]?.toLowerCase() ?? '')
}

/** Does the full name's keys end with the short form's ("gloria la riva" ends with "la riva")? */
function endsWith(full: string[], short: string[]): boolean {
  return short.length < full.length && short.every((k, i) => full[full.length - short.length + i] === k)
}

/** Is `words` a short form of the full name with keys `dk`? */
function shortens(dk: string[], keys: string[]): boolean {
  if (keys.length === 1) return dk[dk.length - 1] === keys[0] || dk[0] === keys[0]
  // "La Riva": a family name with its particles is the end of the full name.
  if (FAMILY_PARTICLES.has(keys[0] ?? '')) return endsWith(dk, keys)
  return keys.every((k) => dk.includes(k))
}

/**
 * The person a short form refers to: among the full names seen so far that
 * contain it, the most mentioned (the article's subject), then the most recent.
 */
export function shortFormOf(words: string[], drafts: EntityDraft[]): EntityDraft | null {
  let best: EntityDraft | null = null
  const keys = words.map((w) => personKey(w))
  for (const d of drafts) {
    if (d.kind !== 'person' || d.words.length <= words.length || !shortens(d.keys, keys)) continue
    if (!best || d.mentions.length > best.mentions.length || (d.mentions.length === best.mentions.length && d.lastSeen > best.lastSeen)) best = d
  }
  return best
}

/**
 * A family name used before the full name ("President Trump" in the headline,
 * "President Donald Trump" further down; "La Riva", then "Gloria La Riva") is
 * that person when the article has exactly one full name of the family: its
 * mentions join the full name's.
 */
export function foldEarlyShortForms(drafts: EntityDraft[], byStart: Map<number, string>): void {
  for (const short of drafts.filter((d) => d.kind === 'person' && (d.words.length === 1 || isParticleFamilyName(d.words)))) {
    const full = drafts.filter((d) => d.kind === 'person' && d.words.length > short.words.length && shortens(d.keys, short.keys))
    const target = full.length === 1 ? full[0] : undefined
    if (!target || (short.mentions[0]?.start ?? 0) > (target.mentions[0]?.start ?? 0)) continue
    target.mentions = [...short.mentions, ...target.mentions].sort((a, b) => a.start - b.start)
    target.shortForms += short.mentions.length
    target.role = target.role ?? short.role
    for (const m of short.mentions) byStart.set(m.start, target.id)
    drafts.splice(drafts.indexOf(short), 1)
  }
}

/** "Suncor" → "Suncor Energy": an organisation named by its first word after its full name. */
export function orgShortForm(word: string, drafts: EntityDraft[]): EntityDraft | null {
  const key = personKey(word)
  if (key.length < 3) return null
  return drafts.find((d) => d.kind === 'organisation' && d.words.length > 1 && d.keys[0] === key) ?? null
}
