import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { articleBody, extractDocument, extractHtml } from './index.js'

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/extract/${name}`, import.meta.url), 'utf8')

test('a news page: metadata, ordered blocks, no boilerplate', () => {
  const r = extractHtml(fixture('news.html'), { url: 'https://gazette.example/news/harbour-bridge-reopens?utm=x' })
  assert.ok(r.ok)
  const a = r.value
  assert.equal(a.title, 'Harbour bridge reopens after two-year repair')
  assert.equal(a.dek, "The town's only road link to the island is open again, three months late and £4m over budget.")
  assert.deepEqual(a.authors, ['Mary Holt', 'Sam Okafor'])
  assert.equal(a.publishedAt, '2024-03-05T09:30:00.000Z')
  assert.equal(a.updatedAt, '2024-03-05T14:10:00.000Z')
  assert.equal(a.outlet, 'The Coastal Gazette')
  assert.equal(a.canonicalUrl, 'https://gazette.example/news/harbour-bridge-reopens')
  assert.equal(a.lang, 'en-GB')
  assert.deepEqual(
    a.blocks.map((b) => b.kind),
    ['paragraph', 'paragraph', 'caption', 'heading', 'paragraph', 'blockquote', 'paragraph', 'list', 'paragraph'],
  )
  const caption = a.blocks[2]!
  assert.equal(caption.text, 'Cars cross the reopened bridge on Tuesday.')
  assert.equal(caption.credit, 'Photo: Jane Reed')
  assert.equal(caption.imageUrl, 'https://gazette.example/images/bridge.jpg')
  assert.deepEqual(a.blocks[7]!.items, ['Weight limit: 40 tonnes', 'Speed limit: 20mph', 'Pedestrian path: open from April'])
  const body = articleBody(a)
  for (const junk of ['cookies', 'Share on', 'Related Posts', 'Ferry fares', 'Leave a Reply', 'nightmare', 'newsletter', 'Most read', 'All rights reserved', 'Advertisement', 'By Mary Holt', 'Home']) {
    assert.ok(!body.includes(junk), `body should not contain ${junk}`)
  }
  assert.ok(!body.includes('Cars cross'), 'captions are not body text')
})

test('pages whose text is only in <noscript> or in JSON-LD articleBody', () => {
  const noscript = extractDocument({ body: fixture('noscript-only.html') })
  assert.ok(noscript.ok)
  assert.equal(noscript.value.title, 'Night trains return to the valley line')
  assert.equal(noscript.value.blocks.length, 2)
  const ld = extractDocument({ body: fixture('jsonld-only.html') })
  assert.ok(ld.ok)
  assert.equal(ld.value.title, 'Le marché couvert rouvre ses portes')
  assert.equal(ld.value.lang, 'fr')
  assert.deepEqual(ld.value.authors, ['Claire Dubois'])
  assert.equal(ld.value.outlet, 'Le Petit Journal')
  assert.equal(ld.value.blocks.length, 2)
  assert.match(ld.value.blocks[1]!.text, /^Les commerçants/)
})

test('blocks are plain text: markup, scripts and unsafe links never survive', () => {
  const html = `<html><body><article><h1>Title of the story</h1>
    <p>First paragraph with <b>bold</b>, a <a href="javascript:alert(1)">link</a> and an &lt;escaped&gt; tag, long enough to count as text.</p>
    <script>alert('x')</script><style>p{}</style>
    <p onclick="evil()">Second paragraph <img src=x onerror="alert(2)"> that also runs long enough to be kept by the extractor.</p>
    <figure><img src="javascript:alert(3)"><figcaption>A caption for a picture of the harbour at dawn.</figcaption></figure>
  </article></body></html>`
  const r = extractHtml(html)
  assert.ok(r.ok)
  const texts = r.value.blocks.map((b) => b.text)
  assert.deepEqual(texts.slice(0, 2), [
    'First paragraph with bold, a link and an <escaped> tag, long enough to count as text.',
    'Second paragraph that also runs long enough to be kept by the extractor.',
  ])
  assert.ok(!JSON.stringify(r.value).includes('alert'))
  assert.ok(r.value.blocks.every((b) => b.imageUrl === undefined || /^https?:/.test(b.imageUrl)))
})

test('text split into cards or sections, tables and headings', () => {
  const card = (t: string): string => `<div class="card"><div class="card-content"><p>${t}</p></div></div>`
  const paras = Array.from({ length: 6 }, (_, i) => `Paragraph number ${i + 1} of the story, written long enough, with commas, to score as real article text.`)
  const html = `<html><body><div class="menu"><a href="/">Home</a></div><div class="collection">${paras.map(card).join('')}</div>
    <table><tr><th>Pos</th><th>Driver</th></tr><tr><td>1</td><td>Someone Fast</td></tr></table></body></html>`
  const r = extractHtml(html)
  assert.ok(r.ok)
  assert.deepEqual(r.value.blocks.map((b) => b.text).slice(0, 6), paras)
})

test('bylines and the standfirst from the page when metadata has none', () => {
  const body = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1} of the report, long enough and with commas, to be article text.</p>`).join('')
  const html = `<html><body><article><h1>Ferry strike called off</h1><p class="article-standfirst">Crews accepted a new pay offer late on Sunday night after talks.</p>
    <div class="byline">By <a rel="author" href="/a">Mary Holt</a> and Sam Okafor, Staff Writers</div>${body}</article></body></html>`
  const r = extractHtml(html)
  assert.ok(r.ok)
  assert.deepEqual(r.value.authors, ['Mary Holt', 'Sam Okafor'])
  assert.equal(r.value.dek, 'Crews accepted a new pay offer late on Sunday night after talks.')
  assert.equal(r.value.blocks.length, 4)
  const meta = extractHtml(html.replace('<html>', '<html><head><meta name="author" content="By TOM KRISHER, AP Auto Writer"></head>'))
  assert.ok(meta.ok)
  assert.deepEqual(meta.value.authors, ['TOM KRISHER'])
})

test('the headline the page shows wins over a shorter <title> telling the same story; og:title still leads', () => {
  const body = '<article><h1>Old bridge closes for six months of repairs</h1><p>The Old Bridge over the river Lune will close on Monday for six months of repairs, the city council said on Friday.</p><p>Drivers face a detour of about three kilometres while the work goes on.</p></article>'
  const page = (head: string) => extractHtml(`<html><head>${head}</head><body>${body}</body></html>`)
  const shown = page('<title>Bridge closes for repairs | City Times</title>')
  assert.ok(shown.ok)
  assert.equal(shown.value.title, 'Old bridge closes for six months of repairs')
  assert.ok(!shown.value.blocks.some((b) => b.text.startsWith('Old bridge closes')), 'the headline is not a paragraph')
  const other = page('<title>City Times | Weather warning for the weekend</title>')
  assert.ok(other.ok)
  assert.equal(other.value.title, 'Weather warning for the weekend')
  const og = page('<meta property="og:title" content="Bridge closes for repairs"><title>Bridge closes for repairs | City Times</title>')
  assert.ok(og.ok)
  assert.equal(og.value.title, 'Bridge closes for repairs')
})
