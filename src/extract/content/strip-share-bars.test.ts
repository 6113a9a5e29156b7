import { describe, expect, test } from "vitest";
import { stripShareBars } from "./strip-share-bars.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");

describe("stripShareBars", () => {
  test.each([
    ["分享到 with platform names", "<p>分享到：微信 微博 QQ空间</p>"],
    ["platform names only", "<p>微信 | 新浪微博 | 豆瓣</p>"],
    ["a counter bar", "<p>点赞 12 收藏 3 转发</p>"],
    ["a follow prompt", "<p>扫描下方二维码，关注我们的微信公众号</p>"],
    ["an English share prompt", "<p>Share: Facebook Twitter Email</p>"],
  ])("drops %s", (_name, html) => {
    expect(keptTexts(stripShareBars, `<p>${A}</p>${html}`)).toEqual([A]);
  });

  test.each([
    ["a sentence about WeChat", "微信已成为很多老人获取新闻的主要渠道。"],
    ["a number alone", "2023"],
    [
      "an English sentence opening with Shares",
      "Shares of the retailer fell 5% in premarket trading after it cut its forecast.",
    ],
  ])("keeps %s", (_name, line) => {
    expect(keptTexts(stripShareBars, `<p>${A}</p><p>${line}</p>`)).toEqual([A, line]);
  });
});
