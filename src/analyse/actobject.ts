/**
 * Reading a speech act's object where a short word stands in the way:
 * "spoke emotionally of …", "spoke out Tuesday about …" (words between the
 * verb and its particle) and "spoke about her deep ties …" ("her" as the
 * owner of the object, not the object itself).
 */
import type { Context } from './context.js'

/** Adverbs and dates that may stand between a verb and its particle. */
const BEFORE_PARTICLE = /^(out|up|publicly|privately|openly|again|repeatedly|often|frequently|recently|earlier|later|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|more|less|in|public|at|length|\p{L}+ly)$/u
/** "speaks more frequently in public about": up to four such words. */
const MAX_BEFORE_PARTICLE = 4
/** "spoke highly of Gasol": an idiom of praise, not a topic raised (the Gender Gap Tracker set leaves it out). */
const PRAISE_IDIOM = /^(highly|well|ill|fondly|warmly|glowingly)$/

/** The token index of the verb's particle at or a couple of adverbs after k, or -1. */
export function particleAt(ctx: Context, k: number, max: number, particle: RegExp): number {
  for (let i = k; i < max && i <= k + MAX_BEFORE_PARTICLE; i++) {
    const lower = ctx.tokens[i]?.lower ?? ''
    if (particle.test(lower)) return i
    if (!BEFORE_PARTICLE.test(lower) || PRAISE_IDIOM.test(lower)) return -1
  }
  return -1
}

/** Words after which "her" is the object itself: "urged her to", "called her a liar", "praised her on Monday". */
const AFTER_OBJECT = /^(to|that|and|or|but|of|for|in|on|at|with|as|by|from|about|if|because|when|while|after|before|over|into|back|again|off|out|up|down|away|a|an|the|this|these|those|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|\p{L}+ly)$/u

/** "her" owning the next word ("her deep ties", "her work"), a possessive and the start of the object. */
export function possessiveHer(ctx: Context, k: number): boolean {
  const next = ctx.tokens[k + 1]
  return ctx.tokens[k]?.lower === 'her' && !!next?.word && next.text === next.lower && !AFTER_OBJECT.test(next.lower)
}

const DAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|afternoon|evening)$/

/** "announced on Friday the arrest …", "unveiled last week a plan …": the token after a date phrase before the object, else k. */
export function afterDatePhrase(ctx: Context, k: number): number {
  const lower = (i: number): string => ctx.tokens[i]?.lower ?? ''
  if (/^(on|last|this|early|late)$/.test(lower(k)) && DAY.test(lower(k + 1)) && ctx.tokens[k + 2]?.word) return k + 2
  return k
}
