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

  test("leaves the document untouched for Readability", () => {
    const { document, dispose } = parseHtml(PORTAL_PAGE, url);
    const before = document.documentElement.outerHTML;
    extractMetadata(document, { url, defaultOffset: "+08:00" });
    expect(document.documentElement.outerHTML).toBe(before);
    dispose();
  });
});
