import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { detectFromText, extractLang } from "./lang.js";

function langOf(html: string): string {
  const { document, dispose } = parseHtml(html, "https://news.example.cn/a/1.html");
  try {
    return extractLang(document);
  } finally {
    dispose();
  }
}

const chinese = "<p>区科技局全面学习贯彻党的二十大精神，持续为建设汇聚磅礴科技力量。</p>";
const english = "<p>The district science bureau published its annual report on innovation today.</p>";

describe("extractLang", () => {
  test.each([
    ["zh-CN is reduced to zh", `<html lang="zh-CN"><body>${chinese}</body></html>`, "zh"],
    ["en-US is reduced to en", `<html lang="en-US"><body>${english}</body></html>`, "en"],
    ["underscore form", `<html lang="zh_TW"><body>${chinese}</body></html>`, "zh"],
    [
      "content-language meta",
      `<html><head><meta http-equiv="Content-Language" content="zh-cn"></head><body>${chinese}</body></html>`,
      "zh",
    ],
    ["detected from CJK text without a declaration", `<html><body>${chinese}</body></html>`, "zh"],
    ["detected from Latin text without a declaration", `<html><body>${english}</body></html>`, "en"],
    [
      "a theme's lang=en on a Chinese page is overruled by the text",
      `<html lang="en"><body>${chinese}</body></html>`,
      "zh",
    ],
    ["an empty page is und", "<html><body></body></html>", "und"],
  ])("%s", (_name, html, expected) => {
    expect(langOf(html)).toBe(expected);
  });
});

describe("detectFromText", () => {
  test.each([
    ["Chinese with some Latin", "苹果发布新iPhone 11：64GB售5499元", "zh"],
    ["Japanese kana", "これは日本語の文章です", "ja"],
    ["Korean", "한국어 문장입니다", "ko"],
    ["digits and punctuation only", "123 456 !!", "und"],
  ])("%s", (_name, text, expected) => {
    expect(detectFromText(text)).toBe(expected);
  });
});
