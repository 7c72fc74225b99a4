import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { browserSkipReason, launchBrowser } from '../helpers/browser.js'
import { startServer, type RunningServer } from '../helpers/server.js'
import { startServer as startSite, type TestServer } from '../ingest/server.js'

const skip = browserSkipReason()

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><item><title>Quay</title><guid>q-1</guid><description>Words.</description></item></channel></rss>'

describe('editing a feed in Chromium, without JavaScript', { skip: skip ?? false, timeout: 120_000 }, () => {
  let site: TestServer
  let desk: RunningServer
  let browser: Browser
  let tab: Page

  before(async () => {
    site = await startSite({ '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS) })
    desk = await startServer({ NEWSDESK_ALLOW_PRIVATE_HOSTS: '127.0.0.1' })
    browser = await launchBrowser()
    // The form must work as plain HTML: no script runs on these pages.
    tab = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
    await tab.goto(`${desk.url}/feeds`)
    await tab.fill('#add-feed input[name=url]', `${site.origin}/feed.xml`)
    await Promise.all([tab.waitForLoadState('load'), tab.click('#add-feed button[type=submit]')])
  })
  after(async () => {
    await browser?.close()
    await desk?.stop()
    await site?.close()
  })

  it('opens the form from the feed, filled in with its settings, and saves a new title and interval', async () => {
    await Promise.all([tab.waitForURL(/\/feeds\/[^/]+\/edit$/), tab.click('#feeds a.edit-feed')])
    assert.equal(await tab.inputValue('#feed-title'), 'Harbour Times')
    assert.equal(await tab.inputValue('#feed-url'), `${site.origin}/feed.xml`)
    assert.equal(await tab.inputValue('#feed-interval'), '60')
    await tab.fill('#feed-title', 'Harbour desk')
    await tab.fill('#feed-interval', '15')
    await Promise.all([tab.waitForURL(/\/feeds\?notice=edited/), tab.click('#edit-feed button[type=submit]')])
    assert.match((await tab.textContent('p.notice')) ?? '', /Feed settings saved/)
    const card = (await tab.textContent('#feeds')) ?? ''
    assert.match(card, /Harbour desk/)
    assert.match(card, /every 15 min/)
  })

  it('shows why an address is refused and keeps what was typed', async () => {
    await Promise.all([tab.waitForURL(/\/edit$/), tab.click('#feeds a.edit-feed')])
    await tab.fill('#feed-title', 'Moved desk')
    await tab.fill('#feed-url', 'http://10.0.0.1/feed.xml')
    await Promise.all([tab.waitForLoadState('load'), tab.click('#edit-feed button[type=submit]')])
    assert.match((await tab.textContent('#edit-feed [role=alert]')) ?? '', /Not saved: the address: 10\.0\.0\.1 is a private-network address: refused/)
    assert.equal(await tab.inputValue('#feed-title'), 'Moved desk')
    assert.equal(await tab.inputValue('#feed-url'), 'http://10.0.0.1/feed.xml')
    assert.equal(await tab.inputValue('#feed-interval'), '15')
    await tab.goto(`${desk.url}/feeds`)
    assert.match((await tab.textContent('#feeds')) ?? '', /Harbour desk/, 'nothing was saved')
  })
})
