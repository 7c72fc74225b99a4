/**
 * Capitalised-name terms: runs of capitalised words ("Hu Jintao", "World Trade
 * Organisation", "Luiz Inacio Lula da Silva") found without the analyser, so
 * Similar Posts still sees people, organisations and places when the entity
 * step misses them. Each name yields its adjacent word pairs, which match
 * across spelling variants ("Lula da Silva" and "Luiz Inacio Lula da Silva"
 * share "lula silva").
 */
import { isStopWord, stem } from './tokens.js'

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*|[.!?;:"“”()\n]/gu
/** Lower-case words that may sit inside a name without ending it. */
const CONNECTORS = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'al', 'el', 'of', 'and', 'for'])
const CAPITALISED = /^\p{Lu}[\p{L}\p{N}'’.&-]*$/u

/** Names of two or more capitalised words in `text`, as written ("Hu Jintao"). */
export function capitalisedNames(text: string): string[] {
  const names: string[] = []
  let run: string[] = []
  let pending: string[] = []
  const flush = (): void => {
    if (run.length >= 2) names.push(run.join(' '))
    run = []
    pending = []
  }
  for (const m of text.matchAll(TOKEN_RE)) {
    const tok = m[0]
    if (tok.length === 1 && /[.!?;:"“”()\n]/.test(tok)) {
      flush()
      continue
    }
    const bare = tok.replace(/['’]s$/, '')
    if (CAPITALISED.test(tok) && !isStopWord(bare.toLowerCase()) && !isAllCapsShout(tok)) {
      run.push(...pending, bare)
      pending = []
    } else if (run.length > 0 && CONNECTORS.has(tok) && pending.length === 0) {
      pending.push(tok)
    } else flush()
  }
  flush()
  return names
}

/** Headline-style words in capitals ("BREAKING", "UPDATE") are not names; short acronyms are. */
function isAllCapsShout(tok: string): boolean {
  return tok.length > 4 && tok === tok.toUpperCase() && /\p{L}{5,}/u.test(tok)
}

/** Pair terms ("n:hu_jintao") of a name's significant words, adjacent after dropping connectors. */
export function namePairs(name: string): string[] {
  const core = name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/['’]s$/, '').replace(/['’]/g, ''))
    .filter((w) => w && !CONNECTORS.has(w))
    .map(stem)
  const out: string[] = []
  for (let i = 0; i + 1 < core.length; i++) out.push(`n:${core[i]}_${core[i + 1]}`)
  return out
}
