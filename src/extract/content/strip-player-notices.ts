/**
 * Drops the text that embedded players and galleries leave behind: "您的浏览器暂时无法播放此视频",
 * "视频加载中", "点击播放", a lone "图集" label, the "自动播放" toggle before a video's title, a "知道了"
 * button that closes the player's notice.
 *
 * A page saved or fetched without scripts shows the player's fallback message where the video was;
 * Readability keeps it because it sits among the paragraphs. Only short lines made of such a message
 * are dropped.
 */
import type { BlockFilter } from "./block-filter.js";

/** Fallback and status messages of video/audio players and image galleries. */
export const PLAYER_NOTICES =
  /(?:您的)?浏览器(?:暂时)?(?:不支持|无法|不能)(?:播放|观看|显示)|your browser does not support|视频加载中|正在加载|加载中[.…]*$|^点击(?:播放|观看|查看大图)|^图集$|^组图$|^播放$|^视频$|^\d{1,2}:\d{2}$|^自动播放|^(?:我)?知道了$/i;
const MAX_NOTICE_LENGTH = 30;

export const stripPlayerNotices: BlockFilter = (blocks) =>
  blocks.filter((block) => !(block.length <= MAX_NOTICE_LENGTH && PLAYER_NOTICES.test(block.text)));
