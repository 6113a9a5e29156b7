/**
 * Removes page chrome before any content scoring runs.
 *
 * Readability already skips "unlikely candidates", but its word lists are English and it keeps a
 * `<div id="footer">` whose text happens to score. Chinese portal templates name their chrome plainly
 * (`nav`, `header`, `footer`, `copyright`, `breadcrumb`, `share`), so those go first. The guard matters
 * more than the list: some templates wrap the whole page in `<div class="page has-header">` or put the
 * body inside a `<header>`-named cell, so an element holding half the page's text or a good share of
 * its sentences is kept, whatever its name. Names that are chrome even when full of sentences (a long
 * comment thread, a footer of legal text) need more: the element must hold the article's title.
 */
import { isNamed, tagNames } from "../element-walk.js";
import { readingLength } from "./normalize-text.js";

/** Never content: removed wherever they are. */
const NEVER_CONTENT = tagNames(
  "script,style,noscript,template,object,embed,applet,select,textarea,button,input",
);

/** Tags that are page chrome by definition. */
const CHROME_TAGS = new Set(["NAV", "HEADER", "FOOTER", "ASIDE"]);

/**
 * Class/id words that name page chrome. Matched against whole tokens split at `-`, `_`, digits or case
 * changes, so `footer_box`, `main-nav` and `topNav` match but `subheading` does not.
 */
const CHROME_WORDS = new Set([
  "nav", "navbar", "navi", "menu", "menubar", "topbar", "toolbar", "header", "footer", "foot", "copyright",
  "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar", "share", "sharebar", "bdshare", "comment",
  "comments", "login", "search", "friendlink", "gotop", "backtop", "totop", "qrcode",
]); // biome-ignore format: a vocabulary reads better packed

/**
 * Words that name chrome even when it is full of sentences (a long comment thread, a footer with a
 * paragraph of legal text): such an element is kept only when it holds the article's title.
 */
const STRONG_CHROME_WORDS = new Set([
  "comment",
  "comments",
  "reply",
  "replies",
  "footer",
  "copyright",
  "friendlink",
]);

/** Sentence ends: an element holding many of the page's sentences is body text, whatever its name. */
const SENTENCE_ENDS = /[。！？]|[.!?](?=\s)/g;
/** An element with at least this share of the page's sentence ends is never treated as chrome. */
const MAX_SENTENCE_SHARE = 0.2;
/** …and at least this many sentence ends (a footer may have one or two). */
const MIN_PROTECTED_SENTENCES = 3;
/** An element with this share of the page's text is a wrapper (`<div class="page has-header">`). */
const WRAPPER_SHARE = 0.5;
/** With no title to look for, a strongly named element is still kept when it holds this much. */
const UNTITLED_STRONG_SHARE = 0.8;

function countSentences(text: string): number {
  return text.match(SENTENCE_ENDS)?.length ?? 0;
}

/** The words of class and id names, split once per distinct name string of a page. */
type WordCache = Map<string, string[]>;

function chromeWords(element: Element, cache: WordCache): string[] {
  const names = `${element.id} ${element.getAttribute("class") ?? ""}`;
  let words = cache.get(names);
  if (!words) {
    words = names
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word !== "");
    cache.set(names, words);
  }
  return words;
}

function looksLikeChrome(element: Element, cache: WordCache): boolean {
  if (CHROME_TAGS.has(element.tagName)) return true;
  return chromeWords(element, cache).some((word) => CHROME_WORDS.has(word));
}

/** True when `element` holds a heading that repeats the article title. */
function holdsTitle(element: Element, title: string | null): boolean {
  const compactTitle = compact(title ?? "");
  if (compactTitle === "") return false;
  return [...element.querySelectorAll("h1,h2,h3")].some(
    (heading) => compact(heading.textContent ?? "") === compactTitle,
  );
}

function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Removes scripts, styles, form controls and named page chrome from `document.body`, in place.
 * `title` (when known) protects the article container from a chrome-like name.
 */
export function preClean(document: Document, title: string | null = null): void {
  const body = document.body;
  if (!body) return;
  const { elements, comments } = scanBody(body);
  for (const element of elements) if (isNamed(element, NEVER_CONTENT)) element.remove();
  for (const comment of comments) comment.remove();

  const pageText = body.textContent ?? "";
  const pageSentences = countSentences(pageText);
  const pageLength = Math.max(1, readingLength(pageText));
  const cache: WordCache = new Map();
  const candidates = elements.filter((element) => looksLikeChrome(element, cache));
  for (const element of candidates) {
    // Also skips what went with a removed script, template or form control.
    if (!element.isConnected) continue;
    const text = element.textContent ?? "";
    const share = readingLength(text) / pageLength;
    const sentences = countSentences(text);
    const holdsProse =
      share >= WRAPPER_SHARE ||
      (sentences >= MIN_PROTECTED_SENTENCES && sentences >= pageSentences * MAX_SENTENCE_SHARE);
    if (holdsProse && !isStronglyNamed(element, cache)) continue;
    if (holdsProse && (holdsTitle(element, title) || (title === null && share >= UNTITLED_STRONG_SHARE)))
      continue;
    element.remove();
  }
}

function isStronglyNamed(element: Element, cache: WordCache): boolean {
  return (
    element.tagName === "FOOTER" || chromeWords(element, cache).some((word) => STRONG_CHROME_WORDS.has(word))
  );
}

/** The elements and comments under `body`, in one walk. */
function scanBody(body: Element): { elements: Element[]; comments: ChildNode[] } {
  const walker = body.ownerDocument.createTreeWalker(body, 1 | 128 /* SHOW_ELEMENT | SHOW_COMMENT */);
  const elements: Element[] = [];
  const comments: ChildNode[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) elements.push(node as Element);
    else comments.push(node as ChildNode);
  }
  return { elements, comments };
}
