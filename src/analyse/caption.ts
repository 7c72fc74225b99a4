import type { Context } from './context.js'

/**
 * A photo caption set into the text ("Jane Doe at the rally. ( John Smith /
 * Daily Star )"): the people it names are pictured, not talked about.
 */
export function isCaption(ctx: Context, paragraph: number): boolean {
  let known = captions.get(ctx)
  if (!known) captions.set(ctx, (known = new Map()))
  let caption = known.get(paragraph)
  if (caption === undefined) known.set(paragraph, (caption = captionTail(ctx, paragraph)))
  return caption
}

/** Asked for every sentence and every antecedent looked for: read once per paragraph. */
const captions = new WeakMap<Context, Map<number, boolean>>()

function captionTail(ctx: Context, paragraph: number): boolean {
  const p = ctx.paras[paragraph]
  if (!p) return false
  const tail = ctx.text.slice(Math.max(p.start, p.end - 120), p.end)
  return (
    /\(\s*[^()]*(?:\/|\bPHOTO\b|\bphoto\b|\bFILE\b|Getty|AP Photo|Submitted by|Courtesy|Credit)[^()]*\)\s*$/.test(tail) ||
    (AGENCY_TAG.test(tail) && isShortUnquoted(ctx.text.slice(p.start, p.end))) ||
    // "… Quyen Cheng/THE CANADIAN PRESS": a credit without brackets, photographer then agency, every word capitalised
    // (not "…, according to a Times/CBS News poll released last week.").
    /\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+)*\s?\/\s?(?:THE )?\p{Lu}[\p{L}.&-]*(?: (?:&|\p{Lu}[\p{L}.&-]*)){0,6}\.?\s*$/u.test(tail)
  )
}

/**
 * "(Reuters)" alone closes a photo caption ("Protesters march in the rain.
 * (Reuters)") and also a wire story's paragraph ("…,” said Tomas Reyes.
 * (Reuters)"): only a short paragraph quoting no one is a caption.
 */
const AGENCY_TAG = /\(\s*[^()]*\bReuters\b[^()]*\)\s*$/
const CAPTION_WORDS = 40

function isShortUnquoted(paragraph: string): boolean {
  if (/["“”]/.test(paragraph)) return false
  return (paragraph.match(/\S+/g)?.length ?? 0) <= CAPTION_WORDS
}
