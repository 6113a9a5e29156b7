import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Page } from "../fetch/page.js";
import { articleRecordSchema } from "../output/record-schema.js";
import { extractRecord } from "./extract-record.js";

const FIRST_URL = "http://www.example.cn/news/2023/0110/1.html";

function articleHtml(n: number, paragraphs: string[], title = "某镇冬季农产品展销会开幕"): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}(${n})_某镇网</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div><h1>${title}</h1>
<div class="info">发布时间：2023-01-10 09:30 来源：某镇融媒体中心</div>
<div class="article">${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</div>
<div class="pages"><a href="1.html">1</a> <a href="1_2.html">2</a> <a href="1_3.html">3</a></div>
<div class="footer">Copyright © 2023 某镇网</div></body></html>`;
}

function page(url: string, html: string): Page {
  return {
    requestedUrl: url,
    url,
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: new TextEncoder().encode(html),
    fetchedAt: new Date("2023-01-10T02:00:00Z"),
    rendered: false,
  };
}

const PAGE_1 = [
  "1月10日上午，某镇冬季农产品展销会在镇文化广场开幕，六十余家合作社和农户带来了腊肉、红薯粉条等特色年货。",
  "展销会为期五天，现场设置了特色农产品、非遗手工艺品和电商直播三个展区，参展农产品全部经过质量检测。",
];
const PAGE_2 = [
  "在电商直播展区，返乡青年主播正在介绍猕猴桃果脯，直播间在线观众超过三千人，订单源源不断地涌入。",
  "镇里还组织物流企业现场设点，为市民提供年货寄递服务，寄往外地的包裹当天就能发出，运费给予一定优惠。",
];
const PAGE_3 = [
  "据统计，开幕当天展销会累计接待市民一万余人次，现场销售额超过四十万元，线上订单两千余单，成交十分活跃。",
];

const first = page(FIRST_URL, articleHtml(1, PAGE_1));
const second = page(FIRST_URL.replace("1.html", "1_2.html"), articleHtml(2, PAGE_2));
const third = page(FIRST_URL.replace("1.html", "1_3.html"), articleHtml(3, PAGE_3));

describe("extractRecord with later pages", () => {
  it("joins the pages' text in order and computes the text's derived fields from the whole", () => {
    const single = extractRecord(first);
    const record = extractRecord(first, { laterPages: [second, third] });
    expect(articleRecordSchema.parse(record)).toEqual(record);
    expect(record.text).toBe([...PAGE_1, ...PAGE_2, ...PAGE_3].join("\n\n"));
    expect(record.pageUrls).toEqual([first.url, second.url, third.url]);
    expect(record.contentHash).toBe(createHash("sha256").update(record.text).digest("hex"));
    expect(record.tokens.length).toBeGreaterThan(single.tokens.length);
    expect(record.tokens).toContain("猕猴桃");
    expect(record.html).toContain("猕猴桃果脯");
    expect(record.html).toContain("四十万元");
    // Metadata is the first page's.
    expect(record.url).toBe(first.url);
    expect(record.title).toBe(single.title);
    expect(record.publishedAt).toBe(single.publishedAt);
    expect(single.pageUrls).toBeUndefined();
  });

  it("leaves out a later page with no text of its own or the text of a page already taken", () => {
    const empty = page(FIRST_URL.replace("1.html", "1_4.html"), "");
    const again = page(FIRST_URL.replace("1.html", "1_5.html"), articleHtml(1, PAGE_1));
    const record = extractRecord(first, { laterPages: [empty, second, again] });
    expect(record.pageUrls).toEqual([first.url, second.url]);
    expect(record.text).toBe([...PAGE_1, ...PAGE_2].join("\n\n"));
    const alone = extractRecord(first, { laterPages: [again] });
    expect(alone.pageUrls).toBeUndefined();
    expect(alone.text).toBe(extractRecord(first).text);
  });
});
