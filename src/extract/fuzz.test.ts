import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { extractDocument } from './index.js'

/** mulberry32: a small seeded PRNG, so every run mutates the same way. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/extract/${name}`, import.meta.url), 'utf8')
const PAGES = [
  fixture('news.html'),
  fixture('noscript-only.html'),
  fixture('jsonld-only.html'),
  `<html><body><div class="post"><h2>Notes</h2><p>First note, with enough words to be a paragraph of text.</p><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table><pre>  code\n  block</pre></div></body></html>`,
]
const TAGS = ['<div>', '</div>', '<p>', '</p>', '<li>', '</ul>', '<table>', '<td>', '<script>', '</script>', '<!--', '-->', '<svg>', '<noscript>', '<a href="', '"', '<', '>', '&', '&#', '<![CDATA[', '<title>', '</body>', '<html>']

function mutate(page: string, rnd: () => number): string {
  let s = page
  const ops = 1 + Math.floor(rnd() * 4)
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(rnd() * (s.length + 1))
    switch (Math.floor(rnd() * 5)) {
      case 0: // cut
        s = rnd() < 0.5 ? s.slice(0, at) : s.slice(at)
        break
      case 1: {
        // duplicate a slice
        const len = Math.floor(rnd() * 400)
        s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + Math.floor(rnd() * 3)) + s.slice(at)
        break
      }
      case 2: // unbalance tags
        s = s.slice(0, at) + TAGS[Math.floor(rnd() * TAGS.length)]! + s.slice(at)
        break
      case 3: {
        // control characters and odd code points
        const junk = String.fromCharCode(...Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => (rnd() < 0.7 ? Math.floor(rnd() * 32) : 0xd800 + Math.floor(rnd() * 2048))))
        s = s.slice(0, at) + junk + s.slice(at)
        break
      }
      default: // delete a range
        s = s.slice(0, at) + s.slice(at + Math.floor(rnd() * 200))
    }
  }
  return s
}

test('fuzz: mutated pages give an article or a typed failure, quickly', () => {
  const rnd = prng(20240305)
  const codes = new Map<string, number>()
  for (let i = 0; i < 400; i++) {
    const page = PAGES[i % PAGES.length]!
    const html = mutate(page, rnd)
    const asBytes = rnd() < 0.5
    const t = Date.now()
    let r
    try {
      r = extractDocument({ body: asBytes ? new TextEncoder().encode(html) : html, contentType: rnd() < 0.3 ? 'text/html' : null })
    } catch (err) {
      assert.fail(`iteration ${i} threw ${String(err)} on ${JSON.stringify(html.slice(0, 200))}`)
    }
    assert.ok(Date.now() - t < 1000, `iteration ${i} took ${Date.now() - t} ms`)
    const key = r.ok ? 'ok' : r.error.code
    codes.set(key, (codes.get(key) ?? 0) + 1)
    if (r.ok) {
      assert.equal(typeof r.value.title, 'string')
      for (const b of r.value.blocks) {
        assert.equal(typeof b.text, 'string')
        assert.ok(['heading', 'paragraph', 'blockquote', 'list', 'caption', 'preformatted'].includes(b.kind))
        if (b.imageUrl !== undefined) assert.match(b.imageUrl, /^https?:\/\//)
      }
    } else {
      assert.match(r.error.code, /^(empty_input|binary_input|no_content)$/)
    }
  }
  assert.ok((codes.get('ok') ?? 0) > 200, `too few articles: ${JSON.stringify([...codes])}`)
})
