/**
 * Decides which element holds the article: Readability's answer or the density picker's.
 *
 * Readability is the first choice (it is well tested and keeps structure such as figures and tables),
 * but it is tuned for spaced languages: it may return nothing for a short Chinese page, or a
 * side column when the article sits in a layout table. The density picker is computed on the
 * untouched page first (Readability rewrites the DOM), then whichever answer holds clearly more
 * Chinese prose wins.
 */
import { pickByDensity } from "./density-picker.js";
import { countPunctuation, readingLength } from "./normalize-text.js";
import { runReadability } from "./readability-pass.js";

/** Readability results shorter than this (reading units) are treated as "nothing found". */
const MIN_READABILITY_LENGTH = 30;

/** Returns the content element (owned by `document`), or null when the page has no prose. */
export function chooseContent(document: Document): Element | null {
  const dense = pickByDensity(document);
  const readable = runReadability(document);
  if (!readable || readingLength(readable.textContent ?? "") < MIN_READABILITY_LENGTH) return dense;
  if (!dense) return readable;
  return proseWeight(dense) > 2 * proseWeight(readable) ? dense : readable;
}

function proseWeight(element: Element): number {
  const text = element.textContent ?? "";
  return readingLength(text) + 10 * countPunctuation(text);
}
