import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractViews, toCount } from "./views.js";

const ctx = { url: "https://news.example.cn/a/1.html", defaultOffset: "+08:00" };

function viewsOf(html: string): number | null {
  const { document, dispose } = parseHtml(html, ctx.url);
  try {
    return extractViews(document, ctx);
  } finally {
    dispose();
  }
}

const page = (
  byline: string,
  body = "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p>",
): string =>
  `<html><head><title>科创新篇章_新闻网</title></head><body><h1>科创新篇章</h1>${byline}<div class="content">${body}</div></body></html>`;

describe("extractViews", () => {
  test.each([
    ["浏览次数 with a thousands separator", page("<div>浏览次数：1,024</div>"), 1024],
    ["浏览", page("<div>浏览：88</div>"), 88],
    ["浏览量", page("<div>浏览量：7</div>"), 7],
    ["阅读 with a space", page("<div>阅读 539</div>"), 539],
    ["阅读量", page("<span>阅读量：1.2万</span>"), 12000],
    ["阅读数 with w", page("<span>阅读数：3.5w</span>"), 35000],
    ["点击 with k", page("<span>点击：2.1k</span>"), 2100],
    ["点击数 in parentheses", page("<span>点击数：(123)</span>"), 123],
    ["点击量 with 次", page("<span>点击量：123次</span>"), 123],
    ["人气", page("<span>人气：456</span>"), 456],
    ["阅读 with the count in parentheses", page("<span>阅读(1024)</span>"), 1024],
    ["人次 after the count", page("<span>浏览：1024人次</span>"), 1024],
    ["访问量", page("<span>访问量：789</span>"), 789],
    ["Browse:", page("<div>Writer: admin Time:2023-01-10 Browse:94</div>"), 94],
    ["Views:", page("<div>Views: 1,234</div>"), 1234],
    ["Hits:", page("<div>Hits: 56</div>"), 56],
    ["Reads:", page("<div>Reads: 78</div>"), 78],
    [
      "an abbreviated count before the label",
      page("<div><span>2023-06-02 07:45</span> | <span>1.2万 阅读</span></div>"),
      12000,
    ],
    [
      "a date ending right before an empty count label is not the count",
      page("<div>作者：李明 来源：团委 发布时间：2023-04-12 点击数：<script>_showDynClicks()</script></div>"),
      null,
    ],
    ["the count before the label", page("<div>发表于2014-08-24 21:30| 1164次阅读| 来源CSDN</div>"), 1164],
    [
      "in a packed byline",
      page("<div>发布时间：2023-01-10 09:05 来源：无锡日报 作者：张三 浏览次数：1,024</div>"),
      1024,
    ],
    ["the count comes from separate spans", page("<div><span>浏览次数：</span><span>321</span></div>"), 321],
    [
      "a label filled by JavaScript is null",
      page("<div>浏览次数：<span id='hits'></span> 评论：5</div>"),
      null,
    ],
    ["the next label's number is not taken", page("<div>浏览： 评论：5</div>"), null],
    ["comment counts are not views", page("<div>评论：42 分享：7</div>"), null],
    ["阅读全部 links are not counts", page("<div>阅读全部</div>"), null],
    ["a shop banner with 人气 inside a word is not a count", page("<div>999+人气好评品</div>"), null],
    [
      "counts in a related list are ignored",
      page(
        "",
        "<p>正文段落足够长足够长足够长足够长足够长。</p><ul class='related'><li>别的文章 阅读 284</li></ul>",
      ),
      null,
    ],
    [
      "a count far below the article in an unmarked list is not the article's",
      page("", "<p>这是正文的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(3)).replace(
        "</body>",
        `${"<div>导航</div>".repeat(12)}<div class='box'><div>别的文章</div><div>阅读 284</div></div></body>`,
      ),
      null,
    ],
    [
      "a count in the article's own footer after the text",
      `<html><head><title>科创新篇章_新闻网</title></head><body><article><h1>科创新篇章</h1>
       <div class="content">${"<p>这是正文的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(20)}</div>
       <footer class="single-footer"><span>阅读</span> 539</footer></article><footer>版权所有</footer></body></html>`,
      539,
    ],
    [
      "an eye icon labels the count (Font Awesome)",
      page(
        '<h6 class="meta"><a>2021年05月18日</a> <i class="fa fa-user"></i>编辑部 <i class="fa fa-eye"></i>2317 <i class="fa fa-comment"></i>0</h6>',
      ),
      2317,
    ],
    [
      "an iconfont pinyin icon with an abbreviated count",
      page('<div><span>2023-06-02</span> <span class="iconfont icon-yuedu"></span> 2.3万</div>'),
      23000,
    ],
    [
      "an icon-view span before the count",
      page('<p class="info"><span>2022-04-01</span><span><i class="icon-view"></i>356</span></p>'),
      356,
    ],
    [
      "a comment icon's count is not taken for an empty views slot",
      page('<div>2023-06-02 <i class="icon-eye"></i> <i class="icon-comment"></i>12</div>'),
      null,
    ],
    [
      "a comment icon's count before an empty eye slot is not the views",
      page(
        '<div>2023-06-02 <i class="fa fa-comment"></i>3 <i class="fa fa-eye"></i><span id="hits"></span></div>',
      ),
      null,
    ],
    [
      "the previous label's count is not the views",
      page('<div>2023-06-02 评论：3 阅读<span id="hits"></span></div>'),
      null,
    ],
    [
      "an eye icon that holds text is not an icon",
      page('<div>2023-06-02 <span class="eye">看点</span> 42</div>'),
      null,
    ],
    [
      "the reported byline: the count is filled by script, the date's day is not the count",
      page('<p>发布时间：2024-03-19 点击：<span id="hits"></span></p>'),
      null,
    ],
    [
      "the same without a space before the empty label",
      page('<p>发布时间：2024-03-19点击：<span id="hits"></span></p>'),
      null,
    ],
    [
      "an unlabelled date before an empty label without a colon",
      page('<p>2024-03-19 点击<span id="hits"></span></p>'),
      null,
    ],
    [
      "a forum thread's 查看/回复 stats line above the first post's user panel",
      `<html><head><title>骑行环湖记录_论坛</title></head><body><div>查看: <em>4127</em> | 回复: <em>2</em></div>
       ${"<div>级别: 骑士</div>".repeat(6)}<h1>骑行环湖记录</h1><div class="content">${"<p>这是正文的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(3)}</div></body></html>`,
      4127,
    ],
    [
      "a views count far above the headline without a reply count is the site's, not the article's",
      `<html><head><title>科创新篇章_新闻网</title></head><body><div>本站浏览：99999</div>
       ${"<div>导航栏目</div>".repeat(6)}<h1>科创新篇章</h1><div class="content"><p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p></div></body></html>`,
      null,
    ],
    [
      "a 0 left in the element a script fills is not a count",
      page(
        '<p>发布时间：2024-04-07 点击：<span id="hits">0</span>次</p><script src="/api.php?op=count&id=24"></script>',
      ),
      null,
    ],
    [
      "a 0 written into the line's text is a count",
      page('<p>发布时间：2024-04-07 点击：0次</p><script src="/js/jquery.min.js"></script>'),
      0,
    ],
    [
      "a 0 in an element on a page without scripts is a count",
      page('<p>点击：<span id="hits">0</span></p>'),
      0,
    ],
    [
      "a label alone on its line with the count alone on the next (dt/dd)",
      page("<dl><dt>发布日期</dt><dd>2024-03-19</dd><dt>浏览次数</dt><dd>321</dd></dl>"),
      321,
    ],
    [
      "a label alone on its line followed by a line that is no count",
      page("<dl><dt>浏览次数</dt><dd>暂无统计</dd></dl>"),
      null,
    ],
    ["English: label before the count without a colon", page("<div>Views 1,288</div>"), 1288],
    ["English: the count before the word", page("<div>1,288 views</div>"), 1288],
    ["English: a small count before the word", page("<div>88 views</div>"), 88],
    ["English: an abbreviated count with a colon", page("<div>Views: 1.2k</div>"), 1200],
    ["English: Read N times", page("<div>Read 3,402 times</div>"), 3402],
    ["English: Viewed N times", page("<div>Viewed 88 times</div>"), 88],
    [
      "English: a count between separators in a byline",
      page("<div>By Jane Doe · March 3, 2023 · 1,288 views · 3 comments</div>"),
      1288,
    ],
    ["English: an abbreviated count before the word", page("<div>2023-01-10 | 2.5k views</div>"), 2500],
    ["English: a count in millions", page("<div>2023-01-10 | 1.2M views</div>"), 1200000],
    [
      "English: words after the phrase make it no count",
      page("<div>Top 10 views of the old town</div>"),
      null,
    ],
    [
      "English: a sentence ending in views is no count",
      page(
        "",
        "<p>The short clip drew 500 views.</p><p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p>",
      ),
      null,
    ],
    ["English: a date after the word is not a count", page("<div>Views 2023-01-10</div>"), null],
    ["English: a decimal without its unit is no count", page("<div>1.5 views</div>"), null],
    [
      "English: a headline with a count in it is not the views",
      `<html><head><title>10 views of Paris - Travel</title></head><body><h1>10 views of Paris</h1><div class="content"><p>${"A long paragraph of the article text goes here. ".repeat(3)}</p></div></body></html>`,
      null,
    ],
    [
      "English: another article's count in an unmarked list is not ours",
      page(
        "",
        "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p><ul><li><a>Another story headline</a> 1,288 views</li></ul>",
      ),
      null,
    ],
    ["English: the count in parentheses after the word", page("<div>Views (1,288)</div>"), 1288],
    ["已被浏览 N 次", page("<div>本文已被浏览 1288 次</div>"), 1288],
    ["已有N人阅读", page("<div>已有1288人阅读</div>"), 1288],
    ["共有N人浏览", page("<div>共有1,288人浏览</div>"), 1288],
    ["阅读 with a thousands separator and no colon", page("<div>阅读 1,288</div>"), 1288],
    ["浏览量 with 万 and no colon", page("<div>浏览量 3.5万</div>"), 35000],
    ["a 万 count before the label", page("<div>1.2万 阅读</div>"), 12000],
    [
      "a Chinese portal byline with a date in Chinese and 本站原创",
      page("<div>发布时间：2023年1月10日 10:30 来源：本站原创 浏览：94</div>"),
      94,
    ],
    ["作者/时间/浏览 on one line", page("<div>作者：admin 时间：2023-01-10 浏览：94</div>"), 94],
    ["a date after the label is not a count", page("<div>阅读 2023-01-10</div>"), null],
    ["a Chinese date after the label is not a count", page("<div>浏览：2023年1月10日</div>"), null],
    // A year where the count would stand: a date going on after it, or a bare year with nothing to say it counts.
    ["a bare year after the label is not a count", page("<div>阅读 2023</div>"), null],
    ["a year with 年 after the label is not a count", page("<div>浏览 2024年</div>"), null],
    ["a year and a full stop", page("<div>阅读 2023.</div>"), null],
    ["a year, the date cut off by a separator", page("<div>阅读 2023 / 01 / 10</div>"), null],
    ["a year and a month in Chinese", page("<div>发布时间：2023-01-10 阅读 2023 1月</div>"), null],
    ["a year and an English month", page("<div>Browse: 2023 Jan 10</div>"), null],
    ["a year, a month and a day between spaces", page("<div>阅读 2023 01 10</div>"), null],
    ["a year and a month as a decimal", page("<div>阅读 1999.12</div>"), null],
    [
      "the date split over elements",
      page("<div><span>阅读</span><span>2023</span><span>-01-10</span></div>"),
      null,
    ],
    ["an eye icon before a bare year", page('<div>2023-06-02 <i class="fa fa-eye"></i>2023</div>'), null],
    ["English: a year and a date after Views", page("<div>Views 2023 / 01 / 10</div>"), null],
    ["阅读：2023次 is a count", page("<div>阅读：2023次</div>"), 2023],
    ["阅读(2023) is a count", page("<div>阅读(2023)</div>"), 2023],
    ["2023 次阅读 is a count", page("<div>发表于2014-08-24 21:30| 2023 次阅读| 来源CSDN</div>"), 2023],
    ["a count in brackets after the label", page("<div>阅读：【2023】</div>"), 2023],
    ["a label that names a count: 浏览次数：2023", page("<div>浏览次数：2023</div>"), 2023],
    ["a label that names a count: 阅读量 1999", page("<div>阅读量 1999</div>"), 1999],
    ["other counts on the line: 阅读 2023 评论 5", page("<div>阅读 2023 评论 5</div>"), 2023],
    [
      "other counts on the line: icons",
      page('<div>2023-06-02 <i class="fa fa-eye"></i>2023 <i class="fa fa-comment"></i>5</div>'),
      2023,
    ],
    ["English: Views 2023 is a count", page("<div>Views 2023</div>"), 2023],
    ["a number outside 19xx/20xx stays a count", page("<div>阅读 2150</div>"), 2150],
    ["a thousands separator marks a count", page("<div>阅读 2,023</div>"), 2023],
    ["a decimal without its unit is no count", page("<div>阅读 1.5</div>"), null],
    ["a phone number after the label is not a count", page("<div>点击：0510-12345678</div>"), null],
    ["an eleven-digit number is not a count", page("<div>查看：13812345678</div>"), null],
    ["a compact date is not a count", page("<div>浏览 20230110</div>"), null],
    [
      "a site visitor counter in the footer next to the copyright is not the article's",
      page("<div>发布时间：2023-01-10</div>").replace(
        "</body>",
        "<div>Copyright © 2023 江南机械有限公司 版权所有<br>访问量：123456</div></body>",
      ),
      null,
    ],
    [
      "a site visitor counter in a sibling of the copyright line",
      page("<div>发布时间：2023-01-10</div>").replace(
        "</body>",
        "<div id='bottom'><p>苏ICP备12345678号</p><p>访问量：123456</p></div></body>",
      ),
      null,
    ],
    [
      "a copyright notice beside the byline does not make its count the site's",
      page(
        "<div class='info'>浏览：94</div><div>本文版权所有，转载请注明出处</div>",
        "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p>",
      ),
      94,
    ],
    [
      "网站访问量 and 您是第N位访客 are the site's",
      page("<div>发布时间：2023-01-10</div>").replace(
        "</body>",
        "<div>网站访问量：123456</div><div>您是第 123456 位访客</div><div>总访问量：98765</div></body>",
      ),
      null,
    ],
    [
      "another article's count in an unmarked Chinese list is not ours",
      page(
        "",
        "<p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p><ul><li><a>别的文章的标题很长很长</a> 阅读 284</li></ul>",
      ),
      null,
    ],
    ["no views", page(""), null],
  ])("%s", (_name, html, expected) => {
    expect(viewsOf(html)).toBe(expected);
  });
});

describe("toCount", () => {
  test.each([
    ["1,024", undefined, 1024],
    ["1.2", "万", 12000],
    ["3.5", "w", 35000],
    ["2.1", "K", 2100],
    ["1", "亿", 100000000],
    ["1.2", "M", 1200000],
  ])("%s %s", (digits, unit, expected) => {
    expect(toCount(digits, unit)).toBe(expected);
  });
});
