/**
 * One pass over the document that every metadata field reads from: the text lines, the headline, the
 * byline hits, the `<time>` elements and the JSON-LD objects.
 *
 * Why a shared analysis: on jsdom each walk of a portal page or attribute selector costs tens of
 * milliseconds, and five field modules each walking the page would make metadata the slowest stage of
 * the pipeline. `extractMetadata` builds the analysis once and hands it to every field; a field
 * function called on its own builds it itself. The analysis is plain data derived from the document,
 * which is never changed.
 */
import { articleBodyLines } from "./article-body.js";
import { type BylineHit, scanLines } from "./byline-labels.js";
import {
  headJsonLdScripts,
  isJsonLdScript,
  type JsonLdObject,
  jsonLdObjects,
  type MetaTags,
  readMetaTags,
} from "./document-meta.js";
import { findHeadline, type Headline, isHeadlineCandidate } from "./headline.js";
import { lineIndexOf, type PageLine, pageLines, protectZones } from "./page-lines.js";

export interface PageAnalysis {
  headline: Headline | null;
  /** Lines with zones decided around the headline (its containers are never boilerplate). */
  lines: PageLine[];
  /** Index of the headline's first line, or -1 when the headline is not in the page. */
  headlineIndex: number;
  /** Labelled byline values, in document order. */
  hits: BylineHit[];
  /** Unlabelled text at the start of short lines just under the headline. */
  unlabelled: BylineHit[];
  /** `<time datetime>` elements of the body, in document order. */
  timeElements: Element[];
  jsonLd: JsonLdObject[];
  meta: MetaTags;
  /** A rough guess at the article's own text lines (see `article-body.ts`). */
  bodyLines: PageLine[];
}

/**
 * @example
 * const page = analyzePage(document);
 * extractSource(document, ctx, page);
 */
export function analyzePage(document: Document): PageAnalysis {
  const candidates: Element[] = [];
  const timeElements: Element[] = [];
  const scripts = headJsonLdScripts(document);
  const bodyMetas: Element[] = [];
  const links: Element[] = [];
  const rawLines = pageLines(document, (element, marker) => {
    if (element.localName === "a") links.push(element);
    if (isHeadlineCandidate(element, marker)) candidates.push(element);
    else if (element.localName === "time" && element.hasAttribute("datetime")) timeElements.push(element);
    else if (isJsonLdScript(element)) scripts.push(element);
    else if (element.localName === "meta") bodyMetas.push(element);
  });
  const jsonLd = jsonLdObjects(scripts);
  const meta = readMetaTags(document, bodyMetas);
  const headline = findHeadline(document, candidates, rawLines, jsonLd, meta, links);
  const lines = protectZones(rawLines, headline?.element ?? null);
  const headlineIndex = headline?.element
    ? lineIndexOf(lines, headline.element)
    : lines.findIndex((line) => headline !== null && showsHeadline(line.text, headline.text));
  const { hits, unlabelled } = scanLines(lines, headlineIndex);
  const bodyLines = articleBodyLines(lines, headlineIndex);
  return { headline, lines, headlineIndex, hits, unlabelled, timeElements, jsonLd, meta, bodyLines };
}

/** Characters a line may hold around the headline and still be its line (a date, a `(图)` mark). */
const HEADLINE_LINE_SLACK = 20;

/**
 * Whether a line shows a headline known only from `<head>`: it holds the text and little else. A short
 * `<title>` (`显示`, `正文`) is found inside any paragraph, which is not where the headline is.
 */
function showsHeadline(lineText: string, headline: string): boolean {
  return lineText.includes(headline) && lineText.length <= headline.length + HEADLINE_LINE_SLACK;
}
