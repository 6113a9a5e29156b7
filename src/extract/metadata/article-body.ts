/**
 * A rough guess at which page lines are the article's own text, for the credits written into it:
 * `新京报讯（记者 裴剑飞）` opening the first paragraph, `（张巨峰）` closing the last one.
 *
 * Readability has not run yet (it would drop the byline the other fields need), so this is a small
 * stand-in: the container whose direct paragraphs hold the most prose below the headline. Only its
 * first and last lines matter to callers, so a rough answer is enough, and a wrong one costs little
 * because the credit patterns themselves are strict.
 */
import type { PageLine } from "./page-lines.js";

/** A line at least this long is prose, not a caption or a link. */
const PROSE_CHARS = 25;

/** The lines of the densest prose container below the headline, in document order; empty if none. */
export function articleBodyLines(lines: readonly PageLine[], headlineIndex: number): PageLine[] {
  const below = lines.filter(
    (line) => line.zone === "content" && (headlineIndex < 0 || line.index > headlineIndex),
  );
  const weight = new Map<Element, number>();
  for (const line of below) {
    if (line.text.length < PROSE_CHARS) continue;
    const container = line.block.parentElement ?? line.block;
    weight.set(container, (weight.get(container) ?? 0) + line.text.length);
  }
  let best: Element | null = null;
  let bestWeight = 0;
  for (const [container, total] of weight) {
    if (total > bestWeight) {
      best = container;
      bestWeight = total;
    }
  }
  if (!best) return [];
  const container = best;
  return below.filter((line) => container.contains(line.block));
}

/** Lines around the headline where a byline sits: a few above it, the first screen below it. */
const BYLINE_WINDOW = { above: 3, below: 15 };

/** Lines above the body searched for a byline when the headline is not in the page. */
const BEFORE_BODY_LINES = 10;

/** Lines after the body that still belong to the article (its credit, its meta footer). */
export const AFTER_BODY_LINES = 6;

/**
 * Whether a line belongs to the article rather than to sidebars and lists that escaped the boilerplate
 * markers: near the headline, or inside the body, or just after it.
 */
export function isInArticleRegion(line: PageLine, headlineIndex: number, body: readonly PageLine[]): boolean {
  if (headlineIndex >= 0) {
    const offset = line.index - headlineIndex;
    if (offset >= -BYLINE_WINDOW.above && offset <= BYLINE_WINDOW.below) return true;
  }
  const first = body[0];
  const last = body[body.length - 1];
  if (!first || !last) return headlineIndex < 0;
  // Without a headline, the byline is looked for in the lines just above the body.
  const before = headlineIndex < 0 ? BEFORE_BODY_LINES : 0;
  return line.index >= first.index - before && line.index <= last.index + AFTER_BODY_LINES;
}
