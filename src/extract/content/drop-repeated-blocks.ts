/**
 * Drops a block that repeats one of the blocks just before it word for word.
 *
 * Templates print some texts twice in a row inside the article column: a photo caption in the slide
 * and again in the lightbox, a teaser in a hidden mobile variant next to the desktop one. An article
 * does not say the same sentence twice in a row. Repeats further apart are the article's own (an
 * interview asks each guest the same question, a meal plan lists the same portions every day), and
 * short lines (`Q:`, `（完）`) may repeat anywhere, so both stay.
 */
import type { BlockFilter } from "./block-filter.js";

/** Blocks shorter than this (reading units) may repeat. */
const MIN_REPEATED_LENGTH = 8;
/** A copy counts as a template repeat only within this many blocks of the first. */
const REPEAT_WINDOW = 3;

export const dropRepeatedBlocks: BlockFilter = (blocks) => {
  const kept = [];
  for (const [index, block] of blocks.entries()) {
    const recent = blocks.slice(Math.max(0, index - REPEAT_WINDOW), index);
    const repeats =
      block.length >= MIN_REPEATED_LENGTH && recent.some((earlier) => earlier.text === block.text);
    if (!repeats) kept.push(block);
  }
  return kept;
};
