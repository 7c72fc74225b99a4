/** Tables of the relate stage (Similar Posts, near-duplicates). Owned by src/relate + src/search. */

/** One row per indexed article: what Similar Posts rescoring and duplicate checks read. */
export interface RelateDocsTable {
  article_id: string
  /** normaliseUrl(url): the same page under two addresses is a duplicate. */
  url_key: string | null
  /** Publication day (days since 1970-01-01), for time proximity. */
  day: number | null
  /** JSON {"t": {term: tf weight}, "n": [names], "p": {term: posting weight}}: terms before IDF, and the postings written. */
  features: string
  /** MinHash signature, 8 hex digits per value; '' when the article has no body text. */
  minhash: string
  /** Id of the first article of its duplicate cluster (its own id when it has no copies). */
  cluster_id: string
}

/** Inverted index: an article's top terms with their weight in it (tf-idf at indexing time, normalised). */
export interface RelateTermsTable {
  term: string
  article_id: string
  weight: number
}

/** Document frequency of every term of every indexed article. */
export interface RelateDfTable {
  term: string
  df: number
}

/** LSH band keys of MinHash signatures: articles sharing a key are copy candidates. */
export interface RelateBandsTable {
  band: string
  article_id: string
}

/** Counters: 'docs' = number of indexed articles. */
export interface RelateMetaTable {
  key: string
  value: number
}

export interface RelateTables {
  relate_docs: RelateDocsTable
  relate_terms: RelateTermsTable
  relate_df: RelateDfTable
  relate_bands: RelateBandsTable
  relate_meta: RelateMetaTable
}
