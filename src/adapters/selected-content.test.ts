import { describe, expect, it } from "vitest";
import { extractMainContent } from "../extract/content/index.js";
import { parseHtml } from "../extract/parse-html.js";
import { extractSelectedContent } from "./selected-content.js";

const URL_ = "http://www.example.cn/news/2023/0110/1.html";

// Indented paragraphs (&nbsp; and full-width spaces), a picture, a disclaimer and a prev/next line: every
// finishing step of the generic pipeline has something to do.
const HTML = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某镇展销会开幕_某镇网</title></head>
<body><div class="logo">某镇网</div><h1>某镇展销会开幕</h1>
<div class="article">
<p>&nbsp;&nbsp;1月10日上午，某镇冬季农产品展销会在镇文化广场开幕，六十余家合作社和农户带来了腊肉、红薯粉条等特色年货。</p>
<p>\u3000\u3000展销会为期五天，现场设置了特色农产品、非遗手工艺品和电商直播三个展区，参展农产品全部经过质量检测。 </p>
<p><img src="/uploads/1.jpg" alt="展销会现场"></p>
<p>据统计，开幕当天展销会累计接待市民一万余人次，现场销售额超过四十万元，线上订单两千余单，成交十分活跃。</p>
<p>在电商直播展区，几名返乡青年正通过手机向网友推介家乡的冬笋和茶油，镇里为他们免费提供了直播场地和网络。</p>
<p>特别声明：本站转载的内容仅代表作者观点，与本站立场无关，如有侵权请联系删除。</p>
<p>上一篇：<a href="/news/2023/0109/2.html">某镇开展冬季消防安全大检查</a></p>
</div>
<div class="footer">Copyright © 2023 某镇网</div></body></html>`;

/** The HTML without wrapper divs (Readability adds its own) and with whitespace between tags dropped. */
function comparable(html: string): string {
  return html
    .replace(/<\/?div[^>]*>/g, "")
    .replace(/>\s+</g, "><")
    .trim();
}

describe("extractSelectedContent", () => {
  it("finishes a selected element exactly as the generic pipeline finishes its own pick", () => {
    const generic = parseHtml(HTML, URL_);
    const selected = parseHtml(HTML, URL_);
    const ctx = { url: URL_, title: "某镇展销会开幕" };
    const expected = extractMainContent(generic.document, ctx);
    const actual = extractSelectedContent(selected.document, { selector: "div.article" }, ctx);
    generic.dispose();
    selected.dispose();
    // If this fails after a change to `extractMainContent`, mirror the change in `selected-content.ts`.
    expect(expected).not.toBeNull();
    expect(actual?.text).toBe(expected?.text);
    expect(comparable(actual?.html ?? "")).toBe(comparable(expected?.html ?? ""));
    expect(actual?.text).not.toContain("特别声明");
    expect(actual?.text).not.toContain("上一篇");
  });

  it("returns null when the selector matches nothing or only boilerplate", () => {
    const { document, dispose } = parseHtml(HTML, URL_);
    expect(
      extractSelectedContent(document, { selector: "div.missing" }, { url: URL_, title: null }),
    ).toBeNull();
    expect(
      extractSelectedContent(document, { selector: "div.footer" }, { url: URL_, title: null }),
    ).toBeNull();
    dispose();
  });
});
