import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractMetadata, type Metadata } from "./index.js";

const url = "http://www.example-news.cn/news/2023/0110/94.html";

/** A small portal page in the shape of the seed: logo h1, headline, English byline, disclaimer, footer. */
const PORTAL_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>新时代 新征程 点燃科创引擎 区科技局书写科技创新“新篇章”-三牛娱乐新闻</title>
<link rel="canonical" href="/news/2023/0110/94.html"></head><body>
<div class="header"><h1><a href="/">三牛娱乐新闻</a></h1><ul class="nav"><li>首页</li><li>娱乐</li></ul></div>
<div class="article">
  <h2 class="article-title">新时代 新征程 点燃科创引擎 区科技局书写科技创新“新篇章”</h2>
  <div class="info"><span>Writer: admin</span> <span>Time:2023-01-10</span> <span>Browse:94</span></div>
  <div class="content"><p>2022年是党的二十大召开之年，也是滨湖区太湖湾科创带引领区建设的关键之年、突破之年。</p>
  <p>特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。</p></div>
  <ul class="related"><li>戴尔已注销中国多家分支机构 2023-01-09</li></ul>
</div>
<div class="footer">三牛娱乐新闻 CONTACT US 电话:400-123-4567 Copyright © 2008-2023</div>
</body></html>`;

/** A Chinese government-style page: one packed byline of separate spans, GBK-era layout. */
const GOV_PAGE = `<html><head><title>山西品牌丝路行正式启动 - 山西省人民政府门户网站</title>
<meta name="PubDate" content="2019-09-18 06:23"></head><body>
<div class="topbar"><h1>山西省人民政府网站</h1></div>
<div class="detail"><h2>山西品牌丝路行正式启动</h2>
<ul class="detail-article-infos"><li><span><i>时间：</i>2019-09-18 06:23</span><span><i>来源：</i> 山西日报 </span></li>
<li><span>浏览次数：</span><span id="count"></span></li></ul>
<div class="text"><p>跨越千山万水，行程近两万公里，山西品牌丝路行首次登陆巴西，刷新走出去的最远纪录。</p>
<p>南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）</p></div></div>
<div class="footer">主办：山西省人民政府办公厅 版权所有</div></body></html>`;

describe("extractMetadata", () => {
  test.each<[string, string, Metadata]>([
    [
      "portal page with a logo h1 and an English byline",
      PORTAL_PAGE,
      {
        title: "新时代 新征程 点燃科创引擎 区科技局书写科技创新“新篇章”",
        publishedAt: "2023-01-10",
        authors: ["admin"],
        source: null,
        views: 94,
        canonicalUrl: "http://www.example-news.cn/news/2023/0110/94.html",
        lang: "zh",
      },
    ],
    [
      "government page with a script-filled view count",
      GOV_PAGE,
      {
        title: "山西品牌丝路行正式启动",
        publishedAt: "2019-09-18T06:23:00+08:00",
        authors: ["张巨峰"],
        source: "山西日报",
        views: null,
        canonicalUrl: null,
        lang: "zh",
      },
    ],
  ])("%s", (_name, html, expected) => {
    const { document, dispose } = parseHtml(html, url);
    try {
      expect(extractMetadata(document, { url, defaultOffset: "+08:00" })).toEqual(expected);
    } finally {
      dispose();
    }
  });

  test("a company-site page whose <title> is only its column: headline, byline and views", () => {
    const html = `<html><head><title>新闻中心</title></head><body>
      <div class="logo"><a href="/">江南机械有限公司</a></div>
      <ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li></ul>
      <div class="main"><div class="lm-title">新闻中心</div>
      <h1>公司荣获省级专精特新企业称号</h1>
      <div class="content"><p>近日，省工业和信息化厅公布了新一批专精特新中小企业名单，我公司榜上有名。</p></div>
      <div class="info">作者：admin 时间：2023-01-10 浏览：94</div></div>
      <div id="bottom"><p>版权所有：江南机械有限公司 苏ICP备12345678号</p><p>访问量：123456</p></div></body></html>`;
    const { document, dispose } = parseHtml(html, url);
    try {
      expect(extractMetadata(document, { url, defaultOffset: "+08:00" })).toMatchObject({
        title: "公司荣获省级专精特新企业称号",
        publishedAt: "2023-01-10",
        authors: ["admin"],
        views: 94,
      });
    } finally {
      dispose();
    }
  });

  test("leaves the document untouched for Readability", () => {
    const { document, dispose } = parseHtml(PORTAL_PAGE, url);
    const before = document.documentElement.outerHTML;
    extractMetadata(document, { url, defaultOffset: "+08:00" });
    expect(document.documentElement.outerHTML).toBe(before);
    dispose();
  });
});

/** Bylines as common Chinese portal templates print them, under a plain headline. */
describe("extractMetadata on common portal bylines", () => {
  const page = (byline: string): string =>
    `<html><head><title>科创新篇章_新闻网</title></head><body><h1>科创新篇章</h1>${byline}
     <div class="content"><p>这是正文的第一段，内容足够长，可以被认作文章的正文段落。</p></div></body></html>`;

  test.each<[string, string, Partial<Metadata>]>([
    [
      "a date in Chinese with a time",
      "<div>发布时间：2023年1月10日 10:30</div>",
      { publishedAt: "2023-01-10T10:30:00+08:00", source: null, views: null },
    ],
    [
      "本站原创 names no outlet, the date before it still reads",
      "<div>发布时间：2023年1月10日 10:30 来源：本站原创</div>",
      { publishedAt: "2023-01-10T10:30:00+08:00", source: null },
    ],
    [
      "作者/时间/浏览 on one line",
      "<div>作者：admin 时间：2023-01-10 浏览：94</div>",
      { publishedAt: "2023-01-10", authors: ["admin"], views: 94 },
    ],
    [
      "Writer/Time/Browse on one line",
      "<div>Writer: admin Time:2023-01-10 Browse:94</div>",
      { publishedAt: "2023-01-10", authors: ["admin"], views: 94 },
    ],
    [
      "a packed byline with seconds, author, outlet and a separated count",
      "<div>发布时间：2023年01月10日 10:30:15 作者：张三 来源：新华社 浏览次数：1,288</div>",
      { publishedAt: "2023-01-10T10:30:15+08:00", authors: ["张三"], source: "新华社", views: 1288 },
    ],
    [
      "pipes between the items and a 万 count",
      "<div>时间：2023-01-10 10:30 | 来源：本站 | 作者：管理员 | 阅读：1.2万</div>",
      { publishedAt: "2023-01-10T10:30:00+08:00", authors: ["管理员"], source: null, views: 12000 },
    ],
    [
      "信息来源 and 点击数 on a government page",
      "<div>发布日期：2023-01-10 信息来源：市教育局 点击数：321</div>",
      { publishedAt: "2023-01-10", source: "市教育局", views: 321 },
    ],
    [
      "bracketed items with a font-size switch",
      "<div>【发布时间：2023-01-10】【来源：市政府办公室】【字号：大 中 小】</div>",
      { publishedAt: "2023-01-10", source: "市政府办公室", views: null },
    ],
    [
      "发布者 and a count with 次",
      "<div>发布者：系统管理员 发布时间：2023/1/10 浏览：56次</div>",
      { publishedAt: "2023-01-10", authors: ["系统管理员"], views: 56 },
    ],
    [
      "a time in 时/分 and no space before it",
      "<div>发布时间：2023年01月10日 10时30分</div>",
      { publishedAt: "2023-01-10T10:30:00+08:00" },
    ],
    [
      "full-width spaces between the items",
      "<div>来源：本站原创　发布时间：2023年1月10日 10:30　浏览：94次</div>",
      { publishedAt: "2023-01-10T10:30:00+08:00", source: null, views: 94 },
    ],
    [
      "a count in a coloured font tag",
      "<div>时间：2023/01/10 来源：本站 点击：<font color=red>94</font></div>",
      { publishedAt: "2023-01-10", views: 94 },
    ],
    [
      "bracketed items between pipes",
      "<div>[ 作者：admin | 时间：2023-01-10 | 浏览：94 ]</div>",
      { publishedAt: "2023-01-10", authors: ["admin"], views: 94 },
    ],
  ])("%s", (_name, byline, expected) => {
    const { document, dispose } = parseHtml(page(byline), url);
    try {
      expect(extractMetadata(document, { url, defaultOffset: "+08:00" })).toMatchObject(expected);
    } finally {
      dispose();
    }
  });
});
