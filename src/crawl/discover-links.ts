/**
 * Link discovery: every followable link of a page, resolved, normalised, deduplicated and tagged with the
 * kind of page it probably leads to, so the frontier can put lists and articles in their lanes and a crawl
 * can go through a site's pagination without a site adapter.
 *
 * What counts as a link: `<a href>` and `<area href>`, `<link rel=next|prev>`, `<frame>`/`<iframe>` pages,
 * and URLs inside `javascript:`/`onclick` handlers (`window.open('/a/1.html')`, common on government
 * sites). Skipped: `javascript:` without a URL, `mailto:`, `tel:`, fragment-only links, the page itself, and
 * files that are never pages (`.pdf`, `.doc`, images, archives — see `NON_PAGE_EXTENSIONS`).
 *
 * Kinds, decided from the URL first and the anchor text second:
 * - pagination (`<link rel=next>`, 下一页 / 尾页 / next, numbered links in a pager bar, `list_2.html`,
 *   `index_2.html`, `?page=2`, `/page/2/`) → `list`, except the continuation page of an article
 *   (`content_1.html` → `content_1_2.html`) → `article`;
 * - article-like URLs (a date or a long number in the path, a `.html`/`.shtml`/`.htm` leaf that is not an
 *   index, `?id=`-style article ids, 上一篇/下一篇 links) → `article`;
 * - section-like URLs (a directory, `index.html`, `list.php?tid=3`, `node_123.htm`) → `list`;
 * - otherwise `unknown`, or `article` when the anchor text reads like a headline.
 *
 * Pure: reads the document, never changes it.
 *
 * @example
 * const { document, dispose } = parseHtml(html, page.url);
 * for (const link of discoverLinks(document, page.url)) {
 *   if (scope.allows(link.url, depth + 1)) frontier.add(link.url, { kind: link.kind, depth: depth + 1 });
 * }
 * dispose();
 */
import { normalizeUrl } from "./normalize-url.js";
import {
  NEIGHBOUR_ARTICLE_TEXT,
  PAGER_TEXT_STRONG,
  PAGER_TEXT_WEAK,
  pageQueryKey,
  pagerKey,
} from "./pager-vocabulary.js";

export type LinkKind = "list" | "article" | "unknown";

export interface DiscoveredLink {
  /** Absolute, normalised URL (`normalize-url.ts`). */
  url: string;
  kind: LinkKind;
  /** Anchor text with whitespace collapsed (or its `title`, or an image's `alt`); "" when none. */
  text: string;
  /** True for links to another page of the same list or article. */
  pagination: boolean;
  /** True when every occurrence of the link carries `rel=nofollow`. */
  nofollow: boolean;
  source: "a" | "link" | "frame" | "script";
}

/** File extensions of links that never lead to an HTML page. */
export const NON_PAGE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    "pdf doc docx xls xlsx ppt pptx wps et dps ofd ceb caj txt rtf csv " +
    "zip rar 7z gz tgz bz2 tar xz apk ipa exe msi dmg iso jar " +
    "jpg jpeg png gif bmp webp svg ico tif tiff avif heic " +
    "mp3 mp4 avi flv wmv mov mkv m4a m4v wav wma ogg webm swf rm rmvb " +
    "css js json xml rss atom woff woff2 ttf eot"
  ).split(" "),
);

/** Class/id tokens of pager containers. */
const PAGER_CONTAINER =
  /(^|[\s_-])(pages|paging|pagination|pager|pagenav|page-?nav|page-?list|page-?box|page-?bar|pagebar|fenye|turn-?page|showpage|pagelink|page-?num)([\s_-]|$)/i;

/** Query keys that identify one article. */
const ARTICLE_QUERY_KEYS =
  /^(id|aid|articleid|article_id|newsid|news_id|contentid|content_id|docid|doc_id|itemid|infoid|tid_a|postid|p)$/i;
/** Query keys that select a section. */
const SECTION_QUERY_KEYS =
  /^(catid|cid|tid|typeid|classid|columnid|column|channelid|channel|category|cate|sort|nodeid|lmid)$/i;

const PAGE_EXTENSION = /\.(s?html?|php|aspx?|jsp|do|action|cgi)$/i;
const INDEX_LEAF = /^(index|default|list|main|home)([_-]\d+)*\.(s?html?|php|aspx?|jsp)$/i;
const PAGINATED_LEAF = /^(index|list|default|more)[_-]\d+([_-]\d+)?\.(s?html?|php|aspx?|jsp)$/i;
const LIST_LEAF =
  /^(list|node|channel|column|category|class|more|lm|col)[_-]?[\w-]*\.(s?html?|php|aspx?|jsp)$/i;
/** `2023-01-10`, `2023/0110`, `20230110`, `2023/01/x.html`, TRS's `t20230110_123`. */
const DATE_IN_PATH =
  /(^|[/_-])(19|20)\d{2}[-_/]?(0[1-9]|1[0-2])[-_/]?(0[1-9]|[12]\d|3[01])(?!\d)|\/(19|20)\d{2}[-_/]?(0[1-9]|1[0-2])\/[^/]+\.[a-z]+$|\/t(19|20)\d{6}_\d+/i;
const LONG_NUMBER = /\d{5,}/;
/** `/2024/03/15/a-slug/`: a dated permalink folder (WordPress and friends); a bare `/2024/03/15/` is an archive. */
const DATED_SLUG_FOLDER = /\/(19|20)\d{2}\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\/[^/]*[a-z][^/]*\/?$/i;

/** Returns the page's followable links, each once, in document order. */
export function discoverLinks(document: Document, pageUrl: string): DiscoveredLink[] {
  const base = baseUrlOf(document, pageUrl);
  const self = normalizeUrl(pageUrl);
  const found = new Map<string, DiscoveredLink>();
  const add = (raw: string | null, source: DiscoveredLink["source"], text: string, flags: LinkFlags) => {
    const url = resolveLink(raw, base);
    if (!url || url === self) return;
    const pagination = flags.pagination || isPaginationUrl(url, pageUrl);
    const kind = kindOf(url, pageUrl, text, pagination);
    const previous = found.get(url);
    if (!previous) {
      found.set(url, { url, kind, text, pagination, nofollow: flags.nofollow, source });
      return;
    }
    previous.pagination ||= pagination;
    previous.nofollow &&= flags.nofollow;
    if (!previous.text && text) previous.text = text;
    if (previous.kind === "unknown" || (pagination && previous.kind !== kind)) {
      previous.kind = kindOf(url, pageUrl, previous.text, previous.pagination);
    }
  };

  for (const link of document.querySelectorAll("link[rel][href]")) {
    const rel = relTokens(link);
    if (rel.has("next") || rel.has("prev") || rel.has("previous")) {
      add(link.getAttribute("href"), "link", "", { pagination: true, nofollow: false });
    }
  }
  for (const anchor of document.querySelectorAll("a[href], area[href]")) {
    const href = anchor.getAttribute("href") ?? "";
    const text = anchorText(anchor);
    const rel = relTokens(anchor);
    const flags: LinkFlags = {
      // `<a rel=next>` with a headline is WordPress's link to the neighbouring post, not another page.
      pagination:
        ((rel.has("next") || rel.has("prev")) && !readsLikeHeadline(text)) || isPagerAnchor(anchor, text),
      nofollow: rel.has("nofollow"),
    };
    if (/^\s*javascript:/i.test(href)) {
      for (const url of urlsInScript(href)) add(url, "script", text, flags);
    } else {
      add(href, "a", text, flags);
    }
  }
  for (const element of document.querySelectorAll("[onclick]")) {
    const text = element.tagName === "A" ? anchorText(element) : "";
    for (const url of urlsInScript(element.getAttribute("onclick") ?? "")) {
      add(url, "script", text, { pagination: false, nofollow: false });
    }
  }
  for (const frame of document.querySelectorAll("frame[src], iframe[src]")) {
    add(frame.getAttribute("src"), "frame", "", { pagination: false, nofollow: false });
  }
  return [...found.values()];
}

/** The kind of page a URL alone suggests (no anchor text, no page context): for sitemap and seed URLs too. */
export function linkKindOfUrl(url: string): LinkKind {
  if (looksLikeListUrl(url)) return "list";
  if (looksLikeArticleUrl(url)) return "article";
  return "unknown";
}

/** A date or a long number in the path, a non-index `.html`-style leaf, or an article id in the query. */
export function looksLikeArticleUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const path = parsed.pathname;
  const leaf = path.slice(path.lastIndexOf("/") + 1);
  const keys = [...parsed.searchParams.keys()];
  // `index.php?m=content&a=show&id=21` (PHPCMS): the article id wins over the index-like leaf.
  if (hasArticleIdQuery(parsed)) return true;
  if (DATED_SLUG_FOLDER.test(path) && !/\/page\/\d+\/?$/.test(path)) return true;
  if (leaf === "" || INDEX_LEAF.test(leaf) || PAGINATED_LEAF.test(leaf)) return false;
  if (DATE_IN_PATH.test(path)) return true;
  // `node_12345.htm` is a section page however long its number.
  if (LIST_LEAF.test(leaf) || keys.some((k) => SECTION_QUERY_KEYS.test(k))) return false;
  if (LONG_NUMBER.test(path)) return true;
  return /\.(s?html?)$/i.test(leaf) && /\d/.test(leaf);
}

/** A directory, an index or list leaf, a paginated list, or a section query without an article id. */
export function looksLikeListUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const path = parsed.pathname;
  const leaf = path.slice(path.lastIndexOf("/") + 1);
  const keys = [...parsed.searchParams.keys()];
  const hasArticleId = hasArticleIdQuery(parsed);
  if (hasArticleId) return false;
  if (DATED_SLUG_FOLDER.test(path) && !/\/page\/\d+\/?$/.test(path)) return false;
  if (leaf === "" || INDEX_LEAF.test(leaf) || PAGINATED_LEAF.test(leaf) || /^page\/\d+$/.test(path))
    return true;
  if (/\/page\/\d+\/?$/.test(path)) return true;
  if (keys.some((k) => SECTION_QUERY_KEYS.test(k) || numbersPages(k))) return true;
  if (LIST_LEAF.test(leaf)) return true;
  // A short extension-less segment (`/news`, `/xwzx`) names a section; article slugs are longer.
  return !PAGE_EXTENSION.test(leaf) && !leaf.includes(".") && !/\d/.test(leaf) && leaf.length <= 20;
}

/** Whether `url` is another page of the list or article at `pageUrl`, judged by URL shape alone. */
export function isPaginationUrl(url: string, pageUrl: string): boolean {
  const link = parseUrl(url);
  const page = parseUrl(pageUrl);
  if (!link || !page) return false;
  const leaf = link.pathname.slice(link.pathname.lastIndexOf("/") + 1);
  if (PAGINATED_LEAF.test(leaf) || /\/page\/\d+\/?$/.test(link.pathname)) return true;
  for (const [key, value] of link.searchParams) {
    if (!/^\d{1,5}$/.test(value)) continue;
    // Article, list and comment page keys alike: any of them leads to another page of something.
    if (numbersPages(key)) return true;
    if (pageQueryKey(key) === "weak" && link.host === page.host && link.pathname === page.pathname)
      return true;
  }
  return isContinuationOf(link, page);
}

/** A query key that numbers pages wherever it appears (`page`, `paged`, `cpage`; not `p` or `start`). */
function numbersPages(key: string): boolean {
  const group = pageQueryKey(key);
  return group !== null && group !== "weak";
}

/** `?id=123`, `?aid=88`, `?newsid=abc123`; `?p=` only with a plain number (WordPress post ids). */
function hasArticleIdQuery(url: URL): boolean {
  for (const [key, value] of url.searchParams) {
    if (!ARTICLE_QUERY_KEYS.test(key)) continue;
    if (key.toLowerCase() === "p" ? /^\d+$/.test(value) : /^[\w-]*\d[\w-]*$/.test(value)) return true;
  }
  return false;
}

interface LinkFlags {
  pagination: boolean;
  nofollow: boolean;
}

function kindOf(url: string, pageUrl: string, text: string, pagination: boolean): LinkKind {
  if (NEIGHBOUR_ARTICLE_TEXT.test(pagerKey(text))) return "article";
  if (pagination) {
    const link = parseUrl(url);
    const page = parseUrl(pageUrl);
    const continuesArticle = link && page && sameStem(link, page) && looksLikeArticleUrl(pageUrl);
    return continuesArticle ? "article" : "list";
  }
  const byUrl = linkKindOfUrl(url);
  if (byUrl !== "unknown") return byUrl;
  return readsLikeHeadline(text) ? "article" : "unknown";
}

/**
 * `content_123_2.html` continues `content_123.html`: same folder, the page's name plus `_N`. Judged from
 * the URL alone, so strict: `art_1_99.html` → `art_1_100.html` are sibling articles, not pages of one.
 */
function isContinuationOf(link: URL, page: URL): boolean {
  if (link.host !== page.host) return false;
  const linkParts = link.pathname.match(/^(.*)[_-]\d{1,3}(\.\w+)$/);
  const pageParts = page.pathname.match(/^(.*)(\.\w+)$/);
  return !!linkParts && !!pageParts && linkParts[1] === pageParts[1] && linkParts[2] === pageParts[2];
}

/**
 * For a link already known to be pagination (pager text or bar): whether it stays within the same article,
 * allowing either side to be a later page (`content_1_2` → `content_1_3`, `content_1_3` → `content_1`).
 */
function sameStem(link: URL, page: URL): boolean {
  const stem = (path: string) => path.replace(/([_-]\d{1,3})?\.\w+$/, "");
  const ext = (path: string) => path.match(/\.\w+$/)?.[0];
  if (link.host !== page.host || !ext(link.pathname) || ext(link.pathname) !== ext(page.pathname))
    return false;
  const [linkStem, pageStem] = [stem(link.pathname), stem(page.pathname)];
  return (
    linkStem === pageStem ||
    linkStem === page.pathname.replace(/\.\w+$/, "") ||
    pageStem === link.pathname.replace(/\.\w+$/, "")
  );
}

/** Headlines run long: at least 10 CJK characters or 6 words. Menus and section names are shorter. */
function readsLikeHeadline(text: string): boolean {
  const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return cjk >= 10 || words >= 6;
}

/** Pager words, or a number / 首页 inside something that looks like a pager bar. */
function isPagerAnchor(anchor: Element, text: string): boolean {
  const key = pagerKey(text);
  if (key === "") return false;
  if (PAGER_TEXT_STRONG.test(key)) return true;
  if (!PAGER_TEXT_WEAK.test(key)) return false;
  return inPagerContainer(anchor) || inPagerRun(anchor);
}

function inPagerContainer(element: Element): boolean {
  let current: Element | null = element.parentElement;
  for (let depth = 0; current && depth < 4; depth++, current = current.parentElement) {
    const tokens = `${current.getAttribute("class") ?? ""} ${current.getAttribute("id") ?? ""}`;
    if (PAGER_CONTAINER.test(tokens)) return true;
  }
  return false;
}

/**
 * A run of links that are mostly numbers and pager words ("1 2 3 … 下一页") is a pager bar. The run is the
 * anchor's parent, or its grandparent when each link sits in its own small wrapper (`<li>`, `<span>`); a
 * paragraph or block around a lone number (a comment count) is not a pager.
 */
function inPagerRun(anchor: Element): boolean {
  const parent = anchor.parentElement;
  if (!parent) return false;
  const container =
    parent.querySelectorAll("a").length === 1 && PAGER_ITEM_WRAPPERS.has(parent.tagName.toLowerCase())
      ? parent.parentElement
      : parent;
  if (!container) return false;
  const anchors = [...container.querySelectorAll("a")];
  if (anchors.length < 3 || anchors.length > 40) return false;
  const pagerLike = anchors.filter((a) => {
    const key = pagerKey(anchorText(a));
    return PAGER_TEXT_STRONG.test(key) || PAGER_TEXT_WEAK.test(key);
  }).length;
  return pagerLike >= 3 && pagerLike * 2 >= anchors.length;
}

/** Elements that wrap one pager link each. */
const PAGER_ITEM_WRAPPERS = new Set(["li", "span", "em", "b", "strong", "font", "td", "i"]);

/** Quoted URL-looking strings inside `window.open(...)`, `location.href = ...` and the like. */
function urlsInScript(script: string): string[] {
  const out: string[] = [];
  const pattern =
    /(?:open|location(?:\.href)?|href|navigate|assign|replace|goto\w*)\s*(?:=|\()\s*["']([^"']+)["']/gi;
  for (const match of script.matchAll(pattern)) {
    const candidate = match[1]?.trim() ?? "";
    if (/^(https?:\/\/|\/|\.{1,2}\/|[\w-]+\.(s?html?|php|aspx?|jsp))/i.test(candidate)) out.push(candidate);
  }
  return out;
}

function resolveLink(raw: string | null, base: string): string | null {
  if (raw === null) return null;
  const href = raw.trim();
  if (
    href === "" ||
    href.startsWith("#") ||
    /^(javascript|mailto|tel|sms|data|about|blob|file|ftp):/i.test(href)
  ) {
    return null;
  }
  const url = normalizeUrl(href, base);
  if (!url) return null;
  const path = new URL(url).pathname;
  const ext = path
    .slice(path.lastIndexOf("/") + 1)
    .match(/\.([a-z0-9]{1,5})$/i)?.[1]
    ?.toLowerCase();
  return ext && NON_PAGE_EXTENSIONS.has(ext) ? null : url;
}

/** The URL relative links resolve against: the page's `<base href>` when it has a usable one. */
export function baseUrlOf(document: Document, pageUrl: string): string {
  const href = document.querySelector("base[href]")?.getAttribute("href");
  if (href) {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      // an unusable <base> is ignored, as browsers do
    }
  }
  return pageUrl;
}

function anchorText(anchor: Element): string {
  const text = (anchor.textContent ?? "").replace(/\s+/g, " ").trim();
  if (text) return text;
  const fallback =
    anchor.getAttribute("title") ?? anchor.querySelector("img[alt]")?.getAttribute("alt") ?? "";
  return fallback.replace(/\s+/g, " ").trim();
}

function relTokens(element: Element): Set<string> {
  return new Set((element.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).filter(Boolean));
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
