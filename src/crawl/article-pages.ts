/**
 * The further pages of a multi-page article: Chinese portals split a long article over `content_123.htm`,
 * `content_123_2.htm`, … (or `show.php?id=7&page=2`, or WordPress's `/slug/2/`) and link them from a pager
 * under the text (上一页 1 2 3 下一页, `<div id="pages">`). The crawl fetches them so that one record holds
 * the whole article.
 *
 * A link is taken for a page of the article only by the shape of its URL against the article's FIRST page,
 * never by where it sits: a page of the article is the first page's URL with a page number added (`_N`/`-N`
 * before the extension, a page key in the query with everything else equal, or a `/N/` segment after an
 * extension-less permalink). So the site's list pagination (`index_2.html`, `list.php?tid=3&page=2`) and
 * related articles (another id) never qualify, however pager-like their anchors. The `/N/` form is the
 * loosest (a number after any path), so it also needs a pager-like anchor (a number, 下一页, rel=next).
 *
 * A pager often shows a window of numbers (1 2 3 … 9 下一页 尾页): pages between those shown are filled in
 * from the same URL form, and pages beyond `maxPages` are never returned. Some sites number from 0, so that
 * `content_1.htm` (`?page=1`) is page 2: it counts as a later page unless its anchor reads 1 or 首页.
 *
 * The other way round, `findFirstPage` tells a later page reached on its own (from a list or a sitemap) by
 * the same URL forms and its pager's link back, so that it is not taken for an article of its own.
 *
 * Pure: reads the document, never changes it.
 *
 * @example
 * const { document, dispose } = parseHtml(html, "http://x.cn/2023/0110/123.html");
 * findLaterPages(document, "http://x.cn/2023/0110/123.html");
 * // → ["http://x.cn/2023/0110/123_2.html", "http://x.cn/2023/0110/123_3.html"]
 */
import { baseUrlOf, type DiscoveredLink, discoverLinks } from "./discover-links.js";
import { normalizeUrl } from "./normalize-url.js";
import {
  ARTICLE_PAGE_KEYS,
  COMMENT_PAGE_KEYS,
  PAGE_ONE_TEXT,
  PAGER_TEXT_STRONG,
  pagerKey,
  readsAsPagerLink,
} from "./pager-vocabulary.js";

export interface LaterPagesOptions {
  /**
   * The article's first page, when `pageUrl` is a later one (the crawl reads page 2's pager for pages it
   * did not see on page 1). Pages are numbered from it. @default pageUrl
   */
  firstPageUrl?: string;
  /** Most pages an article is taken to have, the first included. @default 20 */
  maxPages?: number;
}

export const DEFAULT_MAX_ARTICLE_PAGES = 20;

/** Page numbers a URL may carry: 1 to 999 (1 is page 2 where the first page is page 0). */
const PAGE_NUMBER = /^(?:[1-9]\d{0,2})$/;

/** How later pages' URLs are made from the first page's: `_N` in the name, a query key, or a `/N` segment. */
type PageForm =
  | { type: "name"; stem: string; separator: string; ext: string; search: string }
  | { type: "query"; key: string }
  | { type: "segment"; base: string; slash: string; search: string };

interface Numbered {
  number: number;
  url: string;
  form: PageForm;
}

/**
 * URLs of the article's pages after `pageUrl`, in page order, normalised, each once, same host as the
 * first page; [] for an article on one page.
 */
export function findLaterPages(
  document: Document,
  pageUrl: string,
  options: LaterPagesOptions = {},
): string[] {
  const maxPages = options.maxPages ?? DEFAULT_MAX_ARTICLE_PAGES;
  const firstUrl = normalizeUrl(options.firstPageUrl ?? pageUrl);
  const selfUrl = normalizeUrl(pageUrl);
  if (firstUrl === null || selfUrl === null) return [];
  const first = new URL(firstUrl);
  // The first page carries no number (0); later pages are ordered by the number in their URL.
  const current = selfUrl === firstUrl ? 0 : (pageNumberOf(new URL(selfUrl), first)?.number ?? 0);
  const base = baseUrlOf(document, pageUrl);

  const found = new Map<number, Numbered>();
  // The highest number linked, beyond the cap too (尾页 → page 57 still says pages 2 to 20 exist).
  let lastLinked = 0;
  // Whether `_1` (`page=1`) is linked as page 1, the first page under another name, or as the next page
  // (Xinhua's `content_1.htm` is page 2, Drupal's `?page=1` too).
  let oneIsFirst = false;
  const consider = (href: string | null, anchor: Element | null) => {
    const raw = href?.trim() ?? "";
    if (raw === "" || raw.startsWith("#")) return;
    // null for javascript:, mailto: and the like
    const url = normalizeUrl(raw, base);
    if (url === null || url === firstUrl || url === selfUrl) return;
    const numbered = pageNumberOf(new URL(url), first);
    if (!numbered || (numbered.form.type === "segment" && anchor && !isPagerAnchor(anchor))) return;
    if (numbered.number === 1 && anchor && readsAsPageOne(anchor)) oneIsFirst = true;
    if (numbered.number <= current) return;
    lastLinked = Math.max(lastLinked, numbered.number);
    if (numbered.number > current + maxPages || found.has(numbered.number)) return;
    found.set(numbered.number, { ...numbered, url });
  };
  for (const link of document.querySelectorAll("link[rel][href]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("next")) consider(link.getAttribute("href"), null);
  }
  for (const anchor of document.querySelectorAll("body a[href], body area[href]")) {
    consider(anchor.getAttribute("href"), anchor);
  }
  if (oneIsFirst) found.delete(1);
  if (found.size === 0) return [];

  // Pages the pager's window leaves out (1 2 3 … 9) are made in the form all the shown ones share.
  const pages = [...found.values()];
  const form = pages[0]?.form as PageForm;
  const oneForm = pages.every((page) => sameForm(page.form, form));
  if (oneForm) {
    const from = Math.max(current + 1, found.has(1) ? 1 : 2);
    for (let number = from; number <= Math.min(lastLinked, current + maxPages); number++) {
      if (found.has(number)) continue;
      const url = normalizeUrl(urlOfPage(first, form, number));
      if (url !== null) found.set(number, { number, url, form });
    }
  }
  return [...found.values()]
    .sort((a, b) => a.number - b.number)
    .slice(0, maxPages - 1)
    .map((page) => page.url);
}

/**
 * The article's first page when `pageUrl` is one of its later pages, null otherwise: the URL carries a page
 * number (`123_2.html`, `?page=2`, `/slug/2/`) and the page links back, from its pager (上一页, 1, 第1页, 首页,
 * a link in a pager bar), to the URL without it (or with page 1, or 0). Without that link back the number
 * may be part of the article's own name (`report_2.html`), and the page is taken for an article of its own.
 *
 * `_1` (`?page=1`) counts too. On a site that numbers from 0 it is page 2; where it is page 1 under another
 * name, the page it links back to is the same article. Either way the record is the other page's. The
 * loosest form, `/N/` after a permalink, needs a page number, 上一页 or `rel=prev` back: 首页 there may be
 * the site's home.
 *
 * @example
 * findFirstPage(document, "http://x.cn/2023/0110/123_2.html") // → "http://x.cn/2023/0110/123.html"
 */
export function findFirstPage(
  document: Document,
  pageUrl: string,
  /** The page's links as `discoverLinks(document, pageUrl)` finds them, when the caller has them already. */
  discovered?: readonly DiscoveredLink[],
): string | null {
  const normalized = normalizeUrl(pageUrl);
  if (normalized === null) return null;
  const candidates = firstPageCandidates(new URL(normalized));
  if (candidates.length === 0) return null;
  const links = discovered ?? discoverLinks(document, pageUrl);
  for (const candidate of candidates) {
    const link = links.find((l) => leadsTo(l.url, candidate) && pagesBack(l, candidate.form));
    if (link) return link.url;
  }
  return null;
}

interface FirstPageCandidate {
  url: string;
  form: PageForm["type"];
}

/**
 * The URLs the first page may have, `self` being a later page, most likely first: without the number, then
 * with page 1 (PHPCMS's `show-12-345-1.html` is followed by `-2.html`), then page 0.
 */
function firstPageCandidates(self: URL): FirstPageCandidate[] {
  const out: FirstPageCandidate[] = [];
  const add = (url: URL, form: PageForm["type"]) => {
    const normalized = normalizeUrl(url.href);
    if (normalized !== null && normalized !== self.href) out.push({ url: normalized, form });
  };
  const withPath = (pathname: string) => {
    const url = new URL(self.href);
    url.pathname = pathname;
    return url;
  };

  const name = self.pathname.match(/^(.+)([_-])(\d+)(\.\w+)$/);
  if (name && PAGE_NUMBER.test(name[3] as string)) {
    const [, stem, separator, digits, ext] = name as unknown as [string, string, string, string, string];
    add(withPath(`${stem}${ext}`), "name");
    if (Number(digits) >= 2) add(withPath(`${stem}${separator}1${ext}`), "name");
  }
  for (const [key, value] of self.searchParams) {
    // A comment page (`cpage=2`) is the article again: its first page is the article's too.
    const lower = key.toLowerCase();
    if (!(ARTICLE_PAGE_KEYS.has(lower) || COMMENT_PAGE_KEYS.has(lower)) || !PAGE_NUMBER.test(value)) continue;
    for (const first of value === "1" ? [null, "0"] : [null, "1", "0"]) {
      const url = new URL(self.href);
      if (first === null) url.searchParams.delete(key);
      else url.searchParams.set(key, first);
      add(url, "query");
    }
  }
  const segment = self.pathname.match(/^(.*[^/])\/(\d+)\/?$/);
  if (segment && PAGE_NUMBER.test(segment[2] as string) && !/\.\w+$/.test(segment[1] as string)) {
    add(withPath(`${segment[1]}/`), "segment");
    add(withPath(segment[1] as string), "segment");
  }
  return out;
}

/** A link to the candidate; by path alone for `_N` and `/N/` pages, whose first page may carry another query. */
function leadsTo(url: string, candidate: FirstPageCandidate): boolean {
  if (url === candidate.url) return true;
  return candidate.form !== "query" && url.split("?")[0] === candidate.url.split("?")[0];
}

/** Whether the link reads as the pager's way back: see `findFirstPage`. */
function pagesBack(link: DiscoveredLink, form: PageForm["type"]): boolean {
  const key = pagerKey(link.text);
  if (form !== "segment") return link.pagination || readsAsPagerLink(link.text);
  return (
    PAGER_TEXT_STRONG.test(key) || /^(\d{1,4}|第\d{1,4}页)$/.test(key) || (link.pagination && key === "")
  );
}

/** Anchor text that names page 1 (1, [1], 第1页, 首页) rather than the next page. */
function readsAsPageOne(anchor: Element): boolean {
  return PAGE_ONE_TEXT.test(pagerKey(anchor.textContent ?? ""));
}

/** The page number of `url` as a later page of the article whose first page is `first`, with its form. */
function pageNumberOf(url: URL, first: URL): { number: number; form: PageForm } | null {
  if (url.host !== first.host) return null;
  return byName(url, first) ?? byQuery(url, first) ?? bySegment(url, first);
}

/** `123.html` → `123_2.html` (also `123-2.html`; `123_1.html` as the first page → `123_2.html`). */
function byName(url: URL, first: URL): { number: number; form: PageForm } | null {
  if (url.search !== first.search) return null;
  const firstParts = first.pathname.match(/^(.+?)(\.\w+)$/);
  const parts = url.pathname.match(/^(.+)([_-])(\d+)(\.\w+)$/);
  if (!firstParts || !parts) return null;
  const [, stem, separator, digits, ext] = parts as unknown as [string, string, string, string, string];
  if (ext !== firstParts[2] || !PAGE_NUMBER.test(digits)) return null;
  const firstStem = firstParts[1] as string;
  // A first page named `123_1.html` numbers its later pages `123_2.html`.
  const explicitFirst = firstStem.match(/^(.+)[_-]1$/)?.[1];
  if (stem !== firstStem && stem !== explicitFirst) return null;
  return {
    number: Number(digits),
    form: { type: "name", stem, separator, ext, search: url.search },
  };
}

/** `show.php?id=7` → `show.php?id=7&page=2`: same path, same query but for one page key. */
function byQuery(url: URL, first: URL): { number: number; form: PageForm } | null {
  if (url.pathname !== first.pathname) return null;
  for (const [key, value] of url.searchParams) {
    // Only the keys of an article's pages: a comment page (`cpage`) shows the same text again.
    if (!ARTICLE_PAGE_KEYS.has(key.toLowerCase()) || !PAGE_NUMBER.test(value)) continue;
    const rest = new URLSearchParams(url.searchParams);
    rest.delete(key);
    const firstRest = new URLSearchParams(first.searchParams);
    const firstValue = firstRest.get(key);
    if (firstValue !== null && firstValue !== "1" && firstValue !== "0") continue;
    firstRest.delete(key);
    if (sortedQuery(rest) !== sortedQuery(firstRest)) continue;
    return { number: Number(value), form: { type: "query", key } };
  }
  return null;
}

/** `/2024/03/15/slug/` → `/2024/03/15/slug/2/`: a permalink without an extension, a number after it. */
function bySegment(url: URL, first: URL): { number: number; form: PageForm } | null {
  if (url.search !== first.search || /\.\w+$/.test(first.pathname)) return null;
  const base = first.pathname.replace(/\/$/, "");
  if (base === "" || !url.pathname.startsWith(`${base}/`)) return null;
  const rest = url.pathname.slice(base.length + 1).match(/^(\d+)(\/?)$/);
  if (!rest || !PAGE_NUMBER.test(rest[1] as string)) return null;
  return {
    number: Number(rest[1]),
    form: { type: "segment", base, slash: rest[2] as string, search: url.search },
  };
}

function urlOfPage(first: URL, form: PageForm, number: number): string {
  const url = new URL(first.href);
  if (form.type === "name") {
    url.pathname = `${form.stem}${form.separator}${number}${form.ext}`;
    url.search = form.search;
  } else if (form.type === "query") {
    url.searchParams.set(form.key, String(number));
  } else {
    url.pathname = `${form.base}/${number}${form.slash}`;
    url.search = form.search;
  }
  return url.href;
}

function sameForm(a: PageForm, b: PageForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedQuery(params: URLSearchParams): string {
  const copy = new URLSearchParams(params);
  copy.sort();
  return copy.toString();
}

/** A page number, 第N页 or a pager word, or a `rel=next/prev` link. */
function isPagerAnchor(anchor: Element): boolean {
  const rel = (anchor.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
  if (rel.includes("next") || rel.includes("prev")) return true;
  return readsAsPagerLink(anchor.textContent ?? "");
}
