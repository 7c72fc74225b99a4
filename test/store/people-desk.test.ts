/**
 * One person record per real person across the desk: the cases a desk of
 * many articles meets (middle initials, letters decomposition leaves alone,
 * honorifics, changing roles, single words, namesakes), each with its own
 * short invented articles.
 */
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { addArticle, deleteArticle } from '../../src/services/articles.js'
import type { ServiceDeps } from '../../src/services/deps.js'
import { personProfile, quotedPeople, viewArticle } from '../../src/services/reading.js'
import { migrate } from '../../src/store/migrations/index.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

async function speakerOf(deps: ServiceDeps, title: string, body: string): Promise<string | null> {
  const added = await addArticle(deps, { body: `${title}\n\n${body}`, source: 'paste' })
  assert.ok(added.ok, JSON.stringify(added))
  return (await viewArticle(deps, added.value.id))?.quotes[0]?.personId ?? null
}

async function peopleNamed(deps: ServiceDeps, name: string): Promise<number> {
  const rows = await deps.store.db.selectFrom('people').select('id').where('name', '=', name).execute()
  return rows.length
}

forEachStore('people across the desk', (getStore) => {
  it('keeps one person for a name with and without middle initials, and two for different middles', async () => {
    const deps = testDeps(getStore())
    const initial = await speakerOf(deps, 'Port deal signed', '“The port will stay open,” said Samuel T. Okonjo, the transport minister, on Monday.')
    const plain = await speakerOf(deps, 'Port deal debated', '“Nothing was given away,” Samuel Okonjo, the transport minister, told parliament.')
    assert.ok(initial)
    assert.equal(plain, initial)
    const other = await speakerOf(deps, 'Ferry route ends', '“The route lost money for years,” said Samuel R. K. Okonjo, a ferry operator.')
    assert.ok(other)
    assert.notEqual(other, initial)
  })

  it('takes letters such as ł and ø for their plain forms', async () => {
    const deps = testDeps(getStore())
    const written = await speakerOf(deps, 'Budget passes', '“We kept our promise,” said Jarosław Wiśniewski, the finance minister.')
    const plain = await speakerOf(deps, 'Budget reaction', '“The numbers are honest,” said Jaroslaw Wisniewski, the finance minister.')
    assert.ok(written)
    assert.equal(plain, written)
  })

  it('re-keys the people a desk stored before migration 0014 folded such letters, merging the records that meet', async () => {
    const store = getStore()
    const deps = testDeps(store)
    const written = await speakerOf(deps, 'Budget passes', '“We kept our promise,” said Jarosław Wiśniewski, the finance minister.')
    assert.ok(written)
    // The desk as it was: the key kept "ł", so the plain spelling made a second record.
    await sql`UPDATE people SET name_key = ${'jarosław wisniewski'} WHERE id = ${written}`.execute(store.db)
    const plain = await speakerOf(deps, 'Budget reaction', '“The numbers are honest,” said Jaroslaw Wisniewski, the finance minister.')
    assert.ok(plain && plain !== written)
    await sql`UPDATE people SET name_key = ${'jarosław wisniewski'} WHERE id = ${written}`.execute(store.db)
    await sql`DELETE FROM newsdesk_migrations WHERE id = 14`.execute(store.db)
    assert.deepEqual(await migrate(store.db, store.dialect), ['14_people_plain_letters'])
    const people = await store.db.selectFrom('people').select(['id', 'name', 'aliases']).where('id', 'in', [written, plain]).execute()
    assert.deepEqual(people.map((p) => p.id), [written], 'one record, the older one')
    assert.deepEqual(JSON.parse(people[0]?.aliases ?? '[]').sort(), ['Jaroslaw Wisniewski', 'Jarosław Wiśniewski'])
    const quotes = await store.db.selectFrom('quotes').select('person_id').where('text', 'like', '%numbers are honest%').execute()
    assert.deepEqual(quotes.map((q) => q.person_id), [written])
    assert.equal(await speakerOf(deps, 'Budget vote', '“It passed,” said Jarosław Wiśniewski, the finance minister.'), written)
  })

  it('keeps the latest role last, and never a form of address as a role', async () => {
    const deps = testDeps(getStore())
    await speakerOf(deps, 'Council meets', '“We need more buses,” said Ana Ruiz, a councillor in Lakeshore.')
    await speakerOf(deps, 'New mayor sworn in', '“We will build the tram,” said Ana Ruiz, the mayor of Lakeshore.')
    await speakerOf(deps, 'Council meets again', '“Buses first,” said Ana Ruiz, a councillor in Lakeshore.')
    const ruiz = (await quotedPeople(deps)).find((p) => p.name === 'Ana Ruiz')
    assert.equal(ruiz?.role, 'councillor')
    const vidal = await speakerOf(deps, 'Fishing quotas', '“The quota is too low,” said Mr. Tomas Vidal on Monday.')
    assert.ok(vidal)
    const profile = await personProfile(deps, vidal)
    assert.deepEqual(profile?.person.roles, [])
  })

  it('keeps the latest role last and no form of address when an article is deleted and the person is rebuilt', async () => {
    const deps = testDeps(getStore())
    const add = async (title: string, body: string): Promise<string> => {
      const added = await addArticle(deps, { body: `${title}\n\n${body}`, source: 'paste' })
      assert.ok(added.ok)
      return added.value.id
    }
    await add('Shadow budget', '“The plan does not add up,” said Rhona Vale, the shadow chancellor.')
    const second = await add('Budget day', '“The plan adds up,” said Rhona Vale, the chancellor.')
    const third = await add('Budget questions', '“We will publish the figures,” said Mrs. Rhona Vale on Friday.')
    const vale = async () => (await quotedPeople(deps)).find((p) => p.name === 'Rhona Vale')
    assert.equal((await vale())?.role, 'chancellor')
    assert.ok(await deleteArticle(deps, third))
    const person = await vale()
    assert.equal(person?.role, 'chancellor')
    assert.deepEqual((await personProfile(deps, person?.id ?? ''))?.person.roles, ['shadow chancellor', 'chancellor'])
    assert.ok(await deleteArticle(deps, second))
    assert.equal((await vale())?.role, 'shadow chancellor')
  })

  it('gives no person page to a single word that is no one on the desk yet', async () => {
    const deps = testDeps(getStore())
    assert.equal(await speakerOf(deps, 'Harbour report', '“The harbour needs dredging,” Madrigal said after the meeting.'), null)
    assert.equal(await peopleNamed(deps, 'Madrigal'), 0)
  })

  it('gives no person page to a description ("Another former adviser")', async () => {
    const deps = testDeps(getStore())
    await speakerOf(deps, 'Rally held', 'Another former Okafor adviser said the rally was peaceful.')
    const rows = await deps.store.db.selectFrom('people').select('name').execute()
    assert.deepEqual(rows.map((r) => r.name).filter((n) => /adviser/.test(n)), [])
  })

  it('makes no third record for a name two namesakes share when nothing tells which one it is', async () => {
    const deps = testDeps(getStore())
    await speakerOf(deps, 'Bank results', '“Profits rose,” said Maria Lopez, chief executive of Greenfield Bank.')
    await speakerOf(deps, 'Hospital wing opens', '“Patients will wait less,” said Maria Lopez, a surgeon at St Luke’s Hospital.')
    assert.equal(await peopleNamed(deps, 'Maria Lopez'), 2)
    assert.equal(await speakerOf(deps, 'Budget day', '“This budget protects services,” Maria Lopez said.'), null)
    assert.equal(await peopleNamed(deps, 'Maria Lopez'), 2)
  })

  it('links a family name shared by several people to the one its title points to', async () => {
    const deps = testDeps(getStore())
    const president = await speakerOf(deps, 'Board elects leader', '“We start today,” said President Amara Okafor of the harbour board.')
    await speakerOf(deps, 'Clinic opens', '“The clinic is ready,” said Dr. Ben Okafor, a surgeon.')
    assert.ok(president)
    assert.equal(await speakerOf(deps, 'Port reopens', '“The port reopens on Monday,” President Okafor said.'), president)
  })
})
