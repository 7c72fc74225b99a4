import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { test } from 'node:test'
import { printText } from './context.js'

function printed(text: string): string {
  const out = new PassThrough()
  let written = ''
  out.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')))
  printText(out, text)
  return written
}

test('printText drops escape sequences and direction overrides, and keeps right-to-left text with its marks', () => {
  assert.equal(printed('Kim \u001b]0;PWNED\u0007returns\n'), 'Kim ]0;PWNEDreturns\n')
  assert.equal(printed('report\u202egnp.exe\u202c and \u2067isolate\u2069\n'), 'reportgnp.exe and isolate\n')
  assert.equal(printed('\u05e9\u05dc\u05d5\u05dd\u200f (Shalom)\n'), '\u05e9\u05dc\u05d5\u05dd\u200f (Shalom)\n')
})
