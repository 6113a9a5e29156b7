/**
 * Drops the site's contact footer (`CONTACT US`, 电话, 传真, 手机, Email, 地址, 邮编, QQ) and
 * copyright / ICP registration lines.
 *
 * Portal templates print the company's contact card below every article, often inside the same column,
 * so Readability keeps it. A notice's own contact lines ("联系人：王某 联系电话：…") belong to the
 * article, though, so contact lines are only dropped as a card: after a contact heading, or as a run
 * of two or more at the end of the content that names no contact person. Copyright and ICP lines are
 * never article text and go wherever they are.
 */

import type { BlockFilter } from "./block-filter.js";
import type { Block } from "./block-model.js";

/** Headings that open a contact card. */
export const CONTACT_HEADINGS = /^(?:contact\s*us|contact|联系我们|联系方式|联系信息|联系地址)\s*[:：]?$/i;

/** Labels of contact lines, before `：` or `:`. */
export const CONTACT_LABELS = [
  "电话", "联系电话", "咨询电话", "服务电话", "客服电话", "热线", "服务热线", "客服热线", "全国热线", "传真",
  "手机", "Tel", "Telephone", "Phone", "Fax", "Mobile", "E-?mail", "邮箱", "电子邮箱", "电子邮件", "邮件",
  "地址", "公司地址", "联系地址", "通讯地址", "办公地址", "邮编", "邮政编码", "QQ", "微信", "微信号", "网址",
  "Add", "Address", "Web", "Website", "Http",
]; // biome-ignore format: a vocabulary reads better packed

/** A named contact person makes contact lines part of the article (a notice's 联系人). */
const CONTACT_PERSON = /联系人\s*[:：]/;
/** Copyright and registration lines. */
const COPYRIGHT =
  /^(?:©|copyright\b|\(c\)\s*\d{4})|版权所有|all rights reserved|ICP\s*[备证]|公网安备|增值电信业务经营许可证/i;
/** Contact and copyright lines are short; an article paragraph that mentions a phone number is not. */
const MAX_CONTACT_LENGTH = 80;

const CONTACT_LINE = new RegExp(`^(?:${CONTACT_LABELS.join("|")})\\s*[:：]`, "i");

export function isContactLine(block: Block): boolean {
  return (
    block.length <= MAX_CONTACT_LENGTH && CONTACT_LINE.test(block.text) && !CONTACT_PERSON.test(block.text)
  );
}

export function isCopyrightLine(block: Block): boolean {
  return block.length <= MAX_CONTACT_LENGTH && COPYRIGHT.test(block.text);
}

export const stripContactBlocks: BlockFilter = (blocks) => {
  const drop = new Set<number>();
  blocks.forEach((block, index) => {
    if (isCopyrightLine(block)) drop.add(index);
    if (block.length <= MAX_CONTACT_LENGTH && CONTACT_HEADINGS.test(block.text)) {
      drop.add(index);
      for (let next = index + 1; next < blocks.length; next += 1) {
        const following = blocks[next];
        if (!following || !(isContactLine(following) || isCopyrightLine(following))) break;
        drop.add(next);
      }
    }
  });
  // A contact card at the very end, without a heading: two or more contact lines and nothing after.
  let start = blocks.length;
  while (start > 0) {
    const previous = blocks[start - 1];
    if (!previous || !(isContactLine(previous) || isCopyrightLine(previous) || drop.has(start - 1))) break;
    start -= 1;
  }
  const tailContactLines = blocks.slice(start).filter(isContactLine).length;
  const namesPerson = blocks.slice(Math.max(0, start - 3)).some((block) => CONTACT_PERSON.test(block.text));
  if (tailContactLines >= 2 && !namesPerson)
    for (let index = start; index < blocks.length; index += 1) drop.add(index);
  return blocks.filter((_, index) => !drop.has(index));
};
