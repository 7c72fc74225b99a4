import { Parser, type Handler, type ParserOptions } from 'htmlparser2'

/**
 * htmlparser2's Parser keeps its open-element stack top-first in an array
 * (unshift/shift/indexOf), which makes a page of 100,000 unclosed nested
 * elements quadratic: over 20 s. This stack keeps the same interface
 * (index 0 is the top) on a push/pop array with per-name counts, so every
 * operation is O(1) or amortised against the pops it leads to.
 */
class TopFirstStack<T> {
  private readonly items: T[] = []
  private readonly counts = new Map<T, number>()
  /** The top, as a plain property: the parser reads it on every tag. */
  '0': T | undefined = undefined

  constructor(initial: T[] = []) {
    for (const x of initial) this.unshift(x)
  }

  get length(): number {
    return this.items.length
  }

  set length(n: number) {
    while (this.items.length > n) this.shift()
  }

  unshift(x: T): number {
    this.items.push(x)
    this.counts.set(x, (this.counts.get(x) ?? 0) + 1)
    this[0] = x
    return this.items.length
  }

  shift(): T | undefined {
    const x = this.items.pop()
    if (x !== undefined) this.counts.set(x, (this.counts.get(x) ?? 1) - 1)
    this[0] = this.items[this.items.length - 1]
    return x
  }

  includes(x: T): boolean {
    return (this.counts.get(x) ?? 0) > 0
  }

  /** Distance from the top, as Array#indexOf on the top-first array. */
  indexOf(x: T): number {
    if (!this.includes(x)) return -1
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i] === x) return this.items.length - 1 - i
    return -1
  }
}

interface ParserInternals {
  stack: TopFirstStack<string>
  foreignContext: TopFirstStack<number>
  cbs: Partial<Handler>
  startIndex: number
  endIndex: number
  onend: () => void
}

/** An htmlparser2 Parser whose tree-building stack is linear in nesting depth. */
export function createParser(cbs: Partial<Handler>, options: ParserOptions): Parser {
  const parser = new Parser(cbs, options)
  const p = parser as unknown as ParserInternals
  p.stack = new TopFirstStack<string>()
  p.foreignContext = new TopFirstStack<number>([0])
  p.onend = function onend(this: ParserInternals): void {
    if (this.cbs.onclosetag) {
      this.endIndex = this.startIndex
      for (let name = this.stack.shift(); name !== undefined; name = this.stack.shift()) this.cbs.onclosetag(name, true)
    }
    this.cbs.onend?.()
  }
  return parser
}
