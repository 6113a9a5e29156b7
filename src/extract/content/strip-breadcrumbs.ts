/**
 * Drops breadcrumb lines: `当前位置：首页 > 新闻 > 正文`, `网易首页 > 财经频道 > 正文`, `Home » News`.
 *
 * Breadcrumbs sit right above the title in most Chinese CMS templates and often inside the article
 * container. A line is a breadcrumb when it opens with a location label, or when it is short, holds two
 * or more path separators, and starts at a home page or ends at 正文.
 */
import type { BlockFilter } from "./block-filter.js";

/** Labels that open a breadcrumb line. */
export const LOCATION_LABELS = [
  "当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "您当前的位置", "当前的位置", "现在位置",
  "所在位置", "所在的位置", "位置", "You are here", "Location",
]; // biome-ignore format: a vocabulary reads better packed

const LABEL = new RegExp(`^(?:${LOCATION_LABELS.join("|")})\\s*(?:是)?\\s*[:：>]`, "i");
const SEPARATORS = /\s*(?:>>|>|»|›|→|＞|\/|-{1,2}>)\s*/g;
const HOME = /^(?:首页|网站首页|主页|本站首页|[\u4e00-\u9fff]{1,6}首页|home)$/i;
const LEAF = /^(?:正文|详情|内容|文章|正文内容)$/;
const MAX_BREADCRUMB_LENGTH = 60;

export function isBreadcrumb(text: string, length: number): boolean {
  if (length > MAX_BREADCRUMB_LENGTH) return false;
  if (LABEL.test(text)) return true;
  const parts = text.split(SEPARATORS).filter((part) => part !== "");
  if (parts.length < 3) return false;
  return HOME.test(parts[0] ?? "") || LEAF.test(parts[parts.length - 1] ?? "");
}

export const stripBreadcrumbs: BlockFilter = (blocks) =>
  blocks.filter((block) => !isBreadcrumb(block.text, block.length));
