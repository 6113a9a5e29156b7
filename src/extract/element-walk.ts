/**
 * Element lookups by tag name, without CSS selectors.
 *
 * linkedom compiles the selector (css-select) on every `querySelector`, `querySelectorAll`, `matches` and
 * `closest` call: 3–60 µs for a tag list, far more than the walk when the subtree is one paragraph. The
 * content steps ask such questions of every block or element, so they walk the tree here instead. Names
 * are compared in lower case, as an HTML document's type selectors compare them, and like
 * `querySelectorAll` the walks never enter a `<template>` (linkedom keeps its content in the tree, a
 * browser and jsdom do not).
 */

/** A set of lower-case tag names. */
export type TagNames = ReadonlySet<string>;

/** The names of a comma-separated list, as a selector list of tags writes them (`"p,div"`). */
export function tagNames(list: string): TagNames {
  return new Set(list.split(",").map((name) => name.trim().toLowerCase()));
}

/** True when `element`'s tag is one of `names` (`element.matches("p,div")`). */
export function isNamed(element: Element, names: TagNames): boolean {
  return names.has(element.localName.toLowerCase());
}

/**
 * The element after `element` in document order under `root`, or null at the end: iterative, since a
 * malformed page can nest thousands of unclosed tags.
 */
function nextElement(element: Element, root: Element): Element | null {
  const first =
    element !== root && element.localName.toLowerCase() === "template" ? null : element.firstElementChild;
  if (first) return first;
  for (let current: Element | null = element; current && current !== root; current = current.parentElement) {
    const sibling = current.nextElementSibling;
    if (sibling) return sibling;
  }
  return null;
}

/** The first descendant of `root` named in `names`, in document order (`root.querySelector`). */
export function firstDescendantNamed(root: Element, names: TagNames): Element | null {
  for (let element = nextElement(root, root); element; element = nextElement(element, root))
    if (isNamed(element, names)) return element;
  return null;
}

/** True when some descendant of `root` is named in `names` (`root.querySelector(…) !== null`). */
export function hasDescendantNamed(root: Element, names: TagNames): boolean {
  return firstDescendantNamed(root, names) !== null;
}

/** The descendants of `root` named in `names` (every element when `names` is omitted), in document order. */
export function descendantsNamed(root: Element, names?: TagNames): Element[] {
  // A tree walker, not `nextElement`: linkedom answers it from its flat list of nodes, the fastest way
  // through a whole page. It does enter templates, so their content is skipped here.
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  const found: Element[] = [];
  let template: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    if (template) {
      if (template.contains(element)) continue;
      template = null;
    }
    if (!names || isNamed(element, names)) found.push(element);
    if (element.localName.toLowerCase() === "template") template = element;
  }
  return found;
}

/** `element` or its nearest ancestor named `name` (`element.closest(name)`). */
export function closestNamed(element: Element, name: string): Element | null {
  for (let current: Element | null = element; current; current = current.parentElement)
    if (current.localName.toLowerCase() === name) return current;
  return null;
}

/** Every element of `document` named in `names` (`document.querySelectorAll`). */
export function documentElementsNamed(document: Document, names: TagNames): Element[] {
  const root = document.documentElement;
  if (!root) return [];
  return isNamed(root, names) ? [root, ...descendantsNamed(root, names)] : descendantsNamed(root, names);
}
