/**
 * "One of the doctors who signed the letter called …", "An official with
 * Harbour Safety Services who was in court told …": the phrase before a
 * restrictive "who" is the subject, not a noun inside the relative clause.
 */
import { isQuotedToken, type Context } from './context.js'
import { isVerbLike } from './descriptions.js'
import { make, mentionEndingAt, tok, type Mention } from './mentions.js'

const OPENER = /^(but|and|yet|still|so|now)$/
const BREAK = /^[,;:()—–"“”]$/

/** The "who" opening a relative clause after the sentence's first phrase, between `from` and `to`; -1 if none. */
export function relativeWho(ctx: Context, from: number, to: number): number {
  let s = from
  while (s < to && (!tok(ctx, s)?.word || OPENER.test(tok(ctx, s)?.lower ?? ''))) s++
  const first = tok(ctx, s)
  if (!first || !/^\p{Lu}/u.test(first.text)) return -1
  for (let i = s + 1; i < to && i <= s + 10; i++) {
    const t = tok(ctx, i)
    if (!t || isQuotedToken(ctx, i) || BREAK.test(t.text)) return -1
    if (t.lower === 'who') return /^\p{Ll}/u.test(tok(ctx, i + 1)?.text ?? '') ? i : -1
    if (!t.word || isVerbLike(ctx, i)) return -1
  }
  return -1
}

/** A subject found inside a relative clause gives way to the phrase the clause describes. */
export function relativeHead(ctx: Context, min: number, m: Mention): Mention {
  if (m.kind === 'pronoun') return m
  const w = relativeWho(ctx, min, m.from)
  if (w < 0) return m
  for (let i = w + 1; i < m.from; i++) if (BREAK.test(tok(ctx, i)?.text ?? '') || isQuotedToken(ctx, i)) return m
  let s = min
  while (s < w && (!tok(ctx, s)?.word || OPENER.test(tok(ctx, s)?.lower ?? ''))) s++
  return make(ctx, 'nominal', s, w - 1)
}

/**
 * "demonstrators, who have taken to the streets and called for …": a verb
 * coordinated inside a non-restrictive relative clause shares its "who"
 * (the local mention, with the phrase before it as antecedent). `and` is
 * the conjunction's token; null when no ", who" opens the clause before it.
 */
export function coordinatedWho(ctx: Context, min: number, and: number): Mention | null {
  for (let i = and - 1; i > min; i--) {
    const t = tok(ctx, i)
    if (!t || isQuotedToken(ctx, i) || BREAK.test(t.text)) return null
    if (t.lower === 'who' && tok(ctx, i - 1)?.text === ',') return whoOf(ctx, min, i)
  }
  return null
}

/** "who" at token w after a comma, with the phrase before the comma ("demonstrators here") as its antecedent. */
function whoOf(ctx: Context, min: number, w: number): Mention | null {
  const back = /^(here|there|too)$/.test(tok(ctx, w - 2)?.lower ?? '') ? w - 3 : w - 2
  // "for demonstrators, who …": a bare plural noun is antecedent enough.
  const bare = /^\p{Ll}{3,}s$/u.test(tok(ctx, back)?.text ?? '') && back >= min ? make(ctx, 'nominal', back, back) : null
  const antecedent = mentionEndingAt(ctx, back, min) ?? bare
  return antecedent ? { ...make(ctx, 'pronoun', w, w), antecedent } : null
}
