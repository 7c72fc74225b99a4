/**
 * Near-duplicate fingerprints: MinHash over word shingles, split into LSH
 * bands. Two texts share a band with high probability when their shingle sets
 * overlap strongly, so band keys in an index find copy candidates without
 * comparing against the whole corpus.
 */

/** Hash functions in a signature. */
export const SIGNATURE_SIZE = 64
/** Rows per band: 16 bands of 4 rows catch pairs with Jaccard ≥ 0.5 with probability ≥ 0.64, ≥ 0.7 with ≥ 0.99. */
export const BAND_ROWS = 4
const SHINGLE = 5

const SEEDS: readonly number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32((i + 1) * 0x9e3779b9))

/** Murmur3's finaliser: a fast, well-mixed 32-bit hash step. */
function fmix32(h0: number): number {
  let h = h0 >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over a string's UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Hashes of the text's overlapping word shingles (all words, stop words included: copies keep them). */
export function shingleHashes(tokens: string[]): Set<number> {
  const out = new Set<number>()
  if (tokens.length === 0) return out
  const hashes = tokens.map(hashString)
  const size = Math.min(SHINGLE, hashes.length)
  for (let i = 0; i + size <= hashes.length; i++) {
    let h = 0x2545f491
    for (let j = 0; j < size; j++) h = fmix32(h ^ Math.imul((hashes[i + j] ?? 0) + j, 0x27d4eb2f))
    out.add(h)
  }
  return out
}

/** The MinHash signature of a shingle set; empty for an empty set (no text, no fingerprint). */
export function minhash(shingles: Set<number>): number[] {
  if (shingles.size === 0) return []
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff)
  for (const s of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix32(s ^ (SEEDS[i] ?? 0))
      if (v < (sig[i] ?? 0)) sig[i] = v
    }
  }
  return sig
}

/** Band keys "<band>:<hash>" of a signature. */
export function bandKeys(signature: number[]): string[] {
  const keys: string[] = []
  for (let b = 0; b * BAND_ROWS < signature.length; b++) {
    let h = 0x1b873593 ^ b
    for (let r = 0; r < BAND_ROWS; r++) h = fmix32(h ^ (signature[b * BAND_ROWS + r] ?? 0))
    keys.push(`${b}:${h.toString(36)}`)
  }
  return keys
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function estimatedJaccard(a: number[], b: number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/** Compact text form for storage: 8 hex digits per value. */
export function encodeSignature(signature: number[]): string {
  return signature.map((v) => v.toString(16).padStart(8, '0')).join('')
}

export function decodeSignature(text: string | null): number[] {
  if (!text) return []
  const out: number[] = []
  for (let i = 0; i + 8 <= text.length; i += 8) out.push(parseInt(text.slice(i, i + 8), 16))
  return out
}
