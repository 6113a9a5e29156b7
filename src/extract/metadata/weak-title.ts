/**
 * Whether a page's `<title>` says nothing about the article: every part of it is a section name
 * (`新闻中心`, `新闻动态`, `首页`, `News`) or the site's name. Many Chinese CMS templates print the
 * column's name, or only the site's, as the `<title>` of every article page; matching headings against
 * such a title crowns the column header or the logo, so the headline must be found another way
 * (`headline.ts`).
 *
 * A part counts as generic on evidence, never for being short alone: it is a section word, a name the
 * site declares (og:site_name), the text of a link to the site's home page or of its logo, a short item
 * of the navigation or breadcrumb (unless the page's `<h1>` shows it), or a name the copyright or
 * sponsor line carries. The last of several parts is where sites put their name, so it is generic when
 * the parts before it are; `title-layout.ts` asks first whether the page shows that part as its
 * headline (`新闻中心 - headline`), and only a title it finds no headline in is tested here.
 *
 * @example isWeakTitle(["新闻中心", "江南机械有限公司"], genericTest(evidence)) // true
 */
import { attributeMarker, attributeTokens, type PageLine } from "./page-lines.js";

/** Names of site sections that CMS templates use as a page's whole `<title>` (comparison form). */
const SECTION_WORDS: ReadonlySet<string> = new Set([
  "首页",
  "主页",
  "网站首页",
  "新闻",
  "资讯",
  "动态",
  "新闻中心",
  "新闻动态",
  "新闻资讯",
  "新闻详情",
  "新闻详细",
  "新闻公告",
  "新闻频道",
  "公司新闻",
  "公司动态",
  "企业新闻",
  "企业动态",
  "行业新闻",
  "行业动态",
  "行业资讯",
  "工作动态",
  "最新动态",
  "通知公告",
  "公告",
  "通知",
  "要闻",
  "图片新闻",
  "媒体报道",
  "媒体聚焦",
  "详情",
  "详情页",
  "内容页",
  "内容",
  "正文",
  "文章",
  "文章详情",
  "文章内容",
  "信息详情",
  "显示",
  "无标题文档",
  "未命名",
  "home",
  "homepage",
  "news",
  "latestnews",
  "newsdetail",
  "newsdetails",
  "article",
  "articles",
  "articledetail",
  "blog",
  "post",
  "details",
  "detail",
  "pressreleases",
  "press",
  "updates",
  "untitled",
  "untitleddocument",
]);

/** Items of the navigation or breadcrumb longer than this may be another article's title. */
const MAX_NAV_ITEM_CHARS = 8;

/** A name longer than this is no site name. */
const MAX_SITE_NAME_CHARS = 30;

/** A footer's copyright, licence or sponsor line, which names the site wherever the page puts it. */
const COPYRIGHT = /版权所有|copyright|©|ICP[备证]|主办单位|主办\s*[:：]/i;

/** A shorter text found inside a footer line may be a word of it rather than a name it carries. */
const MIN_FOOTER_NAME_CHARS = 3;

/** Splits a navigation, breadcrumb or footer line into its items. */
const ITEM_SEPARATORS = /[\s>›»→/|｜·•:：,，;；\u2063]+/;

export interface TitleEvidence {
  /**
   * Texts that headings show and the `<title>` explains, logo and home links left out: such a text is
   * the article's headline or a column header, never the site's name, so the site-name evidence (a
   * pass over the links and the lines) is not read for it.
   */
  shown: ReadonlySet<string>;
  /**
   * Site names from meta tags, links to the home page and the logo, in comparison form. A function, as
   * every source of evidence here: each is read only when the cheaper ones did not answer.
   */
  siteNames: () => readonly string[];
  /**
   * Texts the page shows as its `<h1>`, in comparison form. A text so shown is the page's own name
   * (`金锺国` in its encyclopedia entry, linked from the navigation boxes too), so a navigation item
   * alone does not make it generic.
   */
  headings: () => readonly string[];
  /** The page's lines; navigation, breadcrumb and copyright lines are read for items and names. */
  lines: readonly PageLine[];
  /** The comparison form used for every text. */
  comparable: (text: string) => string;
}

/**
 * Whether every part of the `<title>` (its parts in comparison form) is a section name or the site's
 * name, by a test from {@link genericTest}.
 */
export function isWeakTitle(parts: readonly string[], generic: (key: string) => boolean): boolean {
  if (parts.length === 0) return false;
  const leading = parts.length > 1 ? parts.slice(0, -1) : parts;
  return leading.every(generic);
}

/** Runs `read` once, on the first call, and returns its answer ever after. */
function once<T>(read: () => T): () => T {
  let value: { answer: T } | null = null;
  return () => {
    value ??= { answer: read() };
    return value.answer;
  };
}

/** The tests {@link titleTests} builds from one page's evidence, sharing what they read. */
export interface TitleTests {
  /** Whether a text (comparison form) names a section or the site rather than an article. */
  generic: (key: string) => boolean;
  /**
   * Whether a text is the site's name by the page's own evidence: a declared site name, the home link's
   * or the logo's text, a name the copyright line carries. Unlike {@link TitleTests.generic}, a text a
   * heading shows is tested too: the question is asked of title parts, not of headings.
   */
  siteName: (key: string) => boolean;
  /**
   * Whether a text (comparison form) ends the page's breadcrumb (`当前位置：首页 > 工作动态 > X`): the
   * page's own name, which on an article page is the article's headline or its column.
   */
  endsBreadcrumb: (key: string) => boolean;
}

/**
 * A test for texts (in comparison form) that name a section or the site rather than an article. The
 * evidence is read lazily: most titles are told apart by their length and the section words alone.
 */
export function genericTest(evidence: TitleEvidence): (key: string) => boolean {
  return titleTests(evidence).generic;
}

/** {@link genericTest} and the site-name test, reading the page's evidence once for both. */
export function titleTests(evidence: TitleEvidence): TitleTests {
  const navItems = once(() => navigationItems(evidence));
  const footerTexts = once(() =>
    evidence.lines
      .filter((line) => line.text.length <= 200 && COPYRIGHT.test(line.text))
      .map((line) => evidence.comparable(line.text)),
  );
  const siteNames = once(() => new Set(evidence.siteNames()));
  const headings = once(() => new Set(evidence.headings()));
  const namedAsSite = (key: string, minFooterChars: number): boolean =>
    key.length <= MAX_SITE_NAME_CHARS &&
    (siteNames().has(key) ||
      (key.length >= minFooterChars && footerTexts().some((text) => text.includes(key))));
  const isGenericItem = (key: string): boolean =>
    SECTION_WORDS.has(key) ||
    (key.length <= MAX_NAV_ITEM_CHARS && navItems().has(key) && !headings().has(key)) ||
    (!evidence.shown.has(key) && namedAsSite(key, 0));
  // `首页 - 新闻动态`, `首页>新闻中心`: a trail of generic items is generic too.
  const generic = (text: string): boolean => {
    // `北医新闻网_(新闻)`: a section name in brackets is one all the same.
    const key = text.replace(ENCLOSING_BRACKETS, "");
    if (key.length === 0) return false;
    if (isGenericItem(key)) return true;
    const items = key.split(TRAIL_SEPARATORS).filter((item) => item.length > 0);
    return items.length > 1 && items.every(isGenericItem);
  };
  const breadcrumbEnds = once(() => breadcrumbLastItems(evidence));
  return {
    generic,
    siteName: (key) => key.length >= 2 && namedAsSite(key, MIN_FOOTER_NAME_CHARS),
    endsBreadcrumb: (key) => key.length > 0 && breadcrumbEnds().has(key),
  };
}

/** Short items of the navigation and breadcrumb lines, in comparison form. */
function navigationItems(evidence: TitleEvidence): Set<string> {
  const items = new Set<string>();
  const isNavigationElement = memoize(isNavigation);
  for (const line of evidence.lines) {
    if (line.text.length > 200) continue;
    if (!line.markedAncestors.some(isNavigationElement) && !BREADCRUMB_TEXT.test(line.text)) continue;
    for (const item of [line.text, ...line.text.split(ITEM_SEPARATORS)]) {
      const key = evidence.comparable(item);
      if (key.length >= 2 && key.length <= MAX_NAV_ITEM_CHARS) items.add(key);
    }
  }
  return items;
}

/** Separators of a breadcrumb's items; spaces are not, since a headline at its end has them. */
const CRUMB_SEPARATORS = /[>›»→/:：]/;

const BREADCRUMB_TOKENS: ReadonlySet<string> = new Set(["breadcrumb", "breadcrumbs", "crumb", "crumbs"]);

/** The last item of each breadcrumb line, in comparison form. */
function breadcrumbLastItems(evidence: TitleEvidence): Set<string> {
  const items = new Set<string>();
  const isBreadcrumbElement = memoize((element) =>
    attributeTokens(attributeMarker(element)).some((token) => BREADCRUMB_TOKENS.has(token)),
  );
  for (const line of evidence.lines) {
    if (line.text.length > 300) continue;
    if (!BREADCRUMB_TEXT.test(line.text) && !line.markedAncestors.some(isBreadcrumbElement)) continue;
    const crumbs = line.text.split(CRUMB_SEPARATORS);
    if (crumbs.length < 2) continue;
    const key = evidence.comparable((crumbs[crumbs.length - 1] ?? "").replaceAll("\u2063", ""));
    if (key.length >= 2) items.add(key);
  }
  return items;
}

function memoize(test: (element: Element) => boolean): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element) => {
    let answer = known.get(element);
    if (answer === undefined) {
      answer = test(element);
      known.set(element, answer);
    }
    return answer;
  };
}

const ENCLOSING_BRACKETS = /^[(（[【〔]|[)）\]】〕]$/g;

/** Separators of a trail of section names in comparison form (spaces are already gone). */
const TRAIL_SEPARATORS = /[-–—|｜_>›»→/·•:：]+/;

const NAVIGATION_TOKENS: ReadonlySet<string> = new Set([
  "nav",
  "navbar",
  "navigation",
  "menu",
  "breadcrumb",
  "breadcrumbs",
  "crumb",
]);

/** A breadcrumb known by its words where no class marks it: `当前位置：首页 > 新闻中心`, `Home » News`. */
const BREADCRUMB_TEXT =
  /^(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|所在位置|位置)\s*[:：]|(?:首页|主页|home)\s*[>›»→]/i;

/** Whether a marked container is the site's navigation or breadcrumb (not a list of other articles). */
function isNavigation(element: Element): boolean {
  if (element.localName === "nav") return true;
  return attributeTokens(attributeMarker(element)).some((token) => NAVIGATION_TOKENS.has(token));
}

/**
 * Whether an href may point at the site's home page (`/`, `./`, `index.html`, `https://host/`): a string
 * test run before the URL is parsed.
 */
function mayBeHomeHref(href: string | null): boolean {
  return href !== null && href.length <= 80 && HOME_HREF.test(href.trim());
}

const HOME_HREF = /^(?:(?:https?:)?\/\/[^/?#]+)?(?:\.{0,2}\/)?(?:index\.\w+)?$/i;

/** Texts of links to the site's home page (`<a href="/">江南机械有限公司</a>`), the site's own name. */
export function homeLinkTexts(
  links: readonly Element[],
  document: Document,
  comparable: (text: string) => string,
): string[] {
  const texts: string[] = [];
  for (const link of links) {
    const href = link.getAttribute("href");
    if (!mayBeHomeHref(href)) continue;
    const text = comparable(link.textContent ?? "");
    if (text.length < 2 || text.length > MAX_SITE_NAME_CHARS) continue;
    try {
      const url = new URL(href ?? "", document.baseURI);
      if (/^\/(?:index\.\w+)?$/.test(url.pathname) && url.search === "") texts.push(text);
    } catch {
      // An unparseable href names nothing.
    }
  }
  return texts;
}
