/**
 * A fallback main-content picker for pages Readability gives up on or under-reads.
 *
 * Readability's scores count commas and 100-character chunks, tuned for spaced languages; on old
 * Chinese layouts (an article in one `<td>` among link-heavy cells) it sometimes returns nothing or
 * the wrong cell. This picker scores every text block by the signs of Chinese prose — length in
 * reading units, full-width punctuation, low link density — and hands the score up to its ancestors
 * (full to the container, decaying above), in the spirit of GeneralNewsExtractor's text density and
 * trafilatura's fallbacks. The best ancestor, discounted by its own link density, is the content.
 *
 * It reads the page in one pass over its text nodes and never copies or rewrites the tree: on large
 * pages jsdom spends seconds cloning and restructuring a whole `<body>`.
 */
import { descendantsNamed, tagNames } from "../element-walk.js";
import { isBlockTag } from "./block-model.js";
import { countPunctuation, readingLength } from "./normalize-text.js";

/** Blocks shorter than this (reading units) are labels, menu entries or captions, not prose. */
const MIN_PROSE_LENGTH = 10;
/** A block with more than this share of linked text is navigation. */
const MAX_PROSE_LINK_SHARE = 0.5;
/** Length units worth one point, and the cap on the length points of one paragraph. */
const LENGTH_PER_POINT = 40;
const MAX_LENGTH_POINTS = 5;
/** How far up a block's score travels, with the share each level gets. */
const ANCESTOR_SHARES = [1, 0.5, 0.25, 0.15, 0.1];
/** Paragraph-level tags: their score belongs to the container around them, not to themselves. */
const PARAGRAPH_TAGS = new Set([
  "P",
  "LI",
  "DT",
  "DD",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "PRE",
  "BLOCKQUOTE",
  "FIGCAPTION",
  "CAPTION",
  "TR",
  "TH",
  "ADDRESS",
]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
const LINKS = tagNames("a");

interface TextBlock {
  text: string;
  linkText: string;
  /** `<br>` line breaks inside the block: each line is a paragraph of its own. */
  breaks: number;
}

interface Place {
  /** The nearest block-level element, from the element itself up; null inside a script or style. */
  block: Element | null;
  /** Whether a link lies on the way to it. */
  inLink: boolean;
}

/**
 * The place of the text inside `element`, remembered per element: a page has far fewer parents than
 * text nodes, and each step up reads a tag name.
 */
function placeIn(element: Element, places: Map<Element, Place>): Place {
  const known = places.get(element);
  if (known) return known;
  const isLink = element.tagName === "A";
  let place: Place;
  if (SKIPPED.has(element.tagName)) place = { block: null, inLink: isLink };
  else if (isBlockTag(element.tagName) || element.tagName === "BODY")
    place = { block: element, inLink: isLink };
  else {
    const parent = element.parentElement;
    const above = parent ? placeIn(parent, places) : { block: null, inLink: false };
    place = { block: above.block, inLink: isLink || above.inLink };
  }
  places.set(element, place);
  return place;
}

function gatherTextBlocks(body: Element): Map<Element, TextBlock> {
  const blocks = new Map<Element, TextBlock>();
  const places = new Map<Element, Place>();
  const walker = body.ownerDocument.createTreeWalker(body, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const isBreak = node.nodeType === 1 && (node as Element).tagName === "BR";
    if (node.nodeType !== 3 && !isBreak) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    const { block, inLink } = placeIn(parent, places);
    if (!block) continue;
    const entry = blocks.get(block) ?? { text: "", linkText: "", breaks: 0 };
    if (isBreak) entry.breaks += 1;
    else {
      entry.text += node.nodeValue ?? "";
      if (inLink) entry.linkText += node.nodeValue ?? "";
    }
    blocks.set(block, entry);
  }
  return blocks;
}

/**
 * Returns a copy (owned by `document`) of the element most likely to hold the article, or null when
 * the page has no prose. Does not modify `document`.
 */
export function pickByDensity(document: Document): Element | null {
  const body = document.body;
  if (!body) return null;
  const scores = new Map<Element, number>();
  for (const [element, block] of gatherTextBlocks(body)) {
    const length = readingLength(block.text);
    if (length < MIN_PROSE_LENGTH || readingLength(block.linkText) > length * MAX_PROSE_LINK_SHARE) continue;
    const points =
      1 +
      countPunctuation(block.text) +
      Math.min(MAX_LENGTH_POINTS * (1 + block.breaks), length / LENGTH_PER_POINT);
    let ancestor = PARAGRAPH_TAGS.has(element.tagName) ? element.parentElement : element;
    for (const share of ANCESTOR_SHARES) {
      if (!ancestor) break;
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + points * share);
      if (ancestor === body) break;
      ancestor = ancestor.parentElement;
    }
  }
  // Link density is costly on large subtrees: visit candidates by raw score and stop once no raw
  // score can beat the best discounted one (the discount only ever lowers a score).
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of [...scores].sort((a, b) => b[1] - a[1])) {
    if (score <= bestScore) break;
    const adjusted = score * (1 - linkDensity(element));
    if (adjusted > bestScore) {
      best = element;
      bestScore = adjusted;
    }
  }
  return best ? (best.cloneNode(true) as Element) : null;
}

function linkDensity(element: Element): number {
  const total = readingLength(element.textContent ?? "");
  if (total === 0) return 1;
  const linked = descendantsNamed(element, LINKS).reduce(
    (sum, a) => sum + readingLength(a.textContent ?? ""),
    0,
  );
  return Math.min(1, linked / total);
}
