import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeBytes, extractDocument, MAX_INPUT_BYTES } from './index.js'

const page = (body: string, head = ''): string =>
  `<!DOCTYPE html><html><head>${head}<title>Café prices rise again</title></head><body><article><p>${body}</p><p>${body}</p></article></body></html>`
const SENTENCE = 'Prices at the café rose again this week, owners said, blaming the cost of coffee beans — “it’s that or close”.'

test('typed failures with stable codes', () => {
  const cases: [Parameters<typeof extractDocument>[0], string][] = [
    [{ body: '' }, 'empty_input'],
    [{ body: new Uint8Array(0) }, 'empty_input'],
    [{ body: '   \n\t  ' }, 'empty_input'],
    [{ body: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2, 3]) }, 'binary_input'],
    [{ body: new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) }, 'binary_input'],
    [{ body: '<html><body><script>var a = 1</script><nav><a href="/">Home</a></nav></body></html>' }, 'no_content'],
  ]
  for (const [input, code] of cases) {
    const r = extractDocument(input)
    assert.ok(!r.ok, `expected ${code}`)
    assert.equal(r.error.code, code)
    assert.ok(r.error.message.length > 0)
  }
  const big = { length: MAX_INPUT_BYTES + 1 } as unknown as Uint8Array
  const tooLarge = extractDocument({ body: big })
  assert.ok(!tooLarge.ok)
  assert.equal(tooLarge.error.code, 'too_large')
})

test('HTML or plain text: content type, file name, sniffing', () => {
  const html = page(SENTENCE)
  const asText = extractDocument({ body: '<b>Bold</b> claims\n\nA paragraph that ends here.\n\nAnd <i>one</i> more.', contentType: 'text/plain' })
  assert.ok(asText.ok)
  assert.equal(asText.value.title, '<b>Bold</b> claims')
  for (const input of [{ body: html }, { body: html, fileName: 'page.htm' }, { body: html, contentType: 'text/html; charset=utf-8' }]) {
    const r = extractDocument(input)
    assert.ok(r.ok)
    assert.equal(r.value.title, 'Café prices rise again')
  }
  const text = extractDocument({ body: 'A plain title\n\nA paragraph about prices that ends with a full stop.\n\nAnother one.', fileName: 'note.txt' })
  assert.ok(text.ok)
  assert.equal(text.value.title, 'A plain title')
})

test('character encodings: BOM, HTTP charset, meta charset, windows-1252 fallback', () => {
  const utf8 = new TextEncoder().encode(page(SENTENCE))
  const latin = (s: string): Uint8Array => {
    const map: Record<string, number> = { '—': 0x97, '“': 0x93, '”': 0x94, '’': 0x92, é: 0xe9 }
    return new Uint8Array([...s].map((c) => map[c] ?? c.charCodeAt(0)))
  }
  const want = (r: ReturnType<typeof extractDocument>): void => {
    assert.ok(r.ok)
    assert.equal(r.value.title, 'Café prices rise again')
    assert.equal(r.value.blocks[0]?.text, SENTENCE)
  }
  want(extractDocument({ body: utf8 }))
  want(extractDocument({ body: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) }))
  want(extractDocument({ body: latin(page(SENTENCE)), contentType: 'text/html; charset=windows-1252' }))
  want(extractDocument({ body: latin(page(SENTENCE, '<meta charset="windows-1252">')) }))
  want(extractDocument({ body: latin(page(SENTENCE, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')) }))
  want(extractDocument({ body: latin(page(SENTENCE)) }))
  const u16 = Buffer.from(`\ufeff${page(SENTENCE)}`, 'utf16le')
  want(extractDocument({ body: new Uint8Array(u16) }))
  const sjis = decodeBytes(new Uint8Array([0x93, 0xfa, 0x96, 0x7b]), 'text/html; charset=shift_jis')
  assert.equal(sjis.text, '日本')
})

test('gzip-compressed input is unpacked', async () => {
  const { gzipSync } = await import('node:zlib')
  const r = extractDocument({ body: new Uint8Array(gzipSync(page(SENTENCE))), fileName: 'page.html.gz' })
  assert.ok(r.ok)
  assert.equal(r.value.title, 'Café prices rise again')
})

test('a bare fragment is HTML, and an overlong first line is not a title', () => {
  const fragment = extractDocument({ body: `<p>${SENTENCE}</p>` })
  assert.ok(fragment.ok)
  assert.deepEqual(fragment.value.blocks.map((b) => b.text), [SENTENCE])
  const oneLine = extractDocument({ body: `${SENTENCE} ${'More words follow here. '.repeat(40)}`, fileName: 'note.txt' })
  assert.ok(oneLine.ok)
  assert.equal(oneLine.value.title, 'Prices at the café rose again this week, owners said, blaming the cost of coffee beans — “it’s that or close”.')
  assert.equal(oneLine.value.blocks.length, 1)
})

test('no control character (terminal escapes) in the title, byline, outlet or text, raw or written as an entity', () => {
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Rates \u001b[2Jrise', author: { name: 'Ann\u0007 Lee' }, publisher: { name: 'The \u009b31mGazette' } })
  const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article><h1>Rates rise</h1>
    <p>&#27;]0;PWNED&#7;${SENTENCE}</p><p>${SENTENCE}\u001b[31m red</p><ul><li>one&#x9b;</li></ul><p>&#27;&#7;</p></article></body></html>`
  const text = `A title\u009b with CSI\r\n\r\n${SENTENCE}\u007f\u0085\n\n${SENTENCE}`
  for (const input of [{ body: html }, { body: text, contentType: 'text/plain' }]) {
    const r = extractDocument(input)
    assert.ok(r.ok)
    const a = r.value
    for (const s of [a.title, a.dek ?? '', a.outlet ?? '', ...a.authors, ...a.blocks.flatMap((b) => [b.text, ...(b.items ?? [])])]) assert.doesNotMatch(s, CONTROL, JSON.stringify(s))
    assert.ok(a.blocks.every((b) => b.text.trim() !== ''), 'a block of control characters only is dropped')
  }
  const r = extractDocument({ body: html })
  assert.ok(r.ok)
  assert.deepEqual([r.value.title, r.value.authors, r.value.outlet], ['Rates [2Jrise', ['Ann Lee'], 'The 31mGazette'])
  assert.equal(r.value.blocks.find((b) => b.kind === 'paragraph')?.text, `]0;PWNED${SENTENCE}`)
})
