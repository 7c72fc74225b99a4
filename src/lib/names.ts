/**
 * Names people type for themselves: invisible characters (zero-width
 * spaces and joiners, direction marks, control characters, blank fillers)
 * would let "Admin\u200b" pass for "Admin", so they are removed before a
 * name is checked, stored or compared.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u115f\u1160\u2800\u3164\uffa0]/gu

export function visibleName(name: string): string {
  return name.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim()
}
