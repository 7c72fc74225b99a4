/** Words shared by the pages and the command line. */

/** "1 quote", "3 quotes". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`
}

/** What a list shows beside a person's name: the latest role and organisation (namesakes differ there), then the quote count. */
export function personMeta(p: { role: string | null; organisation: string | null; quoteCount: number }): string {
  const role = [p.role, p.organisation].filter(Boolean).join(', ')
  return `${role ? `${role} · ` : ''}${countOf(p.quoteCount, 'quote')}`
}

/** Each role or organisation once, as first written, whatever its case ("President", "president"). */
export function onceEach(values: string[]): string[] {
  const seen = new Set<string>()
  return values.filter((v) => !seen.has(v.toLowerCase()) && !!seen.add(v.toLowerCase()))
}

/** How close a Similar Post is, in words. */
export const RELATION_LABEL: Record<'story' | 'topic' | 'related', string> = { story: 'same story', topic: 'same topic', related: 'related' }

/** "wire.example.com" of a copy's address, to tell copies with one title apart; null without a usable address. */
export function hostOf(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null
  return new URL(url).host.replace(/^www\./, '') || null
}
