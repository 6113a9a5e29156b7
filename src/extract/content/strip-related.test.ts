import { describe, expect, test } from "vitest";
import { stripRelated } from "./strip-related.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");
const B = prose("乙");

describe("stripRelated", () => {
  test.each([
    [
      "a 相关阅读 heading and its link list",
      `<p>${A}</p><h3>相关阅读</h3><ul><li><a href="/1">国务院印发通知</a></li><li><a href="/2">李克强主持会议</a></li></ul>`,
      [A],
    ],
    [
      "a 【推荐阅读】 heading with unlinked headlines",
      `<p>${A}</p><p>【推荐阅读】</p><p>戴尔已注销中国多家分支机构</p><p>罗永浩回应遭炮轰</p>`,
      [A],
    ],
    [
      "the heading and its list in one line",
      `<p>${A}</p><p>相关新闻：<a href="/1">滞留武汉人员睡地下通道 党报:要关照好</a></p>`,
      [A],
    ],
    [
      "a list in the middle: the article resumes after it",
      `<p>${A}</p><p>延伸阅读：</p><p><a href="/1">某地出台新规</a></p><p>${B}</p>`,
      [A, B],
    ],
    [
      "a sentence that starts with 相关 stays",
      `<p>相关新闻报道引起广泛关注，${A}</p>`,
      [`相关新闻报道引起广泛关注，${A}`],
    ],
  ])("%s", (_name, html, expected) => {
    expect(keptTexts(stripRelated, html)).toEqual(expected);
  });
});
