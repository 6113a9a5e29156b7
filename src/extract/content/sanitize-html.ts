/**
 * Makes the main-content HTML safe and self-contained for the record.
 *
 * The record's `html` is read outside the page that produced it, so every link and image must be
 * absolute, and nothing executable may survive: scripts, styles, frames, event handlers and
 * `javascript:` URLs are removed. Lazy-loaded images (`data-src`, `data-original`, …) get their real
 * address as `src`, otherwise the saved HTML shows placeholders. Only attributes that carry meaning
 * outside the site's stylesheet are kept.
 */

import { closestNamed, descendantsNamed, tagNames } from "../element-walk.js";
import { isBlockTag } from "./block-model.js";

const REMOVED = tagNames(
  "script,style,noscript,template,iframe,frame,frameset,object,embed,applet,link,meta,base,form,input,button,select,textarea",
);
/** Attributes worth keeping in the record's HTML; everything else (class, id, style, on*, data-*) goes. */
const KEPT_ATTRIBUTES = new Set([
  "href",
  "src",
  "alt",
  "title",
  "colspan",
  "rowspan",
  "start",
  "type",
  "lang",
  "dir",
]);
/** Where lazy-loading scripts keep the real image address. */
const LAZY_SOURCE_ATTRIBUTES = ["data-src", "data-original", "data-lazy-src", "data-url", "original", "file"];

/** Table parts that mean nothing outside a `<table>` (Readability rewrites layout tables into divs). */
const TABLE_PARTS = tagNames("tr,td,th,tbody,thead,tfoot,caption,colgroup,col");
const DIV = tagNames("div");
/** Containers whose whitespace-only text nodes are source indentation. */
const BLOCK_CONTAINERS = new Set([
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "TR",
  "UL",
  "OL",
  "DL",
  "FIGURE",
  "BLOCKQUOTE",
  "TD",
  "TH",
]);

export function sanitizeContent(root: Element, baseUrl: string): void {
  for (const element of descendantsNamed(root, REMOVED)) element.remove();
  tidyStructure(root);
  for (const element of [root, ...descendantsNamed(root)]) {
    if (element.tagName === "IMG") restoreLazySource(element);
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (!KEPT_ATTRIBUTES.has(name)) {
        element.removeAttribute(attribute.name);
      } else if (name === "href" || name === "src") {
        const absolute = absoluteUrl(attribute.value, baseUrl);
        if (absolute === null) element.removeAttribute(attribute.name);
        else element.setAttribute(attribute.name, absolute);
      }
    }
  }
}

function restoreLazySource(image: Element): void {
  const current = image.getAttribute("src") ?? "";
  if (current !== "" && !current.startsWith("data:") && !/blank|loading|placeholder|grey\.gif/i.test(current))
    return;
  for (const name of LAZY_SOURCE_ATTRIBUTES) {
    const value = image.getAttribute(name);
    if (value && value.trim() !== "") {
      image.setAttribute("src", value.trim());
      return;
    }
  }
}

/** Resolves `value` against `baseUrl`; null for executable or unparsable URLs. */
function absoluteUrl(value: string, baseUrl: string): string | null {
  const trimmed = value.trim();
  if (/^\s*(javascript|vbscript):/i.test(trimmed)) return null;
  if (trimmed.startsWith("#") || /^(data|mailto|tel):/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, baseUrl).href;
  } catch {
    return null;
  }
}

/** Replaces `element` with its children. */
function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

/**
 * Leaves well-formed, compact HTML: table parts outside any table are unwrapped, a `<div>` holding
 * nothing but one other `<div>` is collapsed, and indentation between blocks is dropped.
 */
function tidyStructure(root: Element): void {
  for (const part of descendantsNamed(root, TABLE_PARTS)) {
    const table = part.parentElement ? closestNamed(part.parentElement, "table") : null;
    if (!table || !root.contains(table)) unwrap(part);
  }
  for (const element of [root, ...descendantsNamed(root)]) {
    // Only between blocks: the space in `<div><a>Hello</a> <a>World</a></div>` is a word space.
    if (!BLOCK_CONTAINERS.has(element.tagName)) continue;
    if (![...element.children].every((child) => isBlockTag(child.tagName))) continue;
    for (const child of [...element.childNodes]) {
      if (child.nodeType === 3 && (child.nodeValue ?? "").trim() === "") child.remove();
    }
  }
  for (const div of descendantsNamed(root, DIV).reverse()) {
    const only = div.childNodes.length === 1 ? div.firstElementChild : null;
    if (only && only.tagName === "DIV") unwrap(only);
  }
}
