/**
 * The article title: the headline shown in the page, not the `<title>` with its site-name suffix.
 *
 * All the work of telling a headline from a logo, a column name or a related-article teaser is in
 * `headline.ts`, which the byline scanner also uses as its anchor; this module is the field's entry
 * point and guarantees the output form: whitespace collapsed, punctuation and quotes as in the page,
 * null when the page shows nothing usable.
 */
import type { MetadataContext } from "./context.js";
import { cleanTitle } from "./headline.js";
import { analyzePage, type PageAnalysis } from "./page-analysis.js";

/**
 * @example extractTitle(document, ctx) // "姚明对周琦说了啥？周琦上下半场判若两人"
 */
export function extractTitle(
  document: Document,
  _ctx?: MetadataContext,
  page: PageAnalysis = analyzePage(document),
): string | null {
  const headline = page.headline;
  if (!headline) return null;
  const text = cleanTitle(headline.text);
  return text.length > 0 ? text : null;
}
