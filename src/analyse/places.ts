/**
 * Places that run into a person's name in headline style: "Vermont Bernie
 * Sanders", "Argentina Alberto Fernández". US states, Canadian provinces
 * and countries, lower-case; multi-word places by their last word.
 */
export const PLACE_NAMES = new Set(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
  nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas
  utah vermont virginia washington wisconsin wyoming ontario quebec alberta manitoba saskatchewan scotia brunswick
  labrador newfoundland yukon nunavut columbia
  afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus belgium bolivia
  bosnia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba cyprus czechia denmark ecuador
  egypt estonia ethiopia finland france germany ghana greece guatemala haiti honduras hungary iceland india indonesia
  iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon libya
  lithuania malaysia mali malta moldova mongolia montenegro morocco mozambique myanmar nepal netherlands nicaragua
  niger nigeria norway pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
  senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand
  tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe britain england scotland
  wales`.split(/\s+/).filter(Boolean),
)

/** Words that open a name run but describe the person: "Former Trump adviser", "Late Senator". */
export const NAME_MODIFIERS = new Set(['former', 'late', 'ex', 'then', 'outgoing', 'incoming', 'acting', 'interim', 'disgraced', 'embattled', 'veteran', 'longtime', 'fellow', 'rival', 'retired'])

/**
 * Places named by one word: the countries, states and provinces above (less
 * those that are as often a family name or a government by metonymy), major
 * cities, and the abbreviations of countries.
 */
const AMBIGUOUS_PLACES = new Set(['jordan', 'washington', 'georgia', 'columbia', 'jersey', 'york', 'hampshire', 'carolina', 'dakota', 'rhode', 'scotia', 'brunswick', 'mexico', 'korea', 'niger', 'chad'])
const CITIES = new Set(
  `pyongyang seoul beijing shanghai tokyo osaka hanoi bangkok manila jakarta delhi mumbai karachi islamabad kabul tehran
  baghdad damascus beirut jerusalem riyadh doha dubai cairo istanbul ankara athens rome milan madrid barcelona lisbon paris
  london dublin edinburgh brussels amsterdam berlin munich frankfurt vienna prague warsaw budapest bucharest kyiv kiev
  moscow minsk geneva zurich stockholm oslo copenhagen helsinki nairobi lagos johannesburg addis ababa khartoum tripoli
  sydney melbourne canberra auckland toronto montreal vancouver ottawa calgary edmonton winnipeg halifax chicago boston
  philadelphia atlanta miami dallas houston seattle detroit denver brasilia caracas bogota lima santiago havana taipei`.split(/\s+/).filter(Boolean),
)
const COUNTRY_ABBREVIATIONS = new Set(['us', 'u.s', 'usa', 'u.s.a', 'uk', 'u.k', 'uae', 'drc', 'prc', 'dprk', 'rok'])

/** Is this one word (lower-case, final dot removed) a place? */
export function isOneWordPlace(word: string): boolean {
  return (PLACE_NAMES.has(word) && !AMBIGUOUS_PLACES.has(word)) || CITIES.has(word) || COUNTRY_ABBREVIATIONS.has(word)
}
