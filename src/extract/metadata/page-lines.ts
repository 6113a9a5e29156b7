/**
 * The visible text of a page as a list of short "lines", the unit the byline scanner and the date and
 * author fallbacks read.
 *
 * Why lines and not `textContent`: bylines are packed as `<span>`s inside one block
 * (`<div class="info"><span>发布时间：…</span><span>来源：…</span></div>`), while a paragraph, a list item
 * or a table cell is a separate thing the reader sees on its own. So a line is the text between block
 * boundaries (block elements and `<br>`), with inline children joined. Where two inline elements touch
 * without whitespace (`…12:11</span><span>来源：…`) an {@link ELEMENT_SEAM} is inserted, so labels and
 * values stay apart without inventing spaces inside words.
 *
 * Each line carries its zone: text inside navigation, comments, related-article lists or the page footer
 * is marked `boilerplate` so that field extractors can refuse it (a footer copyright year is not a
 * publish date, a comment's author is not the article's). An element that contains the headline is never
 * boilerplate, whatever its class says, since some templates wrap the whole page in a `nav-…` div
 * ({@link protectZones}).
 *
 * Pure: reads the document, never changes it.
 */

import { iconLabel } from "./icon-labels.js";
import { scriptedDate } from "./scripted-date.js";

/** Inserted where two inline elements meet without whitespace; matching code treats it as a gap. */
export const ELEMENT_SEAM = "\u2063";

export type LineZone = "content" | "boilerplate";

export interface PageLine {
  /** Whitespace-collapsed text (NBSP and full-width spaces count as spaces), seams kept. */
  text: string;
  /** The nearest block-level element that holds the line. */
  block: Element;
  /** Position among all lines of the page, in document order. */
  index: number;
  zone: LineZone;
  /** Ancestors carrying a boilerplate marker, outermost first; what `zone` was decided from. */
  markedAncestors: readonly Element[];
}

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** Elements whose text a reader never sees. */
const SKIPPED_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "select",
  "option",
  "textarea",
  "button",
  "svg",
  "iframe",
  "object",
]);

/**
 * Class/id tokens (split on `-`, `_`, spaces and camel case) that mark page furniture. Pinyin tokens
 * (`xgxw` 相关新闻, `tuijian`, `pinglun`) are what Chinese CMS templates actually use.
 */
export const BOILERPLATE_TOKENS: ReadonlySet<string> = new Set([
  "nav",
  "navbar",
  "navigation",
  "menu",
  "breadcrumb",
  "breadcrumbs",
  "crumb",
  "footer",
  "foot",
  "copyright",
  "comment",
  "comments",
  "tie",
  "reply",
  "pinglun",
  "related",
  "relate",
  "recommend",
  "recommendation",
  "tuijian",
  "xgxw",
  "xwtj",
  "hot",
  "rank",
  "ranking",
  "paihang",
  "sidebar",
  "aside",
  "widget",
  "feed",
  "login",
  "next",
  "prev",
]);

const BOILERPLATE_TAGS = new Set(["nav", "aside"]);

/** Splits a class or id into lowercase tokens: `post_recommend_new` → post, recommend, new. */
export function attributeTokens(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s\-_:.]+/)
    .filter((token) => token.length > 0);
}

/** `class` and `id` of an element joined by a space: what class/id heuristics look at. */
export function attributeMarker(element: Element): string {
  return `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
}

/** Tokens of footer-like containers, which are also used for an article's own meta footer. */
const FOOTER_TOKENS: ReadonlySet<string> = new Set(["footer", "foot", "copyright"]);

export function hasBoilerplateMarker(element: Element, marker: string = attributeMarker(element)): boolean {
  const tag = element.localName;
  if (BOILERPLATE_TAGS.has(tag) || tag === "footer") return true;
  if (marker.length === 1) return false;
  return attributeTokens(marker).some((token) => BOILERPLATE_TOKENS.has(token));
}

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function isHidden(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  const style = element.getAttribute("style");
  return (style !== null && HIDING_STYLE.test(style)) || element.hasAttribute("hidden");
}

/** Collapses every kind of whitespace (NBSP, U+3000, tabs, newlines) into one ASCII space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, " ");
}

const SEAM_RUN = new RegExp(`[\\s${ELEMENT_SEAM}]*${ELEMENT_SEAM}[\\s${ELEMENT_SEAM}]*`, "g");
const EDGE_SEAMS = new RegExp(`^${ELEMENT_SEAM}+|${ELEMENT_SEAM}+$`, "g");

/**
 * Splits the document body into visible text lines, in one walk of the tree (jsdom makes every extra
 * walk or attribute selector cost tens of milliseconds on a portal page). `visit` sees every element
 * of the body, hidden and script ones included, so callers can collect what they need on the way.
 * Zones are decided without a protected element; {@link protectZones} re-decides them once the
 * headline is known.
 *
 * @example
 * const lines = protectZones(pageLines(document), headlineElement);
 * lines.filter((line) => line.zone === "content" && line.text.includes("来源"));
 */
export function pageLines(
  document: Document,
  visit?: (element: Element, marker: string) => void,
): PageLine[] {
  const lines: PageLine[] = [];
  const root = document.body ?? document.documentElement;
  if (!root) return lines;

  let buffer = "";
  let bufferBlock: Element = root;
  let bufferMarked: readonly Element[] = [];
  let pendingSeam = false;

  const flush = (): void => {
    const text = buffer
      .replace(SEAM_RUN, (match) => (/\s/.test(match) ? " " : ELEMENT_SEAM))
      .replace(/ {2,}/g, " ")
      .trim()
      .replace(EDGE_SEAMS, "")
      .trim();
    if (text.length > 0) {
      lines.push({
        text,
        block: bufferBlock,
        index: lines.length,
        zone: bufferMarked.length > 0 ? "boilerplate" : "content",
        markedAncestors: bufferMarked,
      });
    }
    buffer = "";
    pendingSeam = false;
  };

  const append = (text: string, block: Element, marked: readonly Element[]): void => {
    if (buffer.length === 0 || bufferBlock !== block) {
      if (buffer.length > 0) flush();
      bufferBlock = block;
      bufferMarked = marked;
    } else if (marked !== bufferMarked) {
      // A line is furniture only if all of it is: a byline opening with `<span id=copyright_logo>原创`
      // stays content. Marked lists are ancestor chains, so what all texts share is a common prefix.
      bufferMarked = commonPrefix(bufferMarked, marked);
    }
    if (pendingSeam && buffer.length > 0) buffer += ELEMENT_SEAM;
    pendingSeam = false;
    buffer += text;
  };

  const walk = (element: Element, block: Element, marked: readonly Element[]): void => {
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const text = collapseWhitespace(node.nodeValue ?? "");
        if (text.length === 0 || (text === " " && buffer.length === 0)) continue;
        append(text, block, marked);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      const marker = attributeMarker(child);
      visit?.(child, marker);
      const tag = child.localName;
      if (tag === "script") {
        const date = scriptedDate(child);
        if (date) {
          pendingSeam = true;
          append(date, block, marked);
          pendingSeam = true;
        }
        continue;
      }
      if (SKIPPED_TAGS.has(tag) || isHidden(child)) continue;
      if (tag === "br" || tag === "hr") {
        flush();
        continue;
      }
      const icon = iconLabel(child, marker, attributeTokens);
      if (icon) {
        // Seams on both sides keep the icon's label word apart from the text around it.
        pendingSeam = true;
        append(icon, block, marked);
        pendingSeam = true;
        continue;
      }
      const childMarked = hasBoilerplateMarker(child, marker) ? [...marked, child] : marked;
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) flush();
      else pendingSeam = true;
      walk(child, isBlock ? child : block, childMarked);
      if (isBlock) flush();
      else pendingSeam = true;
    }
  };

  walk(root, root, []);
  flush();
  return lines;
}

function commonPrefix(a: readonly Element[], b: readonly Element[]): readonly Element[] {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length === a.length ? a : a.slice(0, length);
}

/** Whether a marked element is footer-like only (`<footer>`, `.post-footer`, `#copyright`). */
function isFooterOnly(element: Element): boolean {
  if (BOILERPLATE_TAGS.has(element.localName)) return false;
  const tokens = attributeTokens(attributeMarker(element));
  const marks = tokens.filter((token) => BOILERPLATE_TOKENS.has(token));
  return marks.every((token) => FOOTER_TOKENS.has(token));
}

/**
 * Whether a marked ancestor really is page furniture, judged once the headline is known: one that
 * contains the headline is not; a footer-like one inside `<article>` or short and beside the
 * headline (`h2.post-title` + `h6.post-footer`) is the article's own meta footer, which holds its date and views.
 */
function countsAsBoilerplate(ancestor: Element, protect: Element | null): boolean {
  if (!protect) return !(isFooterOnly(ancestor) && ancestor.closest("article"));
  if (ancestor.contains(protect)) return false;
  if (!isFooterOnly(ancestor)) return true;
  if (ancestor.closest("article")?.contains(protect)) return false;
  const parent = ancestor.parentElement;
  if (!parent || parent.localName === "body" || !parent.contains(protect)) return true;
  // Beside the headline, a short footer is the post's meta line; a long one is still the page's.
  return (ancestor.textContent ?? "").length > ARTICLE_FOOTER_MAX_CHARS;
}

/** A post's own meta footer (`2019年09月11日 富达传媒 时政新闻 1665 0`) is a line, not a block. */
const ARTICLE_FOOTER_MAX_CHARS = 150;

/** The same lines with zones re-decided once the headline (`protect`) is known. */
export function protectZones(lines: readonly PageLine[], protect: Element | null): PageLine[] {
  return lines.map((line) => {
    if (line.markedAncestors.length === 0) return line;
    const marked = line.markedAncestors.some((ancestor) => countsAsBoilerplate(ancestor, protect));
    return marked === (line.zone === "boilerplate")
      ? line
      : { ...line, zone: marked ? "boilerplate" : "content" };
  });
}

/** Index of the first line inside `element` (or, for an inline element, the line holding it), or -1. */
export function lineIndexOf(lines: readonly PageLine[], element: Element | null): number {
  if (!element) return -1;
  const inside = lines.find((line) => line.block === element || element.contains(line.block));
  if (inside) return inside.index;
  const text = collapseWhitespace(element.textContent ?? "").trim();
  const holding = lines.find((line) => line.block.contains(element) && line.text.includes(text));
  return holding ? holding.index : -1;
}

/**
 * Whether `element` sits inside navigation, comments, related lists or the page footer, by the same
 * markers {@link pageLines} uses; ancestors that contain `protect` do not count.
 */
export function isInBoilerplate(element: Element, protect: Element | null = null): boolean {
  for (let node: Element | null = element; node && node.localName !== "body"; node = node.parentElement) {
    if (hasBoilerplateMarker(node) && countsAsBoilerplate(node, protect)) return true;
  }
  return false;
}
