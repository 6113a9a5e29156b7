/**
 * Drops image captions that end with a photo credit: `图为启动仪式现场。（刘通摄）`,
 * `沙坪坝区公安分局供图`, `加拿大大叔Gweilo（视频截图）`, `在公园晨练的老年人。（视觉中国）`.
 *
 * The images themselves stay in `html`; their credit lines are not sentences of the article, and in
 * Chinese news they sit between paragraphs where no position rule can find them. Only short lines
 * whose end is a credit are dropped, so a paragraph that mentions a photographer stays.
 */
import type { BlockFilter } from "./block-filter.js";

/** How a credit closes a caption: `（刘通摄）`, `新华社记者 张三 摄`, `供图`, `（视频截图）`, `（视觉中国）`. */
export const PHOTO_CREDIT =
  /(?:[（(][^（）()]{0,16}(?:摄|供图|截图|图片来源[^（）()]*|图源[^（）()]*|视觉中国|东方IC|图虫创意|IC photo|CFP)[）)]|(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}\s*摄|供图|视频截图|网络截图|资料图片?)$/i;
/** Some templates print the outlet after the credit: `沙坪坝区公安分局供图 华龙网`. */
const TRAILING_OUTLET = /\s+[\u4e00-\u9fff]{2,6}$/;
/** Captions are short. */
const MAX_CAPTION_LENGTH = 50;

function endsWithCredit(text: string): boolean {
  const line = text.trim();
  return PHOTO_CREDIT.test(line) || PHOTO_CREDIT.test(line.replace(TRAILING_OUTLET, ""));
}

export const stripPhotoCredits: BlockFilter = (blocks) =>
  blocks.filter((block) => !(block.length <= MAX_CAPTION_LENGTH && endsWithCredit(block.text)));
