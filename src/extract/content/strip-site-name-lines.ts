/**
 * Drops a site-name line (or another short chrome label) that the template repeats next to the body,
 * such as the site name printed alone again right before the footer.
 *
 * Which texts are chrome is read from the whole page before extraction (`collectChromeTexts`): the
 * site name from `<title>` or `og:site_name`, and short labels the page shows more than once. Such a
 * line is dropped only before the first or after the last paragraph of prose, so an article that
 * mentions the site by name mid-body is left alone.
 */
import type { BlockFilter } from "./block-filter.js";
import { looksLikeHeadline } from "./headline-shape.js";

export const stripSiteNameLines: BlockFilter = (blocks, context) => {
  const prose = blocks.map((block) => !looksLikeHeadline(block) && block.kind !== "heading");
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  // Rows the content itself prints twice in the same company (two spec sheets, a form repeated for
  // each question) are the article's own: they count among the page's repeats only because of it. A
  // credit line repeated under each photo has no such company and still goes.
  const seen = new Map<string, number>();
  for (const block of blocks) seen.set(block.text, (seen.get(block.text) ?? 0) + 1);
  const repeated = (index: number, text: string): boolean => {
    const other = blocks[index]?.text;
    return other !== undefined && other !== text && (seen.get(other) ?? 0) >= 2;
  };
  const ownRow = (index: number, text: string): boolean =>
    (seen.get(text) ?? 0) >= 2 && (repeated(index - 1, text) || repeated(index + 1, text));
  return blocks.filter(
    (block, index) =>
      !(
        (first < 0 || index < first || index > last) &&
        context.chromeTexts.has(block.text) &&
        !ownRow(index, block.text)
      ),
  );
};
