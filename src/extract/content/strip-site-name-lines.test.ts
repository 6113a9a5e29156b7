import { describe, expect, test } from "vitest";
import { stripSiteNameLines } from "./strip-site-name-lines.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");
const B = prose("乙");
const chromeTexts = new Set(["三牛娱乐新闻"]);

describe("stripSiteNameLines", () => {
  test("drops the site name repeated alone after the body", () => {
    expect(
      keptTexts(stripSiteNameLines, `<p>${A}</p><p>${B}</p><p>三牛娱乐新闻</p>`, { chromeTexts }),
    ).toEqual([A, B]);
  });

  test("drops the site name above the body", () => {
    expect(keptTexts(stripSiteNameLines, `<p>三牛娱乐新闻</p><p>${A}</p>`, { chromeTexts })).toEqual([A]);
  });

  test("keeps a chrome-like line between paragraphs of prose", () => {
    expect(
      keptTexts(stripSiteNameLines, `<p>${A}</p><p>三牛娱乐新闻</p><p>${B}</p>`, { chromeTexts }),
    ).toEqual([A, "三牛娱乐新闻", B]);
  });

  test("keeps the rows of two spec sheets that repeat each other", () => {
    const rows = ["发动机排量：1.2L", "驱动方式：前置前驱"];
    const sheet = rows.map((row) => `<p>${row}</p>`).join("");
    const html = `<p>${A}</p><p>${B}</p><h3>甲车</h3>${sheet}<h3>乙车</h3>${sheet}`;
    const repeats = new Set(rows);
    expect(keptTexts(stripSiteNameLines, html, { chromeTexts: repeats })).toEqual([
      A,
      B,
      "甲车",
      ...rows,
      "乙车",
      ...rows,
    ]);
  });

  test("drops a credit line repeated under each photo", () => {
    const credit = "图片：张三 摄";
    const html = `<p>${credit}</p><p>${credit}</p><p>图说</p><p>${A}</p><p>${B}</p><p>${credit}</p>`;
    expect(keptTexts(stripSiteNameLines, html, { chromeTexts: new Set([credit]) })).toEqual(["图说", A, B]);
  });

  test("keeps lines that are not chrome", () => {
    expect(keptTexts(stripSiteNameLines, `<p>${A}</p><p>三牛</p>`, { chromeTexts })).toEqual([A, "三牛"]);
  });
});
