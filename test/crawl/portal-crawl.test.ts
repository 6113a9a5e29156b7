/**
 * A whole crawl of the fixture portal, judged from both ends: what it wrote (exactly the expected records,
 * nothing for home, list, 404, PDF or disallowed pages) and how it behaved, as the server's request log saw
 * it (robots.txt first, nothing disallowed or off-site, Crawl-delay kept, 503 and 429 retried, the 429 no
 * sooner than its Retry-After).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixturePortal,
  type PortalRequest,
  startFixturePortal,
} from "../../scripts/fixture-portal/server.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";
import {
  countBy,
  portalExpectations,
  readFailures,
  readRecordsFile,
  recordPaths,
  shortGaps,
  startCrawlProcess,
} from "./portal-helpers.js";

/** Small, so the crawl takes seconds; the crawl's own interval is 0, so every gap comes from Crawl-delay. */
const crawlDelaySec = 0.1;
/**
 * The crawler counts a host's delay from when the previous response's headers arrived, and the server logs a
 * request before it answers it, so the gaps the server sees are at least the delay however late the server
 * logged either request; the slack only covers two clocks read in whole milliseconds.
 */
const clockSlackMs = 3;

let portal: FixturePortal;
let workDir: string;
let exitCode: number | null;
let stdout: string;
let stderr: string;
let records: ArticleRecord[];
let problems: string[];
let failures: ReturnType<typeof readFailures>;
let log: PortalRequest[];

beforeAll(async () => {
  portal = await startFixturePortal({ crawlDelaySec });
  workDir = mkdtempSync(join(tmpdir(), "caiji-portal-crawl-"));
  const out = join(workDir, "out.jsonl");
  const run = startCrawlProcess(
    [portal.url, "--out", out, "--state", join(workDir, "state")].concat([
      "--interval-ms",
      "0",
      "--render",
      "auto",
    ]),
  );
  exitCode = (await run.exited).code;
  stdout = run.stdout();
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

describe("a crawl of the fixture portal", () => {
  it("writes exactly the expected records, each once, as valid whole lines", () => {
    expect(problems).toEqual([]);
    const paths = recordPaths(records);
    expect(Object.entries(countBy(paths)).filter(([, n]) => n > 1)).toEqual([]);
    expect([...paths].sort()).toEqual([...portalExpectations.articlePaths].sort());
    expect(exitCode, stderr).toBe(0);
    expect(stdout).toContain("caiji crawl finished");
    expect(stdout).toContain(`records  ${portalExpectations.articlePaths.length} →`);
  });

  it("writes no record for the home page, lists, 404s, the PDF or disallowed paths", () => {
    const paths = new Set(recordPaths(records));
    for (const path of portalExpectations.noRecordPaths) expect(paths.has(path), path).toBe(false);
    for (const prefix of portalExpectations.neverRequestedPrefixes) {
      expect([...paths].filter((path) => path.startsWith(prefix))).toEqual([]);
    }
  });

  it("asks for robots.txt before anything else", () => {
    expect(log[0]?.path).toBe("/robots.txt");
    expect(log.filter((entry) => entry.path === "/robots.txt")).toHaveLength(1);
  });

  it("never requests a disallowed path, and every request is to the seed's host", () => {
    const disallowed = log.filter((entry) =>
      portalExpectations.neverRequestedPrefixes.some((prefix) => pathOf(entry).startsWith(prefix)),
    );
    expect(disallowed.map((entry) => entry.path)).toEqual([]);
    expect(new Set(log.map((entry) => entry.headers.host))).toEqual(new Set([new URL(portal.url).host]));
  });

  it("keeps off-site links out of the crawl entirely", () => {
    for (const host of portalExpectations.offSiteHosts) {
      expect(failures.filter((failure) => failure.url.includes(host))).toEqual([]);
      expect(records.filter((record) => record.url.includes(host))).toEqual([]);
    }
  });

  it("strips tracking parameters before fetching", () => {
    expect(
      log.filter((entry) => /[?&](utm_|spm=|from=)/.test(entry.path)).map((entry) => entry.path),
    ).toEqual([]);
  });

  it("keeps the Crawl-delay between requests to the host", () => {
    const { gaps, short } = shortGaps(log, crawlDelaySec * 1000 - clockSlackMs);
    expect(gaps).toBeGreaterThan(20);
    expect(short).toEqual([]);
  });

  it("retries the page that answered 503 and records it", () => {
    const hits = log.filter((entry) => pathOf(entry) === "/news/2024/0302/a1002.html");
    expect(hits.map((entry) => entry.status)).toEqual([503, 200]);
  });

  it("retries the page that answered 429 no sooner than its Retry-After", () => {
    const hits = log.filter((entry) => pathOf(entry) === "/gov/2024/0306/g02.html");
    expect(hits.map((entry) => entry.status)).toEqual([429, 200]);
    const [first, second] = hits as [PortalRequest, PortalRequest];
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
    // Retry-After holds the whole host, not only the page that got it.
    const next = log[log.indexOf(first) + 1] as PortalRequest;
    expect(next.at - first.at).toBeGreaterThanOrEqual(1000);
  });

  it("follows a 301 and records the article under its final URL", () => {
    expect(log.filter((entry) => entry.path === "/old/notice-7.html").map((entry) => entry.status)).toEqual([
      301,
    ]);
    expect(recordPaths(records)).toContain("/notice/2024/n7.html");
  });

  it("decodes GBK pages whose charset is only in the header", () => {
    const g01 = records.find((record) => record.url.endsWith("/gov/2024/0305/g01.html"));
    expect(g01?.fetch.charset).toBe("gb18030");
    expect(g01?.title).toBe("关于2024年春季植树造林工作的通知");
  });

  it("records each failure once with its kind, and starts no browser for a static portal (--render auto)", () => {
    const byUrl = countBy(failures.map((failure) => new URL(failure.url).pathname));
    expect(byUrl["/news/2024/0399/missing.html"]).toBe(1);
    expect(byUrl["/notice/2024/n6.html"]).toBe(1);
    expect(failures.find((f) => f.url.endsWith("/notice/2024/report.html"))?.reason).toMatch(/^not-html:/);
    expect(failures.find((f) => f.url.endsWith("/missing.html"))?.reason).toMatch(/^http-status:/);
    expect(stderr).not.toMatch(/rendering with Chromium|rendered \d+ pages|rendering is not available/);
  });
});
