/**
 * Word lists the attribution rules read. Cue verbs are listed by lemma and
 * expanded to their inflections, so adding a verb is one word.
 */

/**
 * Verbs of saying and writing: the speech acts the product shows as quotes.
 * Verbs of thinking, feeling and intending (believe, fear, hope, plan, want)
 * are cues only as a present stance (STANCE below), see index.ts.
 */
const SPEECH = [
  'say', 'tell', 'claim', 'argue', 'warn', 'add', 'note', 'explain', 'insist', 'state', 'announce', 'suggest',
  'acknowledge', 'admit', 'assert', 'write', 'report', 'reply', 'respond', 'confirm', 'deny', 'predict', 'urge',
  'maintain', 'contend', 'concede', 'caution', 'declare', 'emphasize', 'emphasise', 'stress', 'accuse', 'quip',
  'recall', 'continue', 'conclude', 'testify', 'complain', 'agree', 'estimate', 'observe', 'remark', 'tweet',
  'vow', 'promise', 'pledge', 'allege', 'boast', 'counter', 'retort', 'joke', 'laugh', 'ask',
  'point', 'reveal', 'indicate', 'advise', 'acknowledge', 'assure', 'inform', 'lament', 'mention', 'propose',
  'repeat', 'reiterate', 'shout', 'whisper', 'exclaim', 'proclaim',
  'conclude', 'contend', 'caution', 'acknowledge', 'speculate', 'hint', 'imply', 'posit',
  'blurt', 'chime', 'interject', 'gush', 'rave', 'yell', 'scream', 'plead', 'sob', 'groan', 'marvel', 'cry',
  'note', 'acknowledge', 'recount', 'elaborate', 'summarize', 'summarise', 'answer', 'comment', 'caution',
  'preach', 'muse', 'grumble', 'mutter', 'sigh', 'snap', 'scoff', 'concur', 'clarify',
  ...EVIDENCE_VERBS(),
]

/**
 * Speech acts reported by their object ("called for an inquiry", "endorsed
 * Trump", "vowed to …"), with the particle a few need: see speechacts.ts.
 */
export const SPEECH_ACTS: Record<string, string | null> = {
  criticize: null, criticise: null, endorse: null, praise: null, condemn: null, denounce: null, blast: null,
  slam: null, defend: null, reject: null, dismiss: null, question: null, blame: null, mock: null, announce: null,
  urge: null, promise: null, vow: null, pledge: null, applaud: null, decry: null, lambaste: null, propose: null,
  accuse: null, call: 'for|on', talk: 'about', describe: null, rebuke: null, chide: null, castigate: null,
  hail: null, tout: null, commend: null, exhort: null, implore: null, rail: 'against', cite: null, refer: 'to',
  mention: null, echo: null, note: null, encourage: null, attack: null, liken: null, point: 'to', speak: 'of|about',
  reference: null, characterize: null, characterise: null, laud: null, proclaim: null, articulate: null,
}

/** Acts only as a participle after a comma ("…, citing low growth") or, for "cite", with "as" ("cited X as the reason"); "She cited the report" is left out (see index.ts). */
export const PARTICIPLE_ONLY = new Set(['cite', 'refer'])
/** Acts whose participle after an attribution names what the speaker brought up ("…,” she said, citing the audit"). */
export const TOPIC_ACTS = new Set(['cite', 'refer', 'reference', 'speak', 'talk', 'point', 'mention', 'call'])
/** Speech-act verbs that are cues only by their object (not by a reported clause). */
export const ACT_ONLY = new Set(Object.keys(SPEECH_ACTS).filter((l) => !SPEECH.includes(l)))

/** "Polls show …", "the study found …": cues only when a document or a count is the subject (see EVIDENCE_SUBJECT). */
function EVIDENCE_VERBS(): string[] {
  return ['show', 'find']
}

export const EVIDENCE = new Set(EVIDENCE_VERBS())

/** Subjects that report what they show or find: polls, studies, records, data. */
export const EVIDENCE_SUBJECT = /^(polls?|surveys?|study|studies|reports?|records|data|analysis|analyses|research|figures|documents?|results|numbers|review|audit|investigation|census|statistics|filings?|estimates?|models?|tests?|experiments?|evidence|emails?|memos?|papers?|findings|returns|videos?|footage|photos?|photographs?|images?|recordings?|transcripts?|tapes?|logs?|maps?|charts?|slides?|averages?|tallies|tally|counts?|graphs?|tables?)$/

/**
 * Cues only with "that" right after them: "charges that …", "is demanding
 * that …" (not "charged a fee", "was charged", "the charge against …"); kept
 * out of SPEECH so that they never attribute a quotation next to them.
 */
const THAT_ONLY = ['charge', 'demand', 'disclose', 'rule']

/** Verbs whose object is the addressee, not the content ("told reporters that …"). */
export const ADDRESSEE = new Set(['tell', 'warn', 'assure', 'inform', 'advise', 'remind', 'urge', 'ask', 'promise', 'exhort', 'implore'])

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'writes', 'writing', 'written', 'write'],
  think: ['thought', 'thinks', 'thinking', 'think'],
  feel: ['felt', 'feels', 'feeling', 'feel'],
  know: ['knew', 'knows', 'known', 'know'],
  find: ['found', 'finds', 'find'],
  show: ['showed', 'shows', 'shown', 'show'],
  testify: ['testified', 'testifies', 'testifying', 'testify'],
  reply: ['replied', 'replies', 'replying', 'reply'],
  deny: ['denied', 'denies', 'denying', 'deny'],
  worry: ['worried', 'worries', 'worry'],
  quip: ['quipped', 'quips', 'quip'],
  admit: ['admitted', 'admits', 'admitting', 'admit'],
  sob: ['sobbed', 'sobs', 'sobbing', 'sob'],
  snap: ['snapped', 'snaps', 'snap'],
  clarify: ['clarified', 'clarifies', 'clarify'],
  criticize: ['criticized', 'criticizes', 'criticizing', 'criticize'],
  criticise: ['criticised', 'criticises', 'criticising', 'criticise'],
  slam: ['slammed', 'slams', 'slamming', 'slam'],
  imply: ['implied', 'implies', 'imply'],
  speculate: ['speculated', 'speculates', 'speculate'],
  cry: ['cried', 'cries', 'cry'],
  answer: ['answered', 'answers', 'answer'],
  refer: ['referred', 'refers', 'referring', 'refer'],
  decry: ['decried', 'decries', 'decrying', 'decry'],
  marvel: ['marvelled', 'marveled', 'marvels', 'marvel'],
  plan: ['planned', 'plans', 'planning', 'plan'],
  seek: ['sought', 'seeks', 'seeking', 'seek'],
  speak: ['spoke', 'speaks', 'speaking', 'spoken', 'speak'],
}

function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma]
  if (irregular) return irregular
  const past = lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`
  const third = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`
  const ing = lemma.endsWith('e') && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`
  return [lemma, past, third, ing]
}

const CUE_FORMS = new Map<string, string>()
for (const lemma of SPEECH) for (const form of inflect(lemma)) if (!CUE_FORMS.has(form)) CUE_FORMS.set(form, lemma)

/** Kept apart from CUE_FORMS: "calls", "talks", "demands" are nouns too often to stop a name or open an attribution anywhere else. */
const ACT_FORMS = new Map<string, string>()
for (const lemma of ACT_ONLY) for (const form of inflect(lemma)) if (!ACT_FORMS.has(form)) ACT_FORMS.set(form, lemma)

/**
 * Verbs of intending and believing, with the complement that carries the
 * stance: an infinitive ("plans to …") or a clause ("believes (that) …").
 * See stance.ts and the decision in index.ts.
 */
export const STANCE: Record<string, 'to' | 'clause' | 'both'> = {
  want: 'to', plan: 'to', threaten: 'to', hope: 'both', believe: 'clause', think: 'clause', expect: 'clause',
  fear: 'clause', worry: 'clause', doubt: 'clause', suspect: 'clause',
}

const STANCE_FORMS = new Map<string, string>()
for (const lemma of Object.keys(STANCE)) for (const form of inflect(lemma)) if (!STANCE_FORMS.has(form)) STANCE_FORMS.set(form, lemma)

/** The lemma of a verb of intending or believing ("plans" → "plan"), or undefined. */
export function stanceLemma(lower: string): string | undefined {
  return STANCE_FORMS.get(lower)
}

const THAT_FORMS = new Map<string, string>()
// "the rules that could close …": "rule(s)" before "that" is the noun with its relative clause; "ruled that" reports.
const NOUN_BEFORE_THAT = new Set(['rule', 'rules'])
for (const lemma of THAT_ONLY) for (const form of inflect(lemma)) if (!NOUN_BEFORE_THAT.has(form)) THAT_FORMS.set(form, lemma)

/** The lemma of a cue that needs its "that" ("charges" → "charge"), or undefined. */
export function thatCueLemma(lower: string): string | undefined {
  return THAT_FORMS.get(lower)
}

/** The lemma of a cue verb form ("warned" → "warn"), or undefined. */
export function cueLemma(lower: string): string | undefined {
  return CUE_FORMS.get(lower)
}

/** The lemma of a speech-act verb form that is no plain cue ("endorsed" → "endorse"), or undefined. */
export function actLemma(lower: string): string | undefined {
  return ACT_FORMS.get(lower)
}

/**
 * Chant, song and demand verbs: cues only when set right against a
 * quotation (against.ts), not in the cue lexicon ("demanded a recount").
 */
export const AGAINST_ONLY = /^(chant|chants|chanted|chanting|sing|sings|sang|singing|demanded|demands)$/

/** Cues strong enough to attribute a quotation on their own, even after a quote mark. */
export const STRONG = new Set([
  'say', 'tell', 'claim', 'argue', 'warn', 'add', 'note', 'explain', 'insist', 'state', 'announce', 'write',
  'reply', 'respond', 'quip', 'recall', 'continue', 'conclude', 'complain', 'ask', 'declare', 'remark', 'tweet',
  'post', 'joke', 'laugh', 'exclaim', 'shout', 'whisper', 'concede', 'admit', 'acknowledge', 'counter', 'retort',
  'observe', 'stress', 'emphasize', 'emphasise', 'caution', 'predict', 'suggest', 'confirm', 'muse', 'sigh',
  'grumble', 'mutter', 'snap', 'scoff', 'report', 'testify', 'assert', 'maintain', 'contend', 'reiterate', 'repeat',
  'agree', 'lament', 'boast', 'charge', 'allege', 'point', 'vow', 'promise', 'pledge', 'urge', 'describe', 'tell',
  'blurt', 'chime', 'interject', 'gush', 'rave', 'yell', 'scream', 'plead', 'sob', 'groan', 'marvel', 'cry',
  'recount', 'elaborate', 'answer', 'comment', 'explain', 'warn', 'insist', 'add',
])

/** Particles of phrasal cues: "pointed out", "chimed in", "shot back". */
export const PARTICLES = new Set(['out', 'in', 'back', 'up', 'on'])

/** Particles that open a family name: "La Riva", "de Blasio", "Van Hollen", "bin Salman". */
export const FAMILY_PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'le', 'la', 'du', 'al', 'bin', 'ibn', 'el', 'dos', 'das'])
/** Lower-case words a person's name may hold: the family particles and a few more ("bint", "y", "ter", "zu"). */
export const NAME_PARTICLES = new Set([...FAMILY_PARTICLES, 'do', 'bint', 'y', 'e', 'ter', 'ten', 'zu', 'af', 'av'])

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you'])
export const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our'])

/**
 * Words that may sit between a subject and its cue: "Chan also said", "she
 * has long argued". Forms of "be" are not among them: "he was told" is passive
 * and its subject is the listener.
 */
export const BETWEEN = new Set([
  'also', 'has', 'had', 'have', 'later', 'then', 'previously', 'repeatedly', 'once', 'recently', 'long', 'would',
  'will', 'did', 'does', 'do', 'may', 'might', 'could', 'can', 'should', 'further', 'again', 'often', 'always',
  'never', 'not', 'already', 'publicly', 'privately', 'earlier', 'first', 'last', 'still', 'even', 'just', 'now',
  'separately', 'quickly', 'flatly', 'simply', 'frequently', 'reportedly', 'allegedly', 'openly', 'strongly', 'clearly', 'correctly', 'rightly', 'wrongly', 'falsely', 'bluntly',
  'emphatically', 'loudly', 'angrily', 'softly', 'all', 'both',
])

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'some', 'many', 'most', 'other', 'several', 'two', 'three',
  'these', 'those', 'this', 'that', 'both', 'few', 'our', 'my', 'one', 'another', 'all', 'no', 'each', 'any', 'such',
])

/** Capitalised words that are not names: sentence openers, days, months, function words. */
export const NOT_NAME = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'if', 'in', 'on', 'at', 'to', 'for', 'of', 'by', 'with', 'from', 'as',
  'this', 'that', 'these', 'those', 'there', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their',
  'our', 'my', 'its', 'when', 'while', 'after', 'before', 'since', 'because', 'although', 'though', 'however',
  'meanwhile', 'still', 'yet', 'so', 'then', 'now', 'also', 'what', 'who', 'why', 'how', 'where', 'which',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'according',
  'despite', 'during', 'under', 'over', 'about', 'not', 'no', 'yes', 'mr', 'mrs', 'ms', 'dr', 'both', 'all',
  'some', 'many', 'most', 'one', 'two', 'even', 'just', 'only', 'last', 'next', 'every', 'each', 'other',
  'another', 'such', 'here', 'today', 'yesterday', 'tomorrow', 'ultimately', 'instead', 'back', 'neither', 'nor',
  'either', 'do', 'does', 'did', 'is', 'was', 'are', 'were', 'be', 'will', 'would', 'can', 'could', 'should',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.', 'jan', 'feb',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'said', 'says', 'asks', 'adds',
  'read', 'more', 'watch', 'listen', 'video', 'photo', 'photos', 'file', 'related', 'advertisement', 'share', 'close',
  'update', 'updated', 'correction', 'exclusive', 'breaking', 'subscribe', 'sign', 'click', 'follow', 'see', 'also',
  'let', 'please', 'thanks', 'thank', 'oh', 'well', 'like', 'unless', 'until', 'whether', 'among', 'through',
  // Sentence adverbs glued to a name ("Afterwards Trump said"); by shape ("Finally", "-wards") see openers.ts.
  'afterwards', 'afterward', 'later', 'earlier', 'separately', 'previously', 'eventually', 'finally', 'additionally',
  'similarly', 'likewise', 'nonetheless', 'nevertheless', 'furthermore', 'moreover', 'thus', 'hence', 'therefore',
  'otherwise', 'besides', 'again', 'initially', 'originally', 'indeed', 'perhaps', 'tonight', 'recently', 'elsewhere',
  'unlike', 'amid',
])

/** Honorifics and titles dropped from names and kept as roles. */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'sen', 'rep', 'gov', 'gen', 'lt', 'col',
  'capt', 'sgt', 'hon', 'jr', 'sr', 'president', 'senator', 'sen.', 'rep.', 'representative', 'governor', 'mayor',
  'minister', 'premier', 'chancellor', 'secretary', 'judge', 'justice', 'chief', 'general', 'admiral', 'coach',
  'professor', 'doctor', 'pope', 'king', 'queen', 'prince', 'princess', 'lord', 'lady', 'ambassador',
  'commissioner', 'councillor', 'councilor', 'councilman', 'councilwoman', 'speaker', 'leader', 'director',
  'detective', 'officer', 'constable', 'sergeant', 'captain', 'lieutenant', 'colonel', 'major', 'inspector',
  'superintendent', 'deputy', 'attorney', 'vice', 'prime', 'president-elect', 'mp', 'mpp', 'mla', 'chair',
  'chairman', 'chairwoman', 'ceo', 'candidate', 'nominee', 'congressman', 'congresswoman', 'sheriff', 'pastor',
  'father', 'sister', 'brother', 'saint', 'st', 'supt', 'det', 'cst', 'insp', 'const',
])

/** Words that make a capitalised name an organisation. */
export const ORG_WORDS = new Set([
  'group', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'company', 'university', 'college', 'center',
  'centre', 'institute', 'institution', 'ministry', 'department', 'party', 'news', 'times', 'post', 'press', 'council',
  'agency', 'committee', 'commission', 'bank', 'association', 'foundation', 'board', 'court', 'office', 'police',
  'service', 'services', 'union', 'federation', 'league', 'club', 'school', 'hospital', 'network', 'organization',
  'organisation', 'administration', 'government', 'congress', 'senate', 'house', 'commons', 'parliament', 'army', 'navy',
  'force', 'forces', 'authority', 'utility', 'reuters', 'bloomberg', 'xinhua', 'politico', 'axios', 'fox',
  'journal', 'tribune', 'herald', 'globe', 'star', 'gazette', 'magazine', 'radio', 'television', 'media',
  'campaign', 'coalition', 'alliance', 'fund', 'trust', 'society', 'chair', 'studies', 'nations',
  'pentagon', 'kremlin', 'facebook', 'google', 'twitter', 'microsoft',
  'apple', 'amazon', 'tour', 'team', 'inc.', 'corp.', 'co.', 'ltd.',
  'airlines', 'motors', 'systems', 'technologies', 'labs', 'partners', 'capital', 'securities', 'holdings',
  'health', 'energy', 'project', 'initiative', 'program', 'programme', 'unit', 'bureau', 'division', 'cabinet',
  'clinic', 'museum', 'library', 'church', 'family', 'entertainment', 'wrestling', 'operations', 'oil', 'diocese', 'secretariat', 'tribunal', 'assembly', 'caucus', 'watch',
])

/** Nouns for a kind of body, never one body's whole name. */
export const GENERIC_BODY = new Set([
  'bank', 'company', 'firm', 'board', 'council', 'committee', 'commission', 'agency', 'ministry', 'department', 'union',
  'association', 'foundation', 'office', 'court', 'school', 'hospital', 'university', 'college', 'club', 'team', 'league',
  'fund', 'trust', 'society', 'bureau', 'division', 'unit', 'clinic', 'museum', 'library', 'church', 'campaign', 'coalition',
  'alliance', 'authority', 'utility', 'group', 'institute', 'regulator', 'insurer', 'lender', 'retailer', 'airline',
])

/** Plural or collective nouns that make a group speaker ("Critics say …"). */
export const GROUP_NOUNS = new Set([
  'those', 'critics', 'officials', 'experts', 'analysts', 'residents', 'observers', 'supporters', 'opponents', 'police',
  'authorities', 'investigators', 'researchers', 'scientists', 'economists', 'lawmakers', 'democrats',
  'republicans', 'activists', 'advocates', 'sources', 'witnesses', 'doctors', 'parents', 'students', 'teachers',
  'prosecutors', 'organizers', 'organisers', 'protesters', 'leaders', 'members', 'voters', 'people', 'others',
  'scholars', 'diplomats', 'aides', 'allies', 'skeptics', 'sceptics', 'environmentalists', 'employees',
  'workers', 'fans', 'users', 'locals', 'neighbours', 'neighbors', 'families', 'reports', 'polls', 'studies',
  'percent', 'respondents', 'majority', 'majorities', 'voters', 'americans', 'canadians', 'polls', 'surveys',
  'conservatives', 'liberals', 'progressives', 'insiders', 'historians', 'commentators', 'pundits', 'governments', 'media',
])

/** A noun that names a role by its ending or itself ("analyst", "spokesman", "chef"): roles in appositives and before names. */
export const ROLE_NOUN = /(?:ist|yst|er|or|ian|ant|ent|ive|man|woman|person|chief|head|official|secretary|expert|fellow|coach|dictator|president|elect|general|mp|ceo|star|champion|guard|forward|actor|author|judge|mayor|chef|cook|nurse|surgeon|attorney|candidate|nominee|delegate|advocate|associate|architect|diplomat|envoy|aide|deputy|chair|captain|pilot|veteran|priest|bishop|rabbi|imam|scholar|trustee|employee|graduate)$/i
