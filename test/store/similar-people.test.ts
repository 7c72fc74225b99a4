import assert from 'node:assert/strict'
import { it } from 'node:test'
import { addArticle } from '../../src/services/articles.js'
import { similarArticles } from '../../src/search/similar.js'
import { testDeps } from '../helpers/deps.js'
import { forEachStore } from '../helpers/stores.js'

// Three reports of one noodle festival, each in its own words (no copies of one another).
const OPENINGS = [
  'The Harbourfront noodle festival opened on Saturday with forty stalls, long queues and a lantern parade along the waterfront.',
  'Crowds packed the waterfront on Saturday as forty noodle stalls opened for the Harbourfront festival, lanterns strung above the queues.',
  'Saturday traffic around the Harbourfront backed up for hours as the noodle festival opened its forty stalls by the lake.',
]

const festival = (i: number, title: string, chan: string, extra: string) => `${title}\n\n${OPENINGS[i]} ${chan} ${extra}`
forEachStore('Similar Posts: who the two articles both name', (getStore) => {
  it('a name two articles share counts only when it is the same person, not a namesake', async () => {
    const deps = testDeps(getStore())
    const add = async (body: string): Promise<string> => {
      const r = await addArticle(deps, { body, source: 'paste' })
      assert.ok(r.ok, JSON.stringify(r))
      return r.value.id
    }
    const chef = 'Jeremy Chan, the head chef at Slurp Noodle House on Queen Street, said the broth had simmered for two days.'
    const councillor = 'Jeremy Chan, a councillor with Toronto City Council, said the council would review the parking rules after the festival.'
    const first = await add(festival(0, 'Noodle festival draws crowds to the waterfront', chef, 'He said his stall sold out by noon.'))
    const sameChef = await add(festival(1, 'Queues and lanterns at the Harbourfront noodle festival', chef, 'He said he would cook again next year.'))
    const namesake = await add(festival(2, 'Waterfront festival brings traffic worries', councillor, 'He said residents had complained about noise.'))
    const posts = await similarArticles(deps.store.db, deps.store.dialect, first, 10)
    const byId = new Map(posts.map((p) => [p.id, p]))
    assert.ok(byId.get(sameChef)?.why.sharedPeople.includes('Jeremy Chan'), JSON.stringify(byId.get(sameChef)?.why))
    const other = byId.get(namesake)
    assert.ok(other, 'the councillor’s article is on the same festival and is listed')
    assert.ok(!other.why.sharedPeople.includes('Jeremy Chan'), JSON.stringify(other.why))
  })
})
