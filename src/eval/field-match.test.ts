import { describe, expect, test } from "vitest";
import {
  authorSet,
  authorsMatch,
  containsSnippet,
  endsWithSnippet,
  labelMatches,
  normalizeLabel,
  startsWithSnippet,
  viewsMatch,
} from "./field-match.js";

describe("labelMatches (title, source)", () => {
  test.each([
    [
      "full-width and half-width punctuation",
      "狂奔的龙湖集团“暗伤”曝露？",
      '狂奔的龙湖集团"暗伤"曝露?',
      true,
    ],
    ["spacing", "话剧《约定无期限》河北各市巡演结束 ", "话剧 《约定无期限》 河北各市巡演结束", true],
    ["case and full-width letters", "ＧＤＰ Grows", "gdp grows", true],
    ["a site-name suffix is a different title", "宇航员喝酒会怎么样", "宇航员喝酒会怎么样 _光明网", false],
    ["a different word", "人民网-文化频道", "人民网", false],
    ["none equals none", null, null, true],
    ["none equals an empty string", null, "  ", true],
    ["a value is not none", "新京报", null, false],
  ])("%s", (_name, gold, predicted, expected) => {
    expect(labelMatches(gold, predicted)).toBe(expected);
  });

  test("normalizeLabel removes whitespace, punctuation and symbols only", () => {
    expect(normalizeLabel(" A–B: 中国 ＋ 2019！")).toBe("ab中国2019");
  });
});

describe("authors", () => {
  test.each([
    ["space-separated gold against a list", ["王建宏 张文攀"], ["张文攀", "王建宏"], true],
    ["、-separated gold", ["赵延东、风笑天"], ["赵延东", "风笑天"], true],
    ["a bracketed aside is dropped", ["周思博 (Joel Spolsky)"], ["周思博"], true],
    ["a pen name with & stays one name", [" 放飞&心情"], ["放飞&心情"], true],
    ["a missing author", ["刘玺东", "易赛楠"], ["刘玺东"], false],
    ["an extra author", ["李楠"], ["李楠", "编辑"], false],
    ["no author equals no author", [], [], true],
    ["a guessed author for a page with none", [], ["admin"], false],
    ["the same English name", ["John Smith"], ["john  smith"], true],
  ])("%s", (_name, gold, predicted, expected) => {
    expect(authorsMatch(gold, predicted)).toBe(expected);
  });

  test("authorSet splits on every listed separator", () => {
    expect([...authorSet(["甲,乙，丙;丁；戊/己|庚"])]).toEqual(["甲", "乙", "丙", "丁", "戊", "己", "庚"]);
  });
});

test("viewsMatch is exact, null only equals null", () => {
  expect(viewsMatch(539, 539)).toBe(true);
  expect(viewsMatch(539, 540)).toBe(false);
  expect(viewsMatch(null, null)).toBe(true);
  expect(viewsMatch(null, 0)).toBe(false);
});

describe("snippets", () => {
  const body = "周琦在一次暂停后\n准备上场时，姚明说：“你就专注好自己的发挥。”";

  test("found across line breaks and spaces", () => {
    expect(containsSnippet(body, "周琦在一次暂停后准备上场时")).toBe(true);
    expect(containsSnippet(body, "周琦 在一次暂停后 准备")).toBe(true);
  });

  test("full-width forms match their NFKC equivalents", () => {
    expect(containsSnippet("比分７７比７３", "比分77比73")).toBe(true);
  });

  test("not found when the text differs", () => {
    expect(containsSnippet(body, "网易公司版权所有")).toBe(false);
    expect(containsSnippet("", "任何内容")).toBe(false);
  });

  test("start and end of the body", () => {
    expect(startsWithSnippet(body, "周琦在一次暂停")).toBe(true);
    expect(startsWithSnippet(`返回首页\n${body}`, "周琦在一次暂停")).toBe(false);
    expect(endsWithSnippet(body, "专注好自己的发挥。”")).toBe(true);
    expect(endsWithSnippet(`${body}\n相关阅读`, "专注好自己的发挥。”")).toBe(false);
  });
});
