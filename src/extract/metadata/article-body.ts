/**
 * A rough guess at which page lines are the article's own text, for the credits written into it:
 * `新京报讯（记者 裴剑飞）` opening the first paragraph, `（张巨峰）` closing the last one.
 *
 * Readability has not run yet (it would drop the byline the other fields need), so this is a small
 * stand-in: the container whose direct paragraphs hold the most prose below the headline. Only its
 * first and last lines matter to callers, so a rough answer is enough, and a wrong one costs little
 * because the credit patterns themselves are strict.
 */
import type { PageAnalysis } from "./page-analysis.js";
import type { PageLine } from "./page-lines.js";

/** A line at least this long is prose, not a caption or a link. */
const PROSE_CHARS = 25;

/** The lines of the densest prose container below the headline, in document order; empty if none. */
export function articleBodyLines(page: PageAnalysis): PageLine[] {
  const below = page.lines.filter(
    (line) => line.zone === "content" && (page.headlineIndex < 0 || line.index > page.headlineIndex),
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
