import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'
import { extractDocument, extractHtml } from './index.js'
import type { Result } from '../domain/result.js'
import type { Article } from '../domain/article.js'

const INDEX = fileURLToPath(new URL('./index.ts', import.meta.url))

/** An article or a typed failure: never a throw, never an untyped error. */
function assertOutcome(r: Result<Article>, label: string): void {
  if (r.ok) {
    assert.equal(typeof r.value.title, 'string', label)
    assert.ok(Array.isArray(r.value.blocks), label)
    for (const b of r.value.blocks) assert.equal(typeof b.text, 'string', label)
  } else {
    assert.match(r.error.code, /^(empty_input|binary_input|too_large|no_content)$/, `${label}: ${r.error.code}`)
  }
}

/**
 * Runs one extraction in a child process with a heap cap and a time limit,
 * so a blow-up fails this test instead of the test process.
 */
function inChild(build: string, heapMb: number, timeoutMs: number): { ok: boolean; blocks: number; code: string | null; ms: number } {
  const script = `import { extractDocument } from ${JSON.stringify(INDEX)}
const body = (() => { ${build} })()
const t = Date.now()
const r = extractDocument({ body })
process.stdout.write(JSON.stringify({ ok: r.ok, blocks: r.ok ? r.value.blocks.length : 0, code: r.ok ? null : r.error.code, ms: Date.now() - t }))`
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--stack-size=512', '--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: timeoutMs,
  })
  assert.equal(child.status, 0, `child failed: ${child.signal ?? ''} ${child.stderr.slice(-500)}`)
  return JSON.parse(child.stdout) as { ok: boolean; blocks: number; code: string | null; ms: number }
}

test('a 50 MB page is extracted within 1.5 GB of heap and 15 s', () => {
  const r = inChild(
    `const p = '<p>' + 'The council met on Tuesday to discuss the budget, and the mayor said the plan would go ahead. '.repeat(3) + '</p>\\n'
     return '<html><body><article><h1>Budget</h1>' + p.repeat(Math.ceil(50e6 / p.length)) + '</article></body></html>'`,
    1536,
    15000,
  )
  assert.ok(r.ok)
  assert.ok(r.blocks > 100_000)
})

test('100,000 nested elements, closed or not, with a small stack', () => {
  const closed = inChild(
    `return '<html><body>' + '<div>'.repeat(100000) + '<p>Deep text, long enough to be an article paragraph, with commas.</p>' + '</div>'.repeat(100000) + '</body></html>'`,
    512,
    10000,
  )
  assert.ok(closed.ok)
  assert.equal(closed.blocks, 1)
  const open = inChild(`return '<html><body>' + '<div><span><b>'.repeat(100000) + 'Deep text, long enough to be an article paragraph, with commas.'`, 512, 10000)
  assert.ok(open.ok)
  const texty = inChild(`return '<div>x<section>y<p>Deep text, long enough to be an article paragraph, with commas.'.repeat(30000)`, 512, 10000)
  assert.ok(texty.ok)
})

test('malformed, truncated and hostile documents give an article or a typed failure', () => {
  const cases: [string, string][] = [
    ['unclosed tags', '<html><body><div><p>First paragraph of the text, long enough to be kept as article text.<p>Second one <b>bold <i>both</b> italic</i> text'],
    ['truncated inside a tag', '<html><head><title>Cut</title></head><body><article><p>Text that stops in the middle of a tag, long enough to be kept by the extractor <a href="/x'],
    ['truncated inside a comment', '<html><body><p>Before the comment, a paragraph that is long enough to be article text.</p><!-- never closed'],
    ['stray closing tags', '</div></p></body></html><p>Text after stray closing tags, long enough to be kept as article text.</p></span>'],
    ['unterminated script', '<html><body><p>A paragraph before a script that never ends, long enough to count.</p><script>var a = "<p>'],
    ['attributes without end', '<p class="a id=b style=\'x>Some text here that might be swallowed by the attribute'],
    ['only a doctype', '<!DOCTYPE html>'],
    ['entities', '<p>&amp;&lt;&gt;&quot;&#x27;&#0;&#xD800;&#99999999;&unknown; &nbsp; entities in a paragraph long enough to count</p>'],
    ['control characters', '<p>Text\u0000with\u0001control\u0007characters\u001b[31m in a paragraph long enough to be kept</p>'],
    ['svg and math', '<svg><title>Not the title</title><foreignObject><p>inside</p></foreignObject></svg><math><mi>x</mi></math><p>Paragraph after foreign content, long enough to count as text.</p>'],
    ['deep tables', '<table>'.repeat(2000) + '<tr><td>cell text in a deep table that is long enough</td></tr>'],
    ['broken JSON-LD', '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><p>Text after broken JSON-LD that is long enough to be article text.</p>'],
    ['JSON-LD cycle of graphs', '<script type="application/ld+json">' + '{"@graph": ['.repeat(300) + '{}' + ']}'.repeat(300) + '</script>'],
  ]
  for (const [label, html] of cases) {
    const t = Date.now()
    assertOutcome(extractDocument({ body: html }), label)
    assertOutcome(extractHtml(html), label)
    assert.ok(Date.now() - t < 2000, `${label} took too long`)
  }
})

test('binary garbage and empty documents fail with a code', () => {
  let seed = 7
  const bytes = new Uint8Array(65536).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255)
  const garbage = extractDocument({ body: bytes })
  assert.ok(!garbage.ok)
  assert.equal(garbage.error.code, 'binary_input')
  for (const body of ['', new Uint8Array(0), '\n\n   \n']) {
    const r = extractDocument({ body })
    assert.ok(!r.ok)
    assert.equal(r.error.code, 'empty_input')
  }
})
