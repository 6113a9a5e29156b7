/**
 * Cuts everything after the line that ends a Chinese news article: `责任编辑：…`, `（完）`,
 * `返回搜狐，查看更多`.
 *
 * News CMS templates close the article with the editor's name or an end mark, and whatever the
 * container holds after it is the site's: headline lists with teaser paragraphs, comment prompts,
 * "more from this outlet". Those teasers read like prose, so the shape-based tail filters cannot tell
 * them from the article; the end marker can. The marker must close the article (`closesArticle`), so
 * a 责任编辑 line printed above the body cuts nothing. `（完）` is the article's own last line and
 * stays; the other markers go.
 */

import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { closesArticle } from "./closes-article.js";

/** Lines that end the article and are themselves metadata. */
const END_LINES = [
  /^[（(【[]?\s*(?:责任编辑|责编|值班编辑|编辑|校对|审核)\s*[:：]/,
  /返回[\u4e00-\u9fff]{1,6}[，,]\s*查看更多/,
  /^[（(【[]?\s*本文来源\s*[:：]/,
];
/** The article's own end mark: kept, but nothing after it is the article. */
const END_MARK = /^[（(【[]\s*(?:完|全文完|终|end)\s*[）)】\]]$/i;
/** Markers are short lines. */
const MAX_MARKER_LENGTH = 60;

function markerKind(block: Block): "drop" | "keep" | null {
  if (block.length > MAX_MARKER_LENGTH) return null;
  if (END_MARK.test(block.text)) return "keep";
  return END_LINES.some((pattern) => pattern.test(block.text)) ? "drop" : null;
}

export const cutAfterEndMarker: BlockFilter = (blocks) => {
  for (const [index, block] of blocks.entries()) {
    const kind = markerKind(block);
    if (kind && closesArticle(blocks, index)) return blocks.slice(0, kind === "keep" ? index + 1 : index);
  }
  return [...blocks];
};
