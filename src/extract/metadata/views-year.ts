/**
 * A year written where a view count would stand is no count: `阅读 2023-01-10`, `浏览 2024年`, `阅读 2023.`,
 * `阅读 2023 1月`, and a bare `阅读 2023`.
 *
 * A number 19xx/20xx right after a views label, without a count's marker (次, 人, brackets, a unit, a
 * views word), is taken for a year when a date goes on after it (年, 月, `-`, `.`, `/`, a month), or when
 * nothing follows it in its byline item and nothing else on the page says it counts: a label that names a
 * count (浏览次数, 阅读量, Views) or other counts on the same line (`阅读 2023 评论 5`). With a marker
 * (`阅读：2023次`, `阅读(2023)`, `2023 次阅读`) it is a count like any other.
 *
 * @example isYearNotCount({ digits: "2023", marked: false, following: "-01-10", itemRest: "-01-10", countShown: false }) // true
 */

export interface NumberAfterLabel {
  /** The number as the page writes it, without its unit (`2,023` has a count's separator, no year's). */
  digits: string;
  /** Whether a count's marker goes with it: a unit, 次/人, brackets, a views word. */
  marked: boolean;
  /** The line's text after the number. */
  following: string;
  /** What the label's value holds after the number (the byline item's rest). */
  itemRest: string;
  /** Whether the label or the line says the value counts (浏览次数, `评论 5` beside it). */
  countShown: boolean;
}

const YEAR = /^(?:19|20)\d{2}$/;

/** A date goes on after the year: `2023年`, `2023-01`, `2023.`, `2023/1`, `2023 1月`, `2023 Jan`, `2023 01 10`. */
const DATE_GOES_ON = new RegExp(
  [
    String.raw`^\s*[年月]`,
    // Glued (`2023-01`, `2023.`), or spaced with a number after (`2023 / 01 / 10`, not `2023 / 评论 5`).
    "^[-–—/／.．]",
    String.raw`^\s+[-–—/／.．]\s*\d`,
    String.raw`^\s+(?:0?[1-9]|1[0-2])\s*月`,
    String.raw`^\s+[一二三四五六七八九十]{1,3}月`,
    String.raw`^\s+(?:0?[1-9]|1[0-2])[-/.]\d{1,2}(?!\d)`,
    // `2023 01 10`: a month and a day in the same item.
    String.raw`^\s+(?:0?[1-9]|1[0-2])\s+(?:0?[1-9]|[12]\d|3[01])(?![\d.])`,
    String.raw`^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])`,
  ].join("|"),
  "i",
);

export function isYearNotCount(number: NumberAfterLabel): boolean {
  if (number.marked || !YEAR.test(number.digits)) return false;
  if (DATE_GOES_ON.test(number.following)) return true;
  return number.itemRest.trim().length === 0 && !number.countShown;
}

/** Label words that name a count themselves: `浏览次数：2023` is a count, `阅读 2023` may be a year. */
const COUNT_LABEL = /(?:次数|数|量|率)$|^(?:views|hits|reads|visits)$/i;

export function labelNamesCount(label: string): boolean {
  return COUNT_LABEL.test(label.trim());
}
