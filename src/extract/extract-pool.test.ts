import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "../fetch/page.js";
import { ExtractPool } from "./extract-pool.js";
import { ExtractError, extractRecord } from "./extract-record.js";

const ARTICLE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某镇展销会开幕_某镇网</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div><h1>某镇展销会开幕</h1>
<div class="info">发布时间：2023-01-10 09:30 来源：某镇融媒体中心 作者：李明</div>
<div class="article">
<p>1月10日上午，某镇冬季农产品展销会在镇文化广场开幕，六十余家合作社和农户带来了腊肉、红薯粉条等特色年货。</p>
<p>展销会为期五天，现场设置了特色农产品、非遗手工艺品和电商直播三个展区，参展农产品全部经过质量检测。</p>
<p>据统计，开幕当天展销会累计接待市民一万余人次，现场销售额超过四十万元，线上订单两千余单，成交十分活跃。</p>
</div><div class="footer">Copyright © 2023 某镇网</div></body></html>`;

function page(body: string, contentType = "text/html; charset=utf-8"): Page {
  return {
    requestedUrl: "http://www.example.cn/news/2023/0110/1.html",
    url: "http://www.example.cn/news/2023/0110/1.html",
    status: 200,
    headers: { "content-type": contentType },
    body: new TextEncoder().encode(body),
    fetchedAt: new Date("2023-01-10T02:00:00Z"),
    rendered: false,
  };
}

describe("ExtractPool", () => {
  let pool: ExtractPool;
  beforeAll(() => {
    pool = new ExtractPool({ workers: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("gives the record extractRecord gives on the main thread", async () => {
    const fromWorker = await pool.extract(page(ARTICLE));
    expect(fromWorker).toEqual(extractRecord(page(ARTICLE)));
    expect(fromWorker.publishedAt).toBe("2023-01-10T09:30:00+08:00");
    expect(fromWorker.tokens.length).toBeGreaterThan(10);
  }, 120_000);

  it("passes extraction options to the worker", async () => {
    const record = await pool.extract(page(ARTICLE), { site: "zhen", defaultOffset: "+09:00" });
    expect(record.site).toBe("zhen");
    expect(record.publishedAt).toBe("2023-01-10T09:30:00+09:00");
  }, 120_000);

  it("passes a multi-page article's later pages to the worker", async () => {
    const later: Page = {
      ...page(
        ARTICLE.replace(
          /<p>[\s\S]*<\/p>/,
          "<p>展销会第二页：镇里还组织物流企业现场设点，为市民提供年货寄递服务，寄往外地的包裹当天就能发出。</p>",
        ),
      ),
      url: "http://www.example.cn/news/2023/0110/1_2.html",
    };
    const record = await pool.extract(page(ARTICLE), undefined, [later]);
    expect(record).toEqual(extractRecord(page(ARTICLE), { laterPages: [later] }));
    expect(record.text).toContain("展销会第二页");
    expect(record.pageUrls).toEqual([page(ARTICLE).url, later.url]);
  }, 120_000);

  it("rejects with the ExtractError kind extractRecord throws", async () => {
    await expect(pool.extract(page(""))).rejects.toMatchObject({ name: "ExtractError", kind: "empty" });
    const image = pool.extract(page("\x89PNG\r\n\x1a\n", "image/png"));
    await expect(image).rejects.toBeInstanceOf(ExtractError);
    await expect(image).rejects.toMatchObject({ kind: "not-html" });
  }, 120_000);

  it("answers pages sent at once, each with its own record", async () => {
    const pages = ["一", "二", "三", "四"].map((n) =>
      page(ARTICLE.replaceAll("某镇展销会开幕", `某镇展销会开幕${n}`)),
    );
    const records = await Promise.all(pages.map((p) => pool.extract(p)));
    expect(records.map((record) => record.title)).toEqual(
      ["一", "二", "三", "四"].map((n) => `某镇展销会开幕${n}`),
    );
  }, 120_000);
});

describe("ExtractPool limits", () => {
  it("fails a page that takes longer than the job timeout, and refuses pages once closed", async () => {
    const pool = new ExtractPool({ workers: 1, jobTimeoutMs: 1 });
    await expect(pool.extract(page(ARTICLE))).rejects.toThrow(/longer than 1 ms/);
    await pool.close();
    await expect(pool.extract(page(ARTICLE))).rejects.toThrow(/closed/);
  }, 120_000);
});

describe("ExtractPool worker recycling", () => {
  const numbered = (n: number) => page(ARTICLE.replaceAll("某镇展销会开幕", `某镇展销会开幕${n}`));

  it("replaces a worker after its share of pages and answers every page, each with its own record", async () => {
    const pool = new ExtractPool({ workers: 1, recycleAfter: 3 });
    try {
      const titles: (string | null)[] = [];
      // One at a time first: each hand-over happens between pages.
      for (let n = 1; n <= 7; n++) titles.push((await pool.extract(numbered(n))).title);
      // Then many at once: pages queued during a hand-over go to the old worker or the new one, none is lost.
      const burst = await Promise.all([8, 9, 10, 11, 12, 13, 14].map((n) => pool.extract(numbered(n))));
      titles.push(...burst.map((record) => record.title));
      expect(titles).toEqual(Array.from({ length: 14 }, (_, i) => `某镇展销会开幕${i + 1}`));
      // The old worker works on while its replacement starts, so how many were started depends on timing:
      // at least one replacement, and once hand-overs finish, one worker again.
      expect(pool.workersStarted).toBeGreaterThanOrEqual(2);
      await vi.waitFor(() => expect(pool.workersAlive).toBe(1), { timeout: 30_000, interval: 50 });
      expect((await pool.extract(numbered(15))).title).toBe("某镇展销会开幕15");
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("keeps its workers when recycling is off", async () => {
    const pool = new ExtractPool({ workers: 1, recycleAfter: 0 });
    try {
      for (let n = 1; n <= 4; n++) await pool.extract(numbered(n));
      expect(pool.workersStarted).toBe(1);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
