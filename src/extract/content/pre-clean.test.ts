import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { preClean } from "./pre-clean.js";
import { prose, TEST_URL } from "./test-snippets.js";

function cleaned(body: string, title: string | null = null): string {
  const { document, dispose } = parseHtml(`<!doctype html><html><body>${body}</body></html>`, TEST_URL);
  preClean(document, title);
  const text = document.body.textContent ?? "";
  dispose();
  return text;
}

const ARTICLE = [prose("甲"), prose("乙"), prose("丙"), prose("丁")].map((p) => `<p>${p}</p>`).join("");

describe("preClean", () => {
  test.each([
    ["<nav>", "<nav>首页 新闻 体育</nav>", "首页"],
    ["a footer div", "<div id='footer'>关于我们 版权所有</div>", "关于我们"],
    ["a class word split at a dash", "<div class='main-nav'>首页 新闻</div>", "首页"],
    ["a camel-case class word", "<div class='topNav'>登录 注册</div>", "登录"],
    ["a breadcrumb", "<div class='breadcrumb'>当前位置：首页</div>", "当前位置"],
    ["a script", "<script>var a = '脚本内容';</script>", "脚本内容"],
  ])("removes %s", (_name, chrome, marker) => {
    const text = cleaned(`${chrome}<div class="content">${ARTICLE}</div>`);
    expect(text).not.toContain(marker);
    expect(text).toContain(prose("甲"));
  });

  test("keeps an article wrapped in a chrome-named element when it holds the page's sentences", () => {
    const text = cleaned(
      `<div class="page-header"><h1>标题</h1>${ARTICLE}</div><div class="footer">版权所有。</div>`,
    );
    expect(text).toContain(prose("丁"));
    expect(text).not.toContain("版权所有");
  });

  test("keeps a page wrapper whose class happens to contain a chrome word", () => {
    const text = cleaned(`<div class="page has-header"><div class="content">${ARTICLE}</div></div>`);
    expect(text).toContain(prose("甲"));
  });

  test("keeps an English article (sentences end with '. ') in a chrome-named cell", () => {
    const english = Array.from(
      { length: 4 },
      (_, index) => `<p>Paragraph ${index} says something. It goes on.</p>`,
    ).join("");
    const text = cleaned(`<div class="header-cell">${english}</div><div>Short.</div>`);
    expect(text).toContain("Paragraph 3 says something.");
  });

  test("removes a long comment thread that does not hold the title", () => {
    const comments = `<div id="comments">${[
      prose("评一"),
      prose("评二"),
      prose("评三"),
      prose("评四"),
      prose("评五"),
    ]
      .map((p) => `<p>${p}</p>`)
      .join("")}</div>`;
    const text = cleaned(
      `<div class="post"><h2>很高兴入住博客堂</h2>${ARTICLE}</div>${comments}`,
      "很高兴入住博客堂",
    );
    expect(text).toContain(prose("甲"));
    expect(text).not.toContain("评一");
  });

  test("keeps a comment-named container that holds the article title", () => {
    const text = cleaned(`<div class="comment-article"><h1>时评标题</h1>${ARTICLE}</div>`, "时评标题");
    expect(text).toContain(prose("甲"));
  });
});
