/**
 * Where a block sits relative to the article's text: shared by the filters that cut "this marker and
 * everything after it" (disclaimers, related lists, 责任编辑 lines).
 *
 * A marker closes the article when less text follows it than a third of what precedes it. Measured in
 * reading units rather than blocks, so a trailing list of twenty short headlines still counts as
 * little, and a disclaimer at the top of a long article does not.
 */
import type { Block } from "./block-model.js";

/** The marker closes the article when what follows is less than this share of what precedes. */
export const CLOSING_SHARE = 1 / 3;

/** True when the block at `index` comes after the bulk of the text in `blocks`. */
export function closesArticle(blocks: readonly Block[], index: number): boolean {
  let before = 0;
  let after = 0;
  blocks.forEach((block, position) => {
    if (position < index) before += block.length;
    else if (position > index) after += block.length;
  });
  return after < before * CLOSING_SHARE;
}
