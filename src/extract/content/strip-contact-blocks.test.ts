import { describe, expect, test } from "vitest";
import { stripContactBlocks } from "./strip-contact-blocks.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");
const B = prose("乙");

describe("stripContactBlocks", () => {
  test.each([
    [
      "a CONTACT US card and its lines",
      `<p>${A}</p><p>CONTACT US</p><p>电话:400-123-4567</p><p>Email: admin@baidu.com</p><p>传真:+86-123-4567</p><p>手机:13888888888</p>`,
      [A],
    ],
    [
      "a 联系我们 card with address and postcode",
      `<p>${A}</p><h3>联系我们</h3><p>地址：浙江省温州市龙湾区</p><p>邮编：325000</p><p>QQ：123456</p>`,
      [A],
    ],
    [
      "a contact card at the very end without a heading",
      `<p>${A}</p><p>${B}</p><p>联系电话：0571-12345678</p><p>邮箱：info@example.com</p>`,
      [A, B],
    ],
    [
      "copyright and ICP lines wherever they are",
      `<p>${A}</p><p>Copyright © 2023 三牛娱乐新闻 版权所有</p><p>浙ICP备15009876号-1</p><p>${B}</p>`,
      [A, B],
    ],
    [
      "a notice's own contact person and phone stay",
      `<p>${A}</p><p>联系人：王老师</p><p>联系电话：0571-12345678</p>`,
      [A, "联系人：王老师", "联系电话：0571-12345678"],
    ],
    [
      "a single phone line inside the article stays",
      `<p>${A}</p><p>咨询电话：12345</p><p>${B}</p>`,
      [A, "咨询电话：12345", B],
    ],
  ])("%s", (_name, html, expected) => {
    expect(keptTexts(stripContactBlocks, html)).toEqual(expected);
  });
});
