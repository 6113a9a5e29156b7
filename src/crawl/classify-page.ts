/**
 * The generic rule that tells an article page from a list (or home) page, so a crawl without a site
 * adapter extracts records only from articles and only follows lists for links.
 *
 * An article has one main text block: a few hundred CJK characters (or words) in a handful of paragraphs
 * that share a container, few links inside it, a headline, and usually a date. A list page has many
 * headline-sized links and little text outside them: its densest text block, if any, is made of item
 * summaries that each sit beside a headline link.
 *
 * How the main block is found (after Readability's scoring, much simplified): every block element whose
 * own inline text is mostly not link text is a paragraph; each paragraph credits its parent with its text
 * and its grandparent with half of it; the best-credited element is the main block.
 *
 * Text is measured in units: one per CJK character, one per Latin word, so Chinese and English pages share
 * thresholds. Pure: reads the document, never changes it. Returns its reasons, for logs and tests.
 *
 * @example
 * const { document, dispose } = parseHtml(html, page.url);
 * const { kind, reasons } = classifyPage(document); // → { kind: "article", reasons: ["main text 812 units …", …] }
 * dispose();
 */

import { findFirstPage } from "./article-pages.js";
import type { DiscoveredLink } from "./discover-links.js";
import { normalizeUrl } from "./normalize-url.js";

export type PageKind = "article" | "list" | "other";

export interface PageClassification {
  kind: PageKind;
  reasons: string[];
  /**
   * Set when the page reads as an article but is a later page of one (`findFirstPage`): the first page,
   * whose record holds this page's text. The page's kind is then `other`.
   */
  firstPageUrl?: string;
}

export interface ClassifyPageOptions {
  /** Main-text units an article needs when it shows a headline or a date. @default 150 */
  minArticleUnits?: number;
  /**
   * Main-text units enough for a short article: its metadata says "article" (og:type, JSON-LD) or it shows a
   * headline of its own (not a link, at least 8 units), and its text block holds no headline links.
   * @default 50
   */
  minArticleUnitsWithMeta?: number;
  /**
   * Main-text units enough for a short notice: a headline of any length followed by a date, then the text
   * with no headline-sized link in between. @default 30
   */
  minNoticeUnits?: number;
  /** Headline-sized links that make a page with little main text a list. @default 8 */
  minListLinks?: number;
  /** The page's URL, for telling a later page of an article from the article. @default `document.URL` */
  url?: string;
  /** The page's links as `discoverLinks(document, url)` finds them, when the caller has them already. */
  links?: readonly DiscoveredLink[];
}

/** Elements whose text is never page content. */
const SKIP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "canvas",
  "iframe",
  "select",
  "option",
  "textarea",
  "button",
  "head",
]);

/** Elements that start a new block of text; everything else is inline and belongs to its block's text. */
const BLOCK_TAGS = new Set(
  (
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure " +
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
  ).split(" "),
);

/** Class/id tokens of the element holding an article's headline. */
const HEADLINE_CLASS =
  /(^|[\s_-])(title|headline|tit|bt|biaoti|art-?title|article-?title|news-?title|detail-?title|con-?title)([\s_-]|$)/i;

/** Dates as pages show them: 2023-01-10, 2023/1/10, 2023.01.10, 2023年1月10日. */
const DATE_PATTERN =
  /(19|20)\d{2}\s*(?:[-/.]|年)\s*(0?[1-9]|1[0-2])\s*(?:[-/.]|月)\s*(0?[1-9]|[12]\d|3[01])(?!\d)/g;

/** JSON-LD and Open Graph types that mean "one article". */
const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle)$/;
/** Meta names that only article pages carry. */
const ARTICLE_META =
  'meta[property="article:published_time"], meta[name="publishdate" i], meta[name="pubdate" i], meta[name="publish_date" i], meta[name="article:published_time"], meta[name="ArticleTitle" i]';

interface Stats {
  units: number;
  linkUnits: number;
  headlineLinks: number;
}

interface Paragraph {
  element: Element;
  units: number;
}

/** Pictures in the main block that make a page with little text per picture a gallery, not an article. */
const MIN_GALLERY_IMAGES = 4;
/** Main-text units per picture below which the pictures, not the text, are the page (one-line captions). */
const GALLERY_UNITS_PER_IMAGE = 25;
/** The most text one list item (a summary, a search snippet) holds beside its headline link. */
const MAX_ITEM_UNITS = 150;

/** Classifies a parsed page as article, list or other, with the reasons that decided it. */
export function classifyPage(document: Document, options: ClassifyPageOptions = {}): PageClassification {
  const minArticleUnits = options.minArticleUnits ?? 150;
  const minArticleUnitsWithMeta = options.minArticleUnitsWithMeta ?? 50;
  const minListLinks = options.minListLinks ?? 8;
  const minNoticeUnits = options.minNoticeUnits ?? 30;
  const body = document.body;
  if (!body) return { kind: "other", reasons: ["no body"] };

  const stats = new Map<Element, Stats>();
  const paragraphs: Paragraph[] = [];
  const page = measure(body, stats, paragraphs);
  const main = mainBlock(paragraphs);
  const mainStats = main ? (stats.get(main.element) as Stats) : undefined;
  const mainUnits = main?.units ?? 0;
  const mainHeadlineLinks = mainStats?.headlineLinks ?? 0;
  const linkDensity = page.units === 0 ? 0 : page.linkUnits / page.units;
  const found = findHeadline(document);
  const headline = found?.text ?? null;
  const dates = countDates(body);
  const meta = articleMetadata(document);

  const reasons = [
    `main text ${mainUnits} units in ${main?.paragraphs ?? 0} paragraphs${main ? ` (${describe(main.element)}, ${mainHeadlineLinks} headline links)` : ""}`,
    `${page.headlineLinks} headline-sized links, link density ${linkDensity.toFixed(2)}`,
  ];
  if (headline) reasons.push(`headline: ${headline.slice(0, 40)}`);
  if (dates > 0) reasons.push(`${dates} dates outside links`);
  if (meta) reasons.push(`metadata: ${meta}`);

  // Item summaries, each in its own wrapper beside a headline link, are a list's body, not an article's:
  // an article's paragraphs mostly share a parent, even when a few sit in boxes with related links.
  const parents = main?.parents ?? 0;
  const paragraphCount = main?.paragraphs ?? 0;
  const summaryList =
    mainHeadlineLinks >= 5 &&
    parents >= 4 &&
    mainHeadlineLinks * 2 >= parents &&
    parents * 2 >= paragraphCount;
  if (summaryList) reasons.push(`main block: ${parents} item wrappers, ${mainHeadlineLinks} headline links`);
  if (summaryList) return { kind: "list", reasons };
  // Fewer items (a tag page, a page of search results) are still a list when most of the main text sits in
  // wrappers that each carry their own headline link: an article's text shares one wrapper.
  // Only without article metadata: a listicle (`<li><a>name</a> – what it is</li>`) has the same shape.
  const items = main && meta === null ? linkedItems(main.element, paragraphs, stats) : { count: 0, units: 0 };
  if (items.count >= 3 && items.units * 10 >= mainUnits * 6) {
    reasons.push(`main block: ${items.count} items each with a headline link hold ${items.units} units`);
    return { kind: "list", reasons };
  }

  // A gallery (图集) is its pictures: one-line captions under many images add up to a short article's text.
  // The text must read as captions (a paragraph for every other picture) or be next to nothing: pictures
  // around a main block of two paragraphs are more likely an article whose text the block missed.
  const images = main ? main.element.querySelectorAll("img").length : 0;
  if (
    images >= MIN_GALLERY_IMAGES &&
    mainUnits < images * GALLERY_UNITS_PER_IMAGE &&
    mainUnits < minArticleUnits * 2 &&
    (paragraphCount * 2 >= images || mainUnits < images * 10)
  ) {
    reasons.push(`gallery: ${images} images, ${mainUnits} units of text`);
    return { kind: "other", reasons };
  }

  // A standing page of the site (关于我们, 联系我们) is named by a menu label, not a headline: a short heading
  // that is also a link's text on the page, on a page without any date or article metadata. A menu link of
  // that name to the page itself settles it even when the template stamps a date on every page.
  const label =
    headline !== null && textUnits(headline) < 8
      ? linkLabel(body, headline, options.url ?? document.URL)
      : null;
  if (label === "self" || (label === "other" && dates === 0 && meta === null)) {
    reasons.push(
      `site page: headline "${headline}" is a menu label${label === "self" ? " linking here" : ", no date"}`,
    );
    return { kind: "other", reasons };
  }

  // A short article (a flash item, a photo caption) still has a headline of its own and a text block free
  // of headline links; a section name in an <h1> is too short to count.
  const ownHeadline = headline !== null && textUnits(headline) >= 8;
  const cleanMain = mainHeadlineLinks <= 2;
  // A notice of three sentences under a short headline (停水通知) is an article when the headline is dated
  // and leads straight into the text: no headline-sized link between them, as a list would have.
  const datedHeadline = found !== null && main !== null && datedHeadlineLeadsTo(found.element, main.element);
  const datedNotice = datedHeadline && mainUnits >= minNoticeUnits && cleanMain;
  if (datedNotice) reasons.push("dated headline leads into the text");
  // A topic (专题) or section page opens with a headline and an intro, then its lists: short text under an
  // undated headline among many headline links is the page's introduction, not an article. From 150 units
  // only a single block counts: an undated article of several paragraphs beside a sidebar is still one.
  const sectionIntro =
    meta === null &&
    !datedHeadline &&
    page.headlineLinks >= minListLinks &&
    (mainUnits < minArticleUnits || (mainUnits < minArticleUnits * 2 && paragraphCount <= 1));
  if (sectionIntro && headline !== null && mainUnits >= minArticleUnitsWithMeta) {
    reasons.push("section intro: undated headline among many headline links");
  }
  // A home or section page's top story: a block of teaser text on a page of headline links, with dates but
  // no headline of its own (the story's headline is a link) and no article metadata.
  const teaser = headline === null && meta === null && page.headlineLinks >= minListLinks;
  if (teaser && dates > 0 && mainUnits >= minArticleUnits && mainUnits < minArticleUnits * 2) {
    reasons.push("teaser: no headline of its own among many headline links");
  }
  if (
    mainUnits >= minArticleUnits * 2 ||
    (mainUnits >= minArticleUnits &&
      (meta !== null || (headline !== null && !sectionIntro) || (dates > 0 && !teaser && !sectionIntro))) ||
    (mainUnits >= minArticleUnitsWithMeta &&
      cleanMain &&
      (meta !== null || (ownHeadline && !sectionIntro))) ||
    datedNotice
  ) {
    // `content_1_2.html` whose pager leads back to `content_1.html` is the article's second page: its text
    // belongs to the first page's record, not a record of its own.
    const firstPageUrl = findFirstPage(document, options.url ?? document.URL, options.links);
    if (firstPageUrl) {
      reasons.push(`later page of ${firstPageUrl}`);
      return { kind: "other", reasons, firstPageUrl };
    }
    return { kind: "article", reasons };
  }
  if (page.headlineLinks >= minListLinks) return { kind: "list", reasons };
  return { kind: "other", reasons };
}

/**
 * One pass over the tree: text and link units per element (subtree), headline-sized links per element, and
 * the paragraphs (block elements whose own inline text is mostly not link text).
 */
function measure(element: Element, stats: Map<Element, Stats>, paragraphs: Paragraph[]): Stats {
  const total: Stats = { units: 0, linkUnits: 0, headlineLinks: 0 };
  // The element's own inline text: text nodes and inline children, not nested blocks.
  let ownUnits = 0;
  let ownLinkUnits = 0;
  const isLink = element.tagName === "A" && element.hasAttribute("href");
  for (const child of element.childNodes) {
    if (child.nodeType === 3) {
      const units = textUnits(child.nodeValue ?? "");
      total.units += units;
      ownUnits += units;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const childElement = child as Element;
    const tag = childElement.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag)) continue;
    const childStats = measure(childElement, stats, paragraphs);
    total.units += childStats.units;
    total.linkUnits += childStats.linkUnits;
    total.headlineLinks += childStats.headlineLinks;
    if (!BLOCK_TAGS.has(tag)) {
      ownUnits += childStats.units;
      ownLinkUnits += childStats.linkUnits;
    }
  }
  if (isLink) {
    total.linkUnits = total.units;
    ownLinkUnits = ownUnits;
    if (total.units >= 8) total.headlineLinks += 1;
  }
  stats.set(element, total);
  const textUnitsOutsideLinks = ownUnits - ownLinkUnits;
  if (
    BLOCK_TAGS.has(element.tagName.toLowerCase()) &&
    textUnitsOutsideLinks >= 10 &&
    ownLinkUnits * 2 < ownUnits
  ) {
    paragraphs.push({ element, units: textUnitsOutsideLinks });
  }
  return total;
}

/** The element most credited by paragraphs (parent: full text, grandparent: half), with its paragraph text. */
function mainBlock(
  paragraphs: Paragraph[],
): { element: Element; units: number; paragraphs: number; parents: number } | null {
  const score = new Map<Element, number>();
  for (const { element, units } of paragraphs) {
    const parent = element.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + units);
    const grandparent = parent.parentElement;
    if (grandparent) score.set(grandparent, (score.get(grandparent) ?? 0) + units / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, value] of score) {
    if (value > bestScore) {
      best = element;
      bestScore = value;
    }
  }
  if (!best) return null;
  let units = 0;
  let count = 0;
  const parents = new Set<Element>();
  for (const { element, units: value } of paragraphs) {
    const parent = element.parentElement;
    if (parent && (parent === best || parent.parentElement === best)) {
      units += value;
      count++;
      parents.add(parent);
    }
  }
  return { element: best, units, paragraphs: count, parents: parents.size };
}

/**
 * The main block's items: wrappers (a paragraph's parent below the main block, or the paragraph itself)
 * holding a summary-sized paragraph and one or two headline links of their own, counted once each, with the
 * paragraph text they hold. Only the paragraphs the main block was credited with (children, grandchildren).
 */
function linkedItems(
  main: Element,
  paragraphs: Paragraph[],
  stats: Map<Element, Stats>,
): { count: number; units: number } {
  const wrappers = new Map<Element, number>();
  for (const { element, units } of paragraphs) {
    const parent = element.parentElement;
    if (!parent || (parent !== main && parent.parentElement !== main)) continue;
    // The paragraph is an item itself only when its headline link opens it (`<p><a>…</a> summary</p>`): a
    // link in the middle of a sentence is an article citing a document.
    const candidates = opensWithLink(element) ? [element, parent] : [parent];
    const wrapper = candidates.find((e) => {
      const links = stats.get(e)?.headlineLinks ?? 0;
      return e !== main && links >= 1 && links <= 2;
    });
    if (wrapper) wrappers.set(wrapper, (wrappers.get(wrapper) ?? 0) + units);
  }
  // An item is a summary beside its headline; a long text with a link in it is an article's paragraph.
  const items = [...wrappers.values()].filter((units) => units <= MAX_ITEM_UNITS);
  return { count: items.length, units: items.reduce((sum, units) => sum + units, 0) };
}

/**
 * Whether a date follows `headline` before the end of `main`, and the way from the headline to `main` passes
 * no headline-sized link (a list's headline is followed by its items). `main` may hold the headline.
 */
function datedHeadlineLeadsTo(headline: Element, main: Element): boolean {
  const walker = headline.ownerDocument.createTreeWalker(
    headline.ownerDocument.body ?? headline,
    1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */,
  );
  let afterHeadline = false;
  let inMain = main.contains(headline);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === headline) {
      afterHeadline = true;
      continue;
    }
    if (!afterHeadline || headline.contains(node)) continue;
    if (node === main) inMain = true;
    else if (inMain && !main.contains(node)) return false;
    if (node.nodeType === 1) {
      const element = node as Element;
      if (SKIP_TAGS.has(element.tagName.toLowerCase())) continue;
      if (!inMain && element.matches("a[href]") && textUnits(element.textContent ?? "") >= 8) return false;
      continue;
    }
    const parent = node.parentElement;
    if (!parent || parent.closest("a, script, style, noscript, template")) continue;
    if (new RegExp(DATE_PATTERN.source).test(node.nodeValue ?? "")) return true;
  }
  return false;
}

/** Whether the element's first non-blank content is a link. */
function opensWithLink(element: Element): boolean {
  for (const child of element.childNodes) {
    if (child.nodeType === 3) {
      if ((child.nodeValue ?? "").trim() !== "") return false;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const first = child as Element;
    return first.matches("a[href]") || (first.querySelector("a[href]") !== null && opensWithLink(first));
  }
  return false;
}

/**
 * Whether some link on the page reads exactly `label` (a menu, breadcrumb or footer item): "self" when one
 * such link leads to the page itself, "other" when they all lead elsewhere, null when there is none.
 */
function linkLabel(body: Element, label: string, pageUrl: string): "self" | "other" | null {
  const self = normalizeUrl(pageUrl);
  let found: "other" | null = null;
  for (const anchor of body.querySelectorAll("a[href]")) {
    if (squash(anchor.textContent) !== label) continue;
    if (self !== null && normalizeUrl(anchor.getAttribute("href") ?? "", pageUrl) === self) return "self";
    found = "other";
  }
  return found;
}

/**
 * An `<h1>`, or an element with a title-like class whose text is part of `<title>`; null when neither. A
 * headline that is a link (a home page's top story) is not the page's own.
 */
function findHeadline(document: Document): { text: string; element: Element } | null {
  for (const h1 of document.querySelectorAll("body h1")) {
    const text = squash(h1.textContent);
    if (text.length >= 4 && text.length <= 120 && !isMostlyLink(h1, text)) return { text, element: h1 };
  }
  const title = squash(document.title);
  if (title.length === 0) return null;
  for (const element of document.querySelectorAll("body [class], body [id], body h2, body h3")) {
    const tokens = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    if (!/^h[23]$/i.test(element.tagName) && !HEADLINE_CLASS.test(tokens)) continue;
    const text = squash(element.textContent);
    if (text.length >= 4 && text.length <= 120 && title.includes(text) && !isMostlyLink(element, text))
      return { text, element };
  }
  return null;
}

function isMostlyLink(element: Element, text: string): boolean {
  const linked = [...element.querySelectorAll("a[href]")].reduce(
    (n, a) => n + squash(a.textContent).length,
    0,
  );
  const closest = element.closest("a[href]") !== null;
  return closest || linked * 2 > text.length;
}

/** Dates in text outside links (a list page's dates usually sit beside its links, and count too). */
function countDates(body: Element): number {
  let count = 0;
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("a, script, style, noscript, template")) continue;
    count += (node.nodeValue ?? "").match(DATE_PATTERN)?.length ?? 0;
  }
  return count;
}

/** What the page's metadata says about being an article, or null. */
function articleMetadata(document: Document): string | null {
  const ogType = document.querySelector('meta[property="og:type"]')?.getAttribute("content")?.trim() ?? "";
  if (/^article$/i.test(ogType)) return "og:type article";
  const named = document.querySelector(ARTICLE_META);
  if (named?.getAttribute("content")?.trim()) {
    return `meta ${named.getAttribute("property") ?? named.getAttribute("name")}`;
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const type = jsonLdTypes(script.textContent ?? "").find((t) => ARTICLE_TYPES.test(t));
    if (type) return `JSON-LD ${type}`;
  }
  return null;
}

/** Every `@type` in a JSON-LD block (graphs and arrays included); [] when it does not parse. */
function jsonLdTypes(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const type = record["@type"];
    if (typeof type === "string") out.push(type);
    else if (Array.isArray(type)) out.push(...type.filter((t): t is string => typeof t === "string"));
    if (record["@graph"]) visit(record["@graph"], depth + 1);
  };
  visit(data, 0);
  return out;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;

/** One unit per CJK (or kana, hangul) character, one per run of other letters or digits (a word). */
export function textUnits(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return cjk + words;
}

/** `div#endText.content` for reasons and logs. */
function describe(element: Element): string {
  const id = element.getAttribute("id");
  const cls = (element.getAttribute("class") ?? "").trim().split(/\s+/)[0];
  return `${element.tagName.toLowerCase()}${id ? `#${id}` : ""}${cls ? `.${cls}` : ""}`;
}

function squash(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
