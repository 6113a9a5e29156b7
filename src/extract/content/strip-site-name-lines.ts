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
  // A label the content itself prints twice or more (the rows of two spec sheets, a form repeated for
  // each question) is the article's own: it counts among the page's repeats only because of it.
  const seen = new Map<string, number>();
  for (const block of blocks) seen.set(block.text, (seen.get(block.text) ?? 0) + 1);
  return blocks.filter(
    (block, index) =>
      !(
        (first < 0 || index < first || index > last) &&
        context.chromeTexts.has(block.text) &&
        (seen.get(block.text) ?? 0) < 2
      ),
  );
};
