/**
 * The analyser runs inside the web server, so a crafted page must not stall
 * it: about 100 KB of repeated cue words and quotation marks, in one
 * paragraph or in many, takes about as long as the same amount of ordinary
 * prose. Before the fix, in one paragraph, '— said — ' took about 23 s of
 * CPU, '"a said ' 8 s, 'Mr. ' 30 s and 'and said and said ' 13 s, where
 * prose takes about 0.4 s (and these now 0.2 to 0.4 s).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, test } from 'node:test'
import { analyseText } from './index.js'

const SIZE = 100_000
/** Generous, for a loaded CI machine: the old code took 20 to 70 times as long as prose. */
const TIMES_PROSE = 5

const CRAFTED: [string, string][] = [
  ['dashes around a cue', '— said — '],
  ['a quotation mark before each cue', '"a said '],
  ['honorifics in one run of capitals', 'Mr. '],
  ['coordinated cues', 'and said and said '],
]

const prose = readFileSync(new URL('../../test/fixtures/seed/article.txt', import.meta.url), 'utf8')

/** `piece` repeated to SIZE characters, as one paragraph or in paragraphs of about 600 characters. */
function repeated(piece: string, paragraphs: boolean): string {
  const line = paragraphs ? piece.repeat(Math.ceil(600 / piece.length)) + '\n\n' : piece
  return line.repeat(Math.ceil(SIZE / line.length)).slice(0, SIZE)
}

/** CPU seconds (not wall time: tests may share the machine) to analyse a text. */
function cpuSeconds(text: string): number {
  const start = process.cpuUsage()
  analyseText(text)
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e6
}

let limit = 0
let ordinary = 0

before(() => {
  analyseText(prose) // loads the part-of-speech model
  ordinary = cpuSeconds(repeated(prose + '\n\n', false))
  limit = Math.max(1, TIMES_PROSE * ordinary)
})

for (const [name, piece] of CRAFTED) {
  for (const paragraphs of [false, true]) {
    test(`${name} ('${piece}' over 100 KB, ${paragraphs ? 'many paragraphs' : 'one paragraph'}) takes about as long as prose`, (t) => {
      const took = cpuSeconds(repeated(piece, paragraphs))
      t.diagnostic(`${took.toFixed(2)} s of CPU; prose ${ordinary.toFixed(2)} s`)
      assert.ok(took <= limit, `${took.toFixed(2)} s of CPU; the limit is ${limit.toFixed(2)} s (${TIMES_PROSE} × the ${ordinary.toFixed(2)} s of 100 KB of prose)`)
    })
  }
}
