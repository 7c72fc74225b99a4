import type { Article, Block } from '../domain/article.js'
import { dropControls } from '../lib/controls.js'

/**
 * The article without control characters (but tab and newline) in any of
 * its text. Raw in a page, written as "&#27;" or "\u001b" in JSON-LD, they
 * would reach the terminals its title and text are printed to. Blocks and
 * authors left empty are dropped.
 */
export function withoutControls(a: Article): Article {
  const drop = (s: string | null): string | null => (s === null ? null : dropControls(s) || null)
  return {
    ...a,
    title: dropControls(a.title),
    dek: drop(a.dek),
    authors: a.authors.map(dropControls).filter((x) => x.trim() !== ''),
    outlet: drop(a.outlet),
    blocks: a.blocks.map(cleanBlock).filter((b) => b.text.trim() !== ''),
  }
}

function cleanBlock(b: Block): Block {
  const block = { ...b, text: dropControls(b.text) }
  if (b.items) block.items = b.items.map(dropControls)
  if (b.credit) block.credit = dropControls(b.credit)
  return block
}
