/**
 * People written by their initials: interviews label the turns of the
 * person interviewed "NG:" for Natasha Gownaris, sometimes after
 * introducing her as "Natasha Gownaris (NG)". A label stands for the one
 * person of the article whose initials it spells; an acronym in brackets
 * after a person's name is her initials, not an organisation's.
 */
import type { Entity } from '../domain/index.js'
import { isFirstName } from './firstnames.js'
import type { NameMention } from './names.js'
import type { Token } from './text.js'

/** The initials a person's name may be written as: every word's ("KJU"), or the first and last word's ("JC" for Jeremy R. Chan). */
function initialsOf(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w))
  if (words.length < 2) return []
  const all = words.map((w) => w[0]).join('')
  const outer = `${words[0]?.[0] ?? ''}${words[words.length - 1]?.[0] ?? ''}`
  return all === outer ? [all] : [all, outer]
}

/** The one person of the article whose initials the label spells ("NG", "N.G."), or null when none or several. */
export function personByInitials(entities: Entity[], label: string): Entity | null {
  const want = label.replace(/\./g, '')
  if (!/^\p{Lu}{2,3}$/u.test(want)) return null
  const found = entities.filter((e) => e.kind === 'person' && initialsOf(e.name).includes(want))
  return found.length === 1 ? (found[0] ?? null) : null
}

/**
 * "Natasha Gownaris (NG)": a person's name before the acronym of its
 * initials stays a person when it opens with a first name or the acronym
 * labels turns of an interview ("NG: …").
 */
export function isPersonsInitials(n: NameMention, acronym: string, tokens: Token[]): boolean {
  if (n.kind !== 'person' || !initialsOf(n.words.join(' ')).includes(acronym)) return false
  return isFirstName(n.words[0] ?? '') || tokens.some((t, i) => t.text === acronym && tokens[i + 1]?.text === ':')
}
