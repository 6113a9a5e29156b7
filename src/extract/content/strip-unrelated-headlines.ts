/**
 * Drops the run of other articles' headlines that templates print after the body ("more news",
 * "hot today", teasers of the next story) without a heading that names them.
 *
 * The body ends with its last real paragraph: a line that does not look like a headline. What comes
 * after it is the tail. When the tail holds two or more headline-shaped lines, or any linked
 * headline, those lines are not the article and go; other tail lines (`（完）`, a signature, a date)
 * stay. Unlinked lines count only in Chinese text. Two cases keep their short lines: an article whose last paragraph announces a list
 * ("名单如下：") and the article's own `<li>` items, unless they are links.
 */

import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { isLinkLine, looksLikeHeadline } from "./headline-shape.js";
import { countCjk } from "./normalize-text.js";

/** Shorter lines are closing marks or signatures (`（完）`, `张三`), not headlines. */
const MIN_HEADLINE_LENGTH = 8;
/** Without links, it takes this many headline-shaped lines to call the tail a headline list. */
const MIN_UNLINKED_RUN = 2;
/** A paragraph ending like this announces the list that follows. */
const ANNOUNCES_LIST = /[:：]$/;
const DATE_LINE = /^[\d\s年月日:：.\-/]+$/;

function isTailHeadline(block: Block): boolean {
  if (isLinkLine(block)) return true;
  // An English article ends with short unlinked lines of its own (tour dates, credits, a contact);
  // other stories' headlines there are links.
  if (countCjk(block.text) === 0) return false;
  if (block.length < MIN_HEADLINE_LENGTH || DATE_LINE.test(block.text) || block.kind === "list-item")
    return false;
  return looksLikeHeadline(block);
}

export const stripUnrelatedHeadlines: BlockFilter = (blocks) => {
  let lastParagraph = -1;
  blocks.forEach((block, index) => {
    if (!isLinkLine(block) && !looksLikeHeadline(block) && block.kind !== "heading") lastParagraph = index;
  });
  if (lastParagraph < 0) return [...blocks];
  const tail = blocks.slice(lastParagraph + 1);
  const announcesList = ANNOUNCES_LIST.test(blocks[lastParagraph]?.text ?? "");
  const headlines = tail.filter((block) => (announcesList ? isLinkLine(block) : isTailHeadline(block)));
  const linked = headlines.some(isLinkLine);
  if (!linked && headlines.length < MIN_UNLINKED_RUN) return [...blocks];
  const drop = new Set(headlines);
  return blocks.filter((block) => !drop.has(block));
};
