/**
 * `--render auto`: decides from the static page whether it needs a browser. Rendering costs about ten
 * times a fetch, so a page is rendered only when the fetched HTML shows that JavaScript fills in what we
 * read from it:
 *
 * 1. a known counter script: DedeCMS `plus/count.php`, PHPCMS `api.php?op=count`, EmpireCMS
 *    `e/public/ViewClick`, PowerEasy `GetHits.aspx`, VSB `_showDynClicks(…)`, or any script endpoint named
 *    like a counter (`hits.php`, `count.asp`, …), as `<script src>` or called from an inline script;
 * 2. an empty counter element (`<span id="hits"></span>`, `<em class="view-count"></em>`), or one holding a
 *    placeholder (`--`, `...`, `加载中`, or `0` on a page with scripts);
 * 3. a view-count label with no number next to it (`点击：次`, `浏览次数：`, `Views:`, `点击：加载中`), or with
 *    only a script's placeholder `0` (`点击：<span id="hits">0</span>`), found with the byline scanner's
 *    label vocabulary so that what triggers a render is what the views extractor reads after it;
 * 4. no main text while scripts are present: a shell that the browser builds (`<div id="app"></div>`);
 *    a page listing article links was written by the server, so a short listing page is no shell;
 * 5. the adapter renders the site (`always`) or never does (`never`).
 *
 * Rules 1–3 are about the view count only, so they stand down when the static page already shows one
 * (`views` in the hints): a count script beside a printed count is just the site's own tally. A counter
 * script inside a hidden element only counts the visit and displays nothing, so it is ignored too. So is
 * whatever sits in the page's furniture (footer, navigation, sidebars; the byline scanner's boilerplate
 * markers), where a generic counter is the site's visitor tally (`您是本站第…位访问者`, `总访问量：`), which
 * the views extractor would not read: only the CMS article counters of rule 1 are taken anywhere.
 *
 * Pure: reads the parsed static document (scripts not run) and the generic extractor's answers (asking
 * the views extractor itself when not given them), never changes the document.
 *
 * @example
 *   const decision = decideRender(document, { views: metadata.views, mainText: content?.text ?? null });
 *   // → { render: true, reasons: ["counter script /plus/count.php?view=yes&aid=17&mid=1 (DedeCMS)"] }
 */
import { BYLINE_LABELS, parseBylineText } from "../extract/metadata/byline-labels.js";
import { isInBoilerplate } from "../extract/metadata/page-lines.js";
import { extractViews } from "../extract/metadata/views.js";
import { hasZeroPlaceholder } from "../extract/metadata/views-placeholder.js";

export interface RenderDecision {
  render: boolean;
  /** Why, one short phrase per rule that fired (also given when `render` is false by the adapter). */
  reasons: string[];
}

export interface RenderHints {
  /** The view count the generic extractor read from the static page; a number means none is missing. */
  views?: number | null;
  /** The main text found on the static page (null: none); when not given, the body text is measured. */
  mainText?: string | null;
  /** The adapter's rendering for this site; `auto` or unset leaves it to the rules. */
  adapter?: "never" | "auto" | "always";
}

const GENERIC_COUNTER = "counter endpoint";

/** Script URLs (or inline code) that fetch or write a view count, by the CMS that uses them. */
export const COUNTER_SCRIPTS: ReadonlyArray<{ cms: string; pattern: RegExp }> = [
  { cms: "DedeCMS", pattern: /\/plus\/count\.php/i },
  { cms: "PHPCMS", pattern: /\bapi\.php\?(?:[^"'\s<>]*?&(?:amp;)?)?op=count\b/i },
  { cms: "EmpireCMS", pattern: /\/e\/public\/ViewClick\b/i },
  { cms: "PowerEasy", pattern: /\/GetHits\.aspx?\b/i },
  { cms: "VSB", pattern: /\b_showDynClicks\s*\(/ },
  {
    cms: GENERIC_COUNTER,
    // A counter word as the whole file name, or after a verb or a content word (`GetHits`, `articlehits`,
    // `add_click`); never inside another word (`account.php`, `preview.php`).
    pattern:
      /\/(?:(?:get|add|show|update|article|news|info|doc|content|page|post)[-_]?)?(?:hits?|hit[-_]?count|counts?|counter|clicks?|click[-_]?count|views?|view[-_]?count|visits?|visit[-_]?count|pv)\.(?:php|aspx?|jsp|do|ashx|action)\b/i,
  },
];

/**
 * id or class names of elements that hold a view count: a bare counter word, or a plural one after a
 * prefix (`post-views`, `news_hits`). A prefixed singular (`fixed-view`, `list-view`) names a layout.
 */
const COUNTER_ELEMENT_NAME =
  /^(?:hits?|views?|clicks?|pv|visits?|(?:view|click|read|visit|browse)[-_]?(?:count|num|times)|(?:[a-z]+[-_])(?:hits|views|clicks|visits|pv|(?:view|click|read|visit)[-_]?(?:count|num|times)))$/i;

/** Elements that hold a count inline; an empty block (`div`, `td`) is layout far more often. */
const COUNTER_ELEMENT_TAGS = new Set([
  "span",
  "em",
  "i",
  "b",
  "strong",
  "font",
  "label",
  "var",
  "ins",
  "small",
]);

/** Block-level ancestors that bound a "line" of text for the label rule. */
const LINE_TAGS = new Set([
  "p",
  "div",
  "li",
  "td",
  "th",
  "dd",
  "dt",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "footer",
  "section",
  "article",
  "aside",
  "body",
]);

/** Longer text around a views label is prose or a whole page region, not a byline. */
const MAX_LINE_CHARS = 200;

/** Below this much main text, a page with scripts is taken for a shell the browser fills. */
const MIN_MAIN_TEXT_CHARS = 50;
/** The same, measured over the body's text outside links, when the caller has no main text. */
const MIN_BODY_TEXT_CHARS = 80;

const NON_TEXT_TAGS = new Set(["script", "style", "noscript", "template"]);
const JS_TYPES =
  /^(?:|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const VIEWS_LABEL = new RegExp(BYLINE_LABELS.views.map(escapeRegExp).join("|"), "i");
/** Fields whose labels make a line a byline, so a bare `阅读` in it is a views label, not a nav link. */
const BYLINE_FIELDS = new Set(["published", "author", "source"]);

export function decideRender(document: Document, hints: RenderHints = {}): RenderDecision {
  if (hints.adapter === "always") return { render: true, reasons: ["the site's adapter renders every page"] };
  if (hints.adapter === "never") return { render: false, reasons: ["the site's adapter never renders"] };

  const scripts = executableScripts(document);
  const reasons: string[] = [];
  // Furniture is judged around the headline, as the views extractor does: a template that wraps the
  // whole page in a `nav-…` or `foot-…` container does not put the article's counter in it.
  const headline = document.querySelector("h1");
  const inFurniture = (element: Element): boolean => isInBoilerplate(element, headline);
  if (hints.views === null || hints.views === undefined) {
    const labels = scanViewsLabels(document, inFurniture);
    // Without the extractor's answer, a labelled number on the page is the sign that the views are there;
    // when the lines show none but a counter is missing, the extractor is asked (it also reads a count in
    // the next table cell, `<td>点击数：</td><td>1234</td>`), only then since it walks the whole page.
    if (hints.views === null || !labels.counted) {
      const missing = [
        ...counterScriptReasons(scripts, inFurniture),
        ...emptyCounterReasons(document, scripts, inFurniture),
        ...labels.emptyReasons,
      ];
      if (missing.length > 0 && (hints.views === null || extractViews(document) === null)) {
        reasons.push(...missing);
      }
    }
  }
  const shell = shellReason(document, scripts, hints.mainText, inFurniture);
  if (shell) reasons.push(shell);
  return { render: reasons.length > 0, reasons: [...new Set(reasons)] };
}

function executableScripts(document: Document): HTMLScriptElement[] {
  return Array.from(document.querySelectorAll("script")).filter((script) =>
    JS_TYPES.test((script.getAttribute("type") ?? "").trim()),
  );
}

function counterScriptReasons(
  scripts: HTMLScriptElement[],
  inFurniture: (element: Element) => boolean,
): string[] {
  const reasons: string[] = [];
  for (const script of scripts) {
    // Hidden: it only counts the visit. A number right after it: written already (a saved, rendered page).
    if (isHidden(script) || /^\s*\d/.test(adjacentText(script, "next"))) continue;
    const src = script.getAttribute("src");
    const code = src ?? script.textContent ?? "";
    // Inline code names a counter endpoint for other reasons too (a stats beacon written as an <img>), so
    // only the known CMS calls count there.
    const candidates = src
      ? COUNTER_SCRIPTS
      : COUNTER_SCRIPTS.filter((counter) => counter.cms !== GENERIC_COUNTER);
    const counter = candidates.find(({ pattern }) => pattern.test(code));
    if (!counter || (counter.cms === GENERIC_COUNTER && inFurniture(script))) continue;
    reasons.push(src ? `counter script ${src} (${counter.cms})` : `inline counter call (${counter.cms})`);
  }
  return reasons;
}

function emptyCounterReasons(
  document: Document,
  scripts: HTMLScriptElement[],
  inFurniture: (element: Element) => boolean,
): string[] {
  const reasons: string[] = [];
  for (const element of Array.from(document.querySelectorAll("[id], [class]"))) {
    if (!COUNTER_ELEMENT_TAGS.has(element.localName) || element.closest("head")) continue;
    const names = [element.id, ...Array.from(element.classList)].filter((name) =>
      COUNTER_ELEMENT_NAME.test(name),
    );
    if (names.length === 0 || !isPlaceholder(textOf(element), scripts) || inFurniture(element)) continue;
    // `<i class="view"></i> 1,024`: an icon before its number, not an empty slot.
    const next = adjacentText(element, "next");
    if (/^\s*\d/.test(next) || TRAILING_NUMBER.test(adjacentText(element, "previous"))) continue;
    reasons.push(
      `empty counter element ${element.localName}${element.id ? `#${element.id}` : `.${names[0]}`}`,
    );
  }
  return reasons;
}

/** What templates print where a script will write the count: nothing, dashes, dots, "loading". */
const PLACEHOLDER_TEXT = /^(?:|-{1,3}|\.{2,3}|…+|加载中\.*|载入中\.*|loading\.*)$/i;

/** An empty slot, a placeholder, or a `0` on a page whose scripts may fill it. */
function isPlaceholder(text: string, scripts: HTMLScriptElement[]): boolean {
  return PLACEHOLDER_TEXT.test(text) || (text === "0" && scripts.length > 0);
}

/** A number ending the text before an icon, not the end of a date or time (`2024-04-20`, `09:30`). */
const TRAILING_NUMBER = /(?:^|[^\d\-/.:年月])\d[\d,，]*(?:\.\d+)?\s*(?:万|w|千|k)?\s*$/i;

interface ViewsLabelScan {
  /** Some views label on the page has its number next to it. */
  counted: boolean;
  /** One reason per views label standing without a number. */
  emptyReasons: string[];
}

/** Views labels in short lines, read with the byline scanner's parser (elements joined by spaces). */
function scanViewsLabels(document: Document, inFurniture: (element: Element) => boolean): ViewsLabelScan {
  const scan: ViewsLabelScan = { counted: false, emptyReasons: [] };
  if (!document.body) return scan;
  const seenLines = new Set<Element>();
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !VIEWS_LABEL.test(node.nodeValue ?? "")) continue;
    // A label word in a link is navigation (a 阅读 tab, 点击排行), never the page's count.
    if (parent.closest("a, script, style, noscript, template")) continue;
    const line = lineOf(parent);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    if (inFurniture(line)) continue;
    const text = textOf(line);
    if (text.length > MAX_LINE_CHARS) continue;
    const hits = parseBylineText(text);
    const inByline = hits.some((hit) => BYLINE_FIELDS.has(hit.field));
    for (const hit of hits) {
      // A bare label word is a views label in a byline, when it opens its line (`阅读 539`), when its
      // value is bracketed (`阅读(<span></span>)`) or when a unit stands alone before it, where the count
      // would be (`2024-04-20 <span id="hits"></span> 人阅读`).
      const bracketed = /^[(（[]/.test(hit.value);
      const unitBefore = /(?:^|\s)(?:次|人次|人)$/.test(hit.before);
      const labelled = hit.hasColon || inByline || hit.start === 0 || bracketed || unitBefore;
      if (hit.field !== "views" || !labelled) continue;
      if (/^[\s(（[:：]*0(?![\d.,，])/.test(hit.value) && hasZeroPlaceholder(line)) {
        scan.emptyReasons.push(`views label ${hit.label} with a placeholder 0`);
      } else if (hasCount(hit.value, hit.before, hit.hasColon)) scan.counted = true;
      else if (hit.hasColon || isUnitOnly(withoutPlaceholder(hit.value))) {
        scan.emptyReasons.push(`views label ${hit.label}${hit.hasColon ? "：" : ""} with no number`);
      }
    }
  }
  return scan;
}

function shellReason(
  document: Document,
  scripts: HTMLScriptElement[],
  mainText: string | null | undefined,
  inFurniture: (element: Element) => boolean,
): string | null {
  const hasScripts = scripts.some(
    (script) => script.hasAttribute("src") || (script.textContent ?? "").length > 200,
  );
  if (!hasScripts) return null;
  if (mainText !== undefined) {
    const chars = (mainText ?? "").replace(/\s+/g, "").length;
    if (chars >= MIN_MAIN_TEXT_CHARS) return null;
    return `no main text (${chars} characters) and ${scripts.length} scripts`;
  }
  const body = document.body;
  if (body && listsHeadlines(body, inFurniture)) return null;
  const chars = body ? textOf(body, true).replace(/\s+/g, "").length : 0;
  if (chars >= MIN_BODY_TEXT_CHARS) return null;
  return `almost no text (${chars} characters) and ${scripts.length} scripts`;
}

/** A link this long reads as an article title, not a menu entry (`首页`, `通知公告`, `English`). */
const MIN_HEADLINE_LINK_CHARS = 8;
/** This many article-title links make a listing page: text the server wrote, however short. */
const MIN_LISTED_HEADLINES = 3;

/**
 * Whether the page lists articles: long link texts outside the page's furniture. A listing page
 * (`<ul class="news-list"><li><a>县图书馆新馆开放…</a>`) is built by the server, even with a script in its
 * template, while a shell's links are its menu, short or inside `<nav>`.
 */
function listsHeadlines(body: Element, inFurniture: (element: Element) => boolean): boolean {
  let headlines = 0;
  for (const link of Array.from(body.querySelectorAll("a"))) {
    const text = (link.textContent ?? "").replace(/\s+/g, "");
    if (text.length < MIN_HEADLINE_LINK_CHARS || inFurniture(link)) continue;
    if (++headlines >= MIN_LISTED_HEADLINES) return true;
  }
  return false;
}

/**
 * A number right after the label (`点击：1,024`, `阅读（90800）`), or right before a label without a colon
 * (`1164次阅读`, `1164 阅读`). Text before the label is the previous value, so a date there is not a count.
 */
function hasCount(value: string, before: string, hasColon: boolean): boolean {
  if (/^[\s(（[:：]*\d/.test(value)) return true;
  if (value !== "" || hasColon) return false;
  return WHOLE_COUNT.test(before) || TRAILING_COUNT_WITH_UNIT.test(before);
}

/** All of the text before the label is a count: `1164`, `1.2万`, `539次`. */
const WHOLE_COUNT = /^\d[\d,，]*(?:\.\d+)?\s*(?:万|w|千|k)?\s*(?:次|人次|人)?$/i;
/** Text ending in a count with its unit, not part of a date or time: `… 1164次`. */
const TRAILING_COUNT_WITH_UNIT =
  /(?:^|[^\d\-/.:年月])\d[\d,，]*(?:\.\d+)?\s*(?:万|w|千|k)?\s*(?:次|人次|人)$/i;

/** The value without brackets and a placeholder in them: `(--)` and `加载中 次` leave `` and `次`. */
function withoutPlaceholder(value: string): string {
  const inner = value
    .trim()
    .replace(/^[(（[]\s*(.*?)\s*[)）\]]/, "$1")
    .trim();
  const placeholder = /^(?:-{1,3}|\.{2,3}|…+|加载中\.*|载入中\.*|loading\.*)(?=\s|$|次|人)/i.exec(inner);
  return placeholder ? inner.slice(placeholder[0].length) : inner;
}

/** Nothing but a unit where the number should be: `` or `次` or `人次` or `views`. */
function isUnitOnly(value: string): boolean {
  return /^(?:次|人次|人|次浏览|次阅读|views?|hits?|reads?)?$/i.test(value.trim());
}

/**
 * The element's text without script/style text (and without link text when asked), with a space between
 * elements and whitespace collapsed.
 */
function textOf(element: Element, skipLinks = false): string {
  const parts: string[] = [];
  const collect = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? "");
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).localName;
      if (NON_TEXT_TAGS.has(tag) || (skipLinks && tag === "a")) continue;
      parts.push(" ");
      collect(child);
      parts.push(" ");
    }
  };
  collect(element);
  return parts.join("").replace(/\s+/g, " ").trim();
}

function lineOf(element: Element): Element {
  let current: Element | null = element;
  while (current && !LINE_TAGS.has(current.localName)) current = current.parentElement;
  return current ?? element;
}

function adjacentText(element: Element, side: "next" | "previous"): string {
  const sibling = side === "next" ? element.nextSibling : element.previousSibling;
  return sibling ? (sibling.nodeType === 3 ? (sibling.nodeValue ?? "") : (sibling.textContent ?? "")) : "";
}

/** Inside an element the page hides: a script there counts the visit without showing the count. */
function isHidden(element: Element): boolean {
  for (let current = element.parentElement; current; current = current.parentElement) {
    if (current.hasAttribute("hidden")) return true;
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(current.getAttribute("style") ?? "")) return true;
  }
  return false;
}
