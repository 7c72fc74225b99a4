/**
 * Bytes → text. The encoding comes from, in order: a byte order mark, the
 * HTTP Content-Type charset, a <meta charset> or XML declaration in the first
 * bytes, then UTF-8 if the bytes are valid UTF-8, else windows-1252 (what
 * browsers assume for legacy Western pages). TextDecoder has full ICU in
 * Node 20, so every WHATWG encoding label works.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string } {
  const bom = bomEncoding(bytes)
  if (bom) return { text: decode(bytes.subarray(bom.skip), bom.encoding), encoding: bom.encoding }
  const declared = charsetOf(contentType) ?? sniffCharset(bytes)
  if (declared) {
    const label = declared === 'utf-16' || declared === 'utf-16le' || declared === 'utf-16be' ? guessUtf8OrLegacy(bytes) : declared
    const text = tryDecode(bytes, label)
    if (text !== null) return { text, encoding: label }
  }
  const enc = guessUtf8OrLegacy(bytes)
  return { text: decode(bytes, enc), encoding: enc }
}

function bomEncoding(b: Uint8Array): { encoding: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  return null
}

/** The charset parameter of a Content-Type header value. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')
  return m?.[1] ? m[1].toLowerCase() : null
}

function sniffCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096))
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta?.[1]) return meta[1].toLowerCase()
  const xml = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)
  return xml?.[1] ? xml[1].toLowerCase() : null
}

function latin1(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!)
  return s
}

function guessUtf8OrLegacy(bytes: Uint8Array): string {
  return tryDecode(bytes, 'utf-8', true) !== null ? 'utf-8' : 'windows-1252'
}

/** Labels the WHATWG Encoding Standard maps to windows-1252. */
const WINDOWS_1252 = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'latin1', 'l1', 'iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'iso-ir-100', 'csisolatin1', 'ibm819', 'cp819', 'us-ascii', 'ascii', 'ansi_x3.4-1968'])
// Bytes 0x80..0x9f in windows-1252; the rest is Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/**
 * windows-1252 by hand: Node 20's TextDecoder decodes this label as
 * ISO-8859-1, turning curly quotes and dashes into C1 control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192)
    let s = ''
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!
      s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)
    }
    parts.push(s)
  }
  return parts.join('')
}

/** Decodes with an encoding label (windows-1252 family by hand); null for an unknown label or, when fatal, bad bytes. */
export function tryDecode(bytes: Uint8Array, label: string, fatal = false): string | null {
  if (WINDOWS_1252.has(label.toLowerCase())) return decodeWindows1252(bytes)
  try {
    return new TextDecoder(label, { fatal }).decode(bytes)
  } catch {
    return null
  }
}

function decode(bytes: Uint8Array, label: string): string {
  return tryDecode(bytes, label) ?? decodeWindows1252(bytes)
}
