/** Small text helpers for feed fields. */
import { dropControls } from '../../lib/controls.js'

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
      // "&#27;" is an escape character as surely as a raw one: control characters are dropped.
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? dropControls(String.fromCodePoint(n)) : whole
    }
    return NAMED[code.toLowerCase()] ?? whole
  })
}

/**
 * Inline HTML tags feeds put in titles; anything else in angle brackets ("<News>") is kept as text.
 * The attributes may not run past the next "<": a title of many unclosed tags ("<b <b <b …") is
 * then read in linear time, where "[^>]*" tried every tag to the end of the text (quadratic).
 */
const INLINE_TAG = /<\/?(a|abbr|b|big|br|cite|code|del|dfn|div|em|font|i|img|ins|kbd|mark|p|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr|script|style)\b[^<>]*>/gi

export const dropInlineTags = (text: string): string => text.replace(INLINE_TAG, '')

/** Longest title or name read, in characters: a longer one is a page of text, or an attack on the cleaning. */
export const MAX_NAME_LENGTH = 1000

/** `text` cut to at most `max` characters, at a word boundary when one is near, ending in "…". */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text
  // A cut through a surrogate pair leaves no half character.
  const cut = text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/** A title or name as plain text: cut to MAX_NAME_LENGTH, HTML tags and control characters dropped, entities decoded, whitespace collapsed. */
export function plainText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const text = dropControls(decodeEntities(dropInlineTags(capLength(value, MAX_NAME_LENGTH)))).replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Plain text as HTML paragraphs (blank lines separate paragraphs). */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')
}

export const nonEmpty = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value.trim()

/** A date string from a feed as ISO 8601, or null when it cannot be read. */
export function isoDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const ms = Date.parse(value.trim())
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/** An absolute http(s) URL resolved against the feed's base, or null. */
export function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  const raw = nonEmpty(value)
  if (raw === null) return null
  try {
    const url = base === null ? new URL(raw) : new URL(raw, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
