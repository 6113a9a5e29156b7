/**
 * Drops a promotion printed above or below the article: `“年度人物评选”火热进行中！【点击投票】`,
 * `新品免费试玩，快来体验吧！下载客户端还能获得专享福利`.
 *
 * Portals inject such lines into the article column, linked to a campaign page. They read like prose
 * (punctuated, a sentence or two), so the cluster filter keeps them, but they address the reader with
 * a call to action and link away. A line is a promotion when it is short, carries a link, and uses
 * call-to-action words; only lines at the head or the tail of the content are judged, so a paragraph
 * of the article that mentions a vote or a download stays.
 */
import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";
import { classifyBlock } from "./keep-main-cluster.js";

/** Words that ask the reader to act now. */
const CALL_TO_ACTION =
  /点击投票|火热进行中|火热报名中|快来|赶快|下载客户端|免费试玩|免费领取|专享福利|立即(?:参与|下载|报名|领取|抢购|体验)|戳这里|猛戳|点此(?:进入|报名|参与|查看)|扫码(?:参与|领取|下载|关注)/;
/** A promotion is a line or two. */
const MAX_PROMO_LENGTH = 120;

function isPromotion(block: Block): boolean {
  return block.length <= MAX_PROMO_LENGTH && block.linkLength > 0 && CALL_TO_ACTION.test(block.text);
}

export const stripPromoBlocks: BlockFilter = (blocks) => {
  const article = blocks.map((block) => !isPromotion(block) && classifyBlock(block) === "prose");
  const first = article.indexOf(true);
  const last = article.lastIndexOf(true);
  if (first < 0) return [...blocks];
  return blocks.filter((block, index) => !((index < first || index > last) && isPromotion(block)));
};
