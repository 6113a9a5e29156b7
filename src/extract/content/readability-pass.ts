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

/** Returns Readability's main-content element (owned by `document`), or null when it finds none. */
export function runReadability(document: Document): Element | null {
  const reader = new Readability<Node>(document, {
    charThreshold: READABILITY_CHAR_THRESHOLD,
    keepClasses: false,
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
