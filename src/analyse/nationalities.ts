/**
 * Adjectives of nationality and of region ("Greek", "Italian", "Ukrainian",
 * "Scottish"), lower-case: before a role ("Greek prime minister") they
 * describe the role, they name no organisation.
 */
export const NATIONALITIES = new Set(
  `afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani
  bahamian bahraini bangladeshi barbadian belarusian belgian belizean beninese bhutanese bolivian bosnian botswanan
  brazilian british bruneian bulgarian burkinabe burmese burundian cambodian cameroonian canadian chadian chilean
  chinese colombian congolese costa croatian cuban cypriot czech danish djiboutian dominican dutch ecuadorian egyptian
  emirati english eritrean estonian ethiopian fijian filipino finnish french gabonese gambian georgian german ghanaian
  greek grenadian guatemalan guinean guyanese haitian honduran hungarian icelandic indian indonesian iranian iraqi
  irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz laotian latvian
  lebanese liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian maldivian malian maltese
  mauritanian mauritian mexican moldovan monegasque mongolian montenegrin moroccan mozambican namibian nepalese
  nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian polish
  portuguese qatari romanian russian rwandan salvadoran samoan saudi scottish senegalese serbian sierra singaporean
  slovak slovakian slovenian somali spanish sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian
  thai togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese
  welsh yemeni zambian zimbabwean european african asian arab latin catalan basque flemish kurdish tibetan uyghur
  tamil punjabi bengali sikh cypriot hong palestinian quebecois texan californian floridian`.split(/\s+/).filter(Boolean),
)

export function isNationality(word: string): boolean {
  return NATIONALITIES.has(word.toLowerCase())
}
