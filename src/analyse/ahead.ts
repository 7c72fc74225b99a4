/**
 * For each token, the nearest token at or after it (or at or before it) of
 * some kind: one pass per text and kind. Every cue candidate of a sentence
 * asks where the sentence's first word is, or how far back its clause goes;
 * walking there each time costs a sentence of n candidates n walks ("— — —
 * … said said said").
 */
import type { Context } from './context.js'

/** Does token i of the text have the kind looked for? */
export type TokenTest = (ctx: Context, i: number) => boolean

/** Sentence openers that come before the subject ("But the mayor said"). */
export const OPENER = /^(but|and|yet|still|so|now)$/

const isWord: TokenTest = (ctx, i) => !!ctx.tokens[i]?.word
const isLead: TokenTest = (ctx, i) => !!ctx.tokens[i]?.word && !OPENER.test(ctx.tokens[i]?.lower ?? '')

const ahead = new WeakMap<Context, Map<TokenTest, Int32Array>>()
const behind = new WeakMap<Context, Map<TokenTest, Int32Array>>()

function table(cache: WeakMap<Context, Map<TokenTest, Int32Array>>, ctx: Context, test: TokenTest, fill: (test: TokenTest) => Int32Array): Int32Array {
  let tests = cache.get(ctx)
  if (!tests) cache.set(ctx, (tests = new Map()))
  let found = tests.get(test)
  if (!found) tests.set(test, (found = fill(test)))
  return found
}

/** The first token at or after `from`, before `to`, that passes the test; `to` when none does (from when from ≥ to). */
export function firstFrom(ctx: Context, test: TokenTest, from: number, to: number): number {
  if (from >= to) return from
  const next = table(ahead, ctx, test, () => {
    const n = ctx.tokens.length
    const out = new Int32Array(n + 1).fill(n)
    for (let i = n - 1; i >= 0; i--) out[i] = test(ctx, i) ? i : (out[i + 1] ?? n)
    return out
  })
  return Math.min(to, next[Math.max(0, from)] ?? to)
}

/** The last token at or before `at` that passes the test, or -1. */
export function lastUpTo(ctx: Context, test: TokenTest, at: number): number {
  if (at < 0) return -1
  const prev = table(behind, ctx, test, () => {
    const out = new Int32Array(ctx.tokens.length).fill(-1)
    for (let i = 0; i < out.length; i++) out[i] = test(ctx, i) ? i : (out[i - 1] ?? -1)
    return out
  })
  return prev[Math.min(at, prev.length - 1)] ?? -1
}

/** The first word token in [from, to), or `to` when there is none (from when from ≥ to). */
export function nextWord(ctx: Context, from: number, to: number): number {
  return firstFrom(ctx, isWord, from, to)
}

/** The first word token in [from, to) that is no opener ("but", "and", …), or `to` (from when from ≥ to). */
export function nextLead(ctx: Context, from: number, to: number): number {
  return firstFrom(ctx, isLead, from, to)
}
