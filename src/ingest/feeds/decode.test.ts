import assert from 'node:assert/strict'
import { it } from 'node:test'
import { decodeFeedBytes } from './decode.js'

it('decodes a windows-1252 feed with curly quotes and dashes (which Node 20 TextDecoder maps to control characters)', () => {
  const head = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><title>', 'latin1')
  const body = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35])
  const tail = Buffer.from('</title></rss>', 'latin1')
  const text = decodeFeedBytes(new Uint8Array(Buffer.concat([head, body, tail])))
  assert.ok(text.includes('“Hi” – €5'), text)
})

it('takes the charset from the Content-Type when the XML declaration has none', () => {
  const bytes = new Uint8Array(Buffer.from('<rss><title>caf\xe9</title></rss>', 'latin1'))
  assert.ok(decodeFeedBytes(bytes, 'application/rss+xml; charset=ISO-8859-1').includes('café'))
})
