import assert from 'node:assert/strict'
import { it } from 'node:test'
import { forEachStore } from '../../test/helpers/stores.js'
import { addCorpusItem, type CorpusItem } from './similar-corpus.js'
import { SAME_TOPIC, similarArticles } from './similar.js'

const wire = 'We will rebuild the bridge before the winter floods return to the valley, whatever it costs'
const items: CorpusItem[] = [
  {
    id: 'rebuild-a',
    title: 'Harlow promises new bridge by winter',
    url: 'https://courier.example/news/harlow-bridge/',
    date: '2025-03-04',
    text: `Harlow will replace the collapsed River Lenne bridge within months, its mayor said on Tuesday.\n\n"${wire}," Mayor Elena Varga told reporters at the town hall.\n\nEngineers are still inspecting the river bed where the iron span fell during Sunday's storm.`,
  },
  {
    id: 'rebuild-b',
    title: 'Mayor vows to rebuild River Lenne crossing',
    url: 'https://gazette.example/lenne-crossing',
    date: '2025-03-05',
    text: `The mayor of Harlow has vowed to rebuild the River Lenne crossing quickly after the storm.\n\n"${wire}," Elena Varga said on Tuesday.\n\nThe council will meet on Friday to approve emergency funding for the bridge and a temporary ferry.`,
  },
  {
    id: 'ferry',
    title: 'Ferry to link Harlow while bridge is rebuilt',
    text: `A temporary ferry will carry passengers across the River Lenne in Harlow while the bridge is rebuilt.\n\n"The ferry will run every twenty minutes from dawn until midnight," said harbour master Jonas Prell.\n\nTickets will be free for residents of the town.`,
  },
]

forEachStore('Similar Posts: why', (getStore) => {
  it('says which quote two articles share', async () => {
    const store = getStore()
    for (const i of items) await addCorpusItem(store, i)
    const similar = await similarArticles(store.db, store.dialect, 'rebuild-a', 10)
    const b = similar.find((s) => s.id === 'rebuild-b')
    assert.ok(b, JSON.stringify(similar))
    assert.equal(b.why.sharedQuotes.length, 1, JSON.stringify(b.why))
    assert.ok(b.why.sharedQuotes[0]?.startsWith('We will rebuild the bridge'), JSON.stringify(b.why))
    assert.equal(b.why.daysApart, 1)
    assert.ok(b.sameStory)
    const ferry = similar.find((s) => s.id === 'ferry')
    if (ferry) {
      assert.deepEqual(ferry.why.sharedQuotes, [])
    }
  })
})

const opened: CorpusItem[] = [
  items[0]!,
  {
    id: 'reopened',
    title: 'River Lenne bridge reopens in Harlow',
    date: '2025-07-02',
    text: 'The new River Lenne bridge in Harlow opened to traffic on Wednesday, four months after the storm that brought down its iron span.\n\n"We promised the valley a bridge before winter and we kept that promise," Mayor Elena Varga said at the ribbon cutting.\n\nThe temporary ferry across the river will stop running at the end of the month.',
  },
  { ...items[2]!, id: 'ferry-again' },
]

forEachStore('Similar Posts: how close', (getStore) => {
  it('calls two articles naming the same people months apart the same topic, not the same story, and a faint match related', async () => {
    const store = getStore()
    for (const i of opened) await addCorpusItem(store, i)
    const similar = await similarArticles(store.db, store.dialect, 'rebuild-a', 10)
    const months = similar.find((s) => s.id === 'reopened')
    assert.ok(months, JSON.stringify(similar))
    assert.equal(months.why.daysApart, 120)
    assert.ok(months.why.sharedPeople.length > 0 && months.score >= 0.15, JSON.stringify(months))
    assert.deepEqual([months.sameStory, months.relation], [false, 'topic'])
    for (const s of similar) assert.equal(s.relation === 'related', s.score < SAME_TOPIC, JSON.stringify(s))
  })
})
