import ipaddr from 'ipaddr.js'

/**
 * Address rules of the SSRF guard. Only globally routable unicast addresses
 * pass; everything a server could use to reach its own network is refused,
 * including IPv4 hidden inside IPv6 (mapped, compatible, NAT64, 6to4, Teredo).
 */

type Parsed = ipaddr.IPv4 | ipaddr.IPv6

/** Strips URL brackets and an IPv6 zone; null when the text is not an IP address. */
export function parseIp(text: string): Parsed | null {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!ipaddr.isValid(bare)) return null
  // ipaddr accepts shorthand like "127.1" too; callers only pass canonical forms (URL parser, resolver).
  return ipaddr.parse(bare)
}

/** The reason an address is not public, or null when it is globally routable unicast. */
export function blockedReason(ip: Parsed): string | null {
  if (ip.kind() === 'ipv4') {
    const range = ip.range()
    return range === 'unicast' ? null : range
  }
  const v6 = ip as ipaddr.IPv6
  if (v6.isIPv4MappedAddress()) return blockedReason(v6.toIPv4Address()) ?? null
  const range = v6.range()
  if (range !== 'unicast') return range
  const parts = v6.parts
  // IPv4-compatible (::a.b.c.d, deprecated) is outside ipaddr's special ranges: refuse the whole ::/96.
  if (parts.slice(0, 6).every((p) => p === 0)) return 'ipv4Compatible'
  // Global unicast is 2000::/3; anything else is unassigned.
  const first = parts[0] ?? 0
  return first >= 0x2000 && first <= 0x3fff ? null : 'reserved'
}

export interface AllowList {
  names: Set<string>
  ranges: [Parsed, number][]
}

export const normaliseHost = (host: string): string => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.+$/, '')

/** Reads allowPrivateHosts: each entry a host name, an IP or a CIDR. */
export function parseAllowList(entries: readonly string[] = []): AllowList {
  const list: AllowList = { names: new Set(), ranges: [] }
  for (const raw of entries) {
    const entry = raw.trim()
    if (entry === '') continue
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) {
      list.ranges.push(ipaddr.parseCIDR(entry))
      continue
    }
    const ip = parseIp(entry)
    if (ip !== null) list.ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128])
    else list.names.add(normaliseHost(entry))
  }
  return list
}

const unmapped = (ip: Parsed): Parsed =>
  ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip

export function allowListHasAddress(list: AllowList, ip: Parsed): boolean {
  const plain = unmapped(ip)
  return list.ranges.some(([net, bits]) => net.kind() === plain.kind() && plain.match(net, bits))
}

/** Names that always mean this machine, whatever DNS says. */
export function isLocalName(host: string): boolean {
  const name = normaliseHost(host)
  return name === 'localhost' || name.endsWith('.localhost') || name === 'localhost.localdomain' || name === 'ip6-localhost' || name === 'ip6-loopback'
}
