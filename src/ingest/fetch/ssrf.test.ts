import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startServer } from '../../../test/ingest/server.js'
import type { TestServer } from '../../../test/ingest/server.js'
import { blockedReason, parseAllowList, parseIp } from './address.js'
import { pinnedDispatcher } from './dispatcher.js'
import { fetchUrl } from './fetch-url.js'
import { checkHostWithoutDns } from './guard.js'
import type { DispatcherFactory, FetchOptions, ResolvedAddress, Resolver } from './types.js'

/** Spies that record every DNS question and every connection the fetcher would make. */
function spies(dns: Record<string, string[]> = {}) {
  const asked: string[] = []
  const connected: { hostname: string; address: string }[] = []
  const resolver: Resolver = async (host) => {
    asked.push(host)
    const found = dns[host]
    if (found === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
    return found.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
  const dispatcherFactory: DispatcherFactory = (target, limits) => {
    connected.push({ hostname: target.hostname, address: target.address.address })
    // Only loopback ever reaches a real socket in these tests.
    assert.ok(target.address.address === '127.0.0.1', `test tried to connect to ${target.address.address}`)
    return pinnedDispatcher(target, limits)
  }
  return { asked, connected, options: { resolver, dispatcherFactory, timeoutMs: 3000 } satisfies FetchOptions }
}

const BLOCKED_URLS = [
  'http://127.0.0.1/',
  'http://127.0.0.1:8080/admin',
  'http://10.0.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://100.64.0.1/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://0.0.0.0/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://[::1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::127.0.0.1]/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[ff02::1]/',
  'http://[64:ff9b::a00:1]/',
  'http://[2002:7f00:1::]/',
  'http://0x7f000001/',
  'http://2130706433/',
  'http://0177.0.0.1/',
  'http://127.1/',
  'http://localhost/',
  'http://localhost./',
  'http://LOCALHOST:3000/',
  'http://api.localhost/',
  'https://10.0.0.1/',
]

describe('SSRF guard: refused before any connection', () => {
  for (const url of BLOCKED_URLS) {
    it(`refuses ${url}`, async () => {
      const spy = spies()
      const result = await fetchUrl(url, spy.options)
      assert.equal(result.ok, false)
      assert.ok(!result.ok)
      assert.equal(result.error.code, 'blocked_address', result.error.message)
      assert.match(result.error.message, /refused/)
      assert.deepEqual(spy.connected, [])
      assert.deepEqual(spy.asked, [], 'IP literals and localhost names never reach DNS')
    })
  }

  it('says in plain words what kind of address it refused', async () => {
    const said = async (url: string): Promise<string> => {
      const result = await fetchUrl(url, spies({ 'metadata.example': ['169.254.169.254'] }).options)
      return result.ok ? '' : result.error.message
    }
    assert.match(await said('http://127.0.0.1/'), /^127\.0\.0\.1 is a loopback \(this machine\) address: refused/)
    assert.match(await said('http://0.0.0.0/'), /an unspecified address/)
  })

  it('does not say what a name resolved to but in the detail (an error may be shown to anyone)', async () => {
    const result = await fetchUrl('https://metadata.example/', spies({ 'metadata.example': ['169.254.169.254'] }).options)
    assert.ok(!result.ok)
    assert.equal(result.error.message, 'refused: the address is not a public one')
    assert.match(result.error.detail ?? '', /^metadata\.example is 169\.254\.169\.254, a link-local address: refused/)
  })

  const PRIVATE_DNS: [string, string[]][] = [
    ['intranet.example', ['10.1.2.3']],
    ['metadata.example', ['169.254.169.254']],
    ['sneaky.example', ['93.184.216.34', '127.0.0.1']],
    ['v6.example', ['::1']],
    ['mapped.example', ['::ffff:10.0.0.1']],
    ['cgnat.example', ['100.64.0.1']],
  ]
  for (const [host, addresses] of PRIVATE_DNS) {
    it(`refuses ${host}, which resolves to ${addresses.join(', ')}`, async () => {
      const spy = spies({ [host]: addresses })
      const result = await fetchUrl(`https://${host}/feed.xml`, spy.options)
      assert.ok(!result.ok)
      assert.equal(result.error.code, 'blocked_address')
      assert.deepEqual(spy.asked, [host])
      assert.deepEqual(spy.connected, [])
    })
  }

  const BAD: [string, string][] = [
    ['file:///etc/passwd', 'bad_scheme'],
    ['ftp://example.org/x', 'bad_scheme'],
    ['gopher://example.org/', 'bad_scheme'],
    ['javascript:alert(1)', 'bad_scheme'],
    ['data:text/html,<p>x</p>', 'bad_scheme'],
    ['http://user:secret@example.org/', 'credentials_in_url'],
    ['http://user@example.org/', 'credentials_in_url'],
    ['not a url', 'bad_url'],
  ]
  for (const [url, code] of BAD) {
    it(`refuses ${url} with ${code}`, async () => {
      const spy = spies()
      const result = await fetchUrl(url, spy.options)
      assert.ok(!result.ok)
      assert.equal(result.error.code, code)
      assert.deepEqual(spy.asked, [])
      assert.deepEqual(spy.connected, [])
    })
  }
})

describe('SSRF guard: address rules', () => {
  it('lets globally routable addresses through', () => {
    for (const address of ['8.8.8.8', '93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8']) {
      const ip = parseIp(address)
      assert.ok(ip !== null)
      assert.equal(blockedReason(ip), null, address)
    }
  })
  it('names the reason for private ranges', () => {
    const cases: [string, string][] = [
      ['10.0.0.1', 'private'], ['127.0.0.1', 'loopback'], ['169.254.169.254', 'linkLocal'], ['100.64.0.1', 'carrierGradeNat'],
      ['::1', 'loopback'], ['::', 'unspecified'], ['::7f00:1', 'ipv4Compatible'], ['fe80::1', 'linkLocal'], ['::ffff:192.168.0.1', 'private'],
    ]
    for (const [address, reason] of cases) assert.equal(blockedReason(parseIp(address) ?? assert.fail(address)), reason, address)
  })
})

describe('SSRF guard: redirects and the allow list', () => {
  let server: TestServer
  before(async () => {
    server = await startServer({
      '/to-metadata': (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/to-loopback6': (_req, res) => res.writeHead(301, { location: 'http://[::1]:22/' }).end(),
      '/to-hex': (_req, res) => res.writeHead(307, { location: 'http://0x7f000001/' }).end(),
      '/to-name': (_req, res) => res.writeHead(308, { location: 'http://intranet.example/secret' }).end(),
      '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
      '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>'),
    })
  })
  after(() => server.close())

  for (const path of ['/to-metadata', '/to-loopback6', '/to-hex', '/to-name']) {
    it(`re-checks the redirect hop of ${path}`, async () => {
      // The test server is reachable only under a name the allow list opens; every hop is checked again.
      const spy = spies({ 'feeds.internal': ['127.0.0.1'], 'intranet.example': ['10.9.9.9'] })
      const result = await fetchUrl(`http://feeds.internal:${server.port}${path}`, { ...spy.options, allowPrivateHosts: ['feeds.internal'] })
      assert.ok(!result.ok)
      assert.equal(result.error.code, 'blocked_address', result.error.message)
      assert.deepEqual(spy.connected, [{ hostname: 'feeds.internal', address: '127.0.0.1' }])
    })
  }

  it('refuses a redirect to another scheme', async () => {
    const spy = spies()
    const result = await fetchUrl(`${server.origin}/to-file`, { ...spy.options, allowPrivateHosts: ['127.0.0.1'] })
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'bad_scheme')
  })

  it('refuses the test server itself unless allowed', async () => {
    const spy = spies()
    const before = server.connections
    const result = await fetchUrl(`${server.origin}/page`, spy.options)
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'blocked_address')
    assert.equal(server.connections, before)
  })

  it('resolves a name once and connects to the checked address only (no second lookup)', async () => {
    // "feeds.internal" exists only in the injected resolver: a second, system lookup would fail.
    const spy = spies({ 'feeds.internal': ['127.0.0.1'] })
    const result = await fetchUrl(`http://feeds.internal:${server.port}/page`, { ...spy.options, allowPrivateHosts: ['feeds.internal'] })
    assert.ok(result.ok, JSON.stringify(result))
    assert.equal(Buffer.from(result.value.body).toString(), '<p>ok</p>')
    assert.deepEqual(spy.asked, ['feeds.internal'])
    assert.deepEqual(spy.connected, [{ hostname: 'feeds.internal', address: '127.0.0.1' }])
    assert.equal(server.requests.at(-1)?.headers.host, `feeds.internal:${server.port}`)
  })

  it('an allowed name does not open other private names', async () => {
    const spy = spies({ 'feeds.internal': ['127.0.0.1'], 'other.internal': ['127.0.0.1'] })
    const result = await fetchUrl(`http://other.internal:${server.port}/page`, { ...spy.options, allowPrivateHosts: ['feeds.internal'] })
    assert.ok(!result.ok)
    assert.equal(result.error.code, 'blocked_address')
  })
})

describe('address rules without DNS (for URLs stored now, fetched later)', () => {
  it('refuses private and loopback literals and local names unless allowed, and leaves other names to the fetch', () => {
    const allow = parseAllowList(['127.0.0.1', 'intranet.example'])
    const code = (url: string): string => {
      const checked = checkHostWithoutDns(new URL(url), allow)
      return checked.ok ? 'ok' : checked.error.code
    }
    assert.deepEqual(
      ['http://10.0.0.5/feed.xml', 'http://[::1]/feed', 'http://localhost/feed', 'http://169.254.169.254/', 'http://127.0.0.1:8080/feed', 'http://intranet.example/feed', 'https://news.example/feed', 'http://93.184.216.34/feed'].map(code),
      ['blocked_address', 'blocked_address', 'blocked_address', 'blocked_address', 'ok', 'ok', 'ok', 'ok'],
    )
  })
})
