import { describe, expect, test } from "vitest";
import { stripBreadcrumbs } from "./strip-breadcrumbs.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");

describe("stripBreadcrumbs", () => {
  test.each([
    ["当前位置 label", "当前位置：首页 &gt; 新闻 &gt; 正文"],
    ["您的位置 label", "您的位置：<a href='/'>首页</a> &gt; <a href='/news/'>新闻动态</a>"],
    ["a path from a site's home page", "网易首页 &gt; 财经频道 &gt; 正文"],
    ["a path ending at 正文", "新闻中心 » 国内 » 正文"],
    ["an English path", "Home › News › World"],
  ])("drops %s", (_name, line) => {
    expect(keptTexts(stripBreadcrumbs, `<p>${line}</p><p>${A}</p>`)).toEqual([A]);
  });

  test("keeps a sentence with a comparison sign", () => {
    const line = "增速 > 5% 的城市有 12 个，比去年多 3 个。";
    expect(keptTexts(stripBreadcrumbs, `<p>${line}</p>`)).toEqual([line]);
  });
});
