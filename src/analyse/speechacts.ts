/**
 * Speech acts reported by their object: "Ward called for the impeachment of
 * Lynch", "Christie endorsed Trump last week", "Sanders promised Monday to
 * take bold action". What the person said is the object of the verb, so the
 * content is that object, up to the first clause break, without the
 * reporter's trailing time or place ("last week", "on Saturday", "at a rally")
 * – the shape PolNeAR gives these attributions.
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, type Context, type Unit } from './context.js'
import { SPEECH_ACTS, actLemma, cueLemma } from './lexicon.js'
import { FINITE, hasFiniteVerb } from './clause.js'
import { isCapitalised } from './names.js'
import { afterDatePhrase, particleAt, possessiveHer } from './actobject.js'

/** Is this lemma a speech act that can report its content as an object? */
export function isAct(lemma: string): boolean {
  return lemma in SPEECH_ACTS
}

/**
 * "urged Congress to act", "called on Snyder to resign", "vowed to repeal the
 * law": an appeal or a vow may report its content as an infinitive.
 * "pledged to end the war" and "promised to act" stay out: the seed and the
 * Gender Gap Tracker set annotate them as intentions, not words.
 */
const INFINITIVE = /^(urge|call|vow|encourage)$/

const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|recently|again|repeatedly|publicly|privately|earlier|later|also|sharply|strongly|openly|quickly|immediately|once)$/
const TRAILING = /(?:,?\s+(?:(?:on|in|last|this|next|early|late|earlier|later)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|week|weekend|month|year|night|morning|afternoon|evening|yesterday|today|tonight|again|repeatedly|publicly|privately|earlier|recently)(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:in|at|during|on|through|via|over)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,3}(?:statement|interview|rally|speech|debate|conference|briefing|event|appearance|hearing|town hall|op-ed|post|tweet|letter|email|video|meeting|lawyer|spokesman|spokeswoman|campaign stop|diatribe|tirade|rant|remarks|address|column|editorial|essay|radio|show|program|programme|twitter|facebook)s?)$/iu

/** The setting an act took place in: "during a campaign stop", "at a rally". */
const SETTING = /\s(?:at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,3}(?:rally|speech|debate|conference|briefing|event|appearance|hearing|town hall|meeting|stop|forum|luncheon|fundraiser|interview)s?\b/iu

const PASSIVE = /^(is|are|was|were|be|been|being|get|gets|got|getting|'s|’s)$/

export interface ActContent {
  content: Span
  /** The cue including its particle ("called for"). */
  cueEnd: number
  /** Token index to continue scanning from. */
  next: number
}

/** The object of speech-act verb c in the unit, or null when the verb is not used as one here. */
export function actContent(ctx: Context, unit: Unit, c: number, lemma: string): ActContent | null {
  const particle = SPEECH_ACTS[lemma]
  // "was accused", "won't be denied", "was called for": passive, the subject is not the speaker.
  // "is defending his tweets": a progressive is active ("is vowing to …" stays out, an intention).
  const progressive = (ctx.tokens[c]?.lower ?? '').endsWith('ing') && ctx.tokens[c + 1]?.lower !== 'to'
  if (!progressive && PASSIVE.test(ctx.tokens[c - 1]?.lower ?? '') || PASSIVE.test(ctx.tokens[c - 2]?.lower ?? '') && /ly$/.test(ctx.tokens[c - 1]?.lower ?? '')) return null
  if (!givesItsReason(ctx, c, unit.to, lemma) || imperative(ctx, unit, c) || conditional(ctx, unit, c)) return null
  let k = c + 1
  let cueEnd = ctx.tokens[c]?.end ?? 0
  if (particle !== undefined && particle !== null) {
    // "spoke emotionally of", "spoke out Tuesday about": adverbs may come before the particle.
    const at = particleAt(ctx, k, unit.to, new RegExp(`^(?:${particle})$`))
    const p = ctx.tokens[at]
    if (!p) return lemma === 'call' ? named(ctx, unit, k, cueEnd) : null
    cueEnd = p.end
    k = at + 1
    // "called on Sunday": a date, not an appeal to someone.
    if (TIME_WORD.test(ctx.tokens[k]?.lower ?? '') || /^\d/.test(ctx.tokens[k]?.text ?? '')) return null
  }
  // "described himself as a moderate": the description is what was said.
  if (lemma === 'describe' && REFLEXIVE.test(ctx.tokens[k]?.lower ?? '') && ctx.tokens[k + 1]?.lower === 'as') return complement(ctx, unit, k + 2, cueEnd)
  // "promised Monday to …", "criticized sharply …": a time or manner word before the object.
  while (k < unit.to && TIME_WORD.test(ctx.tokens[k]?.lower ?? '')) k++
  k = afterDatePhrase(ctx, k)
  const first = ctx.tokens[k]
  if (!first || (!first.word && !isQuotedToken(ctx, k))) return null
  // "…, promising to lift the rules": a promise reported after the event it was made at.
  const promising = /^(promising|pledging)$/.test(ctx.tokens[c]?.lower ?? '') && ctx.tokens[c - 1]?.text === ','
  if (first.lower === 'to' && !INFINITIVE.test(lemma) && !promising) return null
  // "called it", "denied it": a pronoun object says nothing on its own.
  // "the laws proposed during his term": a participle with no object is a passive.
  // "talked about so many of the things …": a quantity, not "so".
  const quantity = first.lower === 'so' && /^(many|much)$/.test(ctx.tokens[k + 1]?.lower ?? '')
  if (/^(it|this|that|them|him|her|me|us|you|himself|herself|themselves|itself|there|so|by|as|in|at|on|with|from|off|up|out|down|away|of|during|under)$/.test(first.lower) && !(lemma === 'urge' || lemma === 'call') && !possessiveHer(ctx, k) && !quantity) return null
  const end = objectEnd(ctx, k, unit.to)
  // "calling the plan “reckless”": the quoted name is the quote (see namingQuotes in naming.ts).
  if (lemma === 'call' && cueEnd === ctx.tokens[c]?.end && quotedWithin(ctx, k, end.next)) return null
  const start = first.start
  const stop = withoutTrailing(ctx.text, start, end.offset)
  // "echoing Mr. Putin": the person echoed, not the words.
  if (lemma === 'echo' && /^(?:\p{Lu}[\p{L}.'’-]*\s*)+$/u.test(ctx.text.slice(start, stop))) return null
  if (stop <= start) return null
  return { content: { start, end: stop }, cueEnd, next: end.next }
}

/** "Don't blame Bush.", "Never endorse a liar.": an act the writer bids, with no one who did it. */
function imperative(ctx: Context, unit: Unit, c: number): boolean {
  const before = ctx.tokens.slice(unit.from, c).filter((t) => t.word || /^[’']/.test(t.text)).map((t) => t.lower).join(' ')
  return /^(?:(?:so|and|but|please)\s+)?(?:don['’]t|do not|never|do n['’]t)$/.test(before)
}

/** "If the plan rejected single mothers, …": an act supposed in the past tense of a condition was not done. */
function conditional(ctx: Context, unit: Unit, c: number): boolean {
  if (!/\p{Ll}ed$/u.test(ctx.tokens[c]?.text ?? '')) return false
  for (let i = c - 1; i >= unit.from; i--) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i) || /^[,;:—–]$/.test(t.text)) return false
    if (/^(if|unless)$/.test(t.lower)) return true
  }
  return false
}

/**
 * "cited the audit as the reason …": a citation with the role it is given is
 * an argument made; a bare "cited the report" only names a source (see index.ts).
 */
export function citedAs(ctx: Context, c: number, max: number): boolean {
  for (let i = c + 2; i < max && i <= c + 16; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i) || /^[,;:()—–.]$/.test(t.text)) return false
    if (t.lower === 'as') return true
  }
  return false
}

/** Acts that report words only with a reason or a comparison: "attacked Clinton for her vote" (not "attacked a village"), "likened RT to the BBC". */
const REASON: Record<string, RegExp> = { attack: /^(for|as)$/, liken: /^to$/, point: /^as$/ }

/** Does the object of an act that needs one go on to its reason ("for …", "as …") within the clause? */
function givesItsReason(ctx: Context, c: number, max: number, lemma: string): boolean {
  const word = REASON[lemma]
  if (!word) return true
  for (let i = c + 2; i < max && i <= c + 14; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i) || /^[,;:()—–.]$/.test(t.text)) return false
    if (word.test(t.lower)) return true
  }
  return false
}

const REFLEXIVE = /^(him|her|them|it|himself|herself|themselves|itself|me|us|myself|ourselves)$/

/**
 * "called him a political opportunist", "calls Smith the best candidate": the
 * name given is the content, as both corpora annotate it. "called Smith on
 * Monday", "called witness Jones" name nothing. Quoted names are left to
 * namingQuotes in naming.ts.
 */
function named(ctx: Context, unit: Unit, k: number, cueEnd: number): ActContent | null {
  let j = k
  const t = ctx.tokens[k]
  if (!t) return null
  if (REFLEXIVE.test(t.lower)) j = k + 1
  else while (j < unit.to && j < k + 5 && /^\p{Lu}/u.test(ctx.tokens[j]?.text ?? '') && !isQuotedToken(ctx, j)) j++
  if (j === k || !/^(a|an|the|his|her|their|its|one)$/.test(ctx.tokens[j]?.lower ?? '')) return namedPhrase(ctx, unit, k, cueEnd)
  return complement(ctx, unit, j, cueEnd)
}

/** "a few minutes later", "the next day": a time, not a name given to the object. */
const TIME_AFTER = /^(few|couple|day|week|month|year|hour|minute|second|night|morning|afternoon|evening|lot|number|bit|next|following|same|previous|other|day's|total|dozen|while)$/

/**
 * "called climate change a hoax", "calls the plan the worst deal ever": a
 * longer object, then the name given to it. The content is both, as PolNeAR
 * annotates it ("called the charges a ploy").
 */
function namedPhrase(ctx: Context, unit: Unit, k: number, cueEnd: number): ActContent | null {
  // "called out the distance", "called up a friend": a phrasal verb, no naming.
  if (/^(out|up|off|back|in|down|over)$/.test(ctx.tokens[k]?.lower ?? '')) return null
  for (let j = k + 1; j < unit.to && j <= k + 14; j++) {
    const t = ctx.tokens[j]
    if (!t || !t.word || isQuotedToken(ctx, j) || FINITE.test(t.lower) || /^(to|that|who|which|when|because|since|while|if|after|before|as|but|so|than|out|up|off|back)$/.test(t.lower)) return null
    // "in favor of the war", "and the demand": a determiner inside the object's own phrase.
    const inside = /^(of|for|on|at|in|with|from|by|about|over|and|or)$/.test(ctx.tokens[j - 1]?.lower ?? '')
    if (/^(a|an|the)$/.test(t.lower) && !inside && !TIME_AFTER.test(ctx.tokens[j + 1]?.lower ?? '')) return j > k + 1 || !/^(a|an|the)$/.test(ctx.tokens[k]?.lower ?? '') ? complement(ctx, unit, k, cueEnd) : null
  }
  return null
}

function complement(ctx: Context, unit: Unit, k: number, cueEnd: number): ActContent | null {
  const first = ctx.tokens[k]
  const end = objectEnd(ctx, k, unit.to)
  if (!first || quotedWithin(ctx, k, end.next)) return null
  const stop = withoutTrailing(ctx.text, first.start, end.offset)
  return stop > first.start ? { content: { start: first.start, end: stop }, cueEnd, next: end.next } : null
}

/** Drop the reporter's trailing time and place, as often as they are stacked ("… on his radio show Thursday"). */
export function withoutTrailing(text: string, start: number, end: number): number {
  // "criticized the law during a campaign stop in Flint, Mich., for his wife": the setting, and all after it, is the reporter's.
  const setting = SETTING.exec(text.slice(start, end))
  let stop = setting && setting.index > 0 ? start + setting.index : end
  for (let n = 0; n < 3; n++) {
    while (stop > start && /\s/.test(text[stop - 1] ?? '')) stop--
    const trail = TRAILING.exec(text.slice(start, stop))
    if (!trail || trail.index === 0) break
    stop = start + trail.index
  }
  return stop
}

function quotedWithin(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isQuotedToken(ctx, i)) return true
  return false
}

/** The object ends at a clause break: a comma or colon outside quotation marks, "and said", a dash. */
function objectEnd(ctx: Context, k: number, max: number): { offset: number; next: number } {
  for (let i = k; i < max; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i)) continue
    const place = placeAbbreviation(ctx, i)
    if (place > i) {
      i = place
      continue
    }
    const list = t.text === ',' && i > k ? listEnd(ctx, i, max) : -1
    if (list > i) return { offset: ctx.tokens[list - 1]?.end ?? t.start, next: list }
    // "called for taxing pass-through income, such as that of partnerships, at …": an example goes on with the object.
    if (t.text === ',' && i > k && elaborates(ctx, i + 1)) continue
    // "vowed to form a task force, which would include the military": the relative clause describes what was said.
    if (t.text === ',' && i > k && nonRestrictive(ctx, i + 1)) {
      i += ctx.tokens[i + 1]?.lower === 'which' ? 1 : 2
      continue
    }
    if (i > k && (/^[,;:()—–.!?]$/.test(t.text) || doubleHyphen(ctx, i))) return { offset: t.start, next: i + 1 }
    if (i > k && /^(and|but)$/.test(t.lower)) {
      const n = ctx.tokens[i + 1]?.lower ?? ''
      if (cueLemma(n) || actLemma(n) || /^(he|she|they|it|then|also|has|have|had|is|was|were|will|would|did|does|later|now|still)$/.test(n) || /^\p{Ll}+ed$/u.test(n)) return { offset: t.start, next: i + 1 }
    }
    // "condemned the launch as Pyongyang fired three missiles": "as" with a clause of its own sets the scene.
    if (t.lower === 'as' && i > k + 1 && settingClause(ctx, i + 1, max)) return { offset: t.start, next: i }
    // "those who question …", "anyone who …": the pronoun needs its relative clause.
    if (t.lower === 'who' && /^(those|anyone|everyone|someone|anybody|everybody|somebody)$/.test(ctx.tokens[i - 1]?.lower ?? '')) continue
    if (/^(saying|adding|arguing|calling|noting|claiming|insisting|because|after|before|while|when|since)$/.test(t.lower) && i > k) return { offset: t.start, next: i }
  }
  const last = ctx.tokens[max - 1]
  return { offset: last ? last.end : k, next: max }
}

/** "as Pyongyang fired …", "as she left …": a name or a pronoun, then its verb (not "as the reason …", "as “reckless”"). */
function settingClause(ctx: Context, j: number, max: number): boolean {
  const t = ctx.tokens[j]
  if (!t || isQuotedToken(ctx, j) || !(/^(he|she|they|we|it|i)$/.test(t.lower) || isCapitalised(t))) return false
  return hasFiniteVerb(ctx, j, Math.min(max, j + 3))
}

/** "--" standing for a dash, as one token or two. */
function doubleHyphen(ctx: Context, i: number): boolean {
  return ctx.tokens[i]?.text === '--' || (ctx.tokens[i]?.text === '-' && ctx.tokens[i + 1]?.text === '-' && /\s/.test(ctx.text[ctx.tokens[i]?.start - 1] ?? ''))
}

/** ", which …", ", in which …": a relative clause on the object. */
function nonRestrictive(ctx: Context, j: number): boolean {
  const w = ctx.tokens[j]?.lower ?? ''
  if (w === 'which') return FINITE.test(ctx.tokens[j + 1]?.lower ?? '') || /^\p{Ll}{3,}[^s]s$/u.test(ctx.tokens[j + 1]?.text ?? '')
  return /^(in|of|under|by)$/.test(w) && ctx.tokens[j + 1]?.lower === 'which'
}

/** "including", "such as", "especially", "particularly": the object's examples follow. */
function elaborates(ctx: Context, j: number): boolean {
  const w = ctx.tokens[j]?.lower ?? ''
  return /^(including|especially|particularly|notably)$/.test(w) || (w === 'such' && ctx.tokens[j + 1]?.lower === 'as')
}

/**
 * "called Oz a quack, fake and charlatan": after comma i, a list of short
 * items closed by "and"/"or" up to the sentence's end goes on the object.
 * Returns the token after the last item, or -1.
 */
function listEnd(ctx: Context, i: number, max: number): number {
  let words = 0
  let closed = false
  for (let j = i + 1; j < max; j++) {
    const t = ctx.tokens[j]
    if (!t) return -1
    if (/^[.!?]$/.test(t.text)) return closed && words > 0 ? j : -1
    if (t.text === ',' && !closed && words > 0) words = 0
    else if (/^(and|or)$/.test(t.lower) && words > 0 && !closed) [closed, words] = [true, 0]
    else if (!t.word || ++words > 3 || FINITE.test(t.lower) || cueLemma(t.lower) || actLemma(t.lower) || /^(he|she|they|it|who|which|that|to)$/.test(t.lower)) return -1
  }
  return -1
}

/** "Tulsa, Okla., police officer …": the commas around a state's abbreviation belong to the place. Returns the closing comma, or -1. */
function placeAbbreviation(ctx: Context, i: number): number {
  if (ctx.tokens[i]?.text !== ',' || !/^\p{Lu}\p{Ll}+$/u.test(ctx.tokens[i - 1]?.text ?? '')) return -1
  const abbr = ctx.tokens[i + 1]?.text ?? ''
  if (/^\p{Lu}\p{Ll}{0,4}\.$/u.test(abbr)) return ctx.tokens[i + 2]?.text === ',' ? i + 2 : -1
  return /^\p{Lu}\p{Ll}{0,4}$/u.test(abbr) && ctx.tokens[i + 2]?.text === '.' && ctx.tokens[i + 2]?.start === ctx.tokens[i + 1]?.end && ctx.tokens[i + 3]?.text === ',' ? i + 3 : -1
}
