/**
 * A fallback main-content picker for pages Readability gives up on or under-reads.
 *
 * Readability's scores count commas and 100-character chunks, tuned for spaced languages; on old
 * Chinese layouts (an article in one `<td>` among link-heavy cells) it sometimes returns nothing or
 * the wrong cell. This picker scores every text block by the signs of Chinese prose — length in
 * reading units, full-width punctuation, low link density — and hands the score up to its ancestors
 * (full to the parent, decaying above), in the spirit of GeneralNewsExtractor's text density and
 * trafilatura's fallbacks. The best ancestor, discounted by its own link density, is the content.
 */
import { collectBlocks, normalizeBlockStructure } from "./block-model.js";
import { countPunctuation, readingLength } from "./normalize-text.js";

/** Blocks shorter than this (reading units) are labels, menu entries or captions, not prose. */
const MIN_PROSE_LENGTH = 10;
/** A block with more than this share of linked text is navigation. */
const MAX_PROSE_LINK_SHARE = 0.5;
/** Length units worth one punctuation mark, and the cap on the length bonus of one block. */
const LENGTH_PER_POINT = 40;
const MAX_LENGTH_POINTS = 5;
/** How far up a block's score travels, with the share each level gets. */
const ANCESTOR_SHARES = [1, 0.5, 0.25, 0.15, 0.1];

/**
 * Returns the element of `document.body` most likely to hold the article, as a detached copy owned by
 * `document`, or null when the page has no prose. Does not modify `document`.
 */
export function pickByDensity(document: Document): Element | null {
  if (!document.body) return null;
  const body = document.body.cloneNode(true) as Element;
  normalizeBlockStructure(body);
  const scores = new Map<Element, number>();
  for (const block of collectBlocks(body)) {
    if (block.length < MIN_PROSE_LENGTH || block.linkLength > block.length * MAX_PROSE_LINK_SHARE) continue;
    const points =
      1 +
      countPunctuation(block.text) +
      Math.min(MAX_LENGTH_POINTS, readingLength(block.text) / LENGTH_PER_POINT);
    let ancestor = block.element.parentElement;
    for (const share of ANCESTOR_SHARES) {
      if (!ancestor) break;
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + points * share);
      if (ancestor === body) break;
      ancestor = ancestor.parentElement;
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    const adjusted = score * (1 - linkDensity(element));
    if (adjusted > bestScore) {
      best = element;
      bestScore = adjusted;
    }
  }
  return best;
}

function linkDensity(element: Element): number {
  const total = readingLength(element.textContent ?? "");
  if (total === 0) return 1;
  const linked = [...element.querySelectorAll("a")].reduce(
    (sum, a) => sum + readingLength(a.textContent ?? ""),
    0,
  );
  return Math.min(1, linked / total);
}
