import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createApp } from '../../src/http/app.js'
import type { Store } from '../../src/store/db.js'
import { testDeps } from '../helpers/deps.js'
import { sqliteStore } from '../helpers/stores.js'
import { client } from './client.js'

const STORY = 'Harbour ferry fares rise\n\nFares on the harbour ferry rise by a third in May, the operator said on Monday.'
const replyIdOf = (res: Response): string => decodeURIComponent(res.headers.get('location') ?? '').split('#reply-')[1] ?? ''

describe('answering, editing and deleting replies on the article page', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let articleId = ''
  let admin: ReturnType<typeof client>
  let reader: ReturnType<typeof client>

  before(async () => {
    store = await sqliteStore()
    app = createApp(testDeps(store), { writesPerMinute: 1000 })
    admin = client(app)
    assert.equal((await admin.post('/signup', { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' })).status, 303)
    const added = await admin.post('/articles', { text: STORY })
    articleId = (added.headers.get('location') ?? '').split('/articles/')[1] ?? ''
    assert.ok(articleId)
    reader = client(app)
    assert.equal((await reader.post('/signup', { username: 'rita', displayName: 'Rita Reader', password: 'another long passphrase' })).status, 303)
  })
  after(() => store.close())

  it('leads a form-only address loaded directly to the page the form is on', async () => {
    const guest = client(app)
    const replyId = replyIdOf(await guest.post(`/articles/${articleId}/replies`, { authorName: 'Sam', body: 'Fares were frozen for years.' }))
    for (const action of ['hide', 'show']) {
      const res = await reader.get(`/replies/${replyId}/${action}`)
      assert.equal(res.status, 303, action)
      assert.equal(res.headers.get('location'), `/articles/${articleId}#reply-${replyId}`)
    }
    assert.equal((await reader.get('/replies/nope/hide')).status, 404)
    const role = await admin.get('/admin/users/nope/role')
    assert.equal(role.status, 303)
    assert.equal(role.headers.get('location'), '/admin/users')
  })

  it('shows a refused answer in its own open form, with the words typed and the focus, not in the top form', async () => {
    const guest = client(app)
    const first = await guest.post(`/articles/${articleId}/replies`, { authorName: 'Sam', body: 'Fares were frozen for years.' })
    const parentId = replyIdOf(first)
    const refused = await guest.post(`/articles/${articleId}/replies`, { authorName: 'Lou', body: '   ', parentId })
    assert.equal(refused.status, 422)
    const page = await refused.text()
    const answerForm = page.slice(page.indexOf(`id="reply-${parentId}"`))
    assert.match(answerForm, /<details class="answer" open="">/)
    assert.match(answerForm, /<p class="error" role="alert">the reply is empty<\/p>/)
    assert.match(answerForm, new RegExp(`name="parentId" value="${parentId}"`))
    assert.match(answerForm, /id="name-[^"]+" type="text" name="authorName" required="" maxlength="80" value="Lou"/)
    assert.match(answerForm, /autofocus=""/)
    const topForm = page.slice(page.indexOf('<h2>Leave a Reply</h2>'), page.indexOf(`id="reply-${parentId}"`))
    assert.doesNotMatch(topForm, /role="alert"/)
    // An answer to a reply its author deleted meanwhile has no form of its own left: the top form shows why, with the words.
    const gone = replyIdOf(await reader.post(`/articles/${articleId}/replies`, { body: 'Soon to go.' }))
    assert.equal((await reader.post(`/replies/${gone}/delete`, {})).status, 303)
    const late = await guest.post(`/articles/${articleId}/replies`, { authorName: 'Lou', body: 'A late answer.', parentId: gone })
    assert.equal(late.status, 422)
    const latePage = await late.text()
    const top = latePage.slice(latePage.indexOf('<h2>Leave a Reply</h2>'))
    assert.match(top, /^[^]*?<p class="error" role="alert">the reply you answer is not on this article \(deleted, or never here\)<\/p>[^]*?A late answer\./)
    const reload = await guest.get(`/articles/${articleId}/replies`)
    assert.deepEqual([reload.status, reload.headers.get('location')], [303, `/articles/${articleId}#replies`])
  })

  it('lets a signed-in author edit their reply, and no one else', async () => {
    const posted = await reader.post(`/articles/${articleId}/replies`, { body: 'The fare rise is 30 percent.' })
    const id = replyIdOf(posted)
    const page = await (await reader.get(`/articles/${articleId}`)).text()
    assert.ok(page.includes(`href="/replies/${id}/edit"`), 'the author sees Edit')
    assert.ok(!(await (await admin.get(`/articles/${articleId}`)).text()).includes(`href="/replies/${id}/edit"`), 'a moderator does not edit others’ words')
    const form = await reader.get(`/replies/${id}/edit`)
    assert.equal(form.status, 200)
    assert.match(await form.text(), /The fare rise is 30 percent\./)
    assert.equal((await reader.post(`/replies/${id}/edit`, { body: ' ' })).status, 422)
    assert.equal((await admin.post(`/replies/${id}/edit`, { body: 'rewritten by someone else' })).status, 403)
    assert.equal((await client(app).post(`/replies/${id}/edit`, { body: 'rewritten by a guest' })).status, 403)
    const saved = await reader.post(`/replies/${id}/edit`, { body: 'The fare rise is a third, not 30 percent.' })
    assert.deepEqual([saved.status, saved.headers.get('location')], [303, `/articles/${articleId}#reply-${id}`])
    const after = await (await client(app).get(`/articles/${articleId}`)).text()
    assert.ok(after.includes('The fare rise is a third, not 30 percent.'))
    assert.ok(!after.includes('The fare rise is 30 percent.'))
    assert.match(after.slice(after.indexOf(`id="reply-${id}"`)), /^[^]*?· edited/)
  })

  it('deletes an author’s reply after asking: gone when unanswered, an empty place holding its answers otherwise', async () => {
    const lone = replyIdOf(await reader.post(`/articles/${articleId}/replies`, { body: 'A reply no one answers.' }))
    const asked = await reader.get(`/replies/${lone}/delete`)
    assert.equal(asked.status, 200)
    assert.match(await asked.text(), /Delete your reply\?[^]*<form method="post" action="\/replies\/[^"]+\/delete"/)
    assert.equal((await admin.post(`/replies/${lone}/delete`, {})).status, 403, 'only its author deletes a reply')
    assert.equal((await reader.post(`/replies/${lone}/delete`, {})).status, 303)
    assert.ok(!(await (await client(app).get(`/articles/${articleId}`)).text()).includes('A reply no one answers.'))

    const answered = replyIdOf(await reader.post(`/articles/${articleId}/replies`, { body: 'Ferries should be free.' }))
    const answer = replyIdOf(await client(app).post(`/articles/${articleId}/replies`, { authorName: 'Bo', body: 'Who would pay for them?', parentId: answered }))
    assert.equal((await reader.post(`/replies/${answered}/delete`, {})).status, 303)
    for (const viewer of [client(app), admin]) {
      const page = await (await viewer.get(`/articles/${articleId}`)).text()
      assert.ok(!page.includes('Ferries should be free.'))
      const place = page.slice(page.indexOf(`id="reply-${answered}"`))
      assert.match(place, /^[^]*?This reply was deleted by its author\.[^]*?Who would pay for them\?/)
      assert.ok(page.includes(`id="reply-${answer}"`))
    }
    assert.equal((await admin.post(`/replies/${answered}/show`, {})).status, 422, 'a deleted reply cannot be shown again')
    assert.equal((await reader.get(`/replies/${answered}/edit`)).status, 404)
  })

  it('asks before deleting an article, then says it was deleted', async () => {
    const other = await admin.post('/articles', { text: 'Bridge closes for repairs\n\nThe bridge closes for a month, the council said.' })
    const id = (other.headers.get('location') ?? '').split('/articles/')[1] ?? ''
    const page = await (await admin.get(`/articles/${id}`)).text()
    assert.ok(page.includes(`href="/articles/${id}/delete"`), 'a link to the question, not a one-click button')
    const asked = await (await admin.get(`/articles/${id}/delete`)).text()
    assert.match(asked, /Delete this article\?[^]*Bridge closes for repairs/)
    assert.equal((await reader.get(`/articles/${id}/delete`)).status, 403)
    const done = await admin.post(`/articles/${id}/delete`, {})
    assert.deepEqual([done.status, done.headers.get('location')], [303, '/?deleted=1'])
    assert.match(await (await admin.get('/?deleted=1')).text(), /The article was deleted\./)
    assert.equal((await admin.get(`/articles/${id}`)).status, 404)
  })

  it('tells a reader how to get the right to add articles, and an editor when an article was already on the desk', async () => {
    assert.match(await (await reader.get('/')).text(), /an admin can make it an editor’s to add articles/)
    assert.doesNotMatch(await (await reader.get('/')).text(), /href="\/login">Sign in<\/a> as an editor/)
    const again = await admin.post('/articles', { text: STORY })
    assert.deepEqual([again.status, again.headers.get('location')], [303, `/articles/${articleId}?already=1`])
    assert.match(await (await admin.get(`/articles/${articleId}?already=1`)).text(), /This article was already on the desk/)
    const refused = await admin.post('/articles', { url: 'ftp://example.com/story' })
    assert.equal(refused.status, 422)
    assert.match(await refused.text(), /<p class="error" role="alert">Not added: /)
  })

  it('serves the icon, and a page asked for with a trailing slash from its address without it', async () => {
    const icon = await app.request('/favicon.ico')
    assert.deepEqual([icon.status, icon.headers.get('content-type')], [200, 'image/svg+xml'])
    const slashed = await app.request('/people/')
    assert.deepEqual([slashed.status, slashed.headers.get('location')], [301, 'http://localhost/people'])
  })

  it('does the same over the API, documented in OpenAPI', async () => {
    const guest = client(app)
    const posted = await reader.json(`/api/articles/${articleId}/replies`, 'POST', { body: 'Posted over the API.', authorName: 'ignored for an account' })
    assert.equal(posted.status, 201)
    const reply = (await posted.json()) as { id: string; authorName: string; status: string }
    assert.deepEqual([reply.authorName, reply.status], ['Rita Reader', 'visible'])
    const answer = await guest.json(`/api/articles/${articleId}/replies`, 'POST', { body: 'An answer.', authorName: 'Gus', parentId: reply.id })
    assert.equal(answer.status, 201)
    assert.equal((await guest.json(`/api/articles/${articleId}/replies`, 'POST', { body: '' , authorName: 'Gus' })).status, 422)
    assert.equal((await guest.json(`/api/replies/${reply.id}`, 'PATCH', { body: 'hijacked' })).status, 403)
    const edited = await reader.json(`/api/replies/${reply.id}`, 'PATCH', { body: 'Posted and edited over the API.' })
    assert.equal(edited.status, 200)
    assert.ok(((await edited.json()) as { editedAt: string | null }).editedAt)
    assert.equal((await guest.json(`/api/replies/${reply.id}/hide`, 'POST', {})).status, 403)
    assert.equal((await reader.json(`/api/replies/${reply.id}`, 'DELETE', {})).status, 204)
    const listed = (await (await guest.get(`/api/articles/${articleId}/replies`)).json()) as { items: { id: string; parentId: string | null; status: string; body: string }[] }
    const place = listed.items.findIndex((r) => r.id === reply.id)
    assert.deepEqual([listed.items[place]?.status, listed.items[place]?.body], ['deleted', ''])
    assert.equal(listed.items[place + 1]?.parentId, reply.id, 'each reply comes before its answers')
    assert.equal((await guest.get('/api/articles/nope/replies')).status, 404)
    const doc = JSON.stringify(await (await app.request('/api/openapi.json')).json())
    for (const path of ['/api/articles/{id}/replies', '/api/replies/{id}', '/api/replies/{id}/hide']) assert.ok(doc.includes(path), path)
    const paths = ((await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { description: string }> }>> }).paths
    assert.deepEqual(paths['/api/articles/{id}/replies']?.post?.security, [{}, { apiToken: [] }], 'guests reply without a token')
    assert.match(paths['/api/replies/{id}']?.patch?.responses['403']?.description ?? '', /only its author/)
  })
})
