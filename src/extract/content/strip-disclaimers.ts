/**
 * Drops disclaimer paragraphs (特别声明, 免责声明, 版权声明, "本平台仅提供信息存储服务", "转载请注明出处",
 * "如有侵权请联系删除" …) and, when a disclaimer closes the article, everything after it.
 *
 * Self-media platforms and aggregators append these to every article, often inside the article
 * container, and what follows them is never the article again (recommended headlines, the site's
 * footer). A disclaimer at the top ("声明：本文为原创…") is dropped alone: the article follows it.
 * Where the disclaimer sits is judged by text mass (`closesArticle`).
 */
import type { BlockFilter } from "./block-filter.js";
import { closesArticle } from "./closes-article.js";

/** Headings that open a disclaimer paragraph. */
export const DISCLAIMER_OPENERS = [
  "特别声明", "免责声明", "免责申明", "版权声明", "版权说明", "郑重声明", "法律声明", "风险提示", "反侵权公告",
  "版权公告", "侵权声明", "声明",
]; // biome-ignore format: a vocabulary reads better packed

/** Phrases that make a paragraph a disclaimer wherever they appear in it. */
export const DISCLAIMER_PHRASES = [
  "本文来源于网络", "来源于网络", "转载请注明", "转载请联系", "版权归原作者所有", "版权归原作者", "版权归作者所有",
  "如有侵权请联系删除", "如有侵权", "如涉及版权", "请联系我们删除", "联系删除", "本平台仅提供信息存储服务",
  "仅提供信息存储服务", "不代表本站观点", "不代表本网观点", "不代表本平台观点", "不代表本网站观点",
  "不代表本站立场", "不代表本网立场", "不代表本平台立场", "仅代表作者本人观点", "仅代表作者个人观点",
  "仅代表作者观点", "未经授权不得转载", "未经许可不得转载", "未经授权，不得转载", "未经许可，不得转载",
  "禁止转载", "谢绝转载", "不构成投资建议", "不构成实质性投资建议", "投资有风险，入市需谨慎",
  "本网转载", "凡本网注明", "网友评论仅供其表达个人看法", "以上内容仅供参考",
]; // biome-ignore format: a vocabulary reads better packed

/** A disclaimer is a paragraph, not an article: longer blocks that mention a phrase are kept. */
const MAX_DISCLAIMER_LENGTH = 250;

const OPENER = new RegExp(`^[【\\[（(]?\\s*(?:${DISCLAIMER_OPENERS.join("|")})\\s*[】\\]）)]?\\s*[:：]`);

/** The heading alone on its line (`郑 重 声 明`), the disclaimer's clauses following. */
const OPENERS_ALONE = new RegExp(`^[【\\[（(]?(?:${DISCLAIMER_OPENERS.join("|")})[】\\]）)]?$`);

export function isDisclaimer(text: string, length: number): boolean {
  if (length > MAX_DISCLAIMER_LENGTH) return false;
  const compact = text.replace(/\s+/g, "");
  return (
    OPENER.test(compact) ||
    OPENERS_ALONE.test(compact) ||
    DISCLAIMER_PHRASES.some((phrase) => compact.includes(phrase))
  );
}

export const stripDisclaimers: BlockFilter = (blocks) => {
  const kept = [];
  for (const [index, block] of blocks.entries()) {
    if (!isDisclaimer(block.text, block.length)) kept.push(block);
    else if (closesArticle(blocks, index)) return kept;
  }
  return kept;
};
