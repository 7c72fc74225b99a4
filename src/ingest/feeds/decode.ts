import { tryDecode } from '../../extract/decode.js'

/**
 * Turns feed bytes into text: BOM first, then the XML declaration's
 * encoding, then the Content-Type charset, then UTF-8.
 */
export function decodeFeedBytes(body: string | Uint8Array, contentType?: string | null): string {
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '')
  const bytes = body
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1')
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head.trimStart())?.[1]
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
  for (const label of [declared, fromHeader]) {
    if (label === undefined) continue
    // The extractor's decoder: Node 20's TextDecoder gets windows-1252 wrong.
    const text = tryDecode(bytes, label)
    if (text !== null) return text
  }
  return new TextDecoder('utf-8').decode(bytes)
}
