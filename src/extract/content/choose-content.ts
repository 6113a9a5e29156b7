/**
 * Decides which element holds the article: Readability's answer or the density picker's, narrowed to
 * the first post when the page lists several.
 *
 * Readability is the first choice (it is well tested and keeps structure such as figures and tables),
 * but it is tuned for spaced languages: it may return nothing for a short Chinese page, or a side
 * column when the article sits in a layout table. The density pick and the runs of posts are read
 * first (Readability rewrites the DOM), then whichever answer holds clearly more Chinese prose wins.
 */
import { pickByDensity } from "./density-picker.js";
import { findPostRuns, firstRepeatedPost } from "./first-repeated-post.js";
import { countPunctuation, readingLength } from "./normalize-text.js";
import { runReadability } from "./readability-pass.js";
import { findLeadCandidate, withLead } from "./recover-lead.js";

/** Readability results shorter than this (reading units) are treated as "nothing found". */
const MIN_READABILITY_LENGTH = 30;
/** The density pick replaces Readability's only when it holds this many times more prose. */
const DENSITY_ADVANTAGE = 2;

/** Returns the content element (owned by `document`), or null when the page has no prose. */
export function chooseContent(document: Document): Element | null {
  const postRuns = document.body ? findPostRuns(document.body) : [];
  const lead = findLeadCandidate(document);
  const dense = pickByDensity(document);
  const readable = runReadability(document);
  const readableText = readable?.textContent ?? "";
  let content: Element | null;
  if (!readable || readingLength(readableText) < MIN_READABILITY_LENGTH) content = dense;
  else if (!dense) content = readable;
  else
    content =
      proseWeight(dense.textContent ?? "") > DENSITY_ADVANTAGE * proseWeight(readableText) ? dense : readable;
  if (!content) return null;
  const post = firstRepeatedPost(content, postRuns);
  return post ?? withLead(content, lead);
}

function proseWeight(text: string): number {
  return readingLength(text) + 10 * countPunctuation(text);
}
