/**
 * Site adapters inside a real crawl (`runCrawl`, HTTP against a small site served on 127.0.0.1):
 * - the adapter's fields reach the records, which carry its name in `site`;
 * - its page rules decide what is an article, its link rules add a pager the generic discovery cannot see
 *   (built by a script) and drop a section it ignores;
 * - its headers and cookie go out with every request to its host;
 * - a hook that throws on one page costs one line naming adapter and page, that page is written by the
 *   generic adapter, and the error is in the errors file;
 * - an adapter with a syntax error costs one line and an errors-file entry, and the crawl goes on.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import { type ArticleRecord, articleRecordSchema } from "../../src/output/record-schema.js";

const PARAGRAPHS = [
  "镇文化广场上人头攒动，六十余家合作社和农户带来了腊肉、红薯粉条、手工豆腐乳等特色年货，吸引了大批市民前来选购。",
  "展销会为期五天，现场设置了特色农产品、非遗手工艺品和电商直播三个展区，参展的农产品全部经过质量检测。",
  "据统计，开幕当天展销会累计接待市民一万余人次，现场销售额超过四十万元，线上订单两千余单。",
];

function article(n: number): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>第${n}篇新闻标题在这里_测试网</title></head>
<body><h1>第${n}篇新闻标题在这里</h1><div class="info"><span class="num">${n * 100}</span></div>
<div class="body">${PARAGRAPHS.map((p) => `<p>第${n}篇：${p}</p>`).join("")}</div></body></html>`;
}

function list(items: number[], script = ""): string {
  const links = items.map(
    (n) => `<li><a href="/news/2023/01${String(10 + n)}/${n}.html">第${n}篇新闻标题在这里</a></li>`,
  );
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新闻列表_测试网</title></head>
<body><ul>${links.join("")}</ul><a href="/ads/promo.html">推广活动页面入口链接一则</a>${script}</body></html>`;
}

const routes: Record<string, string> = {
  "/": list([1, 2], '<script>var pageCount = 2; // pager drawn by script</script><div id="pager"></div>'),
  "/list_2.html": list([3]),
  "/news/2023/0111/1.html": article(1),
  "/news/2023/0112/2.html": article(2),
  "/news/2023/0113/3.html": article(3),
  "/ads/promo.html": article(9),
};

const ADAPTER = `import { defineAdapter } from "caiji";

export default defineAdapter({
  name: "test-site",
  hosts: ["127.0.0.1"],
  pages: { article: ["/news/**"], list: ["/", "/list_*.html"] },
  links: {
    ignore: ["/ads/**"],
    pagination: ({ document }) => {
      const count = Number(/pageCount = (\\d+)/.exec(document.body.innerHTML)?.[1] ?? 1);
      return Array.from({ length: count - 1 }, (_, i) => "/list_" + (i + 2) + ".html");
    },
  },
  headers: { "x-crawl-test": "yes" },
  cookies: { sid: "abc" },
  politeness: { intervalMs: 0 },
  fields: {
    publishedAt: { url: /\\/(\\d{4})\\/(\\d{2})(\\d{2})\\// },
    views: ({ url, document }) => {
      if (url.endsWith("/3.html")) throw new Error("counter markup changed");
      return document.querySelector("span.num")?.textContent;
    },
  },
});
`;

let server: Server;
let origin: string;
let work: string;
const requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
const notices: string[] = [];
let records: ArticleRecord[];
let errors: Array<{ url: string; stage: string; reason: string }>;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ path, headers: request.headers });
    const body = routes[path];
    response.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(body ?? "<html><body>not found</body></html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  work = mkdtempSync(join(tmpdir(), "caiji-adapter-crawl-"));
  const adapters = join(work, "adapters");
  mkdirSync(adapters);
  writeFileSync(join(adapters, "test-site.ts"), ADAPTER);
  writeFileSync(join(adapters, "broken.ts"), 'export default { name: "broken", hosts: [\n');
  const out = join(work, "out.jsonl");
  const options = parseCrawlOptions({
    seeds: [`${origin}/`],
    out,
    state: join(work, "state"),
    adapters: [adapters],
    politeness: { intervalMs: 0, robots: false },
  });
  await runCrawl(options, { progress: silentProgress, notice: (line) => notices.push(line) });
  records = readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .map((line) => articleRecordSchema.parse(JSON.parse(line)));
  errors = readFileSync(join(work, "out.errors.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
});

const byPath = (path: string) => records.find((record) => record.url === `${origin}${path}`);

describe("a crawl with site adapters", () => {
  it("writes the adapter's fields and name for its pages", () => {
    expect(byPath("/news/2023/0111/1.html")).toMatchObject({
      site: "test-site",
      views: 100,
      publishedAt: "2023-01-11",
    });
    expect(byPath("/news/2023/0112/2.html")).toMatchObject({
      site: "test-site",
      views: 200,
      publishedAt: "2023-01-12",
    });
  });

  it("follows the script-built pager and skips the ignored section; lists give no record", () => {
    const paths = requests.map((request) => request.path);
    expect(paths).toContain("/list_2.html");
    expect(paths).toContain("/news/2023/0113/3.html");
    expect(paths).not.toContain("/ads/promo.html");
    expect(records.map((record) => new URL(record.url).pathname).sort()).toEqual([
      "/news/2023/0111/1.html",
      "/news/2023/0112/2.html",
      "/news/2023/0113/3.html",
    ]);
  });

  it("sends the adapter's headers and cookie with every request to its host", () => {
    const pages = requests.filter((request) => request.path !== "/robots.txt");
    expect(pages.length).toBeGreaterThan(0);
    for (const request of pages) {
      expect(request.headers["x-crawl-test"]).toBe("yes");
      expect(request.headers.cookie).toBe("sid=abc");
    }
  });

  it("writes a page whose hook threw with the generic adapter, and says so once, naming adapter and page", () => {
    const fallback = byPath("/news/2023/0113/3.html");
    expect(fallback?.site).toBe("generic");
    expect(fallback?.views).toBeNull();
    const lines = notices.filter((line) => line.includes('adapter "test-site"'));
    expect(lines).toEqual([
      expect.stringContaining(
        `failed on ${origin}/news/2023/0113/3.html: fields.views: counter markup changed`,
      ),
    ]);
    expect(errors).toContainEqual(
      expect.objectContaining({ url: `${origin}/news/2023/0113/3.html`, stage: "adapter", reason: lines[0] }),
    );
  });

  it("reports an adapter that does not load in one line and in the errors file, and crawls on", () => {
    const lines = notices.filter((line) => line.includes('adapter "broken"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/broken\.ts\) failed to load: .*; its pages get the generic adapter$/);
    expect(errors.some((error) => error.stage === "adapter" && error.reason === lines[0])).toBe(true);
    expect(records.length).toBe(3);
  });
});
