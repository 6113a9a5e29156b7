/**
 * Multi-page articles whose later page the crawl reaches before the first one, on a small site on 127.0.0.1,
 * and how an article's later pages count against `maxPages`.
 *
 * The home page links only a later page of 丁 (numbered from 0: `d5.html`, `d5_1.html`, `d5_2.html`, so
 * `d5_1` is its SECOND page) and of 戊 (PHPCMS-style, numbered from 1: `show-12-345-1.html` is the first
 * page, and page 2 reaches it only by a lone 第1页 link, in no pager bar). The sitemap lists only page 2 of
 * 己 (`?page=2`) and of 庚 (WordPress's `/slug/2/`). Each article must come out once, whole, under its first
 * page, and none of its later pages as a record of its own, with the crawl's depth limited to 1 (the first
 * page is followed at its later page's depth). 辛 (`report_2.html`) only links `report.html` as a related
 * article, not from a pager: its `_2` is part of its name, and it is a record of its own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";
import { readRecordsFile } from "./portal-helpers.js";

/** A sentence only page `n` of article `name` holds, to find in the record. */
const marker = (name: string, n: number) => `${name}文第${"一二三"[n - 1]}页独有的句子内容`;

function articlePage(name: string, n: number, pager: string, extra = ""): string {
  const filler =
    "县里各部门按照统一部署，扎实推进各项工作落地见效，群众满意度持续提升，相关经验做法得到上级部门充分肯定。";
  const text = [marker(name, n), filler, `这是第${n}页的补充说明，${filler}`, `第${n}页结尾段落。${filler}`]
    .map((line) => `<p>　　${line}</p>`)
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}篇：县里全面推进春耕备耕工作_示例新闻网</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/">新闻中心</a> <a href="/">政务公开</a></div>
<div class="main">
<h1>${name}篇：县里全面推进春耕备耕工作</h1>
<div class="info">2024-03-01 08:30 来源：示例日报</div>
<div id="content">
${text}
</div>
${pager}
${extra}
</div>
<div class="footer">示例新闻网 版权所有</div>
</body></html>`;
}

const home = `<!doctype html><html><head><meta charset="utf-8"><title>示例新闻网</title></head><body>
<h1>示例新闻网</h1><ul>
<li><a href="/a/2024/0301/d5_1.html">丁篇：县里全面推进春耕备耕工作（二）</a></li>
<li><a href="/html/2024/0301/show-12-345-2.html">戊篇：县里全面推进春耕备耕工作（二）</a></li>
<li><a href="/news/report_2.html">辛篇：县里全面推进春耕备耕工作第二次报告</a></li>
</ul></body></html>`;

const wordpress = "/2024/03/15/spring-farming/";

const pages: Record<string, string> = {
  "/": home,
  // 丁: numbered from 0.
  "/a/2024/0301/d5.html": articlePage(
    "丁",
    1,
    '<div class="page">[1] <a href="d5_1.html">[2]</a> <a href="d5_2.html">[3]</a> <a href="d5_1.html">下一页</a></div>',
  ),
  "/a/2024/0301/d5_1.html": articlePage(
    "丁",
    2,
    '<div class="page"><a href="d5.html">上一页</a> <a href="d5.html">[1]</a> [2] <a href="d5_2.html">[3]</a> <a href="d5_2.html">下一页</a></div>',
  ),
  "/a/2024/0301/d5_2.html": articlePage(
    "丁",
    3,
    '<div class="page"><a href="d5_1.html">上一页</a> <a href="d5.html">[1]</a> <a href="d5_1.html">[2]</a> [3]</div>',
  ),
  // 戊: the first page carries page number 1; pages link each other by 第N页 alone.
  "/html/2024/0301/show-12-345-1.html": articlePage(
    "戊",
    1,
    '<p>第1页 <a href="show-12-345-2.html">第2页</a> <a href="show-12-345-3.html">第3页</a></p>',
  ),
  "/html/2024/0301/show-12-345-2.html": articlePage(
    "戊",
    2,
    '<p><a href="show-12-345-1.html">第1页</a> 第2页 <a href="show-12-345-3.html">第3页</a></p>',
  ),
  "/html/2024/0301/show-12-345-3.html": articlePage(
    "戊",
    3,
    '<p><a href="show-12-345-1.html">第1页</a> <a href="show-12-345-2.html">第2页</a> 第3页</p>',
  ),
  // 己: query pages, only page 2 in the sitemap.
  "/show.php?id=9": articlePage(
    "己",
    1,
    '<div id="pages"><span>1</span> <a href="/show.php?id=9&amp;page=2">2</a> <a href="/show.php?id=9&amp;page=3">3</a></div>',
  ),
  "/show.php?id=9&page=2": articlePage(
    "己",
    2,
    '<div id="pages"><a href="/show.php?id=9">1</a> <span>2</span> <a href="/show.php?id=9&amp;page=3">3</a></div>',
  ),
  "/show.php?id=9&page=3": articlePage(
    "己",
    3,
    '<div id="pages"><a href="/show.php?id=9">1</a> <a href="/show.php?id=9&amp;page=2">2</a> <span>3</span></div>',
  ),
  // 庚: WordPress's `/slug/2/`, only page 2 in the sitemap.
  [wordpress]: articlePage(
    "庚",
    1,
    `<div class="page-links">页面： <span>1</span> <a href="${wordpress}2/">2</a></div>`,
  ),
  [`${wordpress}2/`]: articlePage(
    "庚",
    2,
    `<div class="page-links">页面： <a href="${wordpress}">1</a> <span>2</span></div>`,
  ),
  // 辛: an article whose name ends in _2; report.html is another article, linked as one.
  "/news/report_2.html": articlePage(
    "辛",
    1,
    "",
    '<div class="related"><ul><li><a href="report.html">县里召开春耕备耕工作第一次报告会议</a></li></ul></div>',
  ),
};

const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>ORIGIN/show.php?id=9&amp;page=2</loc></url>
<url><loc>ORIGIN${wordpress}2/</loc></url>
</urlset>`;

interface Site {
  origin: string;
  log: string[];
  close: () => Promise<void>;
}

async function startSite(): Promise<Site> {
  const log: string[] = [];
  let origin = "";
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    log.push(path);
    if (path === "/robots.txt") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("User-agent: *\nAllow: /\n");
    } else if (path === "/sitemap.xml") {
      response.writeHead(200, { "content-type": "application/xml" });
      response.end(sitemap.replaceAll("ORIGIN", origin));
    } else if (pages[path] !== undefined) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(pages[path]);
    } else {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      response.end("<html><body>404</body></html>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let site: Site;
let workDir: string;

beforeAll(async () => {
  site = await startSite();
  workDir = mkdtempSync(join(tmpdir(), "caiji-later-first-"));
});

afterAll(async () => {
  await site?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

/** How often `text` occurs in `whole`. */
const occurrences = (whole: string, text: string) => whole.split(text).length - 1;

async function crawlSite(name: string, options: Record<string, unknown>) {
  const out = join(workDir, `${name}.jsonl`);
  const summary = await runCrawl(
    parseCrawlOptions({
      seeds: [`${site.origin}/`],
      out,
      state: join(workDir, `${name}-state`),
      politeness: { intervalMs: 0 },
      extract: { workers: 0 },
      ...options,
    }),
    { progress: silentProgress, notice: () => {} },
  );
  const { records, problems } = readRecordsFile(out);
  expect(problems).toEqual([]);
  return { summary, records };
}

describe("a crawl that reaches an article's later page first (from a list, from a sitemap)", () => {
  let records: ArticleRecord[];

  beforeAll(async () => {
    ({ records } = await crawlSite("later-first", {
      sitemaps: [`${site.origin}/sitemap.xml`],
      scope: { maxDepth: 1 },
    }));
  }, 120_000);

  it("writes each article once, under its first page, and no later page as a record of its own", () => {
    expect(records.map((record) => pathOf(record.url)).sort()).toEqual(
      [
        "/a/2024/0301/d5.html",
        "/html/2024/0301/show-12-345-1.html",
        "/news/report_2.html",
        "/show.php?id=9",
        wordpress,
      ].sort(),
    );
  });

  it("holds every page's text in each record, once, in order", () => {
    const byPath = new Map(records.map((record) => [pathOf(record.url), record]));
    for (const [path, name, laterPaths] of [
      ["/a/2024/0301/d5.html", "丁", ["/a/2024/0301/d5_1.html", "/a/2024/0301/d5_2.html"]],
      [
        "/html/2024/0301/show-12-345-1.html",
        "戊",
        ["/html/2024/0301/show-12-345-2.html", "/html/2024/0301/show-12-345-3.html"],
      ],
      ["/show.php?id=9", "己", ["/show.php?id=9&page=2", "/show.php?id=9&page=3"]],
      [wordpress, "庚", [`${wordpress}2/`]],
    ] as const) {
      const record = byPath.get(path) as ArticleRecord;
      expect(record, path).toBeDefined();
      const at = [1, 2, 3].slice(0, laterPaths.length + 1).map((n) => record.text.indexOf(marker(name, n)));
      expect(
        at.every((index) => index >= 0),
        `${path}: text of every page`,
      ).toBe(true);
      expect(
        [...at].sort((a, b) => a - b),
        `${path}: pages in order`,
      ).toEqual(at);
      for (let n = 1; n <= at.length; n++) expect(occurrences(record.text, marker(name, n))).toBe(1);
      expect(record.pageUrls).toEqual([path, ...laterPaths].map((p) => `${site.origin}${p}`));
    }
    expect(byPath.get("/news/report_2.html")?.text).toContain(marker("辛", 1));
  });
});

describe("maxPages and an article's later pages", () => {
  it("counts later pages as fetched pages, and finishes the article under way past the budget", async () => {
    const before = site.log.length;
    // The seed is 丁's first page: with its two later pages it spends the budget of 2 and more, so the home
    // page it links is never fetched, and its record is still whole.
    const { summary, records } = await crawlSite("budget", {
      seeds: [`${site.origin}/a/2024/0301/d5.html`],
      scope: { maxPages: 2 },
    });
    expect(summary.stoppedBy).toBe("max-pages");
    expect(summary.pages).toBe(3);
    expect(records.map((record) => record.pageUrls?.map(pathOf))).toEqual([
      ["/a/2024/0301/d5.html", "/a/2024/0301/d5_1.html", "/a/2024/0301/d5_2.html"],
    ]);
    expect(site.log.slice(before).filter((path) => path !== "/robots.txt")).toEqual([
      "/a/2024/0301/d5.html",
      "/a/2024/0301/d5_1.html",
      "/a/2024/0301/d5_2.html",
    ]);
  }, 120_000);
});
