import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { addArticle, deleteArticle } from '../../src/services/articles.js'
import { duplicatesOf } from '../../src/search/similar.js'
import { personProfile, quotedPeople, viewArticle } from '../../src/services/reading.js'
import { migrate } from '../../src/store/migrations/index.js'
import { getPerson } from '../../src/store/repos/people-repo.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

const BODY =
  'The emergency ward at Lakeshore General Hospital turned away ambulances for six hours on Tuesday as flu cases filled every bed. ' +
  'Ana Ruiz, a nurse at Lakeshore General Hospital, said the ward had run out of beds before noon. ' +
  '“We were treating patients in the corridors,” Ruiz said. ' +
  'The provincial health ministry said extra staff would arrive from two other hospitals by the weekend, and the hospital asked residents with mild symptoms to see their family doctors. ' +
  'Paramedics said they had waited up to three hours to hand over patients, and the union representing them called for an inquiry into the closures.'

forEachStore('the list of people quoted on the desk', (getStore) => {
  it('counts a wire copy’s quotes once, as the person page does, and shows the role that tells namesakes apart', async () => {
    const deps = testDeps(getStore())
    const original = await addArticle(deps, { body: `Flu cases close the Lakeshore emergency ward\n\n${BODY}`, source: 'paste' })
    const copy = await addArticle(deps, { body: `Lakeshore hospital turns away ambulances\n\n${BODY}\n\nThis story was first published by the Lakeshore Courier.`, source: 'paste' })
    assert.ok(original.ok && copy.ok)
    assert.deepEqual((await duplicatesOf(deps.store.db, copy.value.id)).map((d) => d.id), [original.value.id])
    const ruiz = (await quotedPeople(deps)).find((p) => p.name === 'Ana Ruiz')
    assert.ok(ruiz, JSON.stringify(await quotedPeople(deps)))
    const profile = await personProfile(deps, ruiz.id)
    assert.equal(ruiz.quoteCount, profile?.quotes.length)
    assert.equal(ruiz.quoteCount, 2)
    assert.equal(ruiz.role, 'nurse')
    assert.equal(ruiz.organisation, 'Lakeshore General Hospital')
  })

  it('a person keeps only what the remaining articles say: spellings, and existence itself', async () => {
    const deps = testDeps(getStore())
    const add = async (body: string, url?: string): Promise<string> => {
      const r = await addArticle(deps, { body, url: url ?? null, source: url ? 'url' : 'paste' })
      assert.ok(r.ok, JSON.stringify(r))
      return r.value.id
    }
    const hyphen = await add('Pyongyang fires again\n\nKim Jong-un watched the launch on Tuesday, state media said. “We are ready,” Kim Jong-un said.')
    const spaced = await add('Summit plans\n\nKim Jong Un will meet the envoy in May. “The talks will be frank,” Kim Jong Un said on Friday.')
    const person = (await quotedPeople(deps)).find((p) => /Kim Jong/.test(p.name))
    assert.ok(person)
    assert.deepEqual((await getPerson(deps.store.db, person.id))?.aliases.sort(), ['Kim Jong Un', 'Kim Jong-un'])
    assert.equal(await deleteArticle(deps, hyphen), true)
    assert.deepEqual((await getPerson(deps.store.db, person.id))?.aliases, ['Kim Jong Un'])
    // The same page rewritten without her: the person it alone named is gone.
    const url = 'https://harbour.example/ferry'
    const first = await add('Ferry fares rise\n\n“Fares will rise by a third,” said Lena Marsh, the ferry operator’s director.', url)
    const lena = (await quotedPeople(deps)).find((p) => p.name === 'Lena Marsh')
    assert.ok(lena)
    assert.equal(await add('Ferry fares rise\n\nFares will rise by a third in May, the operator said in a statement.', url), first)
    assert.equal(await getPerson(deps.store.db, lena.id), null)
    assert.ok(await getPerson(deps.store.db, person.id), 'a person other articles name stays')
    assert.ok(spaced)
  })

  it('one person under two spellings a doubled letter apart, unless their organisations differ', async () => {
    const deps = testDeps(getStore())
    const speaker = async (body: string): Promise<string | null | undefined> => {
      const r = await addArticle(deps, { body, source: 'paste' })
      assert.ok(r.ok, JSON.stringify(r))
      return (await viewArticle(deps, r.value.id))?.quotes[0]?.personId
    }
    const a = await speaker('Missile test\n\n“Kim was furious,” said Bruce Bennet, an analyst with the RAND Corporation.')
    const b = await speaker('Summit doubts\n\n“The talks will stall,” said Bruce Bennett, an analyst with the RAND Corporation.')
    assert.ok(a && b)
    assert.equal(b, a)
    const chef = await speaker('Noodle festival\n\n“The broth is ready,” said John Mathews, a chef at Slurp Noodle House.')
    const analyst = await speaker('Rates outlook\n\n“Rates will rise,” said John Matthews, an economist at Harbour Bank.')
    assert.ok(chef && analyst)
    assert.notEqual(analyst, chef)
  })
})

forEachStore('a family name alone finds the desk’s full name', (getStore) => {
  it('links "Ruiz" to the Ana Ruiz of another article, before and after migration 0007 indexes family names', async () => {
    const store = getStore()
    const deps = testDeps(store)
    const full = await addArticle(deps, { body: `Flu cases close the Lakeshore emergency ward\n\n${BODY}`, source: 'paste' })
    assert.ok(full.ok)
    const quotedBy = async (body: string): Promise<string | null | undefined> => {
      const later = await addArticle(deps, { body, source: 'paste' })
      assert.ok(later.ok)
      return (await viewArticle(deps, later.value.id))?.quotes[0]?.personId
    }
    const ruiz = (await quotedPeople(deps)).find((p) => p.name === 'Ana Ruiz')
    assert.ok(ruiz)
    assert.equal(await quotedBy('Lakeshore ward reopens\n\nThe ward reopened on Friday. “The worst is behind us,” Ruiz said on Friday.'), ruiz.id)
    // A desk from before the migration: no family_key column. Upgrading fills it for the people already stored.
    await sql`DELETE FROM newsdesk_migrations WHERE id = 7`.execute(store.db)
    await sql`DROP INDEX idx_people_family_key`.execute(store.db)
    await sql`ALTER TABLE people DROP COLUMN family_key`.execute(store.db)
    assert.deepEqual(await migrate(store.db, store.dialect), ['7_people_family_key'])
    assert.equal(await quotedBy('Lakeshore adds beds\n\nThe hospital added ten beds. “We asked for twenty,” Ruiz said on Monday.'), ruiz.id)
  })
})
