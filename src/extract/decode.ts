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

function tryDecode(bytes: Uint8Array, label: string, fatal = false): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes)
  } catch {
    return null
  }
}

function decode(bytes: Uint8Array, label: string): string {
  return tryDecode(bytes, label) ?? new TextDecoder('windows-1252').decode(bytes)
}
