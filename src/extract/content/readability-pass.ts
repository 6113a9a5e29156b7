/**
 * Runs @mozilla/readability with settings for Chinese pages and returns its content element.
 *
 * Readability's default `charThreshold` (500 characters) assumes spaced languages: a 300-character
 * Chinese news item is a full article, so the threshold is lowered. Classes are dropped (the filters
 * after this step look at text, not at the site's class names) and the content comes back as an
 * element of `document` rather than a string, so the filters can work on a tree without re-parsing.
 */
import { Readability } from "@mozilla/readability";
import { documentElementsNamed, tagNames } from "../element-walk.js";

/** Characters of text below which Readability retries with looser rules; ~100 suits Chinese. */
export const READABILITY_CHAR_THRESHOLD = 100;

const META_OR_TITLE = tagNames("meta,title");
/** Meta tags Readability reads its article title from, by their `property` and `name` values. */
const TITLE_META_PROPERTIES = new Set(["og:title", "twitter:title", "dc:title"]);
const TITLE_META_NAMES = new Set([
  "og:title",
  "twitter:title",
  "dc.title",
  "DC.title",
  "weibo: article:title",
]);

/** Returns Readability's main-content element (owned by `document`), or null when it finds none. */
export function runReadability(document: Document): Element | null {
  hideTitle(document);
  const reader = new Readability<Node>(document, {
    charThreshold: READABILITY_CHAR_THRESHOLD,
    keepClasses: false,
    disableJSONLD: true,
    serializer: (node) => node,
  });
  let article: ReturnType<typeof reader.parse>;
  try {
    article = reader.parse();
  } catch {
    // Readability throws on a few malformed trees; that is "no result", not a crawl failure.
    return null;
  }
  const content = article?.content;
  return content && content.nodeType === 1 ? (content as Element) : null;
}

/**
 * Readability removes the first `<h1>`/`<h2>` "similar" to the page title, comparing `\\w+` tokens.
 * Chinese characters are not `\\w`, so a subheading that shares only the title's digits or Latin
 * words ("3-2-1", "NAS") counts as a duplicate and is lost. The title is read before this step and
 * `stripRepeatedTitle` removes the real repeat, so Readability is given no title to compare with.
 */
function hideTitle(document: Document): void {
  // One walk by tag name rather than two selector queries: linkedom compiles a selector on every query.
  for (const element of documentElementsNamed(document, META_OR_TITLE))
    if (element.localName.toLowerCase() === "title" || isTitleMeta(element)) element.remove();
}

function isTitleMeta(meta: Element): boolean {
  const property = meta.getAttribute("property");
  const name = meta.getAttribute("name");
  return (
    (property !== null && TITLE_META_PROPERTIES.has(property)) ||
    (name !== null && TITLE_META_NAMES.has(name))
  );
}
