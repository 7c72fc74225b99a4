import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { earliest, keptUrl } from './merge.js'

describe('merging a copy into the stored article', () => {
  it('keeps the earliest date; a date that does not parse loses', () => {
    assert.equal(earliest('2024-05-02T10:00:00Z', 'Wed, 01 May 2024 08:00:00 GMT'), 'Wed, 01 May 2024 08:00:00 GMT')
    assert.equal(earliest('2024-05-01', '2024-05-02'), '2024-05-01')
    assert.equal(earliest(null, '2024-05-02'), '2024-05-02')
    assert.equal(earliest('2024-05-02', null), '2024-05-02')
    assert.equal(earliest('soon', '2024-05-02'), '2024-05-02')
  })

  it('keeps the stored address unless the new one is the same page with fewer tracking parameters', () => {
    assert.equal(keptUrl('https://p.example/a.html', 'https://p.example/a.html?utm_source=rss'), 'https://p.example/a.html')
    assert.equal(keptUrl('https://p.example/a.html?utm_source=rss', 'https://www.p.example/a.html'), 'https://www.p.example/a.html')
    assert.equal(keptUrl('https://p.example/a.html', 'https://other.example/b'), 'https://p.example/a.html')
    assert.equal(keptUrl(null, 'https://p.example/a'), 'https://p.example/a')
    assert.equal(keptUrl('https://p.example/a', null), 'https://p.example/a')
  })
})
