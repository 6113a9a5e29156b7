import { describe, expect, test } from "vitest";
import { parseBylineText } from "./byline-labels.js";
import { ELEMENT_SEAM } from "./page-lines.js";

/** `field=value` pairs of a line, stop labels left out. */
function pairs(text: string): string[] {
  return parseBylineText(text)
    .filter((hit) => hit.field !== "other")
    .map((hit) => `${hit.field}=${hit.value}`);
}

describe("parseBylineText", () => {
  test.each([
    [
      "a packed Chinese byline",
      "发布时间：2023-01-10 09:05 来源：无锡日报 作者：张三 李四 浏览次数：1,024",
      ["published=2023-01-10 09:05", "source=无锡日报", "author=张三 李四", "views=1,024"],
    ],
    [
      "an English byline",
      "Writer: admin Time:2023-01-10 Browse:94",
      ["author=admin", "published=2023-01-10", "views=94"],
    ],
    [
      "colon-less labels with separators",
      "发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星",
      ["published=2014-08-24 21:30", "views=", "source=CSDN", "author=魏星"],
    ],
    [
      "spans glued without spaces",
      `2019-09-26 12:11${ELEMENT_SEAM}来源：证券时报网${ELEMENT_SEAM}作者：李在山`,
      ["source=证券时报网", "author=李在山"],
    ],
    ["longest label wins", "责任编辑：霍琦", ["editor=霍琦"]],
    ["stop labels end a value", "来源：人民网 分享到：微博", ["source=人民网"]],
    ["a label word inside a word is no label", "新闻发布时间表已出炉", []],
    ["文 needs a colon", "中文/英文 文化", []],
    ["文： with a colon", "文：眉间尺", ["author=眉间尺"]],
    ["By only before a capitalised name", "written by hand, By Jane Doe", ["author=Jane Doe"]],
    [
      "lowercase by after a byline verb, the name ending at its date",
      "Posted by 刘海燕 on 2023-04-18 15:20",
      ["author=刘海燕"],
    ],
    ["empty value", "浏览次数：", ["views="]],
  ])("%s", (_name, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  test("keeps the text before a label for counts written first", () => {
    const [views] = parseBylineText("1164次阅读").filter((hit) => hit.field === "views");
    expect(views?.before).toBe("1164次");
  });

  test("marks byline lines, so prose using a label word is not one", () => {
    expect(parseBylineText("来源CSDN| 作者魏星").every((hit) => hit.inByline)).toBe(true);
    expect(parseBylineText("记者注意到，芯片企业大多采用7纳米技术").every((hit) => !hit.inByline)).toBe(true);
  });
});
