import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import {
  SEED_BODY,
  SEED_BYLINE,
  SEED_CONTACT,
  SEED_DISCLAIMER,
  SEED_SITE_NAME,
  SEED_TITLE,
  SEED_UNRELATED_HEADLINES,
} from "./fixtures/seed-article.js";
import { extractMainContent, type MainContent } from "./index.js";
import { prose } from "./test-snippets.js";

const URL = "http://www.sanniu-news.com/news/kjxw/2023/0110/8955.html";

function extract(html: string, title: string | null = SEED_TITLE): MainContent | null {
  const { document, dispose } = parseHtml(html, URL);
  const content = extractMainContent(document, { url: URL, title });
  dispose();
  return content;
}

const paragraphs = (lines: readonly string[]): string =>
  lines.map((line) => `<p>&nbsp;&nbsp;&nbsp;&nbsp;${line}</p>`).join("\n");

const NAV = `<div class="nav"><ul>${["首页", "娱乐新闻", "科技资讯", "关于我们", "联系我们"]
  .map((item, index) => `<li><a href="/list${index}/">${item}</a></li>`)
  .join("")}</ul></div>`;

const SIDEBAR = `<div class="left"><h3>新闻分类</h3><ul>${["公司新闻", "行业动态", "媒体报道"]
  .map((item, index) => `<li><a href="/c${index}/">${item}</a></li>`)
  .join("")}</ul></div>`;

const headlineLinks = SEED_UNRELATED_HEADLINES.map(
  (line, index) => `<p><a href="/news/${index}.html">${line}</a></p>`,
).join("");
const contactCard = `<div class="contact"><h4>${SEED_CONTACT[0]}</h4>${SEED_CONTACT.slice(1)
  .map((line) => `<p>${line}</p>`)
  .join("")}</div>`;

/** A portal template: chrome around a content column; disclaimer, headlines, site name and contact card below. */
function portalPage(options: { disclaimer?: boolean; chromeInsideColumn?: boolean } = {}): string {
  const { disclaimer = true, chromeInsideColumn = false } = options;
  const tail = `${disclaimer ? `<p>${SEED_DISCLAIMER}</p>` : ""}${headlineLinks}`;
  const footer = `<div class="sitename">${SEED_SITE_NAME}</div>${contactCard}<p>Copyright © 2023 ${SEED_SITE_NAME} 版权所有</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${SEED_TITLE}-${SEED_SITE_NAME}</title>
<script>var _hmt = _hmt || [];</script></head><body>
<div class="top"><div class="logo"><a href="/"><img src="/images/logo.png" alt="${SEED_SITE_NAME}">${SEED_SITE_NAME}</a></div>${NAV}</div>
<div class="main">${SIDEBAR}
<div class="right"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻资讯</a></div>
<div class="article"><h1>${SEED_TITLE}</h1><div class="info">${SEED_BYLINE}</div>
<div class="content">${paragraphs(SEED_BODY)}
<p><img src="../../images/kjj.jpg" onclick="zoom(this)"></p>
${chromeInsideColumn ? `${tail}${footer}` : tail}</div></div></div></div>
${chromeInsideColumn ? "" : `<div class="foot">${footer}</div>`}
</body></html>`;
}

function expectSeedBody(content: MainContent | null): void {
  expect(content).not.toBeNull();
  const text = content?.text ?? "";
  expect(text.startsWith("2022年是党的二十大召开之年")).toBe(true);
  expect(text.endsWith("构建充满活力的创新生态系统。")).toBe(true);
  for (const unwanted of [
    "特别声明",
    "三牛娱乐新闻",
    "CONTACT US",
    "电话",
    "Email",
    "传真",
    "手机",
    "Writer",
    "Browse",
  ]) {
    expect(text).not.toContain(unwanted);
  }
  for (const headline of SEED_UNRELATED_HEADLINES) expect(text).not.toContain(headline.slice(0, 12));
  expect(text).not.toContain(SEED_TITLE);
}

describe("extractMainContent on the seed page", () => {
  test.each([
    ["portal template, footer outside the column", portalPage()],
    [
      "portal template, site name and contact card inside the column",
      portalPage({ chromeInsideColumn: true }),
    ],
    ["portal template without the disclaimer", portalPage({ disclaimer: false, chromeInsideColumn: true })],
  ])("%s: the body alone, from its first to its last sentence", (_name, html) => {
    expectSeedBody(extract(html));
  });

  test("works without a known title", () => {
    expectSeedBody(extract(portalPage({ chromeInsideColumn: true }), null));
  });

  test("text has one paragraph per source paragraph, joined by a blank line", () => {
    const text = extract(portalPage())?.text ?? "";
    expect(text.split("\n\n")).toEqual([...SEED_BODY]);
  });

  test("html holds the same paragraphs, absolute URLs and no scripts or handlers", () => {
    const html = extract(portalPage())?.html ?? "";
    expect(html).toContain("<p>2022年是党的二十大召开之年");
    expect(html).toContain('src="http://www.sanniu-news.com/news/kjxw/images/kjj.jpg"');
    expect(html).not.toMatch(/<script|onclick|class=|style=/);
    expect(html).not.toContain("特别声明");
    expect(html).not.toContain("CONTACT US");
  });
});

describe("extractMainContent on short and unusual pages", () => {
  test("finds a short Chinese article (three paragraphs of ~80 characters)", () => {
    const body = [prose("甲", 80), prose("乙", 80), prose("丙", 80)];
    const html = `<html><body>${NAV}${SIDEBAR}<div class="news"><h1>短讯</h1>${paragraphs(body)}</div>
      <div class="footer">版权所有 © 2023 某某网</div></body></html>`;
    expect(extract(html, "短讯")?.text).toBe(body.join("\n\n"));
  });

  test("finds an article in an old table layout with <br> paragraphs", () => {
    const body = [prose("甲", 150), prose("乙", 150), prose("丙", 150), prose("丁", 150)];
    const links = Array.from(
      { length: 12 },
      (_, index) => `<a href="/n${index}.html">栏目链接${index}</a><br>`,
    ).join("");
    const html = `<html><body><table><tr><td width="200">${links}</td>
      <td><font size="3">${body.map((line) => `　　${line}`).join("<br>\n")}</font></td></tr></table></body></html>`;
    expect(extract(html, null)?.text).toBe(body.join("\n\n"));
  });

  test("returns null for a page without main text", () => {
    expect(extract(`<html><body>${NAV}<div class="footer">版权所有</div></body></html>`, null)).toBeNull();
  });
});
