/**
 * "One of the doctors who signed the letter called …", "An official with
 * Harbour Safety Services who was in court told …": the phrase before a
 * restrictive "who" is the subject, not a noun inside the relative clause.
 */
import { isQuotedToken, type Context } from './context.js'
import { isVerbLike } from './descriptions.js'
import { lastUpTo, nextLead, type TokenTest } from './ahead.js'
import { make, mentionEndingAt, tok, type Mention } from './mentions.js'

const BREAK = /^[,;:()—–"“”]$/

/** The "who" opening a relative clause after the sentence's first phrase, between `from` and `to`; -1 if none. */
export function relativeWho(ctx: Context, from: number, to: number): number {
  const s = nextLead(ctx, from, to)
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
  if (lastUpTo(ctx, isBreak, m.from - 1) > w) return m
  return make(ctx, 'nominal', nextLead(ctx, min, w), w - 1)
}

/**
 * "demonstrators, who have taken to the streets and called for …": a verb
 * coordinated inside a non-restrictive relative clause shares its "who"
 * (the local mention, with the phrase before it as antecedent). `and` is
 * the conjunction's token; null when no ", who" opens the clause before it.
 */
export function coordinatedWho(ctx: Context, min: number, and: number): Mention | null {
  const i = lastUpTo(ctx, stopsWho, and - 1)
  return i > min && !isBreak(ctx, i) ? whoOf(ctx, min, i) : null
}

/** Punctuation that ends a phrase, or a quotation. */
const isBreak: TokenTest = (ctx, i) => {
  const t = tok(ctx, i)
  return !t || BREAK.test(t.text) || isQuotedToken(ctx, i)
}

/** Where the search back for ", who" stops: a break, or the "who" itself. */
const stopsWho: TokenTest = (ctx, i) => isBreak(ctx, i) || (tok(ctx, i)?.lower === 'who' && tok(ctx, i - 1)?.text === ',')

/** "who" at token w after a comma, with the phrase before the comma ("demonstrators here") as its antecedent. */
function whoOf(ctx: Context, min: number, w: number): Mention | null {
  const back = /^(here|there|too)$/.test(tok(ctx, w - 2)?.lower ?? '') ? w - 3 : w - 2
  // "for demonstrators, who …": a bare plural noun is antecedent enough.
  const bare = /^\p{Ll}{3,}s$/u.test(tok(ctx, back)?.text ?? '') && back >= min ? make(ctx, 'nominal', back, back) : null
  const antecedent = mentionEndingAt(ctx, back, min) ?? bare
  return antecedent ? { ...make(ctx, 'pronoun', w, w), antecedent } : null
}
