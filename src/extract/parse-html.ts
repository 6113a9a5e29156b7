/**
 * HTML text → DOM `Document`, the one place that knows which DOM implementation caiji uses.
 *
 * Two implementations, chosen per call (`dom`), else by `$CAIJI_DOM`, else `defaultDom` (linkedom):
 * - jsdom: a spec-complete HTML5 parser; Readability is developed against it. Two traps handled here: jsdom
 *   throws on some CSS, so the constructor is guarded and retried without `<style>` blocks; and a window
 *   that is never closed keeps its timers and memory, so callers `dispose()` when done.
 * - linkedom: about ten times faster to parse and to walk (see docs/performance.md), but it builds no
 *   implied `<html>`/`<head>`/`<body>`, knows no base URL, reads `title` only from `<head>` and keeps
 *   `createElement("DIV")` upper-case. `repairSkeleton` builds the skeleton; the document is given the
 *   page's URL as `baseURI`/`documentURI`, jsdom's `title` rule and lower-casing `createElement`.
 */
import { createRequire } from "node:module";
import type { JSDOM, VirtualConsole } from "jsdom";
import { parseHTML } from "linkedom";
import { repairSkeleton } from "./repair-skeleton.js";

export interface ParsedDocument {
  document: Document;
  /** Frees the window; the document must not be used afterwards. */
  dispose(): void;
}

export type DomName = "jsdom" | "linkedom";

export interface ParseOptions {
  /** @default `$CAIJI_DOM`, else `defaultDom` */
  dom?: DomName;
}

/** The environment variable that picks the DOM when the caller does not. */
export const domEnvVar = "CAIJI_DOM";

/**
 * linkedom, chosen by measurement (docs/performance.md): `caiji eval` scores on cwced, gne and aeb are within
 * .0002 of jsdom's (body F1 .9602 vs .9600 on cwced, identical on gne and aeb), and a page costs 4–5 times
 * less CPU (parse ~10×, content extraction ~4×). `CAIJI_DOM=jsdom` brings jsdom back.
 */
export const defaultDom: DomName = "linkedom";

/** jsdom takes about a second and tens of MB to load: loaded on first use only (it is not the default). */
let jsdomModule: { JSDOM: typeof JSDOM; silentConsole: VirtualConsole } | undefined;
function loadJsdom(): NonNullable<typeof jsdomModule> {
  if (!jsdomModule) {
    const jsdom = createRequire(import.meta.url)("jsdom") as typeof import("jsdom");
    jsdomModule = { JSDOM: jsdom.JSDOM, silentConsole: new jsdom.VirtualConsole() };
  }
  return jsdomModule;
}

/** Parses `html` as if it had been served from `url` (relative links resolve against it). */
export function parseHtml(html: string, url: string, options: ParseOptions = {}): ParsedDocument {
  const dom = resolveDomName(options.dom ?? process.env[domEnvVar]);
  return dom === "linkedom" ? parseWithLinkedom(html, safeUrl(url)) : parseWithJsdom(html, safeUrl(url));
}

/** Checks a DOM name; an empty or missing one means the default. */
export function resolveDomName(name: string | undefined): DomName {
  const trimmed = name?.trim();
  if (!trimmed) return defaultDom;
  if (trimmed === "jsdom" || trimmed === "linkedom") return trimmed;
  throw new Error(`unknown DOM "${trimmed}": expected jsdom or linkedom`);
}

function parseWithJsdom(html: string, url: string): ParsedDocument {
  let dom: JSDOM;
  try {
    dom = constructJsdom(html, url);
  } catch {
    dom = constructJsdom(html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/\sstyle="[^"]*"/gi, ""), url);
  }
  return { document: dom.window.document, dispose: () => dom.window.close() };
}

function constructJsdom(html: string, url: string): JSDOM {
  const { JSDOM, silentConsole } = loadJsdom();
  return new JSDOM(html, {
    url,
    contentType: "text/html",
    virtualConsole: silentConsole,
    // Scripts never run here: rendering is the browser fetcher's job.
    runScripts: undefined,
    pretendToBeVisual: false,
  });
}

function parseWithLinkedom(html: string, url: string): ParsedDocument {
  const document = parseHTML(html).document as unknown as Document;
  repairSkeleton(document);
  // jsdom's rule: the first <base href>, resolved against the page URL, else the page URL.
  const baseHref = document.querySelector("base[href]")?.getAttribute("href");
  const baseUri = (baseHref && resolveOrNull(baseHref, url)) || url;
  // An HTML document lower-cases the names it creates (Readability asks for "DIV"); linkedom keeps them as
  // given, and would write `<DIV>` into the record's html.
  const createElement = document.createElement.bind(document);
  Object.defineProperties(document, {
    createElement: {
      value: (name: string, options?: ElementCreationOptions) => createElement(name.toLowerCase(), options),
      configurable: true,
    },
    baseURI: { value: baseUri, configurable: true },
    documentURI: { value: url, configurable: true },
    URL: { value: url, configurable: true },
    title: { get: titleReader(document), configurable: true },
  });
  // No window, timers or resources: the garbage collector frees the tree.
  return { document, dispose: () => {} };
}

/**
 * jsdom's rule for `document.title`: the first `<title>` anywhere, whitespace collapsed (linkedom looks only
 * in `<head>`, and walks the whole tree on every read). Metadata reads the title once per candidate headline,
 * so the element is remembered while it stays in the document.
 */
function titleReader(document: Document): () => string {
  let title: Element | null = null;
  return () => {
    if (!title?.isConnected) title = firstTitle(document);
    return (title?.textContent ?? "").replace(/[\t\n\f\r ]+/g, " ").trim();
  };
}

/**
 * `getElementsByTagName("title")[0]` (template content included), stopping at the first: linkedom's
 * `getElementsByTagName` lists every match and upper-cases the name of every element on the way.
 */
function firstTitle(document: Document): Element | null {
  for (let top = document.firstElementChild; top; top = top.nextElementSibling) {
    let element: Element | null = top;
    while (element) {
      if (element.localName === "title") return element;
      element = element.firstElementChild ?? nextOutside(element, top);
    }
  }
  return null;
}

/** The element after `element`'s subtree in document order, within `root`. */
function nextOutside(element: Element, root: Element): Element | null {
  for (let current: Element | null = element; current && current !== root; current = current.parentElement) {
    const sibling = current.nextElementSibling;
    if (sibling) return sibling;
  }
  return null;
}

function resolveOrNull(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** jsdom rejects URLs it cannot parse; fall back to a neutral base rather than failing the page. */
function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return "http://localhost/";
  }
}
