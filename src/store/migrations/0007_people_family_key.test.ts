import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { it } from 'node:test'
import { familyKeyOf } from '../repos/people-repo.js'
import { familyKeyAt0007 } from './0007_people_family_key.js'

it("migration 0007's frozen family-key rule is today's people-repo rule", () => {
  const keys = ['jeremy chan', 'chan', 'mary-ann o’neill', 'jean claude van damme', 'li', 'anna  berg', '']
  for (const key of keys) assert.equal(familyKeyAt0007(key), familyKeyOf(key), key)
  assert.equal(familyKeyAt0007('jeremy chan'), 'chan')
  assert.equal(familyKeyAt0007('chan'), null)
})

it('no migration imports a repository: each keeps its own copy of the rules it backfills with', () => {
  const dir = new URL('./', import.meta.url)
  const migrations = readdirSync(dir).filter((f) => /^\d{4}_.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
  for (const file of migrations) assert.doesNotMatch(readFileSync(new URL(file, dir), 'utf8'), /from '\.\.\/repos\//, file)
})
