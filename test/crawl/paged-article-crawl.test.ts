/**
 * Multi-page articles, crawled from a small site on 127.0.0.1: one record per article holding the text of
 * all its pages, once each, in order. Article A shows only its next page on each page (1 2 下一页, then
 * 上一页 1 2 3 下一页), so page 3 is found from page 2; its page 3 is also linked from the home page, and must
 * still not become a record of its own. Article B numbers its pages in the query and its page 2 answers 503
 * once (retried). Article C's page 2 is gone (404): its record holds page 1, and the errors file says why.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalRequest } from "../../scripts/fixture-portal/server.js";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";
import { readFailures, readRecordsFile, shortGaps, startCrawlProcess } from "./portal-helpers.js";

const crawlDelaySec = 0.1;
const clockSlackMs = 3;

/** A sentence only page `n` of article `name` holds, to find in the record. */
const marker = (name: string, n: number) => `${name}文第${"一二三"[n - 1]}页独有的句子内容`;

function paragraphs(name: string, n: number): string {
  const filler =
    "县里各部门按照统一部署，扎实推进各项工作落地见效，群众满意度持续提升，相关经验做法得到上级部门充分肯定。";
  return [marker(name, n), filler, `这是第${n}页的补充说明，${filler}`, `第${n}页结尾段落。${filler}`]
    .map((text) => `<p>　　${text}</p>`)
    .join("\n");
}

function articlePage(name: string, n: number, pager: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}篇：县里全面推进春耕备耕工作_示例新闻网</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/">新闻中心</a> <a href="/">政务公开</a></div>
<div class="main">
<h1>${name}篇：县里全面推进春耕备耕工作</h1>
<div class="info">2024-03-01 08:30 来源：示例日报</div>
<div id="content">
${paragraphs(name, n)}
</div>
${pager}
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/news/2024/0301/a1.html">甲篇：县里全面推进春耕备耕工作</a></li>
<li><a href="/show.php?id=7">乙篇：县里全面推进春耕备耕工作</a></li>
</ul></div>
</div>
<div class="footer">示例新闻网 版权所有</div>
</body></html>`;
}

const home = `<!doctype html><html><head><meta charset="utf-8"><title>示例新闻网</title></head><body>
<h1>示例新闻网</h1><ul>
<li><a href="/news/2024/0301/a1.html">甲篇：县里全面推进春耕备耕工作</a></li>
<li><a href="/show.php?id=7">乙篇：县里全面推进春耕备耕工作</a></li>
<li><a href="/2024/0110/c9.html">丙篇：县里全面推进春耕备耕工作</a></li>
<li><a href="/news/2024/0301/a1_3.html">甲篇：县里全面推进春耕备耕工作（三）</a></li>
</ul></body></html>`;

const pages: Record<string, string> = {
  "/": home,
  "/news/2024/0301/a1.html": articlePage(
    "甲",
    1,
    '<div class="page"><span>1</span> <a href="a1_2.html">2</a> <a href="a1_2.html">下一页</a></div>',
  ),
  "/news/2024/0301/a1_2.html": articlePage(
    "甲",
    2,
    '<div class="page"><a href="a1.html">上一页</a> <a href="a1.html">1</a> <span>2</span> <a href="a1_3.html">3</a> <a href="a1_3.html">下一页</a></div>',
  ),
  "/news/2024/0301/a1_3.html": articlePage(
    "甲",
    3,
    '<div class="page"><a href="a1_2.html">上一页</a> <a href="a1.html">1</a> <a href="a1_2.html">2</a> <span>3</span></div>',
  ),
  "/show.php?id=7": articlePage(
    "乙",
    1,
    '<div id="pages"><span>1</span> <a href="/show.php?id=7&amp;page=2">2</a> <a href="/show.php?id=7&amp;page=3">3</a> <a href="/show.php?id=7&amp;page=2">下一页</a></div>',
  ),
  "/show.php?id=7&page=2": articlePage(
    "乙",
    2,
    '<div id="pages"><a href="/show.php?id=7">1</a> <span>2</span> <a href="/show.php?id=7&amp;page=3">3</a></div>',
  ),
  "/show.php?id=7&page=3": articlePage(
    "乙",
    3,
    '<div id="pages"><a href="/show.php?id=7">1</a> <a href="/show.php?id=7&amp;page=2">2</a> <span>3</span></div>',
  ),
  "/2024/0110/c9.html": articlePage(
    "丙",
    1,
    '<div class="pagination"><span>1</span> <a href="c9_2.html">2</a> <a href="c9_2.html">下一页</a></div>',
  ),
};

/** Answered 503 (Retry-After: 1) the first time. */
const failOnce = new Set(["/show.php?id=7&page=2"]);

interface Site {
  origin: string;
  log: PortalRequest[];
  close: () => Promise<void>;
}

async function startSite(): Promise<Site> {
  const log: PortalRequest[] = [];
  const failed = new Set<string>();
  const server: Server = createServer((request, response) => {
    const at = Date.now();
    const path = request.url ?? "/";
    let status = 200;
    let body: string;
    let headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
    if (path === "/robots.txt") {
      body = `User-agent: *\nCrawl-delay: ${crawlDelaySec}\n`;
      headers = { "content-type": "text/plain" };
    } else if (failOnce.has(path) && !failed.has(path)) {
      failed.add(path);
      status = 503;
      headers["retry-after"] = "1";
      body = "<html><body>请稍后再试</body></html>";
    } else if (pages[path] !== undefined) {
      body = pages[path] as string;
    } else {
      status = 404;
      body = "<html><body>404</body></html>";
    }
    log.push({ at, method: request.method ?? "GET", path, status, headers: request.headers });
    response.writeHead(status, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
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
  workDir = mkdtempSync(join(tmpdir(), "caiji-paged-crawl-"));
});

afterAll(async () => {
  await site?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const pathOf = (record: ArticleRecord) => {
  const url = new URL(record.url);
  return url.pathname + url.search;
};

/** How often `text` occurs in `whole`. */
const occurrences = (whole: string, text: string) => whole.split(text).length - 1;

function expectWholeArticles(records: ArticleRecord[], origin: string): void {
  expect(records.map(pathOf).sort()).toEqual([
    "/2024/0110/c9.html",
    "/news/2024/0301/a1.html",
    "/show.php?id=7",
  ]);
  const byPath = new Map(records.map((record) => [pathOf(record), record]));

  for (const [path, name, laterPaths] of [
    ["/news/2024/0301/a1.html", "甲", ["/news/2024/0301/a1_2.html", "/news/2024/0301/a1_3.html"]],
    ["/show.php?id=7", "乙", ["/show.php?id=7&page=2", "/show.php?id=7&page=3"]],
  ] as const) {
    const record = byPath.get(path) as ArticleRecord;
    const at = [1, 2, 3].map((n) => record.text.indexOf(marker(name, n)));
    expect(
      at.every((index) => index >= 0),
      `${path}: text of every page`,
    ).toBe(true);
    expect(
      [...at].sort((a, b) => a - b),
      `${path}: pages in order`,
    ).toEqual(at);
    for (const n of [1, 2, 3]) expect(occurrences(record.text, marker(name, n))).toBe(1);
    expect(record.pageUrls).toEqual([path, ...laterPaths].map((p) => `${origin}${p}`));
    // Derived from the whole text, not page 1's.
    expect(record.contentHash).toBe(createHash("sha256").update(record.text).digest("hex"));
    expect(record.tokens.join("")).toContain("第三页独有");
    expect(record.html).toContain(marker(name, 3));
  }

  const partial = byPath.get("/2024/0110/c9.html") as ArticleRecord;
  expect(partial.text).toContain(marker("丙", 1));
  expect(partial.pageUrls).toBeUndefined();
}

describe("a crawl of multi-page articles (caiji crawl, extraction in worker threads)", () => {
  let records: ArticleRecord[];
  let failures: ReturnType<typeof readFailures>;
  let log: PortalRequest[];
  let exitCode: number | null;
  let stderr: string;

  beforeAll(async () => {
    const out = join(workDir, "cli.jsonl");
    const run = startCrawlProcess([
      `${site.origin}/`,
      "--out",
      out,
      "--state",
      join(workDir, "cli-state"),
      "--interval-ms",
      "0",
    ]);
    exitCode = (await run.exited).code;
    stderr = run.stderr();
    const read = readRecordsFile(out);
    expect(read.problems).toEqual([]);
    records = read.records;
    failures = readFailures(join(workDir, "cli.errors.jsonl"));
    log = [...site.log];
  }, 120_000);

  it("writes one record per article with every page's text, once, in order", () => {
    expect(exitCode, stderr).toBe(0);
    expectWholeArticles(records, site.origin);
  });

  it("fetches each later page once (page 3 linked from the home page too), B's page 2 after its 503", () => {
    const count = (path: string) => log.filter((entry) => entry.path === path).length;
    expect(count("/news/2024/0301/a1_2.html")).toBe(1);
    expect(count("/news/2024/0301/a1_3.html")).toBe(1);
    expect(count("/show.php?id=7&page=3")).toBe(1);
    expect(log.filter((entry) => entry.path === "/show.php?id=7&page=2").map((e) => e.status)).toEqual([
      503, 200,
    ]);
  });

  it("keeps the host's Crawl-delay between every request, later pages included", () => {
    expect(shortGaps(log, crawlDelaySec * 1000 - clockSlackMs).short).toEqual([]);
  });

  it("writes the page that could not be fetched to the errors file, naming its article", () => {
    const missing = failures.filter((failure) => failure.url.endsWith("/2024/0110/c9_2.html"));
    expect(missing).toHaveLength(1);
    expect(missing[0]?.stage).toBe("fetch");
    expect(missing[0]?.reason).toContain(`${site.origin}/2024/0110/c9.html`);
  });
});

describe("a crawl of multi-page articles, extracting on the crawl's own thread", () => {
  it("writes the same whole articles", async () => {
    const out = join(workDir, "inline.jsonl");
    await runCrawl(
      parseCrawlOptions({
        seeds: [`${site.origin}/`],
        out,
        state: join(workDir, "inline-state"),
        politeness: { intervalMs: 0 },
        extract: { workers: 0 },
      }),
      { progress: silentProgress, notice: () => {} },
    );
    const { records, problems } = readRecordsFile(out);
    expect(problems).toEqual([]);
    expectWholeArticles(records, site.origin);
  }, 120_000);
});
