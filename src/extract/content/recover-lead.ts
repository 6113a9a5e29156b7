/**
 * Brings back the lead paragraphs that the content pick left out, found through the page's own
 * description.
 *
 * Encyclopedia and portal templates put the lead (`lemma-summary`, `导语`) in a box of its own above
 * the body container; Readability and the density picker choose the body container, and the lead,
 * usually the best sentences of the page, is lost. The page says which text its lead is: the
 * `description` meta is copied from it. So the element that opens with the description's words is
 * read before the pick (Readability rewrites the DOM) and put back in front of the content when the
 * content does not hold those words. A site-wide description that no element repeats changes nothing.
 *
 * Only Chinese descriptions are followed: on English news pages the description is the standfirst
 * printed under the headline, which English article conventions keep out of the body.
 */
import { descendantsNamed, documentElementsNamed, hasDescendantNamed, tagNames } from "../element-walk.js";
import { countCjk, countPunctuation } from "./normalize-text.js";

/** The description's first characters (compact) that must open the lead element. */
const PROBE_LENGTH = 24;
/** A lead is prose: at least this many punctuation marks and little linked text. */
const MIN_LEAD_PUNCTUATION = 2;
const MAX_LEAD_LINK_SHARE = 0.3;
const META = tagNames("meta");
/** Leaf-like elements that hold a paragraph… */
const PARAGRAPHS = tagNames("p,div,dd,td,section,span");
/** …when they hold none of these. */
const PARAGRAPH_BOXES = tagNames("p,div,dd,td,section");

function compact(text: string | null | undefined): string {
  return (text ?? "").replace(/[^\p{L}\p{N}]+/gu, "");
}

function linkShare(element: Element): number {
  const all = compact(element.textContent).length;
  const linked = [...element.querySelectorAll("a")].reduce(
    (sum, a) => sum + compact(a.textContent).length,
    0,
  );
  return all === 0 ? 1 : linked / all;
}

/** The lead the description names, with the words that find it; read before the content pick. */
export interface LeadCandidate {
  probe: string;
  /** A copy of the lead: its paragraph, or the box of paragraphs it opens. */
  lead: Element;
}

export function findLeadCandidate(document: Document): LeadCandidate | null {
  const metas = documentElementsNamed(document, META);
  const description =
    metas.find((meta) => isDescriptionName(meta.getAttribute("name")))?.getAttribute("content") ??
    metas.find((meta) => meta.getAttribute("property") === "og:description")?.getAttribute("content") ??
    "";
  const words = compact(description);
  const probe = words.slice(0, PROBE_LENGTH);
  if (probe.length < PROBE_LENGTH || countCjk(words) * 2 < words.length || !document.body) return null;
  for (const element of descendantsNamed(document.body, PARAGRAPHS)) {
    if (hasDescendantNamed(element, PARAGRAPH_BOXES)) continue;
    if (!compact(element.textContent).startsWith(probe)) continue;
    const box = leadBox(element);
    const text = box.textContent ?? "";
    if (countPunctuation(text) < MIN_LEAD_PUNCTUATION || linkShare(box) > MAX_LEAD_LINK_SHARE) return null;
    return { probe, lead: box.cloneNode(true) as Element };
  }
  return null;
}

/** `name="description"`, the value compared case-insensitively (the selector's `i` flag). */
function isDescriptionName(name: string | null): boolean {
  return name !== null && name.length === 11 && name.toLowerCase() === "description";
}

/** The paragraph's parent when it is a box of paragraphs of one kind, else the paragraph. */
function leadBox(paragraph: Element): Element {
  const parent = paragraph.parentElement;
  if (!parent || parent === paragraph.ownerDocument.body) return paragraph;
  const children = [...parent.children];
  const sameKind = children.every((child) => child.tagName === paragraph.tagName);
  const ownText = [...parent.childNodes].some(
    (node) => node.nodeType === 3 && (node.nodeValue ?? "").trim() !== "",
  );
  return sameKind && !ownText ? parent : paragraph;
}

/** Returns `content` with the lead in front when the content does not already hold it. */
export function withLead(content: Element, candidate: LeadCandidate | null): Element {
  if (!candidate || compact(content.textContent).includes(candidate.probe)) return content;
  const wrapper = content.ownerDocument.createElement("div");
  wrapper.append(candidate.lead, content);
  return wrapper;
}
