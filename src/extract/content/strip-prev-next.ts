/**
 * Drops article-navigation and page-tool lines: 上一篇/下一篇, 上一条/下一条, 上一页/下一页,
 * 返回顶部, 打印本页, 关闭窗口, 【字体：大 中 小】, 第1页/共1页.
 *
 * Chinese CMS templates print these inside the article container, right under the title or after the
 * last paragraph, and they often carry the neighbouring article's headline ("上一篇：…"), which would
 * otherwise read as a sentence of this article. A line counts when it opens with a navigation label,
 * or when it is short and made of page-tool words and nothing else of substance. Bare counters
 * (`1/10` of a gallery, `+1` of a like button) go too.
 */
import type { BlockFilter } from "./block-filter.js";

/** Labels that open a line pointing at another article or page. */
export const NAVIGATION_OPENERS = [
  "上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "上篇", "下篇", "前一篇", "后一篇", "上一则",
  "下一则", "上一个", "下一个", "previous", "next", "prev",
]; // biome-ignore format: a vocabulary reads better packed

/** Page-tool words; a short line made of these is a toolbar. */
export const PAGE_TOOL_WORDS = [
  "返回顶部", "回到顶部", "打印本页", "打印此页", "打印文章", "打印", "关闭窗口", "关闭本页", "关闭", "收藏本页",
  "加入收藏", "收藏", "返回首页", "返回列表", "返回上一页", "返回", "查看更多", "字体", "字号", "默认", "大",
  "中", "小", "第\\d+页", "共\\d+页", "首页", "尾页", "上一页", "下一页", "上一篇",
  "下一篇", "纠错", "我要纠错", "推荐给朋友", "发送给好友", "保存", "背景色", "护眼",
]; // biome-ignore format: a vocabulary reads better packed

/** Phrases that mark a navigation line wherever they appear in a short line. */
const NAVIGATION_PHRASES =
  /返回[\u4e00-\u9fff]{1,6}[，,]\s*查看更多|返回顶部|打印本页|关闭窗口|第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页|【\s*字[体号][:：]?\s*大\s*中\s*小\s*】|字[体号][:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小/;
const MAX_NAVIGATION_LENGTH = 80;

const OPENER = new RegExp(`^[【\\[<«\\s]*(?:${NAVIGATION_OPENERS.join("|")})\\s*[:：>»\\]】]`, "i");
const TOOLS = new RegExp(`${PAGE_TOOL_WORDS.join("|")}|[\\s|｜:：/<>«»()（）·•【】\\[\\]]`, "g");

/** A bare counter: a gallery position (`1/10`), a like button (`+1`), a count with nothing else. */
const COUNTER = /^[+＋]?\d+(?:\s*\/\s*\d+)?$/;

export function isNavigationLine(text: string, length: number): boolean {
  if (length > MAX_NAVIGATION_LENGTH) return false;
  if (COUNTER.test(text)) return true;
  if (OPENER.test(text) || NAVIGATION_PHRASES.test(text)) return true;
  return text.replace(TOOLS, "") === "";
}

export const stripPrevNext: BlockFilter = (blocks) =>
  blocks.filter((block) => !isNavigationLine(block.text, block.length));
