/**
 * Drops the article title when the content repeats it (the record has its own `title` field), along
 * with a `（原标题：…）` line.
 *
 * Readability removes a heading that matches `<title>` only when they are nearly identical, and many
 * Chinese templates print the title twice (a short `<title>` and a long `<h1>`, or a sub-title line).
 * Only the first few blocks are looked at, so a subheading that happens to resemble the title further
 * down stays. With no known title, a leading `<h1>` is taken as the title.
 */

import type { BlockFilter, FilterContext } from "./block-filter.js";
import type { Block } from "./block-model.js";

/** How many leading blocks may hold the repeated title. */
const HEAD_BLOCKS = 4;
/** Two titles are the same when the shorter covers this share of the longer. */
const MIN_COVERAGE = 0.6;
const ORIGINAL_TITLE = /^[（(]?\s*原标题\s*[:：]/;

/** Letters, digits and CJK only: titles differ in punctuation and spacing between `<title>` and `<h1>`. */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
}

function repeatsTitle(block: Block, title: string): boolean {
  const line = compact(block.text);
  if (line === "" || title === "") return false;
  const [shorter, longer] = line.length <= title.length ? [line, title] : [title, line];
  return longer.includes(shorter) && shorter.length / longer.length >= MIN_COVERAGE;
}

export const stripRepeatedTitle: BlockFilter = (blocks, context: FilterContext) => {
  const title = compact(context.title ?? "");
  return blocks.filter((block, index) => {
    if (index >= HEAD_BLOCKS) return true;
    if (ORIGINAL_TITLE.test(block.text)) return false;
    if (title !== "") return !repeatsTitle(block, title);
    return !(index === 0 && block.element.tagName === "H1");
  });
};
