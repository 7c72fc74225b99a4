/**
 * Features the relate stage computes for one article, stored for Similar
 * Posts and duplicates. Term weights are before IDF: the store knows the
 * document frequencies, the pure stage does not.
 */
export interface RelateFeatures {
  /** Term → field-boosted, log-scaled frequency weight. Plain terms are stems ("elect"); name pairs start with "n:". */
  terms: Record<string, number>
  /** People, organisations and places named in the article (display form), most mentioned first. */
  names: string[]
  /**
   * The article's verbatim quotes (shortened, longest first), to say which quote two articles share.
   * Not a ranking signal: on the development set, weighting shared quote shingles lowered MAP
   * (sibling stories quote the same people too).
   */
  quotes: string[]
  /** MinHash signature of the body's word shingles (empty when the article has no body text). */
  minhash: number[]
  /** LSH band keys derived from the signature. */
  bands: string[]
}
