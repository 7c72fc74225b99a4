import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { browserSkipReason, launchBrowser } from '../helpers/browser.js'
import { startServer, type RunningServer } from '../helpers/server.js'

const skip = browserSkipReason()
const SEED = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8')

/** Signing in from an article, replying, editing and deleting, as a reader without JavaScript does it in Chromium. */
describe('the discussion in Chromium without JavaScript', { skip: skip ?? false, timeout: 120_000 }, () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let articlePath = ''

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${server.url}/signup`)
    await page.fill('#username', 'ada')
    await page.fill('#displayName', 'Ada Admin')
    await page.fill('#password', 'correct horse battery')
    await Promise.all([page.waitForURL(`${server.url}/`), page.click('form[action="/signup"] button')])
    await page.fill('#add-text', SEED)
    await Promise.all([page.waitForURL(/\/articles\/[a-z0-9]+$/), page.click('#add button[type=submit]')])
    articlePath = new URL(page.url()).pathname
    await Promise.all([page.waitForURL(`${server.url}/`), page.click('form[action="/logout"] button')])
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('returns to the article after signing in from it', async () => {
    await page.goto(`${server.url}${articlePath}`)
    await page.click('header a[href="/login"]')
    await page.fill('#username', 'ada')
    await page.fill('#password', 'correct horse battery')
    await Promise.all([page.waitForURL(`${server.url}${articlePath}`), page.click('form[action="/login"] button')])
  })

  it('posts a reply, edits it and deletes it after asking', async () => {
    await page.fill('#body-top', 'A first reply from Ada.')
    await Promise.all([page.waitForURL(/#reply-/), page.click('form.reply-form button:has-text("Post reply")')])
    await page.click('.reply-actions a:has-text("Edit")')
    await page.fill('#reply-body', 'A first reply from Ada, edited.')
    await Promise.all([page.waitForURL(/#reply-/), page.click('button:has-text("Save")')])
    assert.equal(await page.locator('.reply .body').first().innerText(), 'A first reply from Ada, edited.')
    assert.match(await page.locator('.reply .meta').first().innerText(), /· edited$/)
    await page.click('.reply-actions a:has-text("Delete")')
    assert.equal(await page.locator('h1').innerText(), 'Delete your reply?')
    await Promise.all([page.waitForURL(/#replies$/), page.click('button:has-text("Delete the reply")')])
    assert.equal(await page.locator('#replies h3').innerText(), '0 replies')
  })
})
