import assert from 'node:assert/strict'
import { it } from 'node:test'
import { collectionOf } from './import.js'

it('a record id belongs to the collection given, or to its file name without extension', () => {
  assert.equal(collectionOf('2024/corpus.jsonl:12', null), '2024/corpus')
  assert.notEqual(collectionOf('a/news.jsonl:1', null), collectionOf('b/news.jsonl:1', null))
  assert.equal(collectionOf('papers.ndjson:3', undefined), 'papers')
  assert.equal(collectionOf('crawl.warc.gz#7', null), 'crawl')
  assert.equal(collectionOf('corpus-v2.jsonl.gz:1', ' corpus '), 'corpus')
})
