/**
 * Reads, before extraction, the short texts a page repeats as chrome: its site name and the labels
 * that appear more than once (logo text in the header and again in the footer, menu entries).
 *
 * Why: templates often print the site name alone again right before the footer, and Readability
 * keeps it when it sits inside the content column. A body line is only recognisable as such by
 * comparing it with the rest of the page, which is gone once Readability has rewritten the DOM, so
 * this runs first and hands its answer to the filters.
 */
import { normalizeParagraph } from "./normalize-text.js";

/** Texts longer than this are never chrome labels. */
const MAX_LABEL_LENGTH = 30;
/** Separators between an article title and the site name in `<title>`. */
const TITLE_SEPARATORS = /\s*(?:[|_–—]|-{1,2}|::|·)\s*/;
const SITE_NAME_META = [
  'meta[property="og:site_name"]',
  'meta[name="application-name"]',
  'meta[name="apple-mobile-web-app-title"]',
];

export function collectChromeTexts(document: Document): Set<string> {
  const texts = new Set<string>();
  for (const selector of SITE_NAME_META) {
    const content = normalizeParagraph(document.querySelector(selector)?.getAttribute("content") ?? "");
    if (content !== "" && content.length <= MAX_LABEL_LENGTH) texts.add(content);
  }
  // The last part of "文章标题 - 站点名" is the site name; the first part is the title, not chrome.
  const titleParts = normalizeParagraph(document.title ?? "").split(TITLE_SEPARATORS);
  const siteName = titleParts.length > 1 ? titleParts[titleParts.length - 1] : undefined;
  if (siteName && siteName.length <= MAX_LABEL_LENGTH) texts.add(siteName);

  const counts = new Map<string, number>();
  for (const element of document.body?.querySelectorAll("*") ?? []) {
    // Only elements that hold text themselves: wrappers around the same label are not counted twice,
    // and no large subtree is ever read.
    if (element.children.length > 3 || !hasOwnText(element)) continue;
    const text = normalizeParagraph(element.textContent ?? "");
    if (text === "" || text.length > MAX_LABEL_LENGTH) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  for (const [text, count] of counts) if (count >= 2) texts.add(text);
  return texts;
}

function hasOwnText(element: Element): boolean {
  for (const child of element.childNodes)
    if (child.nodeType === 3 && (child.nodeValue ?? "").trim() !== "") return true;
  return false;
}
