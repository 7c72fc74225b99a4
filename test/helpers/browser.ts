import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Why browser tests cannot run here, or null when they can. On CI a missing
 * Chromium is an error (CI installs it), elsewhere the tests are skipped loudly.
 */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium): BROWSER TESTS SKIPPED`
  if (process.env.CI) throw new Error(`${reason} – CI must install chromium`)
  console.warn(`\n*** ${reason} ***\n`)
  return reason
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}
