import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createApp } from '../../src/http/app.js'
import { addArticle } from '../../src/services/articles.js'
import { viewArticle } from '../../src/services/reading.js'
import type { ServiceDeps } from '../../src/services/deps.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'

describe('a person page', () => {
  let store: Store
  let deps: ServiceDeps
  let app: ReturnType<typeof createApp>

  before(async () => {
    store = await sqliteStore()
    deps = testDeps(store)
    app = createApp(deps, { writesPerMinute: 1000 })
  })
  after(() => store.close())

  const personOf = async (body: string): Promise<string> => {
    const r = await addArticle(deps, { body, source: 'paste' })
    assert.ok(r.ok, JSON.stringify(r))
    const id = (await viewArticle(deps, r.value.id))?.quotes[0]?.personId
    assert.ok(id)
    return id
  }

  it('shows the role at the time beside each quote once roles differ, and only once when they do not', async () => {
    const marsh = await personOf('Ferry fares\n\n“Fares will rise,” said Lena Marsh, a councillor with Harbour City Council.')
    assert.equal(await personOf('Ferry timetable\n\n“The timetable stays,” said Lena Marsh, a councillor with Harbour City Council.'), marsh)
    let page = await (await app.request(`/people/${marsh}`)).text()
    assert.doesNotMatch(page.slice(page.indexOf('id="person-quotes"')), /councillor/, 'one role for every quote is shown once, in the heading')
    assert.match(page, /<h1>Lena Marsh<\/h1>\s*<p>councillor · Harbour City Council<\/p>/)
    assert.equal(await personOf('New mayor\n\n“The port comes first,” said Lena Marsh, the mayor of Harbour City Council.'), marsh)
    page = await (await app.request(`/people/${marsh}`)).text()
    const list = page.slice(page.indexOf('id="person-quotes"'))
    assert.match(list, /mayor, Harbour City Council · /)
    assert.match(list, /councillor, Harbour City Council · /)
  })

  it('lists people a page at a time and finds anyone by part of a name, quoted or only named', async () => {
    for (const [i, name] of ['Ona Brandt', 'Ivo Brandt', 'Pia Lund'].entries()) {
      await personOf(`Harbour notice ${i}\n\n“The quay closes at six,” said ${name}, a harbour officer.`)
    }
    await addArticle(deps, { body: 'Quay repairs\n\nThe repairs were ordered by Tove Brandtner, who runs the dock company.', source: 'paste' })
    const found = await (await app.request('/people?q=brandt')).text()
    for (const name of ['Ona Brandt', 'Ivo Brandt', 'Tove Brandtner']) assert.match(found, new RegExp(name))
    assert.doesNotMatch(found, /Pia Lund/)
    assert.doesNotMatch((await (await app.request('/people')).text()), /Tove Brandtner/, 'without a name, only people quoted')
    const first = (await (await app.request('/api/people?q=brandt&limit=2')).json()) as { items: { name: string }[]; next: number | null }
    assert.equal(first.items.length, 2)
    assert.equal(first.next, 2)
    const rest = (await (await app.request(`/api/people?q=brandt&limit=2&offset=${first.next}`)).json()) as { items: { name: string }[]; next: number | null }
    assert.deepEqual([...first.items, ...rest.items].map((p) => p.name).sort(), ['Ivo Brandt', 'Ona Brandt', 'Tove Brandtner'])
    assert.equal(rest.next, null)
    assert.equal((await app.request('/api/people?limit=0')).status, 400)
    assert.equal((await app.request(`/api/people?q=${'a'.repeat(101)}`)).status, 400)
    assert.match(await (await app.request('/people?q=brandt&offset=40')).text(), /No more people named “brandt”/)
  })

  it('says a person only named is not quoted, and gives each role once whatever its case', async () => {
    await addArticle(deps, { body: 'Quay works\n\nThe works were approved by Tove Lindahl, who chairs the board.', source: 'paste' })
    const found = (await (await app.request('/api/people?q=lindahl')).json()) as { items: { id: string }[] }
    const page = await (await app.request(`/people/${found.items[0]?.id}`)).text()
    assert.match(page, /Named on the desk, not quoted/)
    const mayor = await personOf('Port vote\n\n“We vote today,” said Edda Holm, the Mayor of Harbour City.')
    assert.equal(await personOf('Port vote two\n\n“We voted,” said Edda Holm, the mayor of Harbour City.'), mayor)
    const roles = /<h1>Edda Holm<\/h1>\s*<p>([^<]*)<\/p>/.exec(await (await app.request(`/people/${mayor}`)).text())?.[1] ?? ''
    assert.equal(roles.toLowerCase().split('mayor').length - 1, 1, roles)
  })

  it('pages through a person’s quotes, newest first, in the page and the API', async () => {
    const stories = [
      ['Quay closed', 'The north quay shuts for a month while divers inspect its piles', 'We found cracks in two of them'],
      ['Ferry delayed', 'Evening crossings to the island are late all week after an engine fault', 'A spare part arrives on Friday'],
      ['Bridge tolls', 'Drivers on the harbour bridge will pay a toll from spring, the council decided', 'Tolls pay for the new deck'],
      ['Wall repaired', 'Storm damage to the harbour wall has been mended ahead of the winter tides', 'The wall will hold this season'],
      ['Marina grows', 'Forty berths are being added to the marina for visiting yachts', 'Demand doubled in two summers'],
    ]
    const quoted: string[] = []
    for (const [title, lead, words] of stories) quoted.push(await personOf(`${title}\n\n${lead}.\n\n“${words},” said Runa Falk, a port engineer.`))
    const falk = quoted[0]!
    assert.ok(quoted.every((id) => id === falk))
    const first = (await (await app.request(`/api/people/${falk}?limit=2`)).json()) as { quotes: { text: string }[]; quoteCount: number; next: number | null }
    assert.deepEqual([first.quotes.length, first.quoteCount, first.next], [2, 5, 2])
    const texts: string[] = first.quotes.map((q) => q.text)
    for (let next = first.next; next !== null; ) {
      const page = (await (await app.request(`/api/people/${falk}?limit=2&offset=${next}`)).json()) as { quotes: { text: string }[]; next: number | null }
      texts.push(...page.quotes.map((q) => q.text))
      next = page.next
    }
    assert.equal(new Set(texts).size, 5, 'every quote once across the pages')
    assert.equal((await app.request(`/api/people/${falk}?limit=501`)).status, 400)
    assert.equal((await app.request(`/api/people/${falk}?offset=-1`)).status, 400)
    const page = await (await app.request(`/people/${falk}`)).text()
    assert.match(page, /5 quotes/)
    assert.doesNotMatch(page, /rel="next"/, 'one page holds them all')
    assert.match(await (await app.request(`/people/${falk}?offset=3`)).text(), /Quotes 4–5, newest first/)
  })
})
