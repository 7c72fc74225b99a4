/**
 * Verbs that attribute a quotation only when set right against it: a chant
 * or a song ("Protesters chanted “What curfew?”", "…, singing “It’s Our
 * Time.”") and a demand after a question ("“Why isn’t this proof …?”
 * Vitter demanded."). Elsewhere they report nothing ("sang the praises of",
 * "demanded a recount"), so they stay out of the cue lexicon.
 */
import { isQuotedToken, type Context } from './context.js'
import { AGAINST_ONLY } from './lexicon.js'
import { closingBetween } from './marks.js'

/** "chanted “…”", "chanting, “…”": the verb, an optional comma, then the quotation. */
function beforeQuote(ctx: Context, i: number): boolean {
  const next = ctx.tokens[i + 1]?.text === ',' ? i + 2 : i + 1
  return isQuotedToken(ctx, next)
}

/** "“…?” Vitter demanded.", "“…,” Blige sings to Clinton": the verb right after a quotation's attribution subject. */
function afterQuote(ctx: Context, i: number): boolean {
  return trailsQuote(ctx, i, 1)
}

/**
 * "“…,” the union wrote", "“…?” Vitter demanded", "“…,” said Hester": cue i
 * follows a quotation closed with , ? or !, with at most four words of
 * subject (at least `minWords`) between them.
 */
export function trailsQuote(ctx: Context, i: number, minWords = 0): boolean {
  const t = ctx.tokens[i]
  return !!t && closingBetween(ctx.quoted, t.start - 60, t.start).some((q) => {
    if (!q.closed) return false
    const words = ctx.text.slice(q.close, t.start).match(/[^\s]+/g) ?? []
    return /^\s*$/.test(ctx.text.slice(q.close, t.start).replace(/[\p{L}.’'-]+/gu, '')) && words.length >= minWords && words.length <= 4 && /[,?!]\s*$/.test(ctx.text.slice(q.open + 1, q.close - 1))
  })
}

/** "Marchers crossing the bridge chanted “…”": the verb goes on into its quotation, its subject opens the sentence. */
export function chantsInto(ctx: Context, i: number): boolean {
  return againstQuote(ctx, i) && beforeQuote(ctx, i)
}

/** Token i is a chant, song or demand verb set right against a quotation. */
export function againstQuote(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i]
  if (!t || t.text !== t.lower || !AGAINST_ONLY.test(t.lower)) return false
  return beforeQuote(ctx, i) || afterQuote(ctx, i)
}

/** "…, chanting, “…”", "sang “…”": a quotation's prefix ending with a chant or song verb (and an optional comma). */
export function chantBefore(prefix: string): boolean {
  return /(?:^|[^\p{L}])(?:chant|chants|chanted|chanting|sing|sings|sang|singing),?$/u.test(prefix)
}
