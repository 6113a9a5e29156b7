/**
 * Reads, before extraction, the short texts a page repeats as chrome: its site name and the labels
 * that appear more than once (logo text in the header and again in the footer, menu entries).
 *
 * Why: templates often print the site name alone again right before the footer, and Readability
 * keeps it when it sits inside the content column. A body line is only recognisable as such by
 * comparing it with the rest of the page, which is gone once Readability has rewritten the DOM, so
 * this runs first and hands its answer to the filters.
 */
import { descendantsNamed, documentElementsNamed, tagNames } from "../element-walk.js";
import { normalizeParagraph } from "./normalize-text.js";

/** Texts longer than this are never chrome labels. */
const MAX_LABEL_LENGTH = 30;
/** Separators between an article title and the site name in `<title>`. */
const TITLE_SEPARATORS = /\s*(?:[|_–—]|-{1,2}|::|·)\s*/;
const META = tagNames("meta");
/** Meta tags that name the site, as [attribute, value]. */
const SITE_NAME_META: readonly (readonly [string, string])[] = [
  ["property", "og:site_name"],
  ["name", "application-name"],
  ["name", "apple-mobile-web-app-title"],
];

export function collectChromeTexts(document: Document): Set<string> {
  const texts = new Set<string>();
  const metas = documentElementsNamed(document, META);
  for (const [attribute, value] of SITE_NAME_META) {
    const meta = metas.find((element) => element.getAttribute(attribute) === value);
    const content = normalizeParagraph(meta?.getAttribute("content") ?? "");
    if (content !== "" && content.length <= MAX_LABEL_LENGTH) texts.add(content);
  }
  // The last part of "文章标题 - 站点名" is the site name; the first part is the title, not chrome.
  const titleParts = normalizeParagraph(document.title ?? "").split(TITLE_SEPARATORS);
  const siteName = titleParts.length > 1 ? titleParts[titleParts.length - 1] : undefined;
  if (siteName && siteName.length <= MAX_LABEL_LENGTH) texts.add(siteName);

  const counts = new Map<string, number>();
  for (const element of document.body ? descendantsNamed(document.body) : []) {
    // Only elements that hold text themselves: wrappers around the same label are not counted twice,
    // and no large subtree is ever read.
    if (!holdsLabel(element)) continue;
    const raw = element.textContent ?? "";
    if (keepsMoreThan(raw, MAX_LABEL_LENGTH)) continue;
    const text = normalizeParagraph(raw);
    if (text === "" || text.length > MAX_LABEL_LENGTH) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  for (const [text, count] of counts) if (count >= 2) texts.add(text);
  return texts;
}

/** At most three child elements and some text of its own: read in one pass over the children. */
function holdsLabel(element: Element): boolean {
  let elements = 0;
  let ownText = false;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      elements += 1;
      if (elements > 3) return false;
    } else if (!ownText && child.nodeType === 3 && (child.nodeValue ?? "").trim() !== "") ownText = true;
  }
  return ownText;
}

/**
 * True when `normalizeParagraph(text)` is certainly longer than `limit`: it only removes whitespace and
 * zero-width characters, so printable ASCII and CJK ideographs all stay. Spares normalising every
 * paragraph of the page to learn that it is no label.
 */
function keepsMoreThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let kept = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) {
      kept += 1;
      if (kept > limit) return true;
    }
  }
  return false;
}
