import type { ScanResult } from './scan.js'

/**
 * The dek (standfirst) and bylines as the page shows them, for pages whose
 * metadata lacks them or disagrees: elements named like a standfirst or a
 * byline, found by walking a few levels up from each text block.
 */
const DEK_NAME = /(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|subtitle|sub-title|subheadline|sub-headline|subhead|strapline|article-summary|story-summary|article-lede|alternativeheadline)(?:$|[\s_-])/
const BYLINE_NAME = /(?:^|[\s_-])(?:byline|by-line|author|authors|author-name|authorname|byline-name|contributor|writer|creator)(?:$|[\s_-])/
const LEVELS = 4

export interface PageCredits {
  dek: string | null
  authors: string[]
}

/** `contentStart` is the first block of the article text: a dek stands before it. */
export function pageCredits(scan: ScanResult, title: string, contentStart: number): PageCredits {
  const dekText = new Map<number, string>()
  const bylineText = new Map<number, string>()
  const h1 = scan.blocks.findIndex((b) => b.tag === 'h' && b.level === 1)
  for (let i = 0; i < scan.blocks.length; i++) {
    const b = scan.blocks[i]!
    if (b.inNoscript || b.tag === 'li') continue
    const dekPlace = h1 >= 0 && i > h1 && i <= h1 + 6 && i <= contentStart
    let e = b.elem
    for (let level = 0; e >= 0 && level < LEVELS; level++, e = scan.parent[e]!) {
      const name = scan.names[e]!
      if (name === '') continue
      if (BYLINE_NAME.test(name)) {
        bylineText.set(e, `${bylineText.get(e) ?? ''} ${b.text}`)
        break
      }
      if (dekPlace && DEK_NAME.test(name)) {
        dekText.set(e, `${dekText.get(e) ?? ''} ${b.text}`)
        break
      }
    }
  }
  let dek: string | null = null
  for (const text of dekText.values()) {
    const t = text.replace(/\s+/g, ' ').trim()
    if (t.length >= 40 && t.length <= 400 && t !== title && /\p{L}/u.test(t)) {
      dek = t
      break
    }
  }
  const authors: string[] = []
  for (const text of bylineText.values()) {
    for (const name of splitNames(text)) if (!authors.includes(name)) authors.push(name)
    if (authors.length > 0) break
  }
  return { dek, authors }
}

const NOT_A_NAME = /^(?:admin|administrator|editor|editors|staff|webmaster|redaction|redacción|redação|guest|user|anonymous)$/i

/** Author strings from metadata: "By TOM KRISHER, AP Auto Writer" → "TOM KRISHER"; "admin" dropped. */
export function cleanAuthors(raw: string[]): string[] {
  const out: string[] = []
  for (const a of raw) {
    const names = /^by\s|,|\band\b|\s[|·-]\s/i.test(a) ? splitNames(a) : []
    for (const n of names.length > 0 ? names : [a.replace(/^by\s+/i, '').trim()]) {
      if (n && !NOT_A_NAME.test(n) && !out.some((x) => x.toLowerCase() === n.toLowerCase())) out.push(n)
    }
  }
  return out
}

const ROLE = /\b(?:writer|editor|correspondent|reporter|staff|contributor|columnist|bureau|news|press|media|desk|team|updated|published)\b/i
const PERSON = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|del|la|le|bin|al|dos))*\s+\p{Lu}[\p{L}'’-]+$/u

/** "By Mary Holt and Sam Okafor, Staff Writers · 5 March 2024" → ["Mary Holt", "Sam Okafor"]. */
export function splitNames(text: string): string[] {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:written\s+)?(?:by|por|von|par|di|door|от|av|af)\s*:?\s+/i, '')
    .split(/\s[|·•—–-]\s|\n/)[0]!
  return t
    .split(/\s*(?:,|;|&|\band\b|\by\b|\bund\b|\bet\b|\be\b)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4 && s.length <= 60 && PERSON.test(s) && !ROLE.test(s) && s.split(' ').length <= 5)
}
