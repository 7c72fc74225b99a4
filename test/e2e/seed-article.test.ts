import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { browserSkipReason, launchBrowser } from '../helpers/browser.js'
import { startServer, type RunningServer } from '../helpers/server.js'

const skip = browserSkipReason()
const SEED = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8')

describe('the seed article through the web app in Chromium', { skip: skip ?? false, timeout: 120_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let articleUrl = ''

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.newPage()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('adds the seed article through the form on the home page', async () => {
    await page.goto(server.url)
    await page.fill('#add-text', SEED)
    await Promise.all([page.waitForURL(/\/articles\/[a-z0-9]+$/), page.click('#add button[type=submit]')])
    articleUrl = page.url()
    assert.equal(await page.textContent('#article-title'), 'Trump faces a far more emboldened Kim Jong Un this time around')
  })

  it('shows the four headings and none of the page furniture in the body', async () => {
    const headings = await page.$$eval('#article-body h2', (els) => els.map((e) => e.textContent?.trim()))
    assert.deepEqual(headings, ['A relationship gone sour', 'Kim breaks North Korea’s isolation', 'Trump’s gambit', 'The nuclear option'])
    const body = (await page.textContent('#article-body')) ?? ''
    assert.ok(body.includes('Hanoi conference'), 'the body text is there')
    assert.ok(!body.includes('Similar Posts'), 'no "Similar Posts" inside the article')
    assert.ok(!body.includes('Leave a Reply'), 'no "Leave a Reply" inside the article')
    const captions = await page.$$eval('#article-body figcaption', (els) => els.map((e) => e.textContent?.trim()))
    assert.ok(captions.includes('Donald Trump and Kim Jong Un at the 2019 Hanoi summit.'))
  })

  it('attributes quotes to the four experts in the quotes panel, linked to their people pages', async () => {
    const speakers = await page.$$eval('#who-said-what .speaker', (els) => els.map((e) => e.textContent?.trim()))
    for (const name of ['Jeremy Chan', 'Bruce Bennet', 'Daniel Salisbury', 'Ellen Kim']) {
      assert.ok(speakers.includes(name), `${name} in the quotes panel (got ${speakers.join(', ')})`)
    }
    const chanQuote = page.locator('#who-said-what li', { hasText: 'weaker hand' })
    assert.equal((await chanQuote.locator('.speaker').textContent())?.trim(), 'Jeremy Chan')
    // A reported quote shows how it was said; a direct quotation speaks for itself.
    const cues = await page.$$eval('#who-said-what li .cue', (els) => els.map((e) => e.textContent?.trim()))
    assert.ok(cues.includes('said') || cues.includes('according to'), JSON.stringify(cues))
    assert.equal(await chanQuote.locator('.cue').count(), 0)
    // A paraphrase is not set in quotation marks; a direct quotation is.
    assert.equal(await page.locator('#who-said-what li.indirect q').first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).quotes), 'none')
    assert.notEqual(await chanQuote.locator('q').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).quotes), 'none')
    assert.equal(await page.evaluate('document.compatMode'), 'CSS1Compat')
    await page.click('#who-said-what a.speaker:text-is("Jeremy Chan")')
    await page.waitForURL(/\/people\//)
    assert.equal((await page.textContent('h1'))?.trim(), 'Jeremy Chan')
    assert.ok(((await page.textContent('#person-quotes')) ?? '').includes('weaker hand'))
  })

  it('keeps a posted reply and a threaded answer after a reload', async () => {
    await page.goto(articleUrl)
    await page.fill('#replies .reply-form >> nth=0 >> input[name=authorName]', 'Ada Analyst')
    await page.fill('#replies .reply-form >> nth=0 >> textarea[name=body]', 'Bennet’s point about the 2019 walk-out matters.')
    await Promise.all([page.waitForURL(/#reply-/, { waitUntil: 'load' }), page.click('#replies .reply-form >> nth=0 >> button')])
    await page.waitForSelector('text=Bennet’s point about the 2019 walk-out matters.')
    // A fresh load of the article page: the reply is stored, not just shown once.
    await page.goto(articleUrl)
    const first = page.locator('#replies li.reply').first()
    assert.ok(((await first.textContent()) ?? '').includes('Bennet’s point about the 2019 walk-out matters.'))
    assert.ok(((await first.textContent()) ?? '').includes('Ada Analyst'))
    await first.locator('summary').click()
    await first.locator('input[name=authorName]').fill('Ben Editor')
    await first.locator('textarea[name=body]').fill('Agreed, and Chan says the same.')
    await Promise.all([page.waitForURL(/#reply-/, { waitUntil: 'load' }), first.locator('form.reply-form button').click()])
    await page.waitForSelector('text=Agreed, and Chan says the same.')
    await page.goto(articleUrl)
    const nested = page.locator('#replies li.reply ul.replies li.reply')
    assert.ok(((await nested.first().textContent()) ?? '').includes('Agreed, and Chan says the same.'))
  })
})
