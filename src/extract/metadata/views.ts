/**
 * How many times the page says it was viewed (`浏览次数：1,024`, `阅读 539`, `1164次阅读`, `Browse:94`).
 *
 * Read from the byline scanner's views labels, nearest the headline first, and only inside the article's
 * region (the byline area and the text with its footer), never from a list further down. The number must
 * stand right after the label (or right before it, as in `1164次阅读`); a label with nothing after it
 * means the count is filled in by JavaScript, so the answer is null rather than a number taken from
 * elsewhere; so does a `0` left in the element a script fills (`views-placeholder.ts`). Comment and
 * share counts have labels of their own (评论, 跟贴, 分享), which end a views value instead of feeding it.
 *
 * A number that is part of a date (`阅读 2023-01-10`, `浏览：2023年1月`), a year standing where the count
 * would (`阅读 2023`, `浏览 2024年`: `views-year.ts`), a phone number (`0510-…`, eleven digits) or a
 * compact date (`20230110`) is not a count, nor is a counter in the site's footer
 * next to its copyright line. Counts written as phrases rather than labels (`1,288 views`,
 * `Read 3,402 times`, `本文已被浏览 1288 次`) are read last, from the same article region (`views-phrases.ts`).
 */
import { isInArticleRegion } from "./article-body.js";
import { type BylineHit, hitsFor, MAX_BYLINE_CHARS } from "./byline-labels.js";
import type { MetadataContext } from "./context.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";
import { ELEMENT_SEAM, type PageLine } from "./page-lines.js";
import { viewCountPhrase } from "./views-phrases.js";
import { hasZeroPlaceholder } from "./views-placeholder.js";
import { isYearNotCount, labelNamesCount } from "./views-year.js";

/** Multipliers for abbreviated counts: `1.2万`, `3.5w`, `2.1k`, `1.2M views`. */
const MULTIPLIERS: Record<string, number> = {
  万: 10_000,
  w: 10_000,
  千: 1_000,
  k: 1_000,
  m: 1_000_000,
  亿: 100_000_000,
};

/** A date, time or phone number goes on where a count would end: `2023-01-10`, `2023年`, `0510-8888`. */
const NOT_A_COUNT_AFTER = String.raw`(?![\d.]|[a-z]|\s*[-/／年月:：]\s*\d|\s*年)`;

const LEADING_COUNT = new RegExp(
  String.raw`^[(（[]?\s*(\d[\d,，]*(?:\.\d+)?)\s*(万|w|千|k|亿)?\s*[)）\]]?\s*(?:次|人|views?|hits?|reads?)?${NOT_A_COUNT_AFTER}`,
  "i",
);
/**
 * A count written before its label: `1164次阅读`, or a bare number standing alone before it. A number
 * at the end of some other value (`发布时间：2023-04-12 点击数：`) is not a count.
 */
const TRAILING_COUNT = /(?:^|\s|(?<=[有共计]))(\d[\d,，]*(?:\.\d+)?)\s*(万|w|千|k|亿)?\s*(?:次|人)$/i;
const STANDALONE_COUNT = /^(\d[\d,，]*(?:\.\d+)?)\s*(万|w|千|k|亿)?$/i;

/**
 * @example extractViews(document, ctx) // 1024
 */
export function extractViews(
  document: Document,
  _ctx?: MetadataContext,
  page: PageAnalysis = analyzePage(document),
): number | null {
  const labelled = labelledViews(page);
  return labelled !== undefined ? labelled : phraseViews(page);
}

/**
 * The count read from the byline scanner's views labels: null when it is known to be unknown (a script
 * fills it), undefined when no label answers.
 */
function labelledViews(page: PageAnalysis): number | null | undefined {
  for (const hit of hitsFor(page, "views")) {
    // A count beside some other item in a list that escaped the boilerplate markers is not ours.
    if (!isInArticleRegion(hit.line, page.headlineIndex, page.bodyLines) && !isThreadStats(hit, page)) {
      continue;
    }
    if (isSiteFooter(hit.line, page) || isListEntry(hit.line)) continue;
    const after = LEADING_COUNT.exec(hit.value);
    if (after) {
      const count = readsAsYear(hit, after, page) ? null : plausibleCount(after[1], after[2]);
      if (count === null) continue;
      // `<span id="hits">0</span>`: the script that writes the count has not run.
      return count === 0 && hasZeroPlaceholder(hit.line.block) ? null : count;
    }
    if (hit.value.length === 0) {
      // A bare number is a count only when it is not the previous label's value (`评论 3 阅读`).
      const before =
        TRAILING_COUNT.exec(hit.before) ?? (hit.beforeIsOwn ? STANDALONE_COUNT.exec(hit.before) : null);
      const beforeCount = before ? plausibleCount(before[1], before[2]) : null;
      if (beforeCount !== null) return beforeCount;
      // `<dt>浏览次数</dt><dd>321</dd>`: a label alone on its line, the count alone on the next.
      const below = labelAloneCount(hit, page);
      if (below !== null) return below;
      // An empty count slot: the number is written by a script we did not run.
      if (hit.hasColon) return null;
    }
  }
  return undefined;
}

/** A count's marker in the matched value: brackets, 次/人, a views word. */
const COUNT_MARKER = /[(（[\]）)次人]|views?|hits?|reads?/i;

/** A plain count as a label's whole value: `评论 5`, `分享：1.2万`. */
const PLAIN_COUNT = /^\d[\d,，]*(?:\.\d+)?\s*(?:万|w|千|k)?\s*(?:次|人)?$/i;

/** Whether the number after a views label is a year rather than a count (`views-year.ts`). */
function readsAsYear(hit: BylineHit, match: RegExpExecArray, page: PageAnalysis): boolean {
  const digits = match[1] ?? "";
  const text = hit.line.text;
  const at = text.indexOf(digits, hit.start + hit.label.length);
  const inValue = hit.value.indexOf(digits);
  return isYearNotCount({
    digits,
    marked:
      match[2] !== undefined ||
      COUNT_MARKER.test(match[0]) ||
      (at >= 0 && /[(（[【]\s*$/.test(text.slice(0, at))),
    following: (at >= 0
      ? text.slice(at + digits.length)
      : hit.value.slice(inValue + digits.length)
    ).replaceAll(ELEMENT_SEAM, " "),
    itemRest: hit.value.slice(inValue + digits.length),
    countShown:
      labelNamesCount(hit.label) ||
      page.hits.some((other) => other !== hit && other.line === hit.line && PLAIN_COUNT.test(other.value)),
  });
}

/** A word every count phrase holds: a cheap test before the phrases themselves. */
const PHRASE_WORD = /view|read|hit|visit|accessed|被/i;

/** `1,288 views`, `Read 3,402 times`, `已被浏览 1288 次`: counts in phrases, from the article's short lines. */
function phraseViews(page: PageAnalysis): number | null {
  const candidates = page.lines.filter(
    (line) =>
      PHRASE_WORD.test(line.text) &&
      line.zone === "content" &&
      line.index !== page.headlineIndex &&
      line.text.length <= MAX_BYLINE_CHARS &&
      isInArticleRegion(line, page.headlineIndex, page.bodyLines),
  );
  const distance = (line: PageLine): number => {
    const offset = page.headlineIndex >= 0 ? line.index - page.headlineIndex : 0;
    return offset >= 0 ? offset : 1000 - offset;
  };
  for (const line of candidates.sort((a, b) => distance(a) - distance(b))) {
    const found = viewCountPhrase(line.text);
    if (!found || isSiteFooter(line, page) || isListEntry(line)) continue;
    const count = plausibleCount(found.digits, found.unit);
    if (count !== null) return count;
  }
  return null;
}

/** Words of a site's footer: a visitor counter beside them counts the site's visits, not the article's. */
const SITE_FOOTER = /版权所有|copyright|©|ICP[备证]|技术支持|all rights reserved/i;

/** How many lines around a count are read for the footer's words. */
const FOOTER_NEIGHBOUR_LINES = 2;

/**
 * Whether a line sits in the site's footer (`Copyright © 2023 …<br>访问量：123456`): it comes after the
 * article's first line of text, and it or a line next to it, in the same block or the same parent, carries the
 * copyright or the ICP licence. A byline above the text is never the footer, whatever notice sits by it.
 */
function isSiteFooter(line: PageLine, page: PageAnalysis): boolean {
  const text = page.lines.find(
    (other) => other.index > page.headlineIndex && other.zone === "content" && isProse(other.text),
  );
  if (!text || line.index <= text.index) return false;
  const from = Math.max(0, line.index - FOOTER_NEIGHBOUR_LINES);
  const to = Math.min(page.lines.length - 1, line.index + FOOTER_NEIGHBOUR_LINES);
  for (let index = from; index <= to; index += 1) {
    const other = page.lines[index];
    if (!other || !SITE_FOOTER.test(other.text)) continue;
    if (other === line || other.block === line.block) return true;
    if (other.block.parentElement !== null && other.block.parentElement === line.block.parentElement)
      return true;
  }
  return false;
}

/** A line of the article's text, not a byline: long, with a sentence's punctuation. */
function isProse(text: string): boolean {
  return text.length >= PROSE_CHARS && /[，。！？；]|[,.;!?]\s/.test(text);
}

const PROSE_CHARS = 25;

/** A link this long in a list item is another article's title. */
const LISTED_TITLE_CHARS = 8;

/**
 * Whether a line is an entry of an article list that escaped the boilerplate markers
 * (`<li><a>别的文章的标题</a> 阅读 284</li>`): a list item holding a link as long as a title.
 */
function isListEntry(line: PageLine): boolean {
  const item = line.block.closest("li");
  if (!item) return false;
  return Array.from(item.querySelectorAll("a")).some(
    (link) => (link.textContent ?? "").trim().length >= LISTED_TITLE_CHARS,
  );
}

/** More plain digits than this is a phone number or an ID, not a count. */
const MAX_PLAIN_DIGITS = 9;

/** `20230110`: a date written without separators. */
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/** {@link toCount}, refusing numbers that are phone numbers, IDs, compact dates or bare decimals rather than counts. */
function plausibleCount(digits: string | undefined, unit: string | undefined): number | null {
  if (!digits) return null;
  if (!unit) {
    const plain = digits.replace(/[,，]/g, "");
    // `阅读 2023.01`, `阅读 1.5`: a count is whole unless a unit scales it (`1.2万`).
    if (plain.includes(".")) return null;
    // `0510…` is an area code; a count has no leading zero.
    if (/^0\d/.test(plain)) return null;
    if (/^\d+$/.test(plain) && (plain.length > MAX_PLAIN_DIGITS || COMPACT_DATE.test(plain))) return null;
  }
  return toCount(digits, unit);
}

function labelAloneCount(hit: BylineHit, page: PageAnalysis): number | null {
  if (hit.line.text.replace(/[\s:：]/g, "") !== hit.label.replace(/\s/g, "")) return null;
  const next = page.lines[hit.line.index + 1];
  const count = next ? STANDALONE_COUNT.exec(next.text.trim()) : null;
  return count ? plausibleCount(count[1], count[2]) : null;
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

/** Parses `1,024`, `1.2万`, `3.5w`, `2.1k`, `1.2M` into a whole number. */
export function toCount(digits: string | undefined, unit: string | undefined): number | null {
  if (!digits) return null;
  const value = Number(digits.replace(/[,，]/g, ""));
  if (!Number.isFinite(value)) return null;
  const multiplier = unit ? (MULTIPLIERS[unit.toLowerCase()] ?? 1) : 1;
  return Math.round(value * multiplier);
}
