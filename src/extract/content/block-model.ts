/**
 * The paragraph model every boilerplate filter works on.
 *
 * Readability hands back a tree whose paragraphs come in many shapes: `<p>`, a `<div>` of text with
 * `<br>` line breaks, a `<td>` holding a whole article, text loose between two `<div>`s. The filters
 * should not each re-learn that, so this module first rewrites the tree into one shape (every run of
 * text sits in its own leaf block; `<br>` ends a paragraph, as it does on Chinese pages), then lists the
 * leaf blocks in document order. A filter drops blocks; `removeBlocks` takes them out of the tree, so
 * `html` and `text` always hold the same paragraphs.
 */
import { descendantsNamed, hasDescendantNamed, isNamed, tagNames } from "../element-walk.js";
import { normalizeParagraph, readingLength } from "./normalize-text.js";

export type BlockKind = "heading" | "paragraph" | "list-item" | "table-row" | "preformatted";

export interface Block {
  readonly element: Element;
  readonly kind: BlockKind;
  /** Normalised text (see `normalizeParagraph`). */
  readonly text: string;
  /** Reading length of the text inside links (one unit per CJK character or word). */
  readonly linkLength: number;
  /** Reading length of the whole text. */
  readonly length: number;
}

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG", "DIV", "DL",
  "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER",
  "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH",
  "THEAD", "TR", "UL",
]); // biome-ignore format: a vocabulary reads better packed

/** True for block-level tag names (upper case, as `Element.tagName` gives them). */
export function isBlockTag(tagName: string): boolean {
  return BLOCK_TAGS.has(tagName);
}

const BLOCK_NAMES = tagNames([...BLOCK_TAGS].join(","));
/** Elements that carry content even without text. */
const MEDIA = "img,picture,video,audio,iframe,embed,object,svg,canvas";
const MEDIA_NAMES = tagNames(MEDIA);
/** Elements that are content however empty: media and breaks. */
const KEPT_EMPTY_NAMES = tagNames(`${MEDIA},br,hr`);
const BR = tagNames("br");
const A = tagNames("a");
/** Cells shorter than this are data, not a layout cell holding an article: their `<br>`s stay. */
const MIN_CELL_LENGTH_TO_SPLIT = 100;

/**
 * The elements under `root` that are block-level or hold a block-level descendant, found in one
 * bottom-up pass (asking each element `querySelector` is quadratic on large pages).
 */
function blockishElements(root: Element): Set<Element> {
  const blockish = new Set<Element>();
  const all = [root, ...descendantsNamed(root)];
  for (let index = all.length - 1; index >= 0; index -= 1) {
    const element = all[index] as Element;
    if (!BLOCK_TAGS.has(element.tagName) && !blockish.has(element)) continue;
    blockish.add(element);
    if (element.parentElement) blockish.add(element.parentElement);
  }
  return blockish;
}

function isBlockishIn(blockish: ReadonlySet<Element>, node: Node): node is Element {
  if (node.nodeType !== 1) return false;
  return BLOCK_TAGS.has((node as Element).tagName) || blockish.has(node as Element);
}

function hasContent(nodes: readonly Node[]): boolean {
  return nodes.some(
    (node) =>
      (node.textContent ?? "").trim() !== "" ||
      (node.nodeType === 1 &&
        (isNamed(node as Element, MEDIA_NAMES) || hasDescendantNamed(node as Element, MEDIA_NAMES))),
  );
}

/**
 * Rewrites `root` so that text only sits in leaf blocks: loose inline runs next to block children are
 * wrapped in `<p>`, and leaf blocks are split into one `<p>` per `<br>`-separated line.
 */
export function normalizeBlockStructure(root: Element): void {
  const document = root.ownerDocument;
  const blockish = blockishElements(root);
  const isBlockish = (node: Node): node is Element => isBlockishIn(blockish, node);
  const visit = (element: Element): void => {
    const children = [...element.childNodes];
    if (children.some(isBlockish)) {
      let run: Node[] = [];
      const flush = (before: Node | null): void => {
        if (hasContent(run)) {
          const paragraph = document.createElement("p");
          element.insertBefore(paragraph, before);
          for (const node of run) paragraph.appendChild(node);
        }
        run = [];
      };
      for (const child of children) {
        if (isBlockish(child)) {
          flush(child);
          visit(child);
        } else {
          run.push(child);
        }
      }
      flush(null);
      return;
    }
    if (splitAtLineBreaks(element)) blockish.add(element);
  };
  visit(root);
}

const NEVER_SPLIT = new Set(["PRE", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "DT", "DD", "CAPTION", "TH"]);

/** Splits `leaf` into one `<p>` per line; true when it now holds paragraphs. */
function splitAtLineBreaks(leaf: Element): boolean {
  if (NEVER_SPLIT.has(leaf.tagName) || !hasDescendantNamed(leaf, BR)) return false;
  if (leaf.tagName === "TD" && readingLength(leaf.textContent ?? "") < MIN_CELL_LENGTH_TO_SPLIT) return false;
  const document = leaf.ownerDocument;
  const lines = splitNodes([...leaf.childNodes]).filter(hasContent);
  if (lines.length < 2) return false;
  const paragraphs = lines.map((line) => {
    const paragraph = document.createElement("p");
    for (const node of line) paragraph.appendChild(node);
    return paragraph;
  });
  if (leaf.tagName === "P") {
    leaf.replaceWith(...paragraphs);
    return false;
  }
  leaf.replaceChildren(...paragraphs);
  return true;
}

/** Splits a run of inline nodes at `<br>`, cloning inline wrappers (`<font>a<br>b</font>`) per line. */
function splitNodes(nodes: readonly Node[]): Node[][] {
  const lines: Node[][] = [[]];
  for (const node of nodes) {
    if (node.nodeType === 1 && (node as Element).tagName === "BR") {
      lines.push([]);
      continue;
    }
    if (node.nodeType !== 1 || !hasDescendantNamed(node as Element, BR)) {
      lines[lines.length - 1]?.push(node);
      continue;
    }
    const inner = splitNodes([...node.childNodes]);
    inner.forEach((innerLine, index) => {
      const wrapper = (node as Element).cloneNode(false);
      for (const child of innerLine) wrapper.appendChild(child);
      if (index > 0) lines.push([]);
      lines[lines.length - 1]?.push(wrapper);
    });
  }
  return lines;
}

function kindOf(tag: string): BlockKind {
  if (/^H[1-6]$/.test(tag)) return "heading";
  if (tag === "LI" || tag === "DT" || tag === "DD") return "list-item";
  if (tag === "TR") return "table-row";
  if (tag === "PRE") return "preformatted";
  return "paragraph";
}

/** Text of `node` with `<br>` read as a space (the author's break, unlike a source line wrap). */
function rawText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? "";
  if (node.nodeType !== 1) return "";
  if ((node as Element).tagName === "BR") return " ";
  let text = "";
  // Siblings one by one: `childNodes` would build a list for every element of every block.
  for (let child = node.firstChild; child; child = child.nextSibling) text += rawText(child);
  return text;
}

function textOf(element: Element, tag: string): string {
  if (tag === "PRE") return (element.textContent ?? "").replace(/^\n+|\s+$/g, "");
  if (tag === "TR") {
    return [...element.children]
      .map((cell) => normalizeParagraph(rawText(cell)))
      .filter((text) => text !== "")
      .join(" ");
  }
  return normalizeParagraph(rawText(element));
}

function makeBlock(element: Element, tag: string): Block {
  const text = textOf(element, tag);
  const linkText = descendantsNamed(element, A)
    .map((a) => a.textContent ?? "")
    .join(" ");
  return {
    element,
    kind: kindOf(tag),
    text,
    length: readingLength(text),
    linkLength: readingLength(linkText),
  };
}

/** True for a table row whose cells hold only inline content: the row reads as one line. */
function isLeafRow(element: Element, tag: string): boolean {
  return tag === "TR" && [...element.children].every((cell) => !hasDescendantNamed(cell, BLOCK_NAMES));
}

/** Lists the leaf blocks under `root` with text, in document order. Call `normalizeBlockStructure` first. */
export function collectBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  const blockish = blockishElements(root);
  const isBlockish = (node: Node): node is Element => isBlockishIn(blockish, node);
  const visit = (element: Element): void => {
    const tag = element.tagName;
    if (tag === "TABLE" || tag === "THEAD" || tag === "TBODY") {
      for (const child of element.children) visit(child);
      return;
    }
    if (isLeafRow(element, tag)) {
      const block = makeBlock(element, tag);
      if (block.text !== "") blocks.push(block);
      return;
    }
    const blockChildren: Element[] = [];
    for (let child = element.firstElementChild; child; child = child.nextElementSibling)
      if (isBlockish(child)) blockChildren.push(child);
    if (blockChildren.length === 0) {
      if (element === root) return;
      const block = makeBlock(element, tag);
      if (block.text !== "") blocks.push(block);
      return;
    }
    for (const child of blockChildren) visit(child);
  };
  visit(root);
  return blocks;
}

/** True when `block` reads as a link (a headline in a list, a menu entry): most of its text is linked. */
export function isLinkBlock(block: Block): boolean {
  return block.length > 0 && block.linkLength / block.length >= 0.7;
}

/**
 * Removes the given blocks from the tree, then any ancestor left without text or media, so no empty
 * `<div>` shells or orphan list markers stay behind.
 */
export function removeBlocks(root: Element, blocks: Iterable<Block>): void {
  for (const block of blocks) block.element.remove();
  pruneEmpty(root);
}

/** Removes every element under `root` that holds neither text nor media. */
export function pruneEmpty(root: Element): void {
  for (const element of [...root.querySelectorAll("*")].reverse()) {
    if (!element.isConnected || isNamed(element, KEPT_EMPTY_NAMES)) continue;
    if ((element.textContent ?? "").trim() !== "") continue;
    if (hasDescendantNamed(element, MEDIA_NAMES)) continue;
    // An empty cell in a row that still has text keeps the columns aligned.
    if (
      (element.tagName === "TD" || element.tagName === "TH") &&
      (element.parentElement?.textContent ?? "").trim()
    )
      continue;
    element.remove();
  }
}

/**
 * Trims the indentation (`&nbsp;`, full-width spaces) and trailing whitespace of a block in place, so
 * the HTML paragraphs read like the text ones.
 */
export function trimBlockEdges(block: Block): void {
  const document = block.element.ownerDocument;
  const walker = document.createTreeWalker(block.element, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    text.data = text.data.replace(/^\s+/, "");
    if (text.data !== "") break;
  }
  for (const text of texts.reverse()) {
    text.data = text.data.replace(/\s+$/, "");
    if (text.data !== "") break;
  }
}
