/**
 * Organisations, outlets and descriptions speak in articles, but a person
 * record is only for a person: each case with its own short invented article.
 */
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { addArticle } from '../../src/services/articles.js'
import type { ServiceDeps } from '../../src/services/deps.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

async function add(deps: ServiceDeps, title: string, body: string): Promise<void> {
  const added = await addArticle(deps, { body: `${title}\n\n${body}`, source: 'paste' })
  assert.ok(added.ok, JSON.stringify(added))
}

async function peopleNames(deps: ServiceDeps): Promise<string[]> {
  const rows = await deps.store.db.selectFrom('people').select('name').orderBy('name').execute()
  return rows.map((r) => r.name)
}

forEachStore('people that are not people', (getStore) => {
  it('gives outlets, firms and bodies that speak no person record', async () => {
    const deps = testDeps(getStore())
    await add(deps, 'Dam holds', 'The Norfield Sun reported that the dam held. Nowosti.ru claimed the dam was old. KL&P stated it would inspect the dam.')
    await add(deps, 'Lockdown talks', 'Two workers from a collective called "Sahaya Kendra" spoke to us.\n\nSahaya Kendra said the rent was due.')
    await add(deps, 'Boats search bay', 'The Harbour Guard said on Sunday that two sailors were missing, according to Agence Lusa-Presse.')
    assert.deepEqual(await peopleNames(deps), [])
  })

  it('keeps ages and role words out of the names it records', async () => {
    const deps = testDeps(getStore())
    await add(deps, 'Bus crash', 'Twelve-year-old Wren, who was on the bus, said "the roof fell in". Co-inventor Shu Feng said, "It works."')
    assert.deepEqual(await peopleNames(deps), ['Shu Feng'])
  })
})
