import { describe, expect, test } from "vitest";
import { aebTokens, cjkTokens, tokenizerFor } from "./tokenize.js";

describe("aebTokens (Python's \\w+)", () => {
  test.each([
    ["splits on punctuation and apostrophes", "It's 2019, O'Brien.", ["It", "s", "2019", "O", "Brien"]],
    ["keeps underscores and case", "snake_case Word", ["snake_case", "Word"]],
    ["keeps accented letters in NFC", "café au lait", ["café", "au", "lait"]],
    ["splits at a combining mark, as Python does", "cafe\u0301 noir", ["cafe", "noir"]],
    ["keeps a Chinese sentence as one run", "新京报讯，2019年", ["新京报讯", "2019年"]],
    ["returns nothing for punctuation only", " —,.! ", []],
  ])("%s", (_name, text, tokens) => {
    expect(aebTokens(text)).toEqual(tokens);
  });
});

describe("cjkTokens", () => {
  test("splits every Han character and keeps letter/digit runs whole", () => {
    expect(cjkTokens("新京报讯2019年GDP增长，")).toEqual([
      "新",
      "京",
      "报",
      "讯",
      "2019",
      "年",
      "GDP",
      "增",
      "长",
    ]);
  });

  test("splits kana like Han", () => {
    expect(cjkTokens("カタカナ")).toEqual(["カ", "タ", "カ", "ナ"]);
  });

  test("equals aebTokens on text without CJK characters", () => {
    const text = "The quick (brown) fox, 3rd_time — naïve.";
    expect(cjkTokens(text)).toEqual(aebTokens(text));
  });

  test("full-width digits stay one run", () => {
    expect(cjkTokens("２００５年")).toEqual(["２００５", "年"]);
  });
});

test("tokenizerFor picks by language", () => {
  expect(tokenizerFor("zh")("中文")).toEqual(["中", "文"]);
  expect(tokenizerFor("en")("中文")).toEqual(["中文"]);
});
