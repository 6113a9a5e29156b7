/**
 * Drops the article title when the content repeats it (the record has its own `title` field), the
 * chrome printed above it, and a `（原标题：…）` line.
 *
 * Many Chinese templates print the title twice (a short `<title>` and a long `<h1>`, or a sub-title
 * line), and when the chosen container is a little too large, the column label or breadcrumb above
 * the headline comes along ("新闻动态 NEWS"). The headline is where the article starts, so whatever
 * precedes it goes too, as long as no prose does. Only the head of the content is searched, so a
 * subheading that happens to resemble the title further down stays. With no known title, a leading
 * `<h1>` is taken as the title.
 */

import type { BlockFilter, FilterContext } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { classifyBlock } from "./keep-main-cluster.js";

/** How many leading blocks may hold the repeated title. */
const HEAD_BLOCKS = 8;
/** Two titles are the same when the shorter covers this share of the longer. */
const MIN_COVERAGE = 0.6;
/**
 * A headline reworded for the page (`周琦上下半场判若两人` printed as `大魔王上下半场判若两人`) still
 * shares most of its character pairs with the title; a line of prose is never this close to it.
 */
const MIN_REWORDED_SIMILARITY = 0.7;
const MIN_REWORDED_LENGTH = 8;
const ORIGINAL_TITLE = /^[（(]?\s*原标题\s*[:：]/;

/** Letters, digits and CJK only: titles differ in punctuation and spacing between `<title>` and `<h1>`. */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
}

function pairs(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < text.length; index += 1) {
    const pair = text.slice(index, index + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the character pairs of two compact texts. */
function pairSimilarity(a: string, b: string): number {
  const [left, right] = [pairs(a), pairs(b)];
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

function repeatsTitle(block: Block, title: string): boolean {
  const line = compact(block.text);
  if (line === "" || title === "") return false;
  const [shorter, longer] = line.length <= title.length ? [line, title] : [title, line];
  // A part of the title is judged by how much of it it covers; the pair similarity is for rewordings.
  if (longer.includes(shorter)) return shorter.length / longer.length >= MIN_COVERAGE;
  return (
    shorter.length >= MIN_REWORDED_LENGTH &&
    classifyBlock(block) !== "prose" &&
    pairSimilarity(line, title) >= MIN_REWORDED_SIMILARITY
  );
}

/**
 * Index of the last block repeating the title in the head of the content, or -1: an `（原标题：…）`
 * line may come first and the page's own headline after it.
 */
function findTitle(blocks: readonly Block[], title: string): number {
  let found = -1;
  for (let index = 0; index < Math.min(HEAD_BLOCKS, blocks.length); index += 1) {
    const block = blocks[index];
    if (!block) break;
    if (title !== "" ? repeatsTitle(block, title) : block.element.tagName === "H1") found = index;
    if (classifyBlock(block) === "prose") break;
  }
  return found;
}

export const stripRepeatedTitle: BlockFilter = (blocks, context: FilterContext) => {
  const titleIndex = findTitle(blocks, compact(context.title ?? ""));
  return blocks.filter((block, index) => {
    if (index <= titleIndex) return false;
    return !(index < titleIndex + HEAD_BLOCKS && ORIGINAL_TITLE.test(block.text));
  });
};
