import type { Entity } from '../domain/index.js'

export type Gender = 'm' | 'f' | null

/** Common first names by usual gender: evidence, not certainty (honorifics and pronouns win). */
export const FEMALE = new Set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra
ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan
evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany
natalie isabella charlotte rose alexis kayla ellen hillary nadia muriel linda jody catherine kathleen
melanie caroline jane anne lynn leslie tina wendy valerie sheila tanya monica erin allison claire fiona elaine
irene yvonne sylvie chantal nathalie isabelle genevieve josee francine lucie suzanne ginette carole jill gail
marianne hilary naomi ruby eva ella chloe zoe lily mia ava amelia harper aria ellie layla nora hazel violet aurora
savannah audrey brooklyn bella claire skylar lucy paisley anna caroline genesis kennedy sadie allison gabriella
madelyn cora elena lydia vivian serena nancy kamala nikki elise alexandria ilhan rashida ayanna tulsi amy kirsten
elizabeth liz betsy meghan kate camilla diane theresa angela ursula christine marine giorgia jacinda sanna
jody kristy rachel carla bonnie patty gina rita vicki dana tracy stacy kristen holly heidi robin dawn
ana ines lucia sofia carmen rosa paula marta juana pilar beatriz isabel leticia adriana gabriela valentina camila
fernanda mariana daniela alejandra veronica silvia raquel lorena fatima aisha amina leila yasmin zainab mariam
priya anjali sunita deepa kavita meera mei ling yuki keiko hana olga tatiana natalia svetlana irina ekaterina
ingrid astrid greta helga ilse maren freya sigrid lena lea mette anke birgit ulrike katarzyna agnieszka magdalena`.split(/\s+/))

export const MALE = new Set(`james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis harry
barack bernie mitch chuck ted marco rand lindsey mike jim tom bill bob steve dave chris matt tony dan ben sam greg
nick alex pat ron ed jeff tim joel justin pierre jean-pierre francois jacques michel andre luc marc yves denis
guy claude alain gilles rene normand rejean doug jagmeet maxime stephen erin andrew vladimir xi
emmanuel boris rishi keir olaf shinzo narendra recep benjamin volodymyr jair justin dmitry sergei
ivan igor alexei mohammed muhammad ahmed ali omar hassan hussein abdul khalid tariq martin liam
oliver lucas elias owen caleb isaac luke wyatt leo julian hudson grayson ezra hunter connor levi jaxon landon
colton cameron hugh neil ian graham stuart craig derek shane travis trevor wade blake chad brett todd troy
tomas carlos luis miguel jorge pedro pablo diego javier sergio raul fernando alejandro ricardo eduardo mateo
santiago emilio hugo felipe andres manuel rafael antonio francisco hiroshi kenji takeshi wei jun ravi rahul amit
arjun sanjay vikram lars sven nils anders erik hans klaus jurgen dieter stefan tomasz piotr pawel kwame kofi
yusuf ibrahim mustafa karim samir rami nabil hamid reza`.split(/\s+/))

/** Is the word a common first name? */
export function isFirstName(word: string): boolean {
  const w = word.toLowerCase()
  return FEMALE.has(w) || MALE.has(w)
}

const MALE_TITLES = /^(mr|sir|lord|king|prince|father|brother|mister)\.?$/i
const FEMALE_TITLES = /^(mrs|ms|miss|madam|dame|lady|queen|princess|sister)\.?$/i

export function nameGender(e: Pick<Entity, 'name' | 'role'>): Gender {
  const role = e.role ?? ''
  for (const w of role.split(/\s+/)) {
    if (MALE_TITLES.test(w)) return 'm'
    if (FEMALE_TITLES.test(w)) return 'f'
  }
  const first = e.name.split(/\s+/)[0]?.toLowerCase() ?? ''
  if (e.name.includes(' ') && FEMALE.has(first) && !MALE.has(first)) return 'f'
  if (e.name.includes(' ') && MALE.has(first) && !FEMALE.has(first)) return 'm'
  return null
}
