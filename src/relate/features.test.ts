import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it, test } from 'node:test'
import type { Article } from '../domain/index.js'
import { extractText } from '../extract/index.js'
import { relateFeatures } from './features.js'
import { estimatedJaccard } from './minhash.js'
import { capitalisedNames, namePairs } from './names.js'
import { stem, surfaceForms, termOf } from './tokens.js'

interface Fixture {
  id: string
  title: string
  text: string
}

const items = JSON.parse(readFileSync(new URL('../../test/fixtures/relate/articles.json', import.meta.url), 'utf8')) as Fixture[]
const none = { quotes: [], entities: [] }

function article(id: string): Article {
  const item = items.find((i) => i.id === id)
  const extracted = extractText(`${item?.title ?? ''}\n\n${item?.text ?? ''}`)
  if (!extracted.ok) throw new Error(`fixture ${id}: ${extracted.error.message}`)
  return extracted.value
}

const features = (id: string) => relateFeatures(article(id), none)

describe('terms', () => {
  it('stems inflections together and drops stop words and bare numbers', () => {
    assert.equal(stem('elections'), stem('election'))
    assert.equal(stem('attacked'), stem('attacks'))
    assert.equal(termOf('said'), null)
    assert.equal(termOf('42'), null)
    assert.equal(termOf('1911'), '1911')
  })

  it('finds capitalised names and their word pairs', () => {
    const names = capitalisedNames('Mayor Elena Varga met Luiz Inacio Lula da Silva. The bridge fell.')
    assert.ok(names.includes('Mayor Elena Varga'))
    assert.ok(names.includes('Luiz Inacio Lula da Silva'))
    assert.ok(!names.some((n) => n.startsWith('The')))
    assert.ok(namePairs('Lula da Silva').every((p) => namePairs('Luiz Inacio Lula da Silva').includes(p)))
  })

  it('weighs title words above body words', () => {
    const f = features('bridge-1')
    assert.ok((f.terms[stem('topples')] ?? 0) > 0)
    assert.ok((f.terms[stem('bridge')] ?? 0) > (f.terms[stem('hospital')] ?? 0))
    assert.ok(f.names.some((n) => /Elena Varga/.test(n)))
  })
})

describe('minhash', () => {
  it('gives a syndicated copy a high Jaccard estimate and a different story a low one', () => {
    const a = features('bridge-1')
    assert.ok(estimatedJaccard(a.minhash, features('bridge-1-copy').minhash) >= 0.7)
    assert.ok(estimatedJaccard(a.minhash, features('bridge-2').minhash) < 0.3)
    assert.equal(a.bands.length, 16)
  })

  it('has no fingerprint for an article without text', () => {
    const f = features('empty')
    assert.deepEqual(f.minhash, [])
    assert.deepEqual(f.bands, [])
    assert.ok(Object.keys(f.terms).length > 0, 'the title still gives terms')
  })
})

test('terms are shown as the article wrote them', () => {
  const forms = surfaceForms('Prices were raised again. Raising prices twice in a year angered the councils, and the council will raise them again.')
  assert.equal(forms.get(termOf('raised') ?? ''), 'raise')
  assert.equal(forms.get(termOf('councils') ?? ''), 'council')
  assert.equal(forms.get(termOf('prices') ?? ''), 'prices')
})
