/**
 * The words and URL keys of pagers, in one place for the three readers that need them: link discovery
 * (`discover-links.ts`: is this link another page of the list or article?), an article's later pages
 * (`article-pages.ts`: which links continue this article?) and the page classifier (`classify-page.ts`:
 * is this page a later page of an article, not a record of its own?).
 *
 * Each reader takes the groups it needs; a reader that must not see a group says so by the subset it uses,
 * never by a copy of the list with a key left out.
 *
 * @example
 * pageQueryKey("page")           // → "article"
 * pageQueryKey("cpage")          // → "comment"
 * ARTICLE_PAGE_KEYS.has("paged") // → false: WordPress numbers list pages with it
 * readsAsPagerLink(" [下一页] ")  // → true
 */

/**
 * Query keys that number the pages of one article (`show.php?id=7&page=2`), and also of lists built the
 * same way (`list.php?tid=3&page=2`): the common spellings of CMSs and hand-written PHP/ASP/JSP sites.
 */
export const ARTICLE_PAGE_KEYS: ReadonlySet<string> = new Set([
  "page",
  "pn",
  "pg",
  "pageno",
  "page_no",
  "pagenum",
  "pagenumber",
  "pageindex",
  "page_index",
  "curpage",
  "currentpage",
]);

/**
 * Query keys that number list pages only: WordPress's `paged` (archive and category pages). A later page of
 * an article never carries them.
 */
export const LIST_PAGE_KEYS: ReadonlySet<string> = new Set(["paged"]);

/**
 * Query keys that number comment pages under an article (WordPress's, Discuz's and DedeCMS's `cpage`): such a
 * page shows the same article again with other comments. It is another page of something (link discovery),
 * and not a record of its own (the classifier), but never a later page of the article's text.
 */
export const COMMENT_PAGE_KEYS: ReadonlySet<string> = new Set(["cpage"]);

/**
 * Keys that number pages only on the page's own path: `p` is also WordPress's post id (`?p=123`), and
 * `start`/`offset`/`begin` count items (`?start=20`), not pages.
 */
export const WEAK_PAGE_KEYS: ReadonlySet<string> = new Set(["p", "start", "offset", "begin"]);

/** Which group a query key belongs to (case-insensitive), or null when it numbers no pages. */
export function pageQueryKey(key: string): "article" | "list" | "comment" | "weak" | null {
  const lower = key.toLowerCase();
  if (ARTICLE_PAGE_KEYS.has(lower)) return "article";
  if (LIST_PAGE_KEYS.has(lower)) return "list";
  if (COMMENT_PAGE_KEYS.has(lower)) return "comment";
  if (WEAK_PAGE_KEYS.has(lower)) return "weak";
  return null;
}

/** Anchor text of "next page" and other pager links (after `pagerKey`): they mean "another page" anywhere. */
export const PAGER_TEXT_STRONG =
  /^(下一页|下页|下一頁|後頁|后页|尾页|末页|最后一页|最末页|上一页|上页|上一頁|前页|前一页|next|nextpage|last|lastpage|prev|previous|›|»|>>|>|＞|→|»»)$/;
/** Pager words that also mean something else (首页 is the home page too): need a pager bar around them. */
export const PAGER_TEXT_WEAK = /^(首页|第一页|first|firstpage|«|‹|<<|<|＜|←|\d{1,4}|第\d{1,4}页|\.\.\.|…)$/;
/** Pager text that names page 1 (1, [1], 第1页, 首页) or the way back to it, rather than the next page. */
export const PAGE_ONE_TEXT = /^(1|第1页|第一页|首页|first|firstpage|«|‹|<<)$/;
/** Links to the neighbouring article, not to another page of a list. */
export const NEIGHBOUR_ARTICLE_TEXT = /^(上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)/;

/**
 * Anchor text reduced for the vocabulary: no spaces, brackets or separators, lower case, and no arrows
 * around a word (`‹ previous`, `下一页 >`, `« 首页` read as the word alone; a lone `»` stays).
 */
export function pagerKey(text: string): string {
  return text
    .replace(/[\s[\]【】()（）〔〕「」|·]/g, "")
    .toLowerCase()
    .replace(/^[«‹<＜←»›>＞→]+(?=[^«‹<＜←»›>＞→])|(?<=[^«‹<＜←»›>＞→])[«‹<＜←»›>＞→]+$/g, "");
}

/** Text a pager link shows: a page number, 第N页, 上一页/下一页, next, 首页… */
export function readsAsPagerLink(text: string): boolean {
  const key = pagerKey(text);
  return PAGER_TEXT_STRONG.test(key) || PAGER_TEXT_WEAK.test(key);
}
