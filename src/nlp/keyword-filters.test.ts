import { describe, expect, it } from "vitest";
import { finishKeywords, isKeywordCandidate, isWordToken } from "./keyword-filters.js";

describe("isWordToken", () => {
  it.each([
    ["科创", true],
    ["42.6%", true],
    ["Writer", true],
    ["Ⅲ", true],
    [" ", false],
    ["\u3000", false],
    ["，", false],
    ["“", false],
    ["➥", false],
    ["㎡", false],
    ["...", false],
    ["——", false],
  ])("%j → %j", (token, expected) => {
    expect(isWordToken(token)).toBe(expected);
  });
});

describe("isKeywordCandidate", () => {
  it.each([
    ["科技局", true],
    ["CEO", true],
    ["2023年", true],
    ["科", false],
    ["2023", false],
    ["42.6", false],
    ["42.6%", false],
    ["2023-01-10", false],
    ["１２３", false],
    ["我们", false],
    ["The", false],
    ["——", false],
  ])("%j → %j", (word, expected) => {
    expect(isKeywordCandidate(word)).toBe(expected);
  });
});

describe("finishKeywords", () => {
  it("filters, rounds to 4 decimals, sorts by weight and cuts to topN", () => {
    const candidates = [
      { word: "2023", weight: 9 },
      { word: "载体", weight: 0.123456 },
      { word: "科创", weight: 0.98765 },
      { word: "我们", weight: 5 },
      { word: "引擎", weight: 0.5 },
    ];
    expect(finishKeywords(candidates, 2)).toEqual([
      { word: "科创", weight: 0.9877 },
      { word: "引擎", weight: 0.5 },
    ]);
    expect(finishKeywords(candidates, 10).map((k) => k.word)).toEqual(["科创", "引擎", "载体"]);
  });
});
