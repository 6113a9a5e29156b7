/**
 * `caiji crawl --render …` over the render fixture site (DedeCMS count.php, PHPCMS hits span, a page built
 * in the browser, a static page) on 127.0.0.1: the "Done when", checked end to end.
 *
 * - `--render auto` records the numbers the counters serve with `fetch.rendered: true`, the static page
 *   with `rendered: false`; each article document goes over the network once (the browser is served the
 *   fetched bytes), the counters once each;
 * - a crawl where no page needs rendering never starts a browser;
 * - without any browser the crawl completes, says once that rendering is off, and records views null.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";
import { readRecordsFile, startCrawlProcess } from "../crawl/portal-helpers.js";
import { type RenderSite, renderCounters, renderFixturePages, startRenderSite } from "./render-site.js";

let site: RenderSite;
let workDir: string;

beforeAll(async () => {
  site = await startRenderSite();
  workDir = mkdtempSync(join(tmpdir(), "caiji-render-crawl-"));
});

afterAll(async () => {
  await site?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface CrawlRun {
  code: number | null;
  stderr: string;
  records: ArticleRecord[];
  /** Requests the site saw during this crawl, path and query. */
  requests: string[];
}

/** Runs `caiji crawl` as a user does, in its own process. */
async function crawlCli(name: string, seed: string, args: string[]): Promise<CrawlRun> {
  const out = join(workDir, `${name}.jsonl`);
  const before = site.requests.length;
  const run = startCrawlProcess([
    `${site.origin}${seed}`,
    "--out",
    out,
    "--state",
    join(workDir, `${name}-state`),
    "--interval-ms",
    "0",
    ...args,
  ]);
  const { code } = await run.exited;
  const { records, problems } = readRecordsFile(out);
  expect(problems).toEqual([]);
  return { code, stderr: run.stderr(), records, requests: site.requests.slice(before).map((r) => r.path) };
}

function byPath(records: ArticleRecord[]): Map<string, ArticleRecord> {
  return new Map(records.map((record) => [new URL(record.url).pathname, record]));
}

const fixture = (kind: string) => {
  const page = renderFixturePages.find((candidate) => candidate.kind === kind);
  if (!page) throw new Error(`no render fixture of kind ${kind}`);
  return page;
};

describe("caiji crawl --render auto over the render fixture site", () => {
  let run: CrawlRun;
  beforeAll(async () => {
    run = await crawlCli("auto", "/", ["--render", "auto"]);
  }, 240_000);

  it("completes and writes one record per article", () => {
    expect(run.code).toBe(0);
    expect([...byPath(run.records).keys()].sort()).toEqual(
      renderFixturePages.map((page) => page.path).sort(),
    );
    expect(run.records).toHaveLength(renderFixturePages.length);
  });

  it.each(renderFixturePages)("$kind: views $renderViews, rendered exactly when it needs to be", (page) => {
    const record = byPath(run.records).get(page.path);
    expect(record?.title).toBe(page.title);
    expect(record?.views).toBe(page.renderViews);
    expect(record?.fetch.rendered).toBe(page.needsRender);
  });

  it("fetches each article document once: the browser was served the fetched bytes", () => {
    for (const page of renderFixturePages)
      expect(run.requests.filter((path) => path === page.path)).toHaveLength(1);
  });

  it("asks each counter once, after robots.txt was read", () => {
    expect(run.requests[0]).toBe("/robots.txt");
    for (const counter of Object.keys(renderCounters)) {
      expect(run.requests.filter((path) => path === counter)).toHaveLength(1);
    }
    // Stylesheets and images never reach the server.
    expect(run.requests.some((path) => /\.(?:css|gif|png|jpe?g)$/.test(path))).toBe(false);
  });

  it("starts one browser and says so once", () => {
    expect(run.stderr.match(/rendering with Chromium/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/rendered 3 pages in Chromium/);
  });
});

describe("a crawl where no page needs rendering", () => {
  it("never starts a browser and makes no request beyond the page", async () => {
    const run = await crawlCli("static", fixture("static").path, ["--render", "auto", "--max-depth", "0"]);
    expect(run.code).toBe(0);
    expect(run.records).toHaveLength(1);
    expect(run.records[0]?.fetch.rendered).toBe(false);
    expect(run.records[0]?.views).toBe(fixture("static").staticViews);
    expect(run.stderr).not.toMatch(/rendering with Chromium|rendered \d+ pages|Chromium/);
    expect(run.requests).toEqual(["/robots.txt", fixture("static").path]);
  }, 120_000);
});

/** Runs the crawl in this process, where the browser search can be staged. */
async function crawlInProcess(
  name: string,
  seeds: string[],
  render: "auto" | "always" | "never",
  noBrowser = false,
): Promise<{ records: ArticleRecord[]; notices: string[] }> {
  const out = join(workDir, `${name}.jsonl`);
  const notices: string[] = [];
  await runCrawl(
    parseCrawlOptions({
      seeds: seeds.map((path) => `${site.origin}${path}`),
      out,
      state: join(workDir, `${name}-state`),
      render,
      scope: { maxDepth: 0 },
      politeness: { intervalMs: 0 },
    }),
    {
      progress: silentProgress,
      notice: (line) => notices.push(line),
      ...(noBrowser
        ? {
            browserSearch: {
              env: { CAIJI_CHROMIUM: join(workDir, "no-such-chromium") },
              systemPaths: [],
              playwrightPath: () => null,
            },
          }
        : {}),
    },
  );
  const { records, problems } = readRecordsFile(out);
  expect(problems).toEqual([]);
  return { records, notices };
}

describe("without any browser", () => {
  it("completes, says once that rendering is off, and records views null for the script-filled pages", async () => {
    const { records, notices } = await crawlInProcess(
      "no-browser",
      renderFixturePages.map((page) => page.path),
      "auto",
      true,
    );
    const rendering = notices.filter((line) => /Chromium/.test(line));
    expect(rendering).toHaveLength(1);
    expect(rendering[0]).toMatch(/not rendered.*CAIJI_CHROMIUM.*apt-get install chromium/);
    const records_ = byPath(records);
    for (const page of renderFixturePages) {
      const record = records_.get(page.path);
      // The page built in the browser has no text without one: no record at all, rather than an empty one.
      if (page.kind === "built-in-browser") {
        expect(record).toBeUndefined();
        continue;
      }
      expect(record?.views).toBe(page.staticViews);
      expect(record?.fetch.rendered).toBe(false);
    }
  }, 120_000);
});

describe("--render always and never", () => {
  it("always renders even a static page; never leaves a counter page unrendered", async () => {
    const always = await crawlInProcess("always", [fixture("static").path], "always");
    expect(always.records[0]?.fetch.rendered).toBe(true);
    expect(always.records[0]?.views).toBe(fixture("static").renderViews);

    const never = await crawlInProcess("never", [fixture("dedecms-count-script").path], "never");
    expect(never.records[0]?.fetch.rendered).toBe(false);
    expect(never.records[0]?.views).toBeNull();
    expect(never.notices.filter((line) => /Chromium/.test(line))).toEqual([]);
  }, 120_000);
});

describe("a counter that robots.txt disallows (DedeCMS's stock robots.txt has Disallow: /plus/)", () => {
  it("is never requested, views stay null, and the crawl says why once", async () => {
    const guarded = await startRenderSite({ robotsTxt: "User-agent: *\nDisallow: /plus/\n" });
    const out = join(workDir, "robots-counter.jsonl");
    const notices: string[] = [];
    try {
      const page = fixture("dedecms-count-script");
      await runCrawl(
        parseCrawlOptions({
          seeds: [`${guarded.origin}${page.path}`],
          out,
          state: join(workDir, "robots-counter-state"),
          render: "always",
          scope: { maxDepth: 0 },
          politeness: { intervalMs: 0 },
        }),
        { progress: silentProgress, notice: (line) => notices.push(line) },
      );
      const { records } = readRecordsFile(out);
      expect(records[0]?.fetch.rendered).toBe(true);
      expect(records[0]?.views).toBeNull();
      expect(guarded.requests.filter((request) => request.path.startsWith("/plus/"))).toEqual([]);
      const refused = notices.filter((line) => /robots\.txt .*disallows \/plus\/count\.php/.test(line));
      expect(refused).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  }, 120_000);
});
