import { describe, expect, test } from "vitest";
import { stripRepeatedTitle } from "./strip-repeated-title.js";
import { blockTexts, keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");
const TITLE = "新时代 新征程 新伟业 点燃科创引擎 激活澎湃动力";

describe("stripRepeatedTitle", () => {
  test.each([
    ["the title as a heading", `<h1>${TITLE}</h1><p>${A}</p>`, TITLE, [A]],
    [
      "the title with different punctuation",
      `<h2>新时代、新征程、新伟业：点燃科创引擎，激活澎湃动力</h2><p>${A}</p>`,
      TITLE,
      [A],
    ],
    [
      "a longer headline that contains the short <title>",
      `<p>${TITLE} 区科技局书写新篇章</p><p>${A}</p>`,
      TITLE,
      [A],
    ],
    [
      "the column label above the headline",
      `<h2>新闻动态</h2><p>NEWS</p><h1>${TITLE}</h1><p>${A}</p>`,
      TITLE,
      [A],
    ],
    ["an 原标题 line", `<p>（原标题：${TITLE}）</p><p>${A}</p>`, TITLE, [A]],
    [
      "an 原标题 line and the reworded headline under it",
      `<p>（原标题：张三对李四说了啥？李四上下半场判若两人）</p><p>张三对李四说了啥？大魔王上下半场判若两人</p><p>${A}</p>`,
      "张三对李四说了啥？李四上下半场判若两人",
      [A],
    ],
    [
      "a headline reworded for the page",
      `<p>张三对李四说了啥？大魔王上下半场判若两人</p><p>${A}</p>`,
      "张三对李四说了啥？李四上下半场判若两人",
      [A],
    ],
    ["a leading <h1> when no title is known", `<h1>某某标题</h1><p>${A}</p>`, null, [A]],
  ])("drops %s", (_name, html, title, expected) => {
    expect(keptTexts(stripRepeatedTitle, html, { title })).toEqual(expected);
  });

  test.each([
    [
      "a subheading sharing only digits with the title",
      `<p>${A}</p><h2>什么是“3-2-1”原则</h2>`,
      "家用NAS数据备份的“3-2-1”原则实践",
    ],
    ["a title-like line after the prose starts", `<p>${A}</p><p>${TITLE}</p>`, TITLE],
    [
      "a heading that is the title's first half",
      `<p>2023年1月10日</p><h2>赛车新赛季日程正式公布</h2><p>${A}</p>`,
      "赛车新赛季日程正式公布 全年共设八站分站",
    ],
    [
      "an opening sentence that shares the title's words",
      "<p>李四上下半场判若两人，赛后张三对他说了几句话。</p>",
      "张三对李四说了啥？李四上下半场判若两人",
    ],
    ["lines before a title that comes after prose", `<p>导语</p><p>${A}</p><h2>${TITLE}</h2>`, TITLE],
  ])("keeps %s", (_name, html, title) => {
    expect(keptTexts(stripRepeatedTitle, html, { title })).toEqual(blockTexts(html));
  });
});
