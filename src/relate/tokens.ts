/**
 * Word tokens for relating articles: lower-cased, stop words dropped, a light
 * suffix stemmer so "elections"/"election" and "attacked"/"attack" meet.
 */

const WORD_RE = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu

/** Function words plus the verbs and nouns every news story uses ("said", "told", "year"). */
const STOP = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among an and
  another any anyhow anyone anything anyway anywhere are around as at back be became because become becomes been before
  beforehand behind being below beside besides between beyond both but by can cannot could did do does doing done down
  during each either else elsewhere enough even ever every everyone everything everywhere except few for former formerly
  from further had has have having he hence her here hereby herein hers herself him himself his how however i if in indeed
  into is it its itself just last latter least less many may me meanwhile might mine more moreover most mostly much must
  my myself namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once
  one only onto or other others otherwise our ours ourselves out over own per perhaps please put rather re same see seem
  seemed seeming seems several she should since so some somehow someone something sometime sometimes somewhere still such
  than that the their theirs them themselves then thence there thereafter thereby therefore therein these they this those
  though through throughout thus to together too toward towards under until up upon us very via was we well were what
  whatever when whence whenever where whereas whereby wherein whether which while whither who whoever whole whom whose why
  will with within without would yet you your yours yourself yourselves s t don didn doesn isn wasn weren won ll ve d m
  said says say saying told tell tells according added adding including include includes new also like get got make made
  year years day days week weeks month months time times today yesterday tomorrow monday tuesday wednesday thursday friday
  saturday sunday mr mrs ms dr people way going go goes went come came take took think know want wanted use used told
  reported report reports reuters ap afp news told two three four five six seven eight nine ten first second third percent
  per cent million billion thousand hundred dozen`.split(/\s+/),
)

/** Lower-cased words of `text`, possessive 's removed. */
export function words(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(WORD_RE)) {
    out.push(m[0].toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, ''))
  }
  return out
}

export function isStopWord(word: string): boolean {
  return STOP.has(word)
}

/**
 * A term for similarity: the stemmed word, or null for stop words, bare
 * numbers (except four-digit years) and one-letter tokens.
 */
export function termOf(word: string): string | null {
  if (word.length < 2 || STOP.has(word)) return null
  if (/^[\d.,'’-]+$/.test(word)) return /^(1[89]|20)\d\d$/.test(word) ? word : null
  return stem(word)
}

/** A light English stemmer: plurals, -ing, -ed, -ly, -ies; never shorter than three letters. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  let w = word
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3))
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = undouble(w.slice(0, -2))
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2)
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  return w
}

function undouble(w: string): string {
  const n = w.length
  if (n >= 4 && w[n - 1] === w[n - 2] && !/[aeiouls]/.test(w[n - 1] ?? '')) return w.slice(0, -1)
  return w
}

/** For each term of `text`, the word it was most often written as ("rais" → "raise"), for showing terms to readers. */
export function surfaceForms(text: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>()
  for (const w of words(text)) {
    const term = termOf(w)
    if (!term) continue
    const forms = counts.get(term) ?? new Map<string, number>()
    forms.set(w, (forms.get(w) ?? 0) + 1)
    counts.set(term, forms)
  }
  const out = new Map<string, string>()
  for (const [term, forms] of counts) out.set(term, [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? term)
  return out
}
