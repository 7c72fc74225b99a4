/**
 * A trailing attribution: "…, Chan said.", "…, spokesman Martin Masse
 * said Friday." Where it starts, and whether the words before it are the
 * reported content.
 */
import { isQuotedToken, type Context, type Unit } from './context.js'
import { FINITE, hasFiniteVerb, startsClause } from './clause.js'
import { ADDRESSEE, cueLemma } from './lexicon.js'
import { skipObject } from './addressee.js'
import type { Mention } from './mentions.js'

/**
 * Where a trailing attribution starts: at its subject, or at the role words
 * before a name ("…, spokesman Martin Masse said", "…, party leader Ana Ruiz
 * said", "…, retired Air Force general Lloyd Newton said"): lower-case role
 * words, with the names of the body they serve among them, back to a comma.
 */
export function attributionStart(ctx: Context, unit: Unit, subject: Mention): number {
  if (subject.kind !== 'name' || !ROLE_WORD.test(ctx.tokens[subject.from - 1]?.text ?? '')) return subject.start
  let k = subject.from - 1
  while (k > unit.from && k >= subject.from - MAX_ROLE_WORDS && isRoleWord(ctx.tokens[k]?.text ?? '')) k--
  return closesClause(ctx, k) ? (ctx.tokens[k + 1]?.start ?? subject.start) : subject.start
}

/** A comma, or a closing quotation mark right after one ("…,” retired general …"). */
function closesClause(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k]?.text ?? ''
  return t === ',' || (/^["”’»]$/.test(t) && ctx.tokens[k - 1]?.text === ',')
}

const MAX_ROLE_WORDS = 6
const ROLE_WORD = /^(?!(?:and|or|but|the|a|an|that|which|who|said|says|was|is|as|of|in|on|at|to|for|with|by)$)\p{Ll}[\p{Ll}-]+$/u
/** "Air Force", "White House", "U.S.": the body a role serves, between role words. */
const BODY_WORD = /^(?!(?:The|A|An|And|But|Or|In|On|At|For|Of)$)\p{Lu}[\p{L}.&'’-]*$/u

function isRoleWord(text: string): boolean {
  return ROLE_WORD.test(text) || BODY_WORD.test(text)
}

/** "…, Chan said." — the subject follows a comma and little comes after the cue. */
export function isTrailing(ctx: Context, unit: Unit, c: number, subject: Mention): boolean {
  const before = ctx.text.slice(unit.start, attributionStart(ctx, unit, subject))
  if (!/(?:,\s*["”’»]?|["”’»]\s*,?)\s*$/.test(before) || (before.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return false
  // "While he acknowledged X, Ham also noted …", "But when the council cut funding, Berg said enough.": a fronted
  // subordinate clause alone is no content; its main clause follows ("…, Berg said, the pier …" goes on with it).
  if (ctx.tokens[c + 1]?.text !== ',' && /^\s*(?:(?:but|and|yet|so)\s+)?(?:while|although|though|whereas|if|once|when|because|since|unless)\b[^,]*,\s*$/i.test(before)) return false
  if (frontedPhrase(ctx, unit.from, subject.from, before)) return false
  const rest = ctx.tokens.slice(c + 1, unit.to).filter((x) => x.word)
  // "After Kody died, she urged police to investigate": a time clause before a cue with words of its own sets the scene.
  if (rest.length > 0 && /^\s*(?:after|before|until)\b[^,]*,\s*$/i.test(before)) return false
  if (ctx.tokens[c + 1]?.text === ':') return false
  if (rest.length === 0 || ctx.tokens[c + 1]?.text === ',' || timeThenComma(ctx, c + 1, unit.to)) return true
  if (rest.some((x) => x.lower === 'that') || opensQuotation(ctx, c + 2, unit.to)) return false
  // "…, Trump will insist on being Trump": a preposition and a gerund are the verb's own object.
  if (/^(on|upon|against|about)$/.test(ctx.tokens[c + 1]?.lower ?? '') && /^\p{Ll}{2,}ing$/u.test(ctx.tokens[c + 2]?.text ?? '')) return false
  // "…, local officials said they welcome …": a pronoun after the cue opens its content.
  if (/^(he|she|they|we|i|it|there)$/.test(ctx.tokens[c + 1]?.lower ?? '')) return false
  // "…, 21 percent said they would not vote": a clause after the cue is its content.
  if (startsClause(ctx, c + 1) && hasFiniteVerb(ctx, c + 2, unit.to)) return false
  return rest.length <= 6 || circumstance(ctx, c, unit.to)
}

/** "…, she added the words, “…”": after a comma or colon the cue brings a quotation of its own; it trails nothing. */
function opensQuotation(ctx: Context, from: number, max: number): boolean {
  for (let j = from; j < max; j++) if (isQuotedToken(ctx, j) && !isQuotedToken(ctx, j - 1) && /^[,:]$/.test(ctx.tokens[j - 1]?.text ?? '')) return true
  return false
}

const WHEN_WORD = /^(\d{1,4}(?:st|nd|rd|th)?|january|february|march|april|may|june|july|august|september|october|november|december|on|in|at|last|this|early|late|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|morning|afternoon|evening|night|week|month|year|a|an|the|statement|interview|email|release|news|conference|briefing)$/

/** "…, officials said Friday afternoon, as …": only when and how it was said stand between the cue and a comma. */
function timeThenComma(ctx: Context, k: number, max: number): boolean {
  for (let i = k; i < max && i < k + 5; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i)) return false
    if (t.text === ',') return i > k
    if (!WHEN_WORD.test(t.lower)) return false
  }
  return false
}

const CIRCUMSTANCE = /^(in|on|at|during|via|through)$/
const MEDIUM = /^(statements?|interviews?|emails?|e-mails?|letters?|posts?|tweets?|speech|speeches|conference|briefing|meeting|hearing|rally|debate|op-ed|video|call|show|appearance|release|event|testimony|filing|memo|note|message|podcast|broadcast|column|editorial|essay|blog|report)$/

/** "a statement", "an email to the board", "his weekly radio show": a determiner, up to three words, a medium of speech. */
function namesMedium(ctx: Context, k: number, max: number): boolean {
  if (!/^(a|an|the|his|her|their|its)$/.test(ctx.tokens[k]?.lower ?? '')) return false
  for (let i = k + 1; i < max && i <= k + 4; i++) if (MEDIUM.test(ctx.tokens[i]?.lower ?? '')) return true
  return false
}
const MAX_CIRCUMSTANCE = 16

/**
 * "…, Berg said in a statement released by the board on Friday", "…, Berg
 * told the board at its monthly meeting": after the cue (and an addressee)
 * only where, when and how it was said, no clause of its own.
 */
function circumstance(ctx: Context, c: number, max: number): boolean {
  const lemma = cueLemma(ctx.tokens[c]?.lower ?? '') ?? ''
  const k = ADDRESSEE.has(lemma) ? skipObject(ctx, c + 1, max, lemma === 'tell') : c + 1
  if (!CIRCUMSTANCE.test(ctx.tokens[k]?.lower ?? '') || !namesMedium(ctx, k + 1, max)) return false
  const rest = ctx.tokens.slice(c + 1, max).filter((x) => x.word)
  if (rest.length > MAX_CIRCUMSTANCE) return false
  return !rest.some((x) => FINITE.test(x.lower) || /^(that|he|she|they|we|i|it|who|which|whether|if|because|but)$/.test(x.lower) || (cueLemma(x.lower) && x.text === x.lower && !/^(report|statement|comment)s?$/.test(x.lower)))
}

const PREPOSITION = /^(?:(?:but|and|yet|so|however,?)\s+)?(?:in|on|at|as|with|for|during|after|before|by|from|among|under|over|like|unlike|despite|amid)\b/i

/**
 * "In a Wall Street Journal essay last week, Ivanka Trump acknowledged …",
 * "As with so much at the United Nations, …", "However, over the past few
 * days, …": a phrase with no verb before the subject sets the scene; it is
 * not what was said.
 */
function frontedPhrase(ctx: Context, from: number, subject: number, before: string): boolean {
  return PREPOSITION.test(before) && !/["“”]/.test(before) && !sceneVerb(ctx, from, subject)
}

/** A plural after a determiner or a quantity ("the past few days", "recent weeks") is a noun, no verb of the scene. */
const QUANTITY = /^(few|past|last|recent|several|many|next|coming|previous|two|three|four|five|six)$/

function sceneVerb(ctx: Context, from: number, to: number): boolean {
  if (hasFiniteVerb(ctx, from, Math.min(to, from + 1))) return true
  for (let i = from + 1; i < to; i++) {
    const prev = ctx.tokens[i - 1]?.lower ?? ''
    if (!QUANTITY.test(prev) && !/^(the|a|an|his|her|their|its|these|those)$/.test(prev) && hasFiniteVerb(ctx, i - 1, i + 1)) return true
  }
  return false
}

/**
 * "…, said Hill of Stanford, while Ortiz warned that …": the token where a
 * contrasting clause opens after an inverted speaker (another report may
 * follow), else the unit's end ("…, said McGovern, vowing to …" is the reporter's).
 */
export function contrastAfter(ctx: Context, k: number, max: number): number {
  for (let j = k; j < max && j < k + 15; j++) {
    if (ctx.tokens[j]?.text !== ',') continue
    return /^(while|whereas|although|though|but)$/.test(ctx.tokens[j + 1]?.lower ?? '') ? j + 1 : max
  }
  return max
}
