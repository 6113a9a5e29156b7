import { expect, test } from "vitest";
import { goldShareInPage, pageText } from "./gold-coverage.js";
import { cjkTokens } from "./tokenize.js";

test("the share of gold shingles that occur anywhere in the page", () => {
  // gold shingles: 今天天气 天天气很 天气很好 气很好啊; the page has the first three
  expect(goldShareInPage("今天天气很好啊", "导航 今天天气很好！ 版权所有", cjkTokens)).toBe(0.75);
  expect(goldShareInPage("", "anything", cjkTokens)).toBe(1);
  expect(goldShareInPage("今天天气", "", cjkTokens)).toBe(0);
});

test("pageText is the decoded body text of the saved page", () => {
  const text = pageText({
    file: "x.html",
    url: "http://corpus.local/t/x.html",
    body: Buffer.from(
      "<html><head><title>标题</title></head><body><p>正文一</p><div>正文二</div></body></html>",
    ),
    gold: {},
  });
  expect(text).toBe("正文一正文二");
});
