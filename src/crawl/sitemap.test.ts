import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { FetchResult } from "../fetch/fetch-result.js";
import { parseSitemap, readSitemaps } from "./sitemap.js";

const URLSET = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://www.example.cn/a/2023/0110/1.html</loc><lastmod>2023-01-10</lastmod></url>
  <url>
    <loc> https://www.example.cn/list.php?tid=3&amp;page=2 </loc>
  </url>
  <url><loc><![CDATA[https://www.example.cn/a/2.html]]></loc>
    <news:news><news:publication_date>2023-01-11T08:00:00+08:00</news:publication_date></news:news></url>
  <url><loc>/relative/3.html</loc></url>
  <url><loc>ftp://www.example.cn/file</loc></url>
  <url><loc>https://www.example.cn/a/2023/0110/1.html</loc></url>
</urlset>`;

const INDEX = `<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.example.cn/sitemap-1.xml</loc><lastmod>2023-01-01</lastmod></sitemap>
  <sitemap><loc>https://www.example.cn/sitemap-2.xml.gz</loc></sitemap>
</sitemapindex>`;

describe("parseSitemap", () => {
  it("reads a urlset: loc, lastmod or news date, entities, CDATA, relative URLs, duplicates", () => {
    const parsed = parseSitemap(URLSET, "https://www.example.cn/sitemap.xml");
    expect(parsed.kind).toBe("urlset");
    expect(parsed.entries).toEqual([
      { url: "https://www.example.cn/a/2023/0110/1.html", lastmod: "2023-01-10" },
      { url: "https://www.example.cn/list.php?tid=3&page=2" },
      { url: "https://www.example.cn/a/2.html", lastmod: "2023-01-11T08:00:00+08:00" },
      { url: "https://www.example.cn/relative/3.html" },
    ]);
  });

  it("reads a sitemap index", () => {
    expect(parseSitemap(INDEX)).toEqual({
      kind: "sitemapindex",
      entries: [],
      sitemaps: ["https://www.example.cn/sitemap-1.xml", "https://www.example.cn/sitemap-2.xml.gz"],
    });
  });

  it("gunzips gzip bytes and decodes a BOM-prefixed UTF-8 body", () => {
    const gz = gzipSync(Buffer.from(`\uFEFF${URLSET}`));
    expect(parseSitemap(new Uint8Array(gz)).entries).toHaveLength(3); // the relative one needs a base
    expect(parseSitemap(new Uint8Array([0x1f, 0x8b, 1, 2, 3])).kind).toBe("unknown");
  });

  it("reads RSS and Atom feeds", () => {
    const rss = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>要闻</title>
      <atom:link href="https://www.example.cn/rss.xml" rel="self" />
      <item><title>一</title><atom:link href="https://www.example.cn/rss.xml" rel="self"/><link>https://www.example.cn/a/1.html</link><pubDate>Tue, 10 Jan 2023 08:00:00 +0800</pubDate></item>
      <item><title>二</title><guid>https://www.example.cn/a/2.html</guid></item>
    </channel></rss>`;
    expect(parseSitemap(rss).entries).toEqual([
      { url: "https://www.example.cn/a/1.html", lastmod: "Tue, 10 Jan 2023 08:00:00 +0800" },
      { url: "https://www.example.cn/a/2.html" },
    ]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="edit" href="/edit/1"/>
      <link rel="alternate" href="https://blog.example.cn/p/1"/><updated>2023-01-10T00:00:00Z</updated></entry></feed>`;
    expect(parseSitemap(atom).entries).toEqual([
      { url: "https://blog.example.cn/p/1", lastmod: "2023-01-10T00:00:00Z" },
    ]);
  });

  it("reads a plain-text sitemap and rejects HTML", () => {
    const text = "https://www.example.cn/a/1.html\r\nhttps://www.example.cn/a/2.html\n\nnot a url\n";
    expect(parseSitemap(text)).toMatchObject({
      kind: "text",
      entries: [{ url: "https://www.example.cn/a/1.html" }, { url: "https://www.example.cn/a/2.html" }],
    });
    expect(parseSitemap("<html><body>404 页面不存在</body></html>").kind).toBe("unknown");
  });
});

describe("readSitemaps", () => {
  const bodies: Record<string, string | Uint8Array> = {
    "https://www.example.cn/sitemap_index.xml": INDEX,
    "https://www.example.cn/sitemap-1.xml": URLSET,
    "https://www.example.cn/sitemap-2.xml.gz": new Uint8Array(
      gzipSync(Buffer.from(`<urlset><url><loc>https://www.example.cn/b/9.html</loc></url></urlset>`)),
    ),
    "https://www.example.cn/extra.xml": `<urlset><url><loc>https://www.example.cn/c/1.html</loc></url></urlset>`,
  };
  const fetched: string[] = [];
  const fetch = async (url: string): Promise<FetchResult> => {
    fetched.push(url);
    const body = bodies[url];
    if (body === undefined) return { ok: false, kind: "http-status", url, reason: "404", status: 404 };
    return {
      ok: true,
      page: {
        requestedUrl: url,
        url,
        status: 200,
        headers: {},
        body: typeof body === "string" ? new TextEncoder().encode(body) : body,
        fetchedAt: new Date(0),
        rendered: false,
      },
    };
  };
  const robots = {
    sitemaps: async () => ["https://www.example.cn/sitemap_index.xml", "https://www.example.cn/missing.xml"],
  };

  it("walks robots.txt sitemaps and extras through indexes, skipping failures", async () => {
    fetched.length = 0;
    const entries = await readSitemaps({
      origin: "https://www.example.cn",
      robots,
      extra: ["https://www.example.cn/extra.xml"],
      fetch,
    });
    expect(entries.map((e) => e.url)).toEqual([
      "https://www.example.cn/c/1.html",
      "https://www.example.cn/a/2023/0110/1.html",
      "https://www.example.cn/list.php?tid=3&page=2",
      "https://www.example.cn/a/2.html",
      "https://www.example.cn/relative/3.html",
      "https://www.example.cn/b/9.html",
    ]);
    expect(fetched).toHaveLength(5);
  });

  it("stops at maxSitemaps and maxUrls", async () => {
    fetched.length = 0;
    const few = await readSitemaps({ origin: "https://www.example.cn", robots, fetch, maxUrls: 2 });
    expect(few).toHaveLength(2);
    fetched.length = 0;
    await readSitemaps({ origin: "https://www.example.cn", robots, fetch, maxSitemaps: 1 });
    expect(fetched).toEqual(["https://www.example.cn/sitemap_index.xml"]);
  });
});
