import assert from 'node:assert/strict'
import { it } from 'node:test'
import { forEachStore } from '../../../test/helpers/stores.js'
import { BAND_CANDIDATES, BAND_READ_LIMIT, copyCandidates, insertBands } from './relate-repo.js'

forEachStore('copy candidates', (getStore) => {
  it('bounds the work of a boilerplate band key and ranks the article sharing most keys first', async () => {
    const { db } = getStore()
    const crowd = BAND_READ_LIMIT + 50
    await db.transaction().execute(async (trx) => {
      // Articles sharing only one "boilerplate" key with the new article, then a true copy sharing six keys.
      for (let i = 0; i < crowd; i++) await insertBands(trx, `a${String(i).padStart(4, '0')}`, ['0:boiler', `1:own${i}`])
      await insertBands(trx, 'copy', ['0:boiler', '1:c1', '2:c2', '3:c3', '4:c4', '5:c5'])
    })
    const found = await copyCandidates(db, ['0:boiler', '1:c1', '2:c2', '3:c3', '4:c4', '5:c5', '6:none'], null, 'new')
    assert.equal(found[0], 'copy')
    assert.equal(found.length, BAND_CANDIDATES)
    // The boilerplate key's newest members are read, not all of them.
    assert.ok(!found.includes('a0000'), JSON.stringify(found.slice(0, 5)))
  })
})
