/**
 * Drops share bars and social prompts: 分享到 微信 微博 QQ空间, 扫一扫分享, 点赞, 打赏, 手机看新闻.
 *
 * Share widgets are mostly icons, but their text labels survive as a short line of platform names;
 * "扫描二维码/关注公众号" prompts sit at the end of self-media articles. A line is dropped when it opens
 * with a share verb or consists of platform names and share words only.
 */
import type { BlockFilter } from "./block-filter.js";

/** Words that open a share prompt. */
export const SHARE_OPENERS = [
  "分享到",
  "分享至",
  "分享",
  "一键分享",
  "转发到",
  "转发至",
  "Share(?![a-z])", // not "Shares of the company fell…"
  "扫一扫",
  "扫描二维码",
];

/** Platform names and share words; a short line of only these is a share bar. */
export const SHARE_WORDS = [
  "微信朋友圈", "朋友圈", "微信好友", "微信", "新浪微博", "腾讯微博", "微博", "QQ空间", "QQ好友", "QQ", "豆瓣",
  "人人网", "开心网", "百度贴吧", "贴吧", "抖音", "今日头条", "头条", "Facebook", "Twitter", "LinkedIn",
  "WhatsApp", "Telegram", "Email", "复制链接", "复制网址", "分享到", "分享", "转发", "收藏", "点赞", "赞",
  "打赏", "评论", "举报", "更多", "扫一扫", "二维码", "手机看新闻", "手机阅读",
]; // biome-ignore format: a vocabulary reads better packed

/** Prompts to follow an account, found after self-media articles. */
const FOLLOW_PROMPTS =
  /(?:扫描|长按|识别)(?:下方|上方|图中)?二维码|关注(?:我们的)?(?:微信)?公众号|点击(?:上方|下方)?[“"]?(?:蓝字|关注)/;
const MAX_SHARE_LENGTH = 60;

const OPENER = new RegExp(`^(?:${SHARE_OPENERS.join("|")})\\s*[:：]?`, "i");
const WORD = new RegExp(SHARE_WORDS.join("|"), "i");
/** Share words, separators and counters (`点赞 12`): what a share bar is made of. */
const BAR_PARTS = new RegExp(`${SHARE_WORDS.join("|")}|\\d+|[\\s|｜:：/,，、·•()（）]`, "gi");

export function isShareLine(text: string, length: number): boolean {
  if (length > MAX_SHARE_LENGTH) return false;
  if (OPENER.test(text) || FOLLOW_PROMPTS.test(text)) return true;
  return WORD.test(text) && text.replace(BAR_PARTS, "") === "";
}

export const stripShareBars: BlockFilter = (blocks) =>
  blocks.filter((block) => !isShareLine(block.text, block.length));
