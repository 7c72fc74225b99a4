/** Tables of the ingest edge (feeds, job queue). Owned by src/ingest + src/pipeline. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeedTables {}
