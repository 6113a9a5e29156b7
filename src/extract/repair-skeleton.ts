/**
 * Gives a linkedom document the `<html><head/><body/></html>` skeleton an HTML5 parser always builds.
 *
 * linkedom parses with htmlparser2, which builds no implied elements: a page that opens with `<form>` or
 * `<table>` gets that element as its root, and a page with a stray `<div>` or `<script>` between `</head>` and
 * `<body>` gets a `body` getter that creates a fresh, empty body (its rule is "the element right after
 * head"). Readability then throws or finds nothing. This moves nodes where the HTML5 tree-construction rules
 * put them: metadata elements before any content into `<head>`, everything else into `<body>` in document
 * order (content seen before an explicit `<body>` opens it, as a browser does). An `<html>`, `<head>` or
 * `<body>` tag anywhere else (a page wrapped in another element, a second `<body>`) is dropped and its
 * children kept where they are, which is what a browser does with such tags inside the body.
 */

/** Elements the HTML5 parser keeps in `<head>` when they come before any content. */
const HEAD_TAGS = new Set(["TITLE", "META", "LINK", "STYLE", "BASE", "SCRIPT", "NOSCRIPT", "TEMPLATE"]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_TYPE_NODE = 10;

/** Modifies `document` in place; a document that already has the skeleton is left untouched. */
export function repairSkeleton(document: Document): void {
  const marks = skeletonMarks(document);
  if (marks.length === 3 && hasSkeleton(document)) return;
  const existingRoot = [...document.children].find(isElementNamed("HTML"));
  const skeletonParent: ParentNode = existingRoot ?? document;
  const isOwnPart = (element: Element) =>
    element === existingRoot ||
    (element.parentNode === skeletonParent && element.tagName !== "HTML" && firstOfItsName(element));
  for (const element of marks) if (!isOwnPart(element)) element.replaceWith(...element.childNodes);
  const topLevel = [...document.childNodes].filter((node) => node.nodeType !== DOCUMENT_TYPE_NODE);
  const root = existingRoot ?? document.createElement("html");
  // Nodes outside an existing <html> belong inside it, in order.
  const nodes = existingRoot
    ? [
        ...topLevel.slice(0, topLevel.indexOf(existingRoot)),
        ...root.childNodes,
        ...topLevel.slice(topLevel.indexOf(existingRoot) + 1),
      ]
    : topLevel;
  const head = (nodes.find(isElementNamed("HEAD")) as Element | undefined) ?? document.createElement("head");
  const body = (nodes.find(isElementNamed("BODY")) as Element | undefined) ?? document.createElement("body");
  const beforeBody: Node[] = [];
  let bodySeen = false;
  let contentSeen = false;
  for (const node of nodes) {
    if (node === head) continue;
    if (node === body) {
      bodySeen = true;
      continue;
    }
    if (!bodySeen && !contentSeen && isHeadMaterial(node)) {
      if (node.nodeType === ELEMENT_NODE) head.append(node);
      continue;
    }
    contentSeen = true;
    if (bodySeen) body.append(node);
    else beforeBody.push(node);
  }
  body.prepend(...beforeBody);
  root.replaceChildren(head, body);
  if (!existingRoot) document.append(root);
}

/**
 * Every `<html>`, then every `<head>`, then every `<body>` element, each in document order, as three
 * `getElementsByTagName` calls list them, but in one walk (linkedom's `getElementsByTagName` upper-cases
 * the name of every element it passes). The tree walker, like `getElementsByTagName`, enters templates.
 */
function skeletonMarks(document: Document): Element[] {
  const html: Element[] = [];
  const head: Element[] = [];
  const body: Element[] = [];
  const note = (element: Element): void => {
    const name = element.localName;
    if (name === "html") html.push(element);
    else if (name === "head") head.push(element);
    else if (name === "body") body.push(element);
  };
  for (let top = document.firstElementChild; top; top = top.nextElementSibling) {
    note(top);
    const walker = document.createTreeWalker(top, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) note(node as Element);
  }
  return [...html, ...head, ...body];
}

/** The common case, checked first so that well-formed pages cost nothing. */
function hasSkeleton(document: Document): boolean {
  const root = document.documentElement;
  if (root?.tagName !== "HTML") return false;
  if (document.children.length !== 1) return false;
  const children = root.children;
  if (children.length !== 2 || children[0]?.tagName !== "HEAD" || children[1]?.tagName !== "BODY")
    return false;
  for (const node of root.childNodes)
    if (node.nodeType === TEXT_NODE && node.textContent?.trim()) return false;
  return true;
}

/** Metadata elements, comments and whitespace: what may sit before the body without opening it. */
function isHeadMaterial(node: Node): boolean {
  if (node.nodeType === ELEMENT_NODE) return HEAD_TAGS.has((node as Element).tagName);
  if (node.nodeType === TEXT_NODE) return !node.textContent?.trim();
  return true;
}

/** The first HEAD (or BODY) among its siblings: a second one is a stray tag. */
function firstOfItsName(element: Element): boolean {
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling)
    if (sibling.tagName === element.tagName) return false;
  return true;
}

function isElementNamed(tagName: string): (node: Node) => boolean {
  return (node) => node.nodeType === ELEMENT_NODE && (node as Element).tagName === tagName;
}
