/**
 * Small word lists shared by the plain-text and HTML extractors: page
 * furniture phrases and a verb lexicon for recognising verbless captions.
 */

/** Lines that begin the trailing debris of a page (related links, comments, share bars). */
const FURNITURE = [
  'similar posts', 'related posts', 'related articles', 'related stories', 'related', 'related content',
  'related news', 'related topics', 'related coverage', 'more stories', 'more from', 'more on this',
  'leave a reply', 'leave a comment', 'post a comment', 'add a comment', 'join the conversation',
  'comments', 'comment', 'share this', 'share this article', 'share this story', 'share', 'share on',
  'read more', 'read next', 'read also', 'see also', 'you may also like', 'you might also like',
  'recommended', 'recommended for you', 'most popular', 'most read', 'popular posts', 'trending',
  'sponsored content', 'tags', 'filed under', 'topics',
  'about the author',
  'cancel reply', 'previous post', 'next post', 'more in', 'more articles', 'latest news',
  'what to read next', 'recommended stories', 'don\'t miss', 'also read', 'continue reading',
  'more like this', 'related reading', 'further reading', 'editor\'s picks', 'top stories', 'around the web',
  'você pode gostar', 'veja também', 'leia também', 'leia mais', 'notícias relacionadas', 'comentários',
  'artículos relacionados', 'te puede interesar', 'lee también', 'noticias relacionadas', 'comentarios',
  'à lire aussi', 'lire aussi', 'sur le même sujet', 'articles similaires', 'commentaires',
  'ähnliche artikel', 'das könnte sie auch interessieren', 'mehr zum thema', 'kommentare',
  'leggi anche', 'articoli correlati', 'commenti', 'похожие статьи', 'читайте также', 'комментарии',
  'gerelateerde artikelen', 'lees ook', 'reacties', 'отзывы', 'добавить отзыв', 'добавить комментарий', 'самые популярные',
  'похожие материалы', 'популярное', 'ähnliche beiträge', 'entradas relacionadas', 'posts relacionados', 'artigos relacionados',
]
const FURNITURE_SET = new Set(FURNITURE)

/** Lines that interrupt the text wherever they stand and are simply dropped. */
const INTERRUPTIONS = new Set([
  'advertisement', 'advertisements', 'advert', 'ad', 'sponsored', 'story continues below', 'story continues below advertisement',
  'article continues below', 'continue reading below', 'continue reading the main story', 'scroll to continue with content',
  'skip advertisement', 'subscribe', 'subscribe now', 'sign up for our newsletter', 'newsletter', 'follow us', 'this slideshow requires javascript', 'loading', 'loading...', 'publicidade', 'publicidad', 'anzeige', 'werbung', 'publicité', 'pubblicità', 'реклама', 'advertentie',
])

/** True for a line such as "Advertisement" that interrupts the text. */
export function isInterruption(line: string): boolean {
  if (line.length > 60) return false
  return INTERRUPTIONS.has(line.toLowerCase().replace(/[:.!…\-–—\s]+$/u, '').replace(/\s+/g, ' ').trim())
}

/** Pointers to another story set inside the text ("Read also"): furniture, but the article goes on after them. */
const ASIDES = new Set([
  'read also', 'also read', 'see also', 'read more', 'read next', 'continue reading', 'leggi anche', 'leia também', 'leia mais',
  'veja também', 'lee también', 'lire aussi', 'à lire aussi', 'читайте также', 'lees ook', 'mehr zum thema',
])

export function isAside(line: string): boolean {
  if (line.length > 60) return false
  return ASIDES.has(line.toLowerCase().replace(/[:.!…»›>|\-–—\s]+$/u, '').trim())
}

/** True when a short line is page furniture ("Similar Posts", "3 Comments", "Share this:"). */
export function isFurniture(line: string): boolean {
  if (line.length > 80) return false
  const t = line
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\(\d+\)|\b\d+\b/g, '')
    .replace(/[:.!…»›>|\-–—\s]+$/u, '')
    .replace(/^[\s«‹<|\-–—]+/u, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (t.length === 0 || t.length > 45) return false
  if (FURNITURE_SET.has(t)) return true
  return /^(\d+ )?(comments?|responses?|replies)$/.test(t) || /^(one|no) (comments?|responses?|thoughts?)/.test(t)
}

const AUXILIARIES = [
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'isn\'t', 'aren\'t',
  'wasn\'t', 'weren\'t', 'won\'t', 'can\'t', 'don\'t', 'doesn\'t', 'didn\'t', 'hasn\'t', 'haven\'t',
]
/** Common verbs in base form; their -s and -ed forms count too. */
const VERB_BASES = [
  'say', 'tell', 'ask', 'add', 'claim', 'warn', 'argue', 'believe', 'think', 'know', 'see', 'look', 'seem',
  'want', 'need', 'make', 'take', 'give', 'get', 'go', 'come', 'find', 'show', 'become', 'remain', 'keep',
  'hold', 'leave', 'meet', 'speak', 'talk', 'write', 'read', 'run', 'win', 'lose', 'play', 'work', 'call',
  'try', 'use', 'put', 'set', 'bring', 'begin', 'start', 'stop', 'end', 'plan', 'seek', 'face', 'hope',
  'help', 'mean', 'feel', 'agree', 'deny', 'report', 'announce', 'accuse', 'pledge', 'vow', 'offer', 'test',
  'launch', 'fire', 'kill', 'die', 'lead', 'follow', 'provide', 'include', 'expect', 'allow', 'appear',
  'happen', 'let', 'like', 'love', 'live', 'move', 'pay', 'stand', 'sit', 'fall', 'rise', 'grow', 'open',
  'close', 'build', 'buy', 'sell', 'send', 'spend', 'suggest', 'insist', 'note', 'explain', 'describe',
]
const IRREGULAR_PAST = [
  'said', 'told', 'thought', 'knew', 'saw', 'made', 'took', 'gave', 'got', 'went', 'came', 'found',
  'became', 'kept', 'held', 'left', 'met', 'spoke', 'wrote', 'ran', 'won', 'lost', 'began', 'brought',
  'sought', 'meant', 'felt', 'led', 'fell', 'rose', 'grew', 'built', 'bought', 'sold', 'sent', 'spent',
  'stood', 'sat', 'paid', 'put', 'set', 'let',
]
const VERBS = new Set<string>([...AUXILIARIES, ...IRREGULAR_PAST])
for (const b of VERB_BASES) {
  VERBS.add(b)
  VERBS.add(b.endsWith('y') && !/[aeiou]y$/.test(b) ? b.slice(0, -1) + 'ies' : /(s|sh|ch|x|o)$/.test(b) ? b + 'es' : b + 's')
  VERBS.add(b.endsWith('e') ? b + 'd' : b.endsWith('y') && !/[aeiou]y$/.test(b) ? b.slice(0, -1) + 'ied' : b + 'ed')
}
/** Words ending in -ed that are not past tenses. */
const NOT_PAST = new Set(['red', 'bed', 'shed', 'led', 'need', 'seed', 'feed', 'speed', 'greed', 'breed', 'creed', 'deed', 'weed', 'hundred', 'sacred', 'naked', 'wicked', 'ted', 'fred', 'ahmed', 'mohammed', 'muhammed', 'ned', 'reed', 'steed'])
const PRONOUN_CONTRACTION = /^(it|that|there|here|he|she|what|who|where|this|i|you|we|they)['’](s|re|ve|ll|d|m)$/i

/** True when the word is (probably) a finite verb or auxiliary. */
export function looksLikeVerb(word: string): boolean {
  const w = word.toLowerCase().replace(/’/g, "'")
  if (VERBS.has(w)) return true
  if (/n't$/.test(w)) return true
  if (PRONOUN_CONTRACTION.test(w)) return true
  return w.length > 4 && w.endsWith('ed') && !NOT_PAST.has(w) && /^[a-z]+$/.test(w)
}

const CAPTION_PREPOSITIONS = new Set(['at', 'in', 'during', 'on', 'after', 'before', 'outside', 'inside', 'near', 'with', 'from', 'of'])
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it'])

/**
 * True for a short verbless image description: "Donald Trump and Kim Jong Un
 * at the 2019 Hanoi summit." A caption names people or places (capitalised
 * words) and sets them somewhere with a preposition, without a finite verb.
 */
export function looksLikeCaption(line: string): boolean {
  const text = line.trim()
  if (text.length < 12 || text.length > 220) return false
  if (/^["“‘'([]/.test(text) || /[?!:;]$/.test(text)) return false
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu) ?? []
  if (words.length < 3 || words.length > 35) return false
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return false
  if ((text.match(/[.!?](\s|$)/g) ?? []).length > 1) return false
  let capitalised = 0
  let hasPreposition = false
  for (const raw of words) {
    const word = raw.replace(/\.$/, '')
    const lower = word.toLowerCase()
    if (looksLikeVerb(word) || SUBJECT_PRONOUNS.has(lower)) return false
    if (CAPTION_PREPOSITIONS.has(lower)) hasPreposition = true
    if (/^\p{Lu}/u.test(word)) capitalised++
  }
  return hasPreposition && capitalised >= 2
}
