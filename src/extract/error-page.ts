/**
 * Soft error pages: a server that answers 200 with "Page not found",
 * "Unable to process request at this time" or "Access denied" instead of the
 * article. Saving one would put a junk article on the desk (and into every
 * Similar Posts list that shares its boilerplate), so the stage names it.
 * Pure: looks at the title and the first words of the text only.
 */
import { wordCount, type Article } from '../domain/index.js'

/**
 * An error message opening the title or the text, after at most a site name
 * ("floridatoday.com document not found", "404 Not Found", "999 Unable to
 * process request at this time"): anchored, so a news brief about an outage
 * ("Bank site unavailable for hours") is not one.
 */
const ERROR_START =
  /^(?:[\w.-]+\.[a-z]{2,}\s*[:|–-]?\s*)?(?:error\s*)?(?:\d{3}\s*[:–-]?\s*)?(?:(?:the\s+)?(?:page|document|article|file|content)\s+(?:you requested\s+)?(?:was\s+|is\s+)?(?:not\s+found|does not exist|doesn['’]t exist|cannot be found|no longer available)|not found|unable to process (?:your |the )?request|access denied|forbidden|service (?:temporarily )?unavailable|something went wrong|oops\b)/i

/** Words of text at most: an article with a long body is an article, whatever its title says. */
const SHORT = 150

export function isErrorPage(article: Article): boolean {
  if (wordCount(article) > SHORT) return false
  const first = article.blocks[0]?.text ?? ''
  return ERROR_START.test(article.title.trim()) || ERROR_START.test(first.trim().slice(0, 200))
}
