/**
 * View counts written as phrases, which the byline scanner does not read as `label：value` pairs:
 * English ones without a colon (English label words need a colon there, since `views`, `reads` and
 * `hits` are common words): `Views 1,288`, `1,288 views`, `1.2k views`, `Views (1,288)`,
 * `Read 3,402 times`, `Viewed 88 times`; and the Chinese passive `本文已被浏览 1288 次`, whose label
 * is glued to the word before it.
 *
 * The phrase must stand as a byline item: the count and its word are bounded by the line's edges or by
 * separators (`2023-01-10 · 1,288 views · 3 comments`), never followed by more words (`10 views of Paris`)
 * or by a sentence's full stop (`the clip drew 500 views.`), so a headline or a sentence is not a count.
 *
 * A year in a count's place (`Views 2023 / 01 / 10`) is refused as the labels' values are (`views-year.ts`).
 *
 * @example viewCountPhrase("By Jane Doe · March 3, 2023 · 1,288 views") // { digits: "1,288", unit: undefined }
 */

import { isYearNotCount } from "./views-year.js";

/** An English count: `1,288`, `88`, `1.2` before a `k`/`m` unit. */
const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?([km])?`;

/** A Chinese count: `1288`, `1,288`, `1.2万`. */
const COUNT_ZH = String.raw`(\d[\d,，]*(?:\.\d+)?)\s*(万|千)?`;

/** Where a byline item starts: the line's start, a space or a separator. */
const ITEM_START = String.raw`(?:^|(?<=[\s|｜·•,;/\u2063(\[]))`;

/** Where a byline item ends: the line's end, a separator, or a space before the next item's number. */
const ITEM_END = String.raw`(?=\s*$|\s*[|｜·•,;/\u2063)\]]|\s+\d)`;

const VIEW_WORDS = String.raw`(?:page\s?)?(?:views?|reads|hits|visits)`;

/** `Views 1,288`: the one phrase whose count has no marker of its own (a bracket, `times`, the word after). */
const WORD_THEN_COUNT = new RegExp(`${ITEM_START}${VIEW_WORDS}\\s+${COUNT}${ITEM_END}`, "i");

const PHRASES: readonly RegExp[] = [
  // `1,288 views`, `1.2k views`
  new RegExp(`${ITEM_START}${COUNT}\\s+${VIEW_WORDS}${ITEM_END}`, "i"),
  // `Views 1,288`, `Views (1,288)`
  WORD_THEN_COUNT,
  new RegExp(`${ITEM_START}${VIEW_WORDS}\\s*[(（]\\s*${COUNT}\\s*[)）]`, "i"),
  // `Read 3,402 times`, `viewed 88 times`
  new RegExp(`${ITEM_START}(?:read|viewed|visited|accessed)\\s+${COUNT}\\s+times${ITEM_END}`, "i"),
  // `本文已被浏览 1288 次`, `已被阅读1,288次`
  new RegExp(`被(?:浏览|阅读|点击|查看|访问)(?:了)?\\s*${COUNT_ZH}\\s*次`),
];

export interface PhraseCount {
  digits: string;
  unit: string | undefined;
}

/** The first view-count phrase in a line of text, or null. */
export function viewCountPhrase(text: string): PhraseCount | null {
  for (const phrase of PHRASES) {
    const found = phrase.exec(text);
    // `1.2 views` is no count: a decimal needs its unit.
    if (!found?.[1] || (found[2] === undefined && found[1].includes("."))) continue;
    const year = isYearNotCount({
      digits: found[1],
      marked: found[2] !== undefined || phrase !== WORD_THEN_COUNT,
      following: text.slice(found.index + found[0].length),
      itemRest: "",
      // The word says it counts: only a date going on makes the number a year.
      countShown: true,
    });
    if (!year) return { digits: found[1], unit: found[2] };
  }
  return null;
}
