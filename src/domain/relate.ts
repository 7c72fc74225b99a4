/** Features the relate stage computes for one article, stored for Similar Posts and duplicates. */
export interface RelateFeatures {
  /** Weighted terms (already normalised; higher = more characteristic), at most a few dozen. */
  terms: Record<string, number>
  /** MinHash signature of the body's word shingles. */
  minhash: number[]
  /** LSH band keys derived from the signature. */
  bands: string[]
}
