/**
 * A whole crawl of the second fixture portal (`fixtures/portal-b/`), built unlike the first so the crawl's
 * article/list judgement and link discovery are not fitted to one site's URL and page styles: dynamic
 * `.php?id=` articles, TRS `t20240315_98765.html` leaves, `content_N.htm` with a second page (whose text joins
 * the first page's record), a `<base href>`
 * list, tracking parameters, protocol-relative and off-site links, and pages that look like articles by URL
 * but are not (a tag page, a photo gallery, a search page, 关于我们/联系我们).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixturePortal,
  type PortalRequest,
  portalBDir,
  startFixturePortal,
} from "../../scripts/fixture-portal/server.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";
import {
  countBy,
  loadPortalExpectations,
  readFailures,
  readRecordsFile,
  recordPaths,
  shortGaps,
  startCrawlProcess,
} from "./portal-helpers.js";

const expected = loadPortalExpectations(portalBDir);
const crawlDelaySec = 0.1;
/** See portal-crawl.test.ts: two clocks read in whole milliseconds. */
const clockSlackMs = 3;

let portal: FixturePortal;
let workDir: string;
let exitCode: number | null;
let stderr: string;
let records: ArticleRecord[];
let problems: string[];
let failures: ReturnType<typeof readFailures>;
let log: PortalRequest[];

beforeAll(async () => {
  portal = await startFixturePortal({ crawlDelaySec, dir: portalBDir });
  workDir = mkdtempSync(join(tmpdir(), "caiji-portal-b-crawl-"));
  const out = join(workDir, "out.jsonl");
  const run = startCrawlProcess([
    portal.url,
    "--out",
    out,
    "--state",
    join(workDir, "state"),
    "--interval-ms",
    "0",
  ]);
  exitCode = (await run.exited).code;
  stderr = run.stderr();
  ({ records, problems } = readRecordsFile(out));
  failures = readFailures(join(workDir, "out.errors.jsonl"));
  log = [...portal.requestLog];
}, 300_000);

afterAll(async () => {
  await portal?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const pathOf = (entry: PortalRequest) => new URL(entry.path, "http://portal").pathname;
const decodedPaths = () => recordPaths(records).map((path) => decodeURIComponent(path));

describe("a crawl of fixture portal B", () => {
  it("writes exactly the expected records, each once", () => {
    expect(problems).toEqual([]);
    const paths = decodedPaths();
    expect(Object.entries(countBy(paths)).filter(([, n]) => n > 1)).toEqual([]);
    expect([...paths].sort()).toEqual([...expected.articlePaths].sort());
    expect(exitCode, stderr).toBe(0);
  });

  it("joins each paginated article's pages into its record: every page's text, once, in order", () => {
    const expectedText = Object.entries(expected.textInOrder ?? {});
    expect(expectedText.length).toBeGreaterThan(0);
    const paths = decodedPaths();
    for (const [path, passages] of expectedText) {
      const record = records[paths.indexOf(path)];
      expect(record, path).toBeDefined();
      const text = record?.text ?? "";
      const at = passages.map((passage) => text.indexOf(passage));
      expect(
        at.filter((index) => index < 0),
        `${path}: passages missing`,
      ).toEqual([]);
      expect(
        [...at].sort((a, b) => a - b),
        `${path}: passages out of order`,
      ).toEqual(at);
      for (const passage of passages) expect(text.split(passage).length - 1, passage).toBe(1);
      expect(record?.pageUrls?.length, `${path}: pageUrls`).toBe(2);
    }
  });

  it("writes no record for home, list, tag, search, gallery, about, contact, page-2, 404 or PDF pages", () => {
    const paths = new Set(decodedPaths());
    expect(expected.noRecordPaths.filter((path) => paths.has(path))).toEqual([]);
  });

  it("fetched each trap page, so the judgement above was the classifier's, not a missed link", () => {
    const requested = new Set(
      log.map((entry) => decodeURIComponent(new URL(entry.path, "http://p").pathname)),
    );
    for (const path of [
      "/tag/2345.html",
      "/search",
      "/content/2024-03/16/content_123460.htm",
      "/content/2024-03/15/content_123456_2.htm",
      "/about.html",
      "/contact.html",
      "/news/index_2.html",
    ]) {
      expect(requested.has(path), path).toBe(true);
    }
  });

  it("fetched the query-numbered page 2 of the PHPCMS article", () => {
    expect(log.some((entry) => /[?&]id=77\b/.test(entry.path) && /[?&]page=2\b/.test(entry.path))).toBe(true);
  });

  it("asks for robots.txt first, never requests a disallowed path, and stays on the seed's host", () => {
    expect(log[0]?.path).toBe("/robots.txt");
    const disallowed = log.filter((entry) =>
      expected.neverRequestedPrefixes.some((prefix) => pathOf(entry).startsWith(prefix)),
    );
    expect(disallowed.map((entry) => entry.path)).toEqual([]);
    expect(new Set(log.map((entry) => entry.headers.host))).toEqual(new Set([new URL(portal.url).host]));
    for (const host of expected.offSiteHosts) {
      expect(failures.filter((failure) => failure.url.includes(host))).toEqual([]);
    }
  });

  it("strips tracking parameters before fetching", () => {
    expect(
      log.filter((entry) => /[?&](utm_|spm=|from=|isappinstalled=)/.test(entry.path)).map((e) => e.path),
    ).toEqual([]);
  });

  it("keeps the Crawl-delay, retries the 503, and waits out the 429's Retry-After", () => {
    expect(shortGaps(log, crawlDelaySec * 1000 - clockSlackMs).short).toEqual([]);
    const shtml = log.filter((entry) => pathOf(entry) === "/html/2024/0301/12.shtml");
    expect(shtml.map((entry) => entry.status)).toEqual([503, 200]);
    const throttled = log.findIndex((entry) => entry.status === 429);
    expect(throttled).toBeGreaterThanOrEqual(0);
    const first = log[throttled] as PortalRequest;
    const next = log[throttled + 1] as PortalRequest;
    expect(next.at - first.at).toBeGreaterThanOrEqual(1000);
    expect(log.slice(throttled + 1).some((entry) => entry.path === first.path)).toBe(true);
  });
});
