import type { Article } from '../domain/article.js'

/**
 * The article's body as plain text, as extraction benchmarks and the CLI
 * expect it: every block except captions, separated by blank lines.
 */
export function articleBody(article: Article): string {
  return article.blocks
    .filter((b) => b.kind !== 'caption')
    .map((b) => b.text)
    .join('\n\n')
}
