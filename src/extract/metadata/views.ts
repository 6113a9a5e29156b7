/**
 * How many times the page says it was viewed (`浏览次数：1,024`, `阅读 539`, `1164次阅读`, `Browse:94`).
 *
 * Read from the byline scanner's views labels, nearest the headline first, and only inside the article's
 * region (the byline area and the text with its footer), never from a list further down. The number must
 * stand right after the label (or right before it, as in `1164次阅读`); a label with nothing after it
 * means the count is filled in by JavaScript, so the answer is null rather than a number taken from
 * elsewhere; so does a `0` left in the element a script fills (`views-placeholder.ts`). Comment and share counts have labels of their own (评论, 跟贴, 分享), which end a views value
 * instead of feeding it.
 */
import { isInArticleRegion } from "./article-body.js";
import { type BylineHit, hitsFor } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";
import { hasZeroPlaceholder } from "./views-placeholder.js";

/** Multipliers for abbreviated counts: `1.2万`, `3.5w`, `2.1k`. */
const MULTIPLIERS: Record<string, number> = { 万: 10_000, w: 10_000, 千: 1_000, k: 1_000, 亿: 100_000_000 };

const LEADING_COUNT =
  /^[(（[]?\s*(\d[\d,，]*(?:\.\d+)?)\s*(万|w|千|k|亿)?\s*[)）\]]?\s*(?:次|人|views?|hits?|reads?)?(?![\d.]|[a-z])/i;
/**
 * A count written before its label: `1164次阅读`, or a bare number standing alone before it. A number
 * at the end of some other value (`发布时间：2023-04-12 点击数：`) is not a count.
 */
const TRAILING_COUNT = /(?:^|\s)(\d[\d,，]*(?:\.\d+)?)\s*(万|w|千|k|亿)?\s*(?:次|人)$/i;
const STANDALONE_COUNT = /^(\d[\d,，]*(?:\.\d+)?)\s*(万|w|千|k|亿)?$/i;

/**
 * @example extractViews(document, ctx) // 1024
 */
export function extractViews(
  document: Document,
  _ctx?: MetadataContext,
  page: PageAnalysis = analyzePage(document),
): number | null {
  for (const hit of hitsFor(page, "views")) {
    // A count beside some other item in a list that escaped the boilerplate markers is not ours.
    if (!isInArticleRegion(hit.line, page.headlineIndex, page.bodyLines) && !isThreadStats(hit, page)) {
      continue;
    }
    const after = LEADING_COUNT.exec(hit.value);
    if (after) {
      const count = toCount(after[1], after[2]);
      // `<span id="hits">0</span>`: the script that writes the count has not run.
      return count === 0 && hasZeroPlaceholder(hit.line.block) ? null : count;
    }
    if (hit.value.length === 0) {
      // A bare number is a count only when it is not the previous label's value (`评论 3 阅读`).
      const before =
        TRAILING_COUNT.exec(hit.before) ?? (hit.beforeIsOwn ? STANDALONE_COUNT.exec(hit.before) : null);
      if (before) return toCount(before[1], before[2]);
      // `<dt>浏览次数</dt><dd>321</dd>`: a label alone on its line, the count alone on the next.
      const below = labelAloneCount(hit, page);
      if (below !== null) return below;
      // An empty count slot: the number is written by a script we did not run.
      if (hit.hasColon) return null;
    }
  }
  return null;
}

function labelAloneCount(hit: BylineHit, page: PageAnalysis): number | null {
  if (hit.line.text.replace(/[\s:：]/g, "") !== hit.label.replace(/\s/g, "")) return null;
  const next = page.lines[hit.line.index + 1];
  const count = next ? STANDALONE_COUNT.exec(next.text.trim()) : null;
  return count ? toCount(count[1], count[2]) : null;
}

/** How far above the headline a forum thread's stats line may sit (the first post's user panel is between). */
const THREAD_STATS_ABOVE_LINES = 12;

/**
 * Forums print the thread's counts above the first post, away from its title (`查看: 4127 | 回复: 2`):
 * a views label paired with a reply count on one line is the thread's, not a list item's.
 */
function isThreadStats(hit: BylineHit, page: PageAnalysis): boolean {
  return (
    page.headlineIndex >= 0 &&
    hit.offset < 0 &&
    hit.offset >= -THREAD_STATS_ABOVE_LINES &&
    /(?:回复|回帖|replies)\s*[:：]?\s*\d/i.test(hit.line.text)
  );
}

/** Parses `1,024`, `1.2万`, `3.5w`, `2.1k` into a whole number. */
export function toCount(digits: string | undefined, unit: string | undefined): number | null {
  if (!digits) return null;
  const value = Number(digits.replace(/[,，]/g, ""));
  if (!Number.isFinite(value)) return null;
  const multiplier = unit ? (MULTIPLIERS[unit.toLowerCase()] ?? 1) : 1;
  return Math.round(value * multiplier);
}
