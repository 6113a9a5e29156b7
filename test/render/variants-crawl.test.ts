/**
 * `caiji crawl --render auto` over the counter-variant fixture site (`fixtures/render/variants/`): the
 * counters an outside check might build — DedeCMS `count.php` by document.write, by `$.get` into
 * `$("#x").html()` and as a script that calls `.html()`; PHPCMS `op=count` by `$.get`, JSONP, `fetch()` and
 * XHR; EmpireCMS `ViewClick`; inline scripts after DOMContentLoaded; an unknown stats endpoint; placeholders
 * (`0`, `--`, `加载中`, `...`) and labels 浏览/阅读/点击/浏览次数/Browse/Views — beside static pages that
 * carry scripts (jQuery, share widget, analytics, a tally-only counter) with or without a printed count.
 *
 * - every counter page records the number its counter serves, `fetch.rendered: true`; the static pages
 *   `rendered: false` with the count their HTML shows;
 * - a crawl of the static pages alone starts no browser;
 * - without any browser the crawl completes, says once that rendering is off, and records views null for
 *   the counter pages.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import { parseHtml } from "../../src/extract/parse-html.js";
import { decideRender } from "../../src/fetch/render-decision.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";
import { readRecordsFile, startCrawlProcess } from "../crawl/portal-helpers.js";
import { loadRenderFixture, type RenderSite, startRenderSite, variantsFixtureDir } from "./render-site.js";

const fixture = loadRenderFixture(variantsFixtureDir);
const counterPages = fixture.pages.filter((page) => page.needsRender);
const staticPages = fixture.pages.filter((page) => !page.needsRender);

let site: RenderSite;
let workDir: string;

beforeAll(async () => {
  site = await startRenderSite({ fixture });
  workDir = mkdtempSync(join(tmpdir(), "caiji-render-variants-"));
});

afterAll(async () => {
  await site?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function byPath(records: ArticleRecord[]): Map<string, ArticleRecord> {
  return new Map(records.map((record) => [new URL(record.url).pathname, record]));
}

describe("the render decision on the static HTML of each variant", () => {
  it.each(fixture.pages)("$kind: render $needsRender", (page) => {
    const html = readFileSync(join(fixture.dir, "site", page.path), "utf8");
    const parsed = parseHtml(html, `http://127.0.0.1${page.path}`);
    try {
      const decision = decideRender(parsed.document);
      expect(decision.render, decision.reasons.join("; ")).toBe(page.needsRender);
    } finally {
      parsed.dispose();
    }
  });
});

describe("caiji crawl --render auto over the counter variants", () => {
  let code: number | null;
  let stderr: string;
  let records: Map<string, ArticleRecord>;
  let requests: string[];
  beforeAll(async () => {
    const out = join(workDir, "auto.jsonl");
    const before = site.requests.length;
    const run = startCrawlProcess([
      `${site.origin}/`,
      "--out",
      out,
      "--state",
      join(workDir, "auto-state"),
      "--interval-ms",
      "0",
      "--render",
      "auto",
    ]);
    code = (await run.exited).code;
    stderr = run.stderr();
    const file = readRecordsFile(out);
    expect(file.problems).toEqual([]);
    records = byPath(file.records);
    requests = site.requests.slice(before).map((request) => request.path);
  }, 300_000);

  it("completes with one record per article", () => {
    expect(code).toBe(0);
    expect([...records.keys()].sort()).toEqual(fixture.pages.map((page) => page.path).sort());
  });

  it.each(fixture.pages)("$kind: views $renderViews, rendered $needsRender", (page) => {
    const record = records.get(page.path);
    expect(record?.title).toBe(page.title);
    expect(record?.views).toBe(page.renderViews);
    expect(record?.fetch.rendered).toBe(page.needsRender);
  });

  it("asks each counter once, and only for the pages it renders", () => {
    for (const counter of Object.keys(fixture.counters)) {
      expect(
        requests.filter((path) => path === counter),
        counter,
      ).toHaveLength(1);
    }
    expect(requests.filter((path) => path.startsWith("/plus/count.php?aid=111"))).toEqual([]);
    expect(stderr).toMatch(new RegExp(`rendered ${counterPages.length} pages in Chromium`));
  });
});

describe("a crawl of the static pages that carry scripts", () => {
  it("from a listing page with a script in its template: starts no browser, requests nothing beyond the pages", async () => {
    const out = join(workDir, "static.jsonl");
    const before = site.requests.length;
    const run = startCrawlProcess([
      `${site.origin}/list/static.html`,
      "--out",
      out,
      "--state",
      join(workDir, "static-state"),
      "--interval-ms",
      "0",
      "--max-depth",
      "1",
      "--render",
      "auto",
    ]);
    expect((await run.exited).code).toBe(0);
    const { records: written, problems } = readRecordsFile(out);
    expect(problems).toEqual([]);
    const records_ = byPath(written);
    for (const page of staticPages) {
      expect(records_.get(page.path)?.fetch.rendered, page.kind).toBe(false);
      expect(records_.get(page.path)?.views, page.kind).toBe(page.staticViews);
    }
    expect(run.stderr()).not.toMatch(/Chromium/);
    expect(
      site.requests
        .slice(before)
        .map((request) => request.path)
        .sort(),
    ).toEqual(
      // `/` is the listing's 首页 link: the front page, a listing with a script too, is not rendered either.
      ["/", "/list/static.html", "/robots.txt", ...staticPages.map((page) => page.path)].sort(),
    );
  }, 120_000);
});

describe("the counter variants without any browser", () => {
  it("complete, say once that rendering is off, and record views null", async () => {
    const out = join(workDir, "no-browser.jsonl");
    const notices: string[] = [];
    await runCrawl(
      parseCrawlOptions({
        seeds: fixture.pages.map((page) => `${site.origin}${page.path}`),
        out,
        state: join(workDir, "no-browser-state"),
        render: "auto",
        scope: { maxDepth: 0 },
        politeness: { intervalMs: 0 },
      }),
      {
        progress: silentProgress,
        notice: (line) => notices.push(line),
        browserSearch: {
          env: { CAIJI_CHROMIUM: join(workDir, "no-such-chromium") },
          systemPaths: [],
          playwrightPath: () => null,
        },
      },
    );
    const { records: written, problems } = readRecordsFile(out);
    expect(problems).toEqual([]);
    expect(notices.filter((line) => /Chromium/.test(line))).toHaveLength(1);
    const records_ = byPath(written);
    for (const page of fixture.pages) {
      expect(records_.get(page.path)?.fetch.rendered, page.kind).toBe(false);
      expect(records_.get(page.path)?.views, page.kind).toBe(page.staticViews);
    }
    for (const page of counterPages) expect(page.staticViews).toBeNull();
  }, 120_000);
});
