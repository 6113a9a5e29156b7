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
 * boilerplate, whatever its class says, since some templates wrap the whole page in a `nav-…` div.
 *
 * Pure: reads the document, never changes it.
 */

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
  "share",
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

function hasBoilerplateMarker(element: Element): boolean {
  const tag = element.localName;
  if (BOILERPLATE_TAGS.has(tag)) return true;
  if (tag === "footer" && !element.closest("article")) return true;
  const tokens = attributeTokens(`${element.getAttribute("class") ?? ""} ${element.id}`);
  return tokens.some((token) => BOILERPLATE_TOKENS.has(token));
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute("hidden")) return true;
  const style = element.getAttribute("style");
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Collapses every kind of whitespace (NBSP, U+3000, tabs, newlines) into one ASCII space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, " ");
}

/**
 * Splits the document body into visible text lines.
 * `protect` is an element (usually the headline) whose ancestors are never treated as boilerplate.
 *
 * @example
 * const lines = pageLines(document, headlineElement);
 * lines.filter((line) => line.zone === "content" && line.text.includes("来源"));
 */
export function pageLines(document: Document, protect: Element | null = null): PageLine[] {
  const lines: PageLine[] = [];
  const root = document.body ?? document.documentElement;
  if (!root) return lines;

  let buffer = "";
  let bufferBlock: Element = root;
  let bufferZone: LineZone = "content";
  let pendingSeam = false;

  const flush = (): void => {
    const text = buffer
      .replace(new RegExp(`\\s*${ELEMENT_SEAM}+\\s*`, "g"), (match) =>
        /\s/.test(match) ? " " : ELEMENT_SEAM,
      )
      .replace(/ {2,}/g, " ")
      .trim()
      .replace(new RegExp(`^${ELEMENT_SEAM}+|${ELEMENT_SEAM}+$`, "g"), "")
      .trim();
    if (text.length > 0) lines.push({ text, block: bufferBlock, index: lines.length, zone: bufferZone });
    buffer = "";
    pendingSeam = false;
  };

  const walk = (node: Node, block: Element, zone: LineZone): void => {
    if (node.nodeType === 3) {
      const text = collapseWhitespace(node.nodeValue ?? "");
      if (text.length === 0) return;
      if (buffer.length === 0 || bufferBlock !== block) {
        if (buffer.length > 0) flush();
        bufferBlock = block;
        bufferZone = zone;
      }
      if (pendingSeam && buffer.length > 0) buffer += ELEMENT_SEAM;
      pendingSeam = false;
      buffer += text;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag) || isHidden(element)) return;
    if (tag === "br" || tag === "hr") {
      flush();
      return;
    }
    let childZone = zone;
    if (zone === "content" && hasBoilerplateMarker(element) && !(protect && element.contains(protect))) {
      childZone = "boilerplate";
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    else pendingSeam = true;
    const childBlock = isBlock ? element : block;
    for (const child of Array.from(element.childNodes)) walk(child, childBlock, childZone);
    if (isBlock) flush();
    else pendingSeam = true;
  };

  walk(root, root, "content");
  flush();
  return lines;
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
    if (protect && node.contains(protect)) return false;
    if (hasBoilerplateMarker(node)) return true;
  }
  return false;
}
