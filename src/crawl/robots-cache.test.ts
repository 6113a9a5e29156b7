import { describe, expect, it } from "vitest";
import type { FailureKind, FetchResult } from "../fetch/fetch-result.js";
import { RobotsCache } from "./robots-cache.js";

function okText(url: string, text: string, status = 200): FetchResult {
  return {
    ok: true,
    page: {
      requestedUrl: url,
      url,
      status,
      headers: { "content-type": "text/plain" },
      body: new TextEncoder().encode(text),
      fetchedAt: new Date(0),
      rendered: false,
    },
  };
}

function fail(url: string, kind: FailureKind, status?: number, retryAfterMs?: number): FetchResult {
  return { ok: false, kind, url, reason: kind, status, retryAfterMs };
}

/** A fetch that answers from a script and counts calls per URL. */
function scripted(answer: (url: string, call: number) => FetchResult) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    return answer(url, calls.filter((u) => u === url).length);
  };
  return { fetch, calls };
}

const ROBOTS = [
  "User-agent: *",
  "Disallow: /private/",
  "Crawl-delay: 2",
  "",
  "User-agent: caiji",
  "Disallow: /nocaiji/",
  "Allow: /nocaiji/ok.html",
  "Crawl-delay: 0.5",
  "",
  "Sitemap: https://a.test/sitemap.xml",
  "Sitemap: /news/sitemap.xml",
].join("\n");

describe("RobotsCache", () => {
  it("applies caiji's own group, falling back to *", async () => {
    const { fetch } = scripted((url) => okText(url, ROBOTS));
    const robots = new RobotsCache({ fetch });
    expect(await robots.isAllowed("https://a.test/nocaiji/x.html")).toBe(false);
    expect(await robots.isAllowed("https://a.test/nocaiji/ok.html")).toBe(true);
    // caiji has its own group, so the * group's /private/ rule does not apply to it
    expect(await robots.isAllowed("https://a.test/private/x.html")).toBe(true);
    expect(await robots.isAllowed("https://a.test/private/x.html", "otherbot")).toBe(false);
    expect(await robots.check("https://a.test/nocaiji/x.html")).toEqual({
      allowed: false,
      reason: "disallowed",
    });
  });

  it("fetches robots.txt once per origin, even for concurrent checks", async () => {
    const { fetch, calls } = scripted((url) => okText(url, ROBOTS));
    const robots = new RobotsCache({ fetch });
    await Promise.all([
      robots.isAllowed("https://a.test/1"),
      robots.isAllowed("https://a.test/2"),
      robots.crawlDelayMs("https://a.test"),
      robots.isAllowed("https://b.test/1"),
      robots.isAllowed("http://a.test/1"),
    ]);
    await robots.isAllowed("https://a.test/3");
    expect(calls.sort()).toEqual([
      "http://a.test/robots.txt",
      "https://a.test/robots.txt",
      "https://b.test/robots.txt",
    ]);
  });

  it("reads Crawl-delay in ms for caiji and for *", async () => {
    const { fetch } = scripted((url) => okText(url, ROBOTS));
    const robots = new RobotsCache({ fetch });
    expect(robots.cachedCrawlDelayMs("https://a.test/x")).toBeUndefined(); // not loaded yet
    expect(await robots.crawlDelayMs("https://a.test")).toBe(500);
    expect(await robots.crawlDelayMs("https://a.test", "otherbot")).toBe(2000);
    expect(robots.cachedCrawlDelayMs("https://a.test/any/page.html")).toBe(500);
  });

  it("lists Sitemap lines as absolute URLs", async () => {
    const { fetch } = scripted((url) => okText(url, ROBOTS));
    const robots = new RobotsCache({ fetch });
    expect(await robots.sitemaps("https://a.test/")).toEqual([
      "https://a.test/sitemap.xml",
      "https://a.test/news/sitemap.xml",
    ]);
  });

  it.each([
    ["404", fail("", "http-status", 404)],
    ["403", fail("", "http-status", 403)],
    ["a redirect loop", fail("", "redirect", 302)],
  ])("allows everything when robots.txt answers %s", async (_name, result) => {
    const robots = new RobotsCache({ fetch: async () => result });
    expect(await robots.check("https://a.test/anything")).toEqual({ allowed: true });
    expect(await robots.sitemaps("https://a.test")).toEqual([]);
  });

  it.each([
    ["5xx", fail("", "http-retryable", 503)],
    ["a network failure", fail("", "network")],
    ["a timeout", fail("", "timeout")],
  ])("disallows everything for a while when robots.txt gives %s, then retries", async (_name, result) => {
    let now = 1_000_000;
    let broken = true;
    const calls: string[] = [];
    const robots = new RobotsCache({
      now: () => now,
      unreachableRetryMs: 60_000,
      fetch: async (url) => {
        calls.push(url);
        return broken ? result : okText(url, "User-agent: *\nDisallow: /x/");
      },
    });
    expect(await robots.check("https://a.test/page")).toEqual({
      allowed: false,
      reason: "unreachable",
      retryAtMs: 1_060_000,
    });
    now += 30_000;
    expect(await robots.isAllowed("https://a.test/page")).toBe(false);
    expect(calls).toHaveLength(1); // still within the wait: no new fetch
    now += 31_000;
    // second failure doubles the wait
    expect(await robots.check("https://a.test/page")).toMatchObject({
      reason: "unreachable",
      retryAtMs: now + 120_000,
    });
    now += 120_001;
    broken = false;
    expect(await robots.isAllowed("https://a.test/page")).toBe(true);
    expect(await robots.isAllowed("https://a.test/x/1")).toBe(false);
    expect(calls).toHaveLength(3);
  });

  it("waits at least as long as Retry-After on a 503", async () => {
    const robots = new RobotsCache({
      now: () => 0,
      unreachableRetryMs: 1000,
      fetch: async (url) => fail(url, "http-retryable", 503, 300_000),
    });
    expect(await robots.check("https://a.test/")).toMatchObject({ retryAtMs: 300_000 });
  });

  it("re-fetches after the cache lifetime", async () => {
    let now = 0;
    const { fetch, calls } = scripted((url, call) =>
      okText(url, call === 1 ? "User-agent: *\nDisallow: /" : ""),
    );
    const robots = new RobotsCache({ fetch, now: () => now, ttlMs: 1000 });
    expect(await robots.isAllowed("https://a.test/p")).toBe(false);
    now = 1500;
    expect(await robots.isAllowed("https://a.test/p")).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it("treats a soft-404 HTML page and a BOM-prefixed file sensibly", async () => {
    const html = new RobotsCache({
      fetch: async (url) => okText(url, "<html><body>页面不存在</body></html>"),
    });
    expect(await html.isAllowed("https://a.test/anything")).toBe(true);
    const bom = new RobotsCache({ fetch: async (url) => okText(url, "\uFEFFUser-agent: *\nDisallow: /a/") });
    expect(await bom.isAllowed("https://a.test/a/1")).toBe(false);
  });

  it("gives up on a robots.txt that never answers, aborting the fetch", async () => {
    let aborted = false;
    const robots = new RobotsCache({
      fetchTimeoutMs: 50,
      fetch: (_url, signal) =>
        new Promise<FetchResult>(() => {
          signal.addEventListener("abort", () => {
            aborted = true;
          });
        }),
    });
    expect(await robots.check("https://a.test/")).toMatchObject({ allowed: false, reason: "unreachable" });
    expect(aborted).toBe(true);
    expect(robots.describe("https://a.test")).toMatch(/^unreachable: no answer in 50 ms/);
  });

  it("treats a throwing fetch as unreachable and refuses non-http URLs", async () => {
    const robots = new RobotsCache({
      fetch: async () => {
        throw new Error("bug");
      },
    });
    expect(await robots.check("https://a.test/")).toMatchObject({ allowed: false, reason: "unreachable" });
    expect(await robots.check("mailto:x@a.test")).toEqual({ allowed: false, reason: "disallowed" });
  });
});
