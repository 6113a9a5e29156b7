import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { ELEMENT_SEAM, pageLines, protectZones } from "./page-lines.js";

function linesOf(html: string, protectSelector?: string): Array<[string, string]> {
  const { document, dispose } = parseHtml(html, "https://news.example.cn/");
  try {
    const protect = protectSelector ? document.querySelector(protectSelector) : null;
    return protectZones(pageLines(document), protect).map((line) => [
      line.text.replaceAll(ELEMENT_SEAM, "|"),
      line.zone,
    ]);
  } finally {
    dispose();
  }
}

describe("pageLines", () => {
  test.each([
    [
      "block elements and <br> separate lines",
      "<p>第一段</p><div>第二行<br>第三行</div>",
      [
        ["第一段", "content"],
        ["第二行", "content"],
        ["第三行", "content"],
      ],
    ],
    [
      "inline elements join, with a seam where they touch",
      "<div><span>发布时间：2023-01-10</span><span>来源：无锡日报</span> <em>作者：张三</em></div>",
      [["发布时间：2023-01-10|来源：无锡日报 作者：张三", "content"]],
    ],
    [
      "NBSP and full-width spaces collapse",
      "<p>浏览&nbsp;&nbsp;次数\u3000 94</p>",
      [["浏览 次数 94", "content"]],
    ],
    [
      "scripts, styles and hidden elements are not text",
      "<p>可见<script>var a=1;</script><span style='display:none'>隐藏</span></p><p hidden>也隐藏</p>",
      [["可见", "content"]],
    ],
    [
      "navigation, related lists and page footers are boilerplate",
      "<nav>首页</nav><h1>标题</h1><ul class='related-news'><li>别的</li></ul><div id='footer'>版权所有</div>",
      [
        ["首页", "boilerplate"],
        ["标题", "content"],
        ["别的", "boilerplate"],
        ["版权所有", "boilerplate"],
      ],
    ],
    [
      "a boilerplate-classed wrapper around the headline does not count",
      "<div class='nav-wrapper'><h1>标题</h1><p>正文</p></div>",
      [
        ["标题", "content"],
        ["正文", "content"],
      ],
      "h1",
    ],
    [
      "a short footer beside the headline is the post's meta line",
      "<div class='post'><h2 class='post-title'>标题</h2><h6 class='post-footer'>2019年09月11日 1665</h6></div><div class='footer'>版权所有</div>",
      [
        ["标题", "content"],
        ["2019年09月11日 1665", "content"],
        ["版权所有", "boilerplate"],
      ],
      "h2",
    ],
    [
      "a line is furniture only if all of it is: a marked inline span that opens a byline does not taint it",
      "<div class='meta'><span id='copyright_logo'>原创</span> <span>陈晓</span> <em>2023-07-21 08:30</em></div><p><a class='next'>下一篇</a></p>",
      [
        ["原创 陈晓 2023-07-21 08:30", "content"],
        ["下一篇", "boilerplate"],
      ],
    ],
  ])("%s", (_name, html, expected, protect?: string) => {
    expect(linesOf(html, protect)).toEqual(expected);
  });
});
