import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { browserSkipReason, launchBrowser } from '../helpers/browser.js'
import { startServer, type RunningServer } from '../helpers/server.js'

const skip = browserSkipReason()

const page = (title: string, speaker: string, words: string) => `<!doctype html><html lang="en"><head><title>${title} | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"></head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1><p>${words} The decision came after a long debate in the council chamber on Tuesday evening.</p>
<p>“We had no other choice,” said ${speaker}, the harbour master. “The old quay is no longer safe for ships.”</p>
<p>Residents said they would appeal the decision at the regional court next month.</p></article>
<aside><h2>Similar Posts</h2><ul><li><a href="/x">Another story</a></li></ul></aside><footer>© Harbour Times</footer></body></html>`

/** A small news site on loopback: an RSS feed and three article pages. */
function newsSite(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const routes: Record<string, [string, string]> = {
      '/feed.xml': ['application/rss+xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><link>${base}/</link>
        <item><title>Council closes the old quay</title><link>${base}/quay</link><guid>${base}/quay</guid><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
        <item><title>Ferry fares rise in spring</title><link>${base}/fares</link><guid>${base}/fares</guid><pubDate>Wed, 04 Mar 2026 10:00:00 GMT</pubDate></item>
        </channel></rss>`],
      '/quay': ['text/html; charset=utf-8', page('Council closes the old quay', 'Mara Jensen', 'The town council voted to close the old quay.')],
      '/fares': ['text/html; charset=utf-8', page('Ferry fares rise in spring', 'Olav Berg', 'Ferry fares will rise by ten percent in April.')],
      '/lighthouse': ['text/html; charset=utf-8', page('Lighthouse gets a new lamp', 'Ida Lund', 'The lighthouse on the point received a new lamp.')],
    }
    const route = routes[req.url ?? '']
    if (!route) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': route[0] }).end(route[1])
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })))
}

describe('feeds and URLs through the web app in Chromium', { skip: skip ?? false, timeout: 120_000 }, () => {
  let site: { server: Server; base: string }
  let desk: RunningServer
  let browser: Browser
  let tab: Page

  before(async () => {
    site = await newsSite()
    // The test site is on loopback, which the fetcher refuses unless the desk allows it.
    desk = await startServer({ NEWSDESK_ALLOW_PRIVATE_HOSTS: '127.0.0.1' })
    browser = await launchBrowser()
    tab = await browser.newPage()
  })
  after(async () => {
    await browser?.close()
    await desk?.stop()
    site?.server.close()
  })

  it('subscribes to a feed and stores its articles, fetched in full and cleaned', async () => {
    await tab.goto(`${desk.url}/feeds`)
    await tab.fill('#add-feed input[name=url]', `${site.base}/feed.xml`)
    await Promise.all([tab.waitForLoadState('load'), tab.click('#add-feed button[type=submit]')])
    assert.ok(((await tab.textContent('#feeds')) ?? '').includes('Harbour Times'))
    await tab.click('#feeds form[action$="/refresh"] button')
    let titles: string[] = []
    for (let i = 0; i < 40 && titles.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 500))
      await tab.goto(desk.url)
      titles = (await tab.$$eval('.article-list strong', (els) => els.map((e) => e.textContent ?? ''))).filter((t) => /quay|fares/.test(t))
    }
    assert.deepEqual(titles.sort(), ['Council closes the old quay', 'Ferry fares rise in spring'])
    await tab.click('text=Council closes the old quay')
    const body = (await tab.textContent('#article-body')) ?? ''
    assert.ok(body.includes('We had no other choice'))
    assert.ok(!body.includes('Similar Posts') && !body.includes('Sport'), 'navigation and page furniture removed')
    assert.ok(((await tab.textContent('#who-said-what')) ?? '').includes('Mara Jensen'))
  })

  it('adds an article by its web address', async () => {
    await tab.goto(desk.url)
    await tab.fill('#add-url', `${site.base}/lighthouse`)
    await Promise.all([tab.waitForURL(/\/articles\//), tab.click('#add button[type=submit]')])
    assert.equal((await tab.textContent('#article-title'))?.trim(), 'Lighthouse gets a new lamp')
  })

  it('refuses a web address that points inside the network, with a clear message', async () => {
    await tab.goto(desk.url)
    await tab.fill('#add-url', 'http://169.254.169.254/latest/meta-data/')
    await tab.click('#add button[type=submit]')
    const error = (await tab.textContent('#add .error')) ?? ''
    assert.match(error, /private|not allowed|refused|blocked|link-local/i)
  })
})
