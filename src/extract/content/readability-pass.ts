/**
 * Runs @mozilla/readability with settings for Chinese pages and returns its content element.
 *
 * Readability's default `charThreshold` (500 characters) assumes spaced languages: a 300-character
 * Chinese news item is a full article, so the threshold is lowered. Classes are dropped (the filters
 * after this step look at text, not at the site's class names) and the content comes back as an
 * element of `document` rather than a string, so the filters can work on a tree without re-parsing.
 */
import { Readability } from "@mozilla/readability";

/** Characters of text below which Readability retries with looser rules; ~100 suits Chinese. */
export const READABILITY_CHAR_THRESHOLD = 100;

/** Meta tags Readability reads its article title from. */
const TITLE_META =
  'meta[property="og:title"],meta[name="og:title"],meta[name="twitter:title"],meta[property="twitter:title"],meta[name="dc.title"],meta[name="DC.title"],meta[property="dc:title"],meta[name="weibo: article:title"]';

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
  for (const meta of document.querySelectorAll(TITLE_META)) meta.remove();
  for (const title of document.querySelectorAll("title")) title.remove();
}
