import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeEntities, dropInlineTags, MAX_NAME_LENGTH, plainText } from './text.js'

/** Milliseconds `run` takes. */
function timed(run: () => unknown): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

describe('plainText', () => {
  it('drops inline tags, decodes entities and keeps other angle brackets as text', () => {
    assert.equal(plainText('<b>Council</b> approves &amp; <a href="/x">funds</a>\n the <News> ferry'), 'Council approves & funds the <News> ferry')
    assert.equal(plainText('<span class="x"></span>  '), null)
  })

  it('drops control characters (terminal escapes), raw or written as entities', () => {
    assert.equal(plainText('&#27;]0;PWNED&#7;Rates &#x1B;[2Jrise'), ']0;PWNEDRates [2Jrise')
    assert.equal(plainText('Ann\u001b[31m Lee\u009b\u0085\u007f'), 'Ann[31m Lee')
    assert.equal(decodeEntities('a&#27;b&#155;c&#9;d&#10;e&#13;f'), 'abc\td\ne\nf')
  })

  it('cuts a title longer than MAX_NAME_LENGTH at a word boundary, with "…"', () => {
    const title = plainText('word '.repeat(1000)) ?? ''
    assert.ok(title.length <= MAX_NAME_LENGTH, `${title.length} characters`)
    assert.match(title, /^(word )+word…$/)
  })

  it('reads a title of 40,000 unclosed tags quickly (was 10 s)', () => {
    const ms = timed(() => plainText('<b '.repeat(40_000)))
    // A complexity guard with room for a loaded machine: the linear code takes about 1 ms.
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`)
  })

  it('drops tags in time linear in the text: 240 KB of unclosed tags in milliseconds (was 45 s)', () => {
    const text = '<b '.repeat(80_000)
    let out = ''
    const ms = timed(() => (out = dropInlineTags(text)))
    assert.equal(out, text, 'an unclosed tag is text')
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`)
    assert.equal(dropInlineTags('<b class="x">bold</b> <i\n>it</i>'), 'bold it')
  })
})
