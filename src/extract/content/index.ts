/**
 * Main-content extraction: the article body of a page as clean HTML and text.
 *
 * The steps, in order:
 * 1. read what must be read from the untouched page (chrome texts such as the site name);
 * 2. pre-clean obvious chrome (nav, header, footer, share bars) and anything executable;
 * 3. pick the content: @mozilla/readability, or the density picker when Readability finds nothing or
 *    clearly less prose than the page holds;
 * 4. rewrite the content into leaf blocks and run caiji's boilerplate filters over them;
 * 5. sanitise the HTML (absolute URLs, no scripts or handlers) and join the blocks into text.
 *
 * @example
 * const { document, dispose } = parseHtml(html, url);
 * const title = extractTitle(document, ctx); // metadata first: this function rewrites the DOM
 * const content = extractMainContent(document, { url, title });
 * dispose();
 */

import { chooseContent } from "./choose-content.js";
import { collectChromeTexts } from "./chrome-texts.js";
import { finishMainContent } from "./finish-content.js";
import { preClean } from "./pre-clean.js";

export { finishMainContent } from "./finish-content.js";

export interface MainContent {
  html: string;
  text: string;
}

/** May modify `document` (the caller has already read metadata from it). */
export function extractMainContent(
  document: Document,
  ctx: { url: string; title: string | null },
): MainContent | null {
  const chromeTexts = collectChromeTexts(document);
  preClean(document, ctx.title);
  const chosen = chooseContent(document);
  if (!chosen) return null;
  // A wrapper makes the chosen element one of the blocks when it is a leaf itself (a lone <p>).
  const content = document.createElement("div");
  content.appendChild(chosen);
  return finishMainContent(content, { url: ctx.url, title: ctx.title, chromeTexts });
}
