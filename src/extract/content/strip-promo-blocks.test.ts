import { describe, expect, test } from "vitest";
import { stripPromoBlocks } from "./strip-promo-blocks.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");
const B = prose("乙");

describe("stripPromoBlocks", () => {
  test.each([
    ["a vote campaign", `“年度十佳评选”火热进行中！<a href="/vote">【点击投票】</a>选出你心中的榜样`],
    [
      "an app promotion",
      `新品第一时间<a href="/app">免费试玩</a>，快来体验吧！下载客户端还能获得专享福利哦！`,
    ],
  ])("drops %s above and below the article", (_name, promo) => {
    const html = `<p>${promo}</p><p>${A}</p><p>${B}</p><p>${promo}</p>`;
    expect(keptTexts(stripPromoBlocks, html)).toEqual([A, B]);
  });

  test("keeps a paragraph inside the article that calls to act", () => {
    const inside = `活动火热进行中，<a href="/x">市民</a>快来报名参加。`;
    expect(keptTexts(stripPromoBlocks, `<p>${A}</p><p>${inside}</p><p>${B}</p>`)).toEqual([
      A,
      "活动火热进行中，市民快来报名参加。",
      B,
    ]);
  });

  test("keeps a call to action without a link", () => {
    const line = "评选火热进行中，快来投票吧！";
    expect(keptTexts(stripPromoBlocks, `<p>${line}</p><p>${A}</p>`)).toEqual([line, A]);
  });
});
