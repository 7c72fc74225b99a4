/**
 * A publication day read from an article's address. Most news sites file
 * articles under the day they were published ("/2004/11/16/rice.powell/",
 * "/2004-12/06/content_397673.htm", "20041104-1415-providencemayor"), so a
 * page or a pasted text without a date in its metadata still gets one.
 * Pure: no clock; only whole days, never a bare year or month.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Years an article address can name: earlier or later four-digit runs are ids, not dates. */
const FIRST_YEAR = 1990
const LAST_YEAR = 2099

/** Year, month and day as written in addresses, most specific patterns first. */
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [string, string, string] }[] = [
  // /2004/11/16/, /2004-11-16, 2004_11_16, /2004/11-16
  { re: /(?<![\d])((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?![\d])/, read: (m) => [m[1]!, m[2]!, m[3]!] },
  // /2004/nov/14/ (letters for the month)
  { re: /(?<![\d])((?:19|20)\d\d)[/_-]([a-z]{3})[a-z]*[/_-](\d{1,2})(?![\d])/i, read: (m) => [m[1]!, monthNumber(m[2]!), m[3]!] },
  // /2004-12/06/ (year and month joined, then the day)
  { re: /(?<![\d])((?:19|20)\d\d)-(\d\d)\/(\d\d)(?![\d])/, read: (m) => [m[1]!, m[2]!, m[3]!] },
  // /2004/1118/ (the year, then month and day joined)
  { re: /\/((?:19|20)\d\d)\/(\d\d)(\d\d)\//, read: (m) => [m[1]!, m[2]!, m[3]!] },
  // 20041104-1415, nn20041117a1, tr20041123-secdef (eight digits as one run)
  { re: /(?<![\d])((?:19|20)\d\d)(\d\d)(\d\d)(?![\d])/, read: (m) => [m[1]!, m[2]!, m[3]!] },
]

/**
 * The publication day an address names, as an ISO timestamp at midnight UTC
 * (`2004-11-16T00:00:00.000Z`), or null when it names none. An archive copy
 * is read for the address it keeps, never for the day it was captured.
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null
  const address = archivedAddress(url)
  let rest: string
  try {
    const u = new URL(address)
    // The host never carries the date; the path and query do.
    rest = `${u.pathname}${u.search}`
  } catch {
    return null
  }
  for (const { re, read } of PATTERNS) {
    const m = re.exec(rest)
    if (!m) continue
    const day = validDay(...read(m))
    if (day) return day
  }
  return null
}

/** The address an archive copy keeps (the last http(s) address inside it), or the address itself. */
function archivedAddress(url: string): string {
  const inner = url.slice(1).search(/https?:\/\/[^/]/i)
  return inner >= 0 ? archivedAddress(url.slice(inner + 1)) : url
}

function monthNumber(name: string): string {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase())
  return i < 0 ? '' : String(i + 1)
}

function validDay(year: string, month: string, day: string): string | null {
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  if (!Number.isInteger(y) || y < FIRST_YEAR || y > LAST_YEAR || !(m >= 1 && m <= 12) || !(d >= 1 && d <= 31)) return null
  const t = new Date(Date.UTC(y, m - 1, d))
  // 2004/02/31 is no day: Date rolls it over into March.
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null
  return t.toISOString()
}
