import { lookup } from 'node:dns/promises'
import { allowListHasAddress, blockedReason, isLocalName, normaliseHost, parseIp } from './address.js'
import type { AllowList } from './address.js'
import type { FetchError, FetchErrorCode, ResolvedAddress, Resolver } from './types.js'

export type Checked<T> = { ok: true; value: T } | { ok: false; error: FetchError }

export const fetchError = (code: FetchErrorCode, url: string, message: string, extra: Partial<FetchError> = {}): Checked<never> => ({
  ok: false,
  error: { code, url, message, ...extra },
})

export const systemResolver: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true })
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))
}

/** Parses a URL and refuses what may never be fetched, before any DNS or network work. */
export function checkUrl(raw: string): Checked<URL> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fetchError('bad_url', raw, `not a valid URL: ${raw.slice(0, 200)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fetchError('bad_scheme', raw, `only http and https URLs can be fetched, not ${url.protocol}`)
  }
  if (url.username !== '' || url.password !== '') {
    return fetchError('credentials_in_url', raw, 'URLs with a user name or password are refused')
  }
  return { ok: true, value: url }
}

/** The refusal of a name that resolved to a non-public address, as everyone may read it. */
const NOT_PUBLIC = 'refused: the address is not a public one'

function checkAddress(url: string, host: string, address: ResolvedAddress, allow: AllowList, hostAllowed: boolean): Checked<ResolvedAddress> {
  const ip = parseIp(address.address)
  if (ip === null) return fetchError('network', url, `${host} resolved to something that is not an address`)
  const reason = blockedReason(ip)
  if (reason === null || hostAllowed || allowListHasAddress(allow, ip)) return { ok: true, value: address }
  const what = `${RANGE_NAMES[reason] ?? `a non-public (${reason})`} address`
  const refused = ': refused (an admin can allow it with NEWSDESK_ALLOW_PRIVATE_HOSTS)'
  if (normaliseHost(host) === address.address) return fetchError('blocked_address', url, `${address.address} is ${what}${refused}`)
  // What a name resolves to is this network's own business, and a feed's error is shown to every reader: the address is in the detail only.
  return fetchError('blocked_address', url, NOT_PUBLIC, { detail: `${host} is ${address.address}, ${what}${refused}` })
}

/** Readable names of ipaddr.js ranges, with their article. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback (this machine)',
  private: 'a private-network',
  uniqueLocal: 'a private-network (IPv6 unique local)',
  linkLocal: 'a link-local',
  unspecified: 'an unspecified',
  carrierGradeNat: 'a carrier-grade NAT',
  multicast: 'a multicast',
  broadcast: 'a broadcast',
  reserved: 'a reserved',
}

/**
 * The address rules that need no DNS, for URLs stored now and fetched later
 * (feeds, OPML imports): an IP literal must be public or allowed, and a
 * name must not mean this machine. A name's addresses are checked when it
 * is fetched (resolveTarget), as DNS may change meanwhile.
 */
export function checkHostWithoutDns(url: URL, allow: AllowList): Checked<URL> {
  const host = normaliseHost(url.hostname)
  const hostAllowed = allow.names.has(host)
  const literal = parseIp(url.hostname)
  if (literal !== null) {
    const checked = checkAddress(url.href, host, { address: literal.toString(), family: literal.kind() === 'ipv4' ? 4 : 6 }, allow, hostAllowed)
    return checked.ok ? { ok: true, value: url } : checked
  }
  if (isLocalName(host) && !hostAllowed) return fetchError('blocked_address', url.href, `${url.hostname} names this machine: refused`)
  return { ok: true, value: url }
}

/**
 * Decides which single address a fetch may connect to. IP literals are
 * checked as they are; names are resolved once, and every address they
 * resolve to must pass, so a name mixing public and private addresses is refused.
 */
export async function resolveTarget(url: URL, allow: AllowList, resolver: Resolver): Promise<Checked<ResolvedAddress>> {
  const host = normaliseHost(url.hostname)
  const hostAllowed = allow.names.has(host)
  const literal = parseIp(url.hostname)
  if (literal !== null) {
    const family = literal.kind() === 'ipv4' ? 4 : 6
    return checkAddress(url.href, host, { address: literal.toString(), family }, allow, hostAllowed)
  }
  if (isLocalName(host) && !hostAllowed) {
    return fetchError('blocked_address', url.href, `${url.hostname} names this machine: refused`)
  }
  let addresses: ResolvedAddress[]
  try {
    addresses = await resolver(host)
  } catch (err) {
    return fetchError('network', url.href, `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  if (addresses.length === 0) return fetchError('network', url.href, `${host} has no addresses`)
  for (const address of addresses) {
    const checked = checkAddress(url.href, host, address, allow, hostAllowed)
    if (!checked.ok) return checked
  }
  return { ok: true, value: addresses[0] as ResolvedAddress }
}
