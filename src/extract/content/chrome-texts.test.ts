import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { collectChromeTexts } from "./chrome-texts.js";
import { TEST_URL } from "./test-snippets.js";

function chromeOf(html: string): Set<string> {
  const { document, dispose } = parseHtml(html, TEST_URL);
  const texts = collectChromeTexts(document);
  dispose();
  return texts;
}

describe("collectChromeTexts", () => {
  test("reads the site name from the end of <title>", () => {
    expect(chromeOf("<title>区科技局书写新篇章 - 三牛娱乐新闻</title><body><p>正文。</p></body>")).toContain(
      "三牛娱乐新闻",
    );
  });

  test("reads og:site_name", () => {
    expect(chromeOf('<meta property="og:site_name" content="云端笔记"><body></body>')).toContain("云端笔记");
  });

  test("collects short labels the page shows twice", () => {
    const texts = chromeOf(
      "<body><div class='logo'>三牛娱乐新闻</div><p>正文。</p><div>三牛娱乐新闻</div></body>",
    );
    expect(texts).toContain("三牛娱乐新闻");
  });

  test("does not take the article title or a label shown once", () => {
    const texts = chromeOf(
      "<title>区科技局书写新篇章 - 三牛</title><body><h1>区科技局书写新篇章</h1><p>正文。</p></body>",
    );
    expect(texts).not.toContain("区科技局书写新篇章");
    expect(texts).not.toContain("正文。");
  });
});
