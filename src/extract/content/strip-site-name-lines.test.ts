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

  test("keeps lines that are not chrome", () => {
    expect(keptTexts(stripSiteNameLines, `<p>${A}</p><p>三牛</p>`, { chromeTexts })).toEqual([A, "三牛"]);
  });
});
