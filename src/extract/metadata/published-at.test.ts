import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractPublishedAt } from "./published-at.js";

const ctx = { url: "https://news.example.cn/a/1.html", defaultOffset: "+08:00" };
/** The fetch time the tests pretend: 2024-06-01. */
const now = Date.parse("2024-06-01T00:00:00+08:00");

function publishedOf(html: string): string | null {
  const { document, dispose } = parseHtml(html, ctx.url);
  try {
    return extractPublishedAt(document, ctx, { now });
  } finally {
    dispose();
  }
}

const page = (head: string, body: string): string =>
  `<html><head><title>科创新篇章_新闻网</title>${head}</head><body><h1>科创新篇章</h1>${body}</body></html>`;

describe("extractPublishedAt", () => {
  test.each([
    [
      "JSON-LD datePublished with its own offset",
      page(
        `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-01-10T09:05:00+09:00"}</script>`,
        "<p>正文</p>",
      ),
      "2023-01-10T09:05:00+09:00",
    ],
    [
      "article:published_time meta",
      page(`<meta property="article:published_time" content="2019-09-07T13:43:45+08:00">`, "<p>正文</p>"),
      "2019-09-07T13:43:45+08:00",
    ],
    [
      "PubDate meta without offset",
      page(`<meta name="PubDate" content="2019-09-18 06:23">`, ""),
      "2019-09-18T06:23:00+08:00",
    ],
    [
      "publishdate meta with a date only",
      page(`<meta name="publishdate" content="2019-06-15">`, ""),
      "2019-06-15",
    ],
    [
      "<time datetime>",
      page("", `<time datetime="2023-01-10T09:05:00+08:00">1月10日</time>`),
      "2023-01-10T09:05:00+08:00",
    ],
    [
      "发布时间 with full-width colon",
      page("", "<div>发布时间：2023-01-10 09:05</div>"),
      "2023-01-10T09:05:00+08:00",
    ],
    ["发布日期 with slashes", page("", "<div>发布日期：2023/1/10</div>"), "2023-01-10"],
    [
      "时间: with ASCII colon and seconds",
      page("", "<div>时间:2023-01-10 09:05:33</div>"),
      "2023-01-10T09:05:33+08:00",
    ],
    ["日期 with dots", page("", "<div>日期：2023.01.10</div>"), "2023-01-10"],
    [
      "发表于 without a colon",
      page("", "<div>发表于2014-08-24 21:30| 1164次阅读</div>"),
      "2014-08-24T21:30:00+08:00",
    ],
    [
      "Chinese date with weekday",
      page("", "<div>2023年1月10日 星期二 09:05 来源：无锡日报</div>"),
      "2023-01-10T09:05:00+08:00",
    ],
    [
      "&nbsp; gaps",
      page("", "<div>发布时间：&nbsp;2023-01-10&nbsp;&nbsp;09:05</div>"),
      "2023-01-10T09:05:00+08:00",
    ],
    [
      "Time: in an English byline",
      page("", "<div>Writer: admin Time:2023-01-10 Browse:94</div>"),
      "2023-01-10",
    ],
    ["Date: label", page("", "<p>Date: 2023-01-10</p>"), "2023-01-10"],
    ["Published: label", page("", "<p>Published: Jan 10, 2023</p>"), "2023-01-10"],
    [
      "labels in separate spans",
      page("", "<div class='info'><span>发布时间：</span><span>2023-01-10</span><span>09:05</span></div>"),
      "2023-01-10T09:05:00+08:00",
    ],
    [
      "unlabelled date in the line under the headline",
      page("", "<div class='date-source'><span>2019年11月25日 18:57</span> <a>参考消息</a></div><p>正文</p>"),
      "2019-11-25T18:57:00+08:00",
    ],
    [
      "label and value in neighbouring table cells",
      page("", "<table><tr><td>发布日期：</td><td>2022年01月27日</td></tr></table>"),
      "2022-01-27",
    ],
    [
      "a date printed right above the headline",
      "<html><head><title>厕所革命改善人居环境_新闻网</title></head><body><div>2022年02月13日</div><h2>厕所革命改善人居环境</h2><p>正文</p></body></html>",
      "2022-02-13",
    ],
    [
      "the header's today-clock above the headline is not the date",
      "<html><head><title>厕所革命改善人居环境_新闻网</title></head><body><div>今天是：2024年05月30日</div><h2>厕所革命改善人居环境</h2><p>正文</p></body></html>",
      null,
    ],
    [
      "a labelled date near the headline beats one far below",
      page(
        "",
        `<div>2004-12-10 阅读10544次</div>${"<p>议程内容很长很长的一段文字。</p>".repeat(20)}<div>发表时间：2004-12-11 9:51:00</div>`,
      ),
      "2004-12-10",
    ],
    [
      "year-less byline date takes its year from a declared date on the same day",
      page(`<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">`, "<div>发布时间：10-08 12:00</div>"),
      "2019-10-08T12:00:00+08:00",
    ],
    [
      "the shown byline time beats a later declared sync time",
      page(
        `<meta property="article:published_time" content="2018-12-28T19:56:29+08:00">`,
        "<div class='date-source'><span class='date'>2018年12月28日 19:55</span></div>",
      ),
      "2018-12-28T19:55:00+08:00",
    ],
    [
      "a declared time on the shown day is more precise than the date alone",
      page(
        `<meta property="article:published_time" content="2019-06-15T08:18:00+08:00">`,
        "<div>2019-06-15</div>",
      ),
      "2019-06-15T08:18:00+08:00",
    ],
    [
      "footer copyright years are not dates",
      page("", "<p>正文没有日期。</p><div class='footer'>Copyright © 2008-2019 发布时间：2019-01-01</div>"),
      null,
    ],
    [
      "dates in a related-article list are ignored",
      page("", "<p>正文没有日期。</p><ul class='related'><li>别的文章 2019-09-30 07:42</li></ul>"),
      null,
    ],
    [
      "a metadata table over the headline: 发布日期 beats 成文日期 and the signature date in the body",
      "<html><head><title>关于印发方案的通知_县政府</title></head><body><table>" +
        "<tr><td>索引号：</td><td>001/2023-00418</td></tr><tr><td>发布机构：</td><td>县政府办公室</td></tr>" +
        "<tr><td>成文日期：</td><td>2023-05-08</td></tr><tr><td>文号：</td><td>县政办发〔2023〕17号</td></tr>" +
        "<tr><td>发布日期：</td><td>2023-05-10</td></tr><tr><td>有效性：</td><td>有效</td></tr></table>" +
        "<h1>关于印发方案的通知</h1><p>各乡镇：</p><p>现印发给你们。</p><p>县政府办公室</p><p>2023年5月8日</p></body></html>",
      "2023-05-10",
    ],
    [
      "a bare date in the header bar over the headline yields to a declared date that contradicts it",
      "<html><head><title>老街微改造_新闻网</title><meta name='publishdate' content='2023-10-26'></head><body>" +
        "<div><a href='/'>首页</a><a href='/city/'>城事</a><span>2023年10月28日</span></div>" +
        "<h1>老街微改造</h1><div>来源：古城晚报</div><p>正文</p></body></html>",
      "2023-10-26",
    ],
    [
      "a forum post's 发表于 right above its title beats a reply's further down",
      "<html><head><title>骑行环湖记录_论坛</title></head><body><div>楼主 发表于: 2023-05-06 21:37</div>" +
        "<h1>骑行环湖记录</h1><p>正文第一段。</p><p>正文第二段。</p><p>正文第三段。</p><div>单车少年</div>" +
        "<div>沙发 发表于: 2023-05-07 08:12</div><p>收藏了。</p></body></html>",
      "2023-05-06T21:37:00+08:00",
    ],
    ["a date after the fetch is refused", page("", "<div>发布时间：2031-01-10</div>"), null],
    [
      "a date in the body prose far from the headline is not the publish date",
      page("", `${"<p>正文段落。</p>".repeat(10)}<p>2019年9月1日，记者来到现场。</p>`),
      null,
    ],
    ["no date", page("", "<p>正文</p>"), null],
    [
      "a day-first display date follows the <time datetime> it is printed in, with the offset the two imply",
      page("", '<p>发表时间：<time datetime="2023-03-05T09:12:00+00:00">05/03/2023 - 10:12</time></p>'),
      "2023-03-05T10:12:00+01:00",
    ],
    [
      "a day-first display date follows a declared meta date",
      page(
        `<meta property="article:published_time" content="2023-03-05T09:12:00+01:00">`,
        "<p>日期：05/03/2023</p>",
      ),
      "2023-03-05T09:12:00+01:00",
    ],
    [
      "without a declared date an ambiguous year-last date stays month first",
      page("", "<p>发布日期：05/03/2023</p>"),
      "2023-05-03",
    ],
    [
      "a declared date matching the month-first reading keeps it",
      page(
        `<meta property="article:published_time" content="2023-05-03T09:12:00+08:00">`,
        "<p>日期：05/03/2023</p>",
      ),
      "2023-05-03T09:12:00+08:00",
    ],
    [
      "a byline date written by a one-call inline script",
      page(
        "",
        '<table><tr><td><script>showDate("2020/05/12 08:30:15")</script> 浏览<strong>7</strong></td></tr></table><p>正文</p>',
      ),
      "2020-05-12T08:30:15+08:00",
    ],
    [
      "a byline date written by document.write with markup",
      page("", "<div>发布时间：<script>document.write('<b>2021-07-08</b>')</script></div><p>正文</p>"),
      "2021-07-08",
    ],
    [
      "a script that computes the date shows nothing we can read",
      page(
        "",
        "<div>发布时间：<script>document.write(new Date().toLocaleDateString())</script></div><p>正文</p>",
      ),
      null,
    ],
    [
      "a forum's 本贴由 X 于 <date> 发表 under the post",
      page(
        "",
        `${"<p>这是帖子的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(3)}<p>本贴由高远于2005年8月12日16:12:21在〖心理咨询〗发表.</p>`,
      ),
      "2005-08-12T16:12:21+08:00",
    ],
    [
      "without a title or heading, the dated line just above the text",
      `<html><body><table><tr><td>首页 - 新闻 - 体育</td></tr></table><div>大桥今日通车 出行更便利</div><div>http://www.example.com/ 2005-07-18 13:03:17</div><div>${"<p>这是正文的一段，内容足够长，可以被认作文章的正文段落。</p>".repeat(4)}</div></body></html>`,
      "2005-07-18T13:03:17+08:00",
    ],
    [
      "a one-word <title> found inside a paragraph does not anchor the byline there",
      `<html><head><title>显示</title></head><body><p>大桥今日通车</p><p>${"这是正文，内容足够长，可以被认作文章的正文段落，".repeat(2)}结果显示</p><p>2020-01-02 10:00</p><p>${"这是正文的一段，内容足够长，可以被认作文章的正文段落。".repeat(2)}</p></body></html>`,
      null,
    ],
    [
      "a declared midnight adds no time to a shown date-only byline",
      page(`<meta name="PubDate" content="2022-01-28 00:00:00">`, "<p>发布日期：2022年01月28日</p>"),
      "2022-01-28",
    ],
    [
      "without a headline, the dated line above the text yields to a declared instant",
      `<html><head><meta property="article:published_time" content="2019-11-15T10:45:02+00:00"></head><body><div>Nov 15, 2019 5:45 AM</div><div>${"<p>This is a paragraph of the article, long enough to count as its text.</p>".repeat(4)}</div></body></html>`,
      "2019-11-15T10:45:02+00:00",
    ],
    [
      "a <time> in UTC whose text shows Beijing time reads in +08:00",
      page("", '<p>发布时间：<time datetime="2023-01-10T01:05:00Z">2023-01-10 09:05</time></p>'),
      "2023-01-10T09:05:00+08:00",
    ],
    [
      "a <time> whose text shows no time implies no offset",
      page("", '<p>发布时间：<time datetime="2023-01-10T01:05:00Z">2023-01-10</time></p>'),
      "2023-01-10T01:05:00+00:00",
    ],
  ])("%s", (_name, html, expected) => {
    expect(publishedOf(html)).toBe(expected);
  });

  test("the same instant declared in UTC and in local time comes out in local time", () => {
    const html = page(
      `<meta property="article:published_time" content="2023-04-18T12:15:42+00:00">`,
      `<span>发布于 <time class="entry-date published" datetime="2023-04-18T20:15:42+08:00">2023年4月18日</time></span>`,
    );
    expect(publishedOf(html)).toBe("2023-04-18T20:15:42+08:00");
  });

  test("a page's own offset wins over the default", () => {
    const html = page(`<meta property="article:published_time" content="2023-01-10T09:05:00-05:00">`, "");
    expect(publishedOf(html)).toBe("2023-01-10T09:05:00-05:00");
  });

  test("uses the site's default offset for a shown time", () => {
    const { document, dispose } = parseHtml(page("", "<div>发布时间：2023-01-10 09:05</div>"), ctx.url);
    expect(extractPublishedAt(document, { ...ctx, defaultOffset: "+09:00" }, { now })).toBe(
      "2023-01-10T09:05:00+09:00",
    );
    dispose();
  });
});
