import { Agent } from 'undici'
import type { LookupFunction } from 'node:net'
import type { DispatcherFactory } from './types.js'

/**
 * An undici Agent whose every connection goes to the one address the guard
 * checked: its lookup answers from that address and never asks DNS again,
 * so a rebinding DNS server cannot swap in a private address. TLS still
 * verifies the certificate against the host name (SNI is the name).
 */
export const pinnedDispatcher: DispatcherFactory = ({ hostname, address }, limits) => {
  const pinned: LookupFunction = (name, options, callback) => {
    if (name.toLowerCase().replace(/\.$/, '') !== hostname) {
      callback(Object.assign(new Error(`unexpected lookup for ${name}`), { code: 'ENOTFOUND' }), '', 4)
      return
    }
    if (options.all === true) {
      ;(callback as unknown as (e: null, list: { address: string; family: number }[]) => void)(null, [address])
    } else callback(null, address.address, address.family)
  }
  return new Agent({
    connect: { lookup: pinned, timeout: limits.connectTimeoutMs },
    headersTimeout: limits.idleTimeoutMs,
    bodyTimeout: limits.idleTimeoutMs,
    connections: 1,
    pipelining: 0,
  })
}
