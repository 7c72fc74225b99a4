/**
 * Is there a reported clause here, and where does it start and end? Token
 * tests for the indirect step: a "that" opening the content, a clause start
 * (pronoun, determiner, name), a finite verb, the end of the content.
 */
import type { Span } from '../domain/index.js'
import { isQuotedToken, type Context } from './context.js'
import { actLemma, cueLemma } from './lexicon.js'
import { isCapitalised } from './names.js'

const PP_START = /^(in|on|at|via|through|over|during|to|after|before|last|this|earlier|later|late|early|from|with|by|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|repeatedly|also|again|recently|previously|publicly|privately|told|reporters)$/

/**
 * A "that" starting the content: right after the cue, or after a short
 * phrase of time, place or manner ("said in a statement Tuesday that …").
 * Not the "that" of a later clause ("said the plan is that …").
 */
export function findThat(ctx: Context, k: number, max: number): number {
  if (ctx.tokens[k]?.lower === 'that') return k
  // "complained bitterly that …": one adverb between the cue and "that".
  if (/^\p{Ll}{3,}ly$/u.test(ctx.tokens[k]?.text ?? '') && ctx.tokens[k + 1]?.lower === 'that') return k + 1
  if (!PP_START.test(ctx.tokens[k]?.lower ?? '')) return -1
  for (let i = k + 1; i < max && i < k + 12; i++) {
    const t = ctx.tokens[i]
    if (!t || isQuotedToken(ctx, i)) return -1
    if (t.lower === 'that') return i
    // "said at a stop in Toledo, Ohio, that …": a comma inside a place name, or before the "that".
    if (t.text === ',' && (ctx.tokens[i + 1]?.lower === 'that' || isCapitalised(ctx.tokens[i + 1] ?? t))) continue
    // "said in a report that …", "wrote in a note to clients that …": a cue word after an article is the medium, a noun.
    const noun = /^(a|an|the|its|his|her|their|this)$/.test(ctx.tokens[i - 1]?.lower ?? '')
    if (t.text === '.' || t.text === ',' || (cueLemma(t.lower) && !noun) || FINITE.test(t.lower)) return -1
  }
  return -1
}

export const OBJECT_CONTENT = new Set(['accuse'])
/** Verbs that almost only report speech: a clause start is enough evidence. */
export const LENIENT = new Set(['say', 'tell', 'claim', 'argue', 'insist', 'warn', 'explain', 'admit', 'predict', 'suggest', 'acknowledge', 'contend', 'assert', 'maintain'])

export function startsClause(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k]
  if (!t) return false
  if (isQuotedToken(ctx, k)) return true
  if (/^(he|she|it|there|they|we|i|that|what|who|you|here)['’](s|re|ll|d|ve|m)$/.test(t.lower)) return true
  if (t.lower === 'too' && /^(many|much|few|little)$/.test(ctx.tokens[k + 1]?.lower ?? '')) return true
  // "reveals just how fast …", "showed exactly why …": an adverb before the question word.
  if (/^(just|exactly|precisely)$/.test(t.lower) && /^(how|why|what|when|where|who|whether)$/.test(ctx.tokens[k + 1]?.lower ?? '')) return true
  return /^(he|she|they|it|we|i|you|there|the|this|these|those|his|her|their|our|its|a|an|if|whether|how|why|what|when|where|who|some|many|most|all|no|every|each|any|both|more|only|not|even)$/.test(t.lower) || isCapitalised(t) || /^\d/.test(t.text)
}

const NOT_CONTENT_START = /^(in|on|at|to|for|with|about|from|by|of|as|nothing|something|so|yes|no|goodbye|hello|thanks|sorry|during|after|before|into|over|under|through|up|out|off|again|too|ago)$/

/** "said police were responsive": a bare noun can start the reported clause of a speech verb. */
export function startsNounPhrase(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k]
  // From the noun itself, so that the word right after it counts ("prices rose"); the noun never does ("sales").
  return !!t && t.word && !NOT_CONTENT_START.test(t.lower) && !t.lower.endsWith('ly') && hasFiniteVerb(ctx, k, k + 14)
}

export const FINITE = /^(is|are|was|were|am|be|has|have|had|will|would|can|could|should|may|might|must|shall|do|does|did|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|can['’]t|don['’]t|doesn['’]t|didn['’]t|hasn['’]t|haven['’]t|wouldn['’]t|couldn['’]t|shouldn['’]t|(?:he|she|it|that|there|what|who|here|they|we|i|you)['’](?:s|re|ll|d|ve|m))$/

/** Common irregular past forms: "it went bankrupt", "the talks broke down". */
const IRREGULAR_PAST = /^(went|came|became|began|broke|brought|built|bought|caught|chose|drew|drove|fell|felt|fought|found|flew|forgot|froze|gave|grew|held|hid|kept|knew|led|left|lent|lost|made|meant|met|paid|ran|rang|rose|sank|saw|sent|shook|sold|sought|spent|spoke|stood|stole|struck|swore|took|taught|thought|threw|understood|woke|won|wore|wrote)$/

/** A finite verb among the tokens: an auxiliary or modal, or a past/3rd-person form after the first word. */
export function hasFiniteVerb(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isFiniteAt(ctx, i, from)) return true
  return false
}

/** Token i is a finite verb of a stretch starting at token `from` (see hasFiniteVerb). */
export function isFiniteAt(ctx: Context, i: number, from: number): boolean {
  const t = ctx.tokens[i]
  return !!t && t.word && isFiniteWord(t.text, t.lower, i === from)
}

/** An auxiliary or modal anywhere; an irregular past or a lower-case -ed/-es/-s form after a stretch's first word. */
function isFiniteWord(text: string, lower: string, first: boolean): boolean {
  if (FINITE.test(lower)) return true
  return !first && (IRREGULAR_PAST.test(text) || (text === lower && lower.length > 3 && /(?:ed|es|[^s]s)$/.test(lower)))
}

const PAST_FINITE = /^(was|were|had|did|wasn['’]t|weren['’]t|hadn['’]t|didn['’]t)$/

/** The clause's first verb is in the past ("the deal opened the door", "it was a vindication"): it narrates. */
export function narratesPast(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i]
    if (!t || !t.word || isQuotedToken(ctx, i)) continue
    if (FINITE.test(t.lower)) return PAST_FINITE.test(t.lower)
    if (i > from && (IRREGULAR_PAST.test(t.text) || /^\p{Ll}{3,}ed$/u.test(t.text))) return true
  }
  return false
}

/**
 * "attempted to", "decided against", "took the": a past-tense verb with a verb's complement
 * after it; "lost earning power", "based on" are participles in a noun phrase.
 */
function pastVerb(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i]
  if (!t || isQuotedToken(ctx, i) || !(/^\p{Ll}{3,}ed$/u.test(t.text) || IRREGULAR_PAST.test(t.text))) return false
  return /^(to|the|a|an|his|her|their|its|it|them|him|that|against|short)$/.test(ctx.tokens[i + 1]?.lower ?? '')
}

/** Reported content needs a clause of its own (a subject and a verb), not a bare noun phrase. */
export function isClause(ctx: Context, s: Span): boolean {
  const words = ctx.text.slice(s.start, s.end).match(/[\p{L}\p{N}'’]+/gu) ?? []
  // Three words make a clause with an auxiliary or a modal ("Costs had doubled", "We will appeal"), two never do.
  if (words.length < 3 || (words.length === 3 && !words.some((w) => FINITE.test(w.toLowerCase())))) return false
  // "He went to the clinic that day": a subject pronoun opens a clause, whatever its (irregular) verb.
  if (words.length >= 8 || /^(he|she|they|we|i|it)$/i.test(words[0] ?? '')) return true
  return words.some((w, i) => isFiniteWord(w, w.toLowerCase(), i === 0))
}

/** The content stops at the sentence end or before a coordinated cue ("… and said …"). */
export function contentEnd(ctx: Context, k: number, max: number): { offset: number; next: number } {
  for (let i = k; i < max; i++) {
    const t = ctx.tokens[i]
    if (!t) continue
    if (isQuotedToken(ctx, i)) {
      if (ctx.tokens[i - 1]?.text === ',' && !isQuotedToken(ctx, i + 1) && /^\p{Ll}{3,}ing$/u.test(ctx.tokens[i + 1]?.text ?? '')) return { offset: t.end, next: i + 1 }
      // "…, “in front of you,” though she noted …": a comma inside the closing mark ends the clause as one outside it does.
      if (i > k + 2 && closesWithComma(ctx, i) && reportersClause(ctx, i + 1, max)) return { offset: t.end, next: i + 1 }
      continue
    }
    if ((t.lower === 'and' || t.lower === 'but') && inflectedCue(ctx.tokens[i + 1]?.lower ?? '')) {
      return { offset: ctx.tokens[i - 1]?.text === ',' ? (ctx.tokens[i - 1]?.start ?? t.start) : t.start, next: i + 1 }
    }
    // "promised a veto and attempted to …": with no verb of its own, the content is an object, and the next verb the speaker's.
    if ((t.lower === 'and' || t.lower === 'but') && i > k && pastVerb(ctx, i + 1) && !hasFiniteVerb(ctx, k, i)) {
      return { offset: ctx.tokens[i - 1]?.text === ',' ? (ctx.tokens[i - 1]?.start ?? t.start) : t.start, next: i + 1 }
    }
    // "…, but she said …": a new speaker clause starts; scanning goes on from its subject.
    if ((t.lower === 'and' || t.lower === 'but') && i > k + 2 && newAttribution(ctx, i + 1, max)) return { offset: t.start, next: i + 1 }
    // "…, and when pressed on why, the mother of three replied, “…”": the sentence turns to a quotation of its own.
    if ((t.lower === 'and' || t.lower === 'but') && ctx.tokens[i - 1]?.text === ',' && quotationIntroduced(ctx, i + 1, max)) return { offset: ctx.tokens[i - 1]?.start ?? t.start, next: i + 1 }
    if (t.text === ',' && ctx.tokens[i + 1]?.lower === 'according' && ctx.tokens[i + 2]?.lower === 'to') return { offset: t.start, next: i + 1 }
    // "…by 1.6 percent, more than half a point less than forecast": the reporter's comparison of the figure.
    if (t.text === ',' && /^(percent|points?|\d[\d.,%]*)$/.test(ctx.tokens[i - 1]?.lower ?? '') && /^(more|less|fewer|higher|lower|up|down)$/.test(ctx.tokens[i + 1]?.lower ?? '') && /^(than|from)$/.test(ctx.tokens[i + 2]?.lower ?? '')) return { offset: t.start, next: i + 1 }
    if (t.text === ',' && i > k + 2 && reportersClause(ctx, i + 1, max)) return { offset: t.start, next: i + 1 }
    if (t.text === ',' && i > k + 2 && closingAppositive(ctx, i, max)) return { offset: t.start, next: max }
    // "…, which he said were at his side, …": a relative clause with its own attribution is the reporter's aside.
    if (t.text === ',' && i > k + 2 && attributedRelative(ctx, i + 1, max)) return { offset: t.start, next: i + 1 }
    // "…: “…”" hands over to a quotation; "said there are three steps: save early, …" goes on with the list.
    if ((t.text === ';' || (t.text === ':' && isQuotedToken(ctx, i + 1))) && i > k) return { offset: t.start, next: i + 1 }
    // "… a Chinese national — a reference to …": a dash opens the reporter's aside.
    // "… the old pier — built in 1920 — will close": a pair of dashes brackets an aside inside the content.
    if (/^[—–―]$/.test(t.text) && /\s/.test(ctx.text[t.start - 1] ?? '')) {
      const closing = closingDash(ctx, i, max)
      // "— as was true then — Trump boasted …", "— which is unchanged — but it now …": a new clause after the aside is not the content's.
      const after = ctx.tokens[closing + 1]
      if (closing > i && after && after.text === after.lower && after.lower !== 'but') {
        i = closing
        continue
      }
      if (i > k + 4) return { offset: t.start, next: i + 1 }
    }
    const n = ctx.tokens[i + 1]?.lower ?? ''
    if (t.text === ',' && n.endsWith('ing') && cueLemma(n)) return { offset: t.start, next: i + 1 }
    // "…, echoing a memo from …": a participle after a comma is the reporter's addition.
    // "…, including …" is a preposition that goes on with the content; of the short ones only "using" is a participle ("thing", "being").
    if (t.text === ',' && /^\p{Ll}+ing$/u.test(ctx.tokens[i + 1]?.text ?? '') && (n.length > 5 || n === 'using') && n !== 'including' && i > k + 5) return { offset: t.start, next: i + 1 }
  }
  const last = ctx.tokens[max - 1]
  return { offset: last ? last.end : k, next: max }
}

const SUBORDINATOR = /^(while|although|though|whereas|if|once|when|because|since|as|after|before|unless)$/

/** "While his advisers have suggested …, Mr. Obama is …": the subject (from token `from`) opens a fronted subordinate clause. */
export function opensSubordinate(ctx: Context, from: number): boolean {
  return SUBORDINATOR.test(ctx.tokens[from - 1]?.lower ?? '')
}

/** In a fronted subordinate clause, the content ends at the comma where the main clause starts (a subject and a finite verb). */
export function mainClauseStart(ctx: Context, k: number, max: number): number {
  for (let i = k + 2; i < max; i++) {
    const n = ctx.tokens[i + 1]
    if (ctx.tokens[i]?.text !== ',' || isQuotedToken(ctx, i) || !n || isQuotedToken(ctx, i + 1) || /^(who|whom|whose|which|where|when|what|that|if|whether|how|why|and|or|but|as|while)$/.test(n.lower)) continue
    if (startsClause(ctx, i + 1) && (hasFiniteVerb(ctx, i + 2, Math.min(max, i + 6)) || saidAhead(ctx, i + 2, Math.min(max, i + 6)))) return i
  }
  return max
}

/** "…, Mr. McKinley said that …": the main clause's verb is "said" or "told", which no suffix shows to be finite. */
function saidAhead(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/^(said|told)$/.test(ctx.tokens[i]?.text ?? '')) return true
  return false
}

/**
 * After a comma, the reporter's own clause: a concession or contrast ("…,
 * although he refused to …", "…, while 40 percent …", "…, even as fuel
 * prices doubled") or a new clause joined by "and" or "but" ("…, and the
 * downgrade is …", "…, but the port authority has cut …").
 */
function reportersClause(ctx: Context, j: number, max: number): boolean {
  const w = ctx.tokens[j]?.lower ?? ''
  if (/^(although|though|whereas|while)$/.test(w)) return true
  if (w === 'even' && /^(as|though)$/.test(ctx.tokens[j + 1]?.lower ?? '')) return true
  if (w === 'but' && SPEAKERS_OWN.test(ctx.tokens[j + 1]?.lower ?? '')) return false
  return (w === 'and' || w === 'but') && !isQuotedToken(ctx, j + 1) && startsClause(ctx, j + 1) && hasFiniteVerb(ctx, j + 1, Math.min(max, j + 5, ofPhrase(ctx, j + 1, max)))
}

/** "…, but it is complex", "…, but if they do, …": a pronoun or a condition after "but" goes on with the speaker's words. */
const SPEAKERS_OWN = /^(he|she|it|they|we|i|you|if|whether|when|how|why|what|where|who|not|only|even|there|this|that)$/

/**
 * "…he did not support Mr. Trump, the presumed Putin favorite.", "…with NATO,
 * the alliance that includes …": a description of the name before the comma
 * that runs to the end of the sentence, with no verb of its own (but in a
 * relative clause), is the reporter's.
 */
function closingAppositive(ctx: Context, i: number, max: number): boolean {
  const named = ctx.tokens[i - 1]
  if (!named || !(isCapitalised(named) || named.text === ')') || !/^(the|a|an)$/.test(ctx.tokens[i + 1]?.lower ?? '')) return false
  for (let j = i + 2; j < max; j++) {
    const t = ctx.tokens[j]
    if (!t || isQuotedToken(ctx, j) || /^[,;:—–]$/.test(t.text) || FINITE.test(t.lower) || IRREGULAR_PAST.test(t.text) || cueLemma(t.lower)) return false
    if (/^(who|that|which|whose)$/.test(t.lower)) return j > i + 3
    // "…, including the singer Chuck Berry, the pitcher Willie Mays and the judge …": a list goes on.
    if (/^(and|or)$/.test(t.lower) && /^(the|a|an)$/.test(ctx.tokens[j + 1]?.lower ?? '')) return false
  }
  return true
}

/** "and the share of voters who …": the subject's "of" phrase holds nouns ("voters"), not its verb. */
function ofPhrase(ctx: Context, from: number, max: number): number {
  for (let i = from; i < max && i < from + 4; i++) if (ctx.tokens[i]?.lower === 'of') return i
  return max
}

/** "which he said", "who Mr. Berg says": a relative word, a short subject, an inflected cue. */
function attributedRelative(ctx: Context, j: number, max: number): boolean {
  if (!/^(which|who|where)$/.test(ctx.tokens[j]?.lower ?? '')) return false
  for (let i = j + 2; i < max && i <= j + 4; i++) {
    const t = ctx.tokens[i]
    if (!t || !t.word || isQuotedToken(ctx, i)) return false
    if (t.text === t.lower && inflectedCue(t.lower)) return true
  }
  return false
}

/** Token i is the last of a quotation whose words end in a comma (“…, in front of you,”). */
function closesWithComma(ctx: Context, i: number): boolean {
  const q = ctx.quoted[ctx.quoteOf[i] ?? -1]
  if (!q?.closed || ctx.quoteOf[i + 1] === ctx.quoteOf[i]) return false
  return /,\s*$/.test(ctx.text.slice(q.open + 1, q.close - 1))
}

const NOT_SUBJECT_WORD = /^(that|which|who|to|of|in|on|at|for|with|by|is|are|was|were|be|been|it|not|and|or|but)$/

/** "and said", "but warned", "and criticized": an inflected cue or act ("federal and state law" has a noun, not a cue). */
function inflectedCue(lower: string): boolean {
  const lemma = cueLemma(lower) ?? actLemma(lower)
  return !!lemma && lemma !== lower && !lower.endsWith('ing')
}

/** "he said", "Ms. Ayotte also said", "rights groups warned": a short subject, then a cue verb. */
function newAttribution(ctx: Context, i: number, max: number): boolean {
  const t = ctx.tokens[i]
  if (!t || isQuotedToken(ctx, i)) return false
  let j = i + 1
  if (/^(the|many|some|other|several|human|civil|rights|\p{Ll}+s)$/u.test(t.lower) && t.text === t.lower) {
    // "…, and human rights groups warned that …": a short plural or definite description.
    while (j < max && j < i + 4 && ctx.tokens[j]?.word && !isQuotedToken(ctx, j) && !cueLemma(ctx.tokens[j]?.lower ?? '') && !NOT_SUBJECT_WORD.test(ctx.tokens[j]?.lower ?? '')) j++
    if (!/s$/.test(ctx.tokens[j - 1]?.lower ?? '') && t.lower !== 'the') return false
  } else if (!/^(he|she|they|we|i)$/.test(t.lower)) {
    if (!isCapitalised(t)) return false
    while (j < max && j < i + 4 && ctx.tokens[j] && isCapitalised(ctx.tokens[j] as never)) j++
  }
  while (j < max && /^(also|later|then|has|had|have|would|previously|further)$/.test(ctx.tokens[j]?.lower ?? '')) j++
  const cue = ctx.tokens[j]?.lower ?? ''
  return !!cueLemma(cue) && !cue.endsWith('ing')
}

/** A cue verb later in the sentence followed by a comma or colon and a quotation ("replied, “…”"). */
function quotationIntroduced(ctx: Context, from: number, max: number): boolean {
  for (let j = from; j < max - 2; j++) {
    const t = ctx.tokens[j]
    if (!t || isQuotedToken(ctx, j)) return false
    if (t.text === t.lower && cueLemma(t.lower) && /^[,:]$/.test(ctx.tokens[j + 1]?.text ?? '') && isQuotedToken(ctx, j + 2)) return true
  }
  return false
}

/** "— especially youth —": a dash closed later in the sentence brackets an aside inside the content; the closing dash, or -1. */
function closingDash(ctx: Context, i: number, max: number): number {
  for (let j = i + 1; j < max; j++) if (ctx.tokens[j]?.text === ctx.tokens[i]?.text) return j
  return -1
}
