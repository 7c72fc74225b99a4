import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractDocument } from './document.js'
import { dateFromUrl } from './url-date.js'

const day = (iso: string): string => `${iso}T00:00:00.000Z`

describe('dateFromUrl', () => {
  it('reads the day news sites file articles under', () => {
    assert.equal(dateFromUrl('https://news.example.com/2021/03/09/port-strike-ends/'), day('2021-03-09'))
    assert.equal(dateFromUrl('https://example.org/world/2019-11-04-election-results.html'), day('2019-11-04'))
    assert.equal(dateFromUrl('https://example.org/doc/2018-06/21/content_55.htm'), day('2018-06-21'))
    assert.equal(dateFromUrl('https://paper.example/2020/sep/14/budget-vote'), day('2020-09-14'))
    assert.equal(dateFromUrl('https://radio.example/arts/2017/0412/festival.html'), day('2017-04-12'))
    assert.equal(dateFromUrl('https://example.com/news/20160722-0915-council-meeting.htm'), day('2016-07-22'))
    assert.equal(dateFromUrl('https://example.com/cgi-bin/get.pl?nn20150103a2.htm'), day('2015-01-03'))
  })

  it('reads an archive copy for the address it keeps, not the day it was captured', () => {
    assert.equal(dateFromUrl('https://web.archive.org/web/20230101000000/https://example.com/2021/03/09/story'), day('2021-03-09'))
    assert.equal(dateFromUrl('https://web.archive.org/web/20230101000000/https://example.com/story-without-a-date'), null)
  })

  it('names no day where the address has none, or only a year or a month', () => {
    assert.equal(dateFromUrl('https://example.com/news/story-1243549'), null)
    assert.equal(dateFromUrl('https://example.com/newsitems/202104/s1243549.htm'), null)
    assert.equal(dateFromUrl('https://example.com/laureates/2004/press.html'), null)
    assert.equal(dateFromUrl('https://2021.example.com/about'), null)
    assert.equal(dateFromUrl('not a url'), null)
    assert.equal(dateFromUrl(null), null)
  })

  it('refuses days that do not exist and runs of digits that are ids', () => {
    assert.equal(dateFromUrl('https://example.com/2021/02/30/story'), null)
    assert.equal(dateFromUrl('https://example.com/2021/13/01/story'), null)
    assert.equal(dateFromUrl('https://example.com/item/120210315'), null)
    assert.equal(dateFromUrl('https://example.com/item/20210315001'), null)
  })
})

describe('extractDocument dates from the address', () => {
  it('dates pasted text and pages without date metadata by their address', () => {
    const text = extractDocument({ body: 'Port strike ends\n\nDock workers returned to work on Tuesday after a deal.', url: 'https://example.com/2021/03/09/port-strike-ends' })
    assert.ok(text.ok)
    assert.equal(text.value.publishedAt, day('2021-03-09'))
    const html = '<html><head><title>Port strike ends</title></head><body><article><h1>Port strike ends</h1><p>Dock workers returned to work on Tuesday after a deal with the port authority was signed late on Monday night.</p></article></body></html>'
    const page = extractDocument({ body: html, contentType: 'text/html', url: 'https://example.com/2021/03/09/port-strike-ends' })
    assert.ok(page.ok)
    assert.equal(page.value.publishedAt, day('2021-03-09'))
  })

  it('keeps the date the page states over the address', () => {
    const html = '<html><head><meta property="article:published_time" content="2021-03-10T08:00:00Z"><title>Port strike ends</title></head><body><article><p>Dock workers returned to work on Tuesday after a deal with the port authority was signed late on Monday night.</p></article></body></html>'
    const page = extractDocument({ body: html, contentType: 'text/html', url: 'https://example.com/2021/03/09/port-strike-ends' })
    assert.ok(page.ok)
    assert.equal(page.value.publishedAt, '2021-03-10T08:00:00.000Z')
  })
})
