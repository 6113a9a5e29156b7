/**
 * Drops "related articles" sections: a 相关阅读 / 相关新闻 / 推荐阅读 / 延伸阅读 / 热门文章 heading and
 * the list of headlines after it.
 *
 * News CMS templates put these lists inside the article container, at the end or between paragraphs;
 * their headlines are other articles' titles. After the heading, every line that reads like a headline
 * (a link, or a short line that does not end a sentence) is dropped, up to the next line of prose,
 * which means the article resumes. A related heading that closes the article (`closesArticle`) takes
 * everything after it: such sections mix headlines with teaser paragraphs that read like prose.
 */

import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { closesArticle } from "./closes-article.js";
import { looksLikeHeadline } from "./headline-shape.js";

/** Headings of related-content lists. */
export const RELATED_HEADINGS = [
  "相关阅读", "相关新闻", "相关文章", "相关链接", "相关报道", "相关推荐", "相关资讯", "相关专题", "相关内容",
  "推荐阅读", "延伸阅读", "扩展阅读", "拓展阅读", "热门文章", "热门推荐", "热门阅读", "热门新闻", "热点推荐",
  "热点新闻", "热点文章", "精彩推荐", "精彩阅读", "编辑推荐", "猜你喜欢", "为您推荐", "为你推荐", "更多精彩",
  "往期回顾", "往期精选", "往期推荐", "最新文章", "最新新闻", "最新资讯", "大家都在看", "看了又看", "阅读排行",
  "点击排行", "排行榜", "今日推荐", "本周热点", "此前报道", "延伸推荐", "相关推荐", "推荐", "Related", "Related Articles", "Related Posts",
  "Read More", "Recommended", "You May Also Like",
]; // biome-ignore format: a vocabulary reads better packed

/** A line of the list with a heading and links in one block (`相关新闻：<a>…</a>`) is at most this long. */
const MAX_INLINE_LIST_LENGTH = 200;

const HEADING = new RegExp(
  `^[【\\[《<（(■●▲◆★☆\\s]*(?:${[...RELATED_HEADINGS].sort((a, b) => b.length - a.length).join("|")})[】\\]》>）)\\s]*[:：>»]*\\s*`,
  "i",
);

/** Separators that decorate headings (`延伸 · 推荐`). */
const DECORATION = /[\s·•|｜丨]+/g;

function isRelatedHeading(block: Block): boolean {
  const text = block.text.replace(DECORATION, "");
  const match = HEADING.exec(text);
  if (!match) return false;
  const rest = text.slice(match[0].length);
  if (rest.trim() === "") return true;
  // "相关新闻：<a>某某报道</a>" — the heading and its list in one line.
  return block.length <= MAX_INLINE_LIST_LENGTH && block.linkLength >= (block.length - match[0].length) * 0.5;
}

export const stripRelated: BlockFilter = (blocks) => {
  const drop = new Set<number>();
  blocks.forEach((block, index) => {
    if (!isRelatedHeading(block)) return;
    drop.add(index);
    // At the end of the article the section runs to the end: headlines with teasers, more lists.
    if (closesArticle(blocks, index))
      for (let next = index + 1; next < blocks.length; next += 1) drop.add(next);
    for (let next = index + 1; next < blocks.length; next += 1) {
      const following = blocks[next];
      if (!following || !looksLikeHeadline(following)) break;
      drop.add(next);
    }
  });
  return blocks.filter((_, index) => !drop.has(index));
};
