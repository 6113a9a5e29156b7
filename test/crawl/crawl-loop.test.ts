/**
 * The crawl loop's own decisions, without a server or a parser: a scripted site (URL → response, links,
 * article or not) behind the loop's seams, the in-memory frontier, politeness with no interval. Each test
 * names one rule of the conductor: write before complete, retry then record, alias a redirect, depth and
 * pagination, page budget, stop, robots first, an article's later pages.
 */
import { describe, expect, it } from "vitest";
import { type CrawlParts, crawl, type FoundLink } from "../../src/crawl/crawl.js";
import { type CrawlOptionsInput, parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import type { Frontier, Outcome } from "../../src/crawl/frontier.js";
import { MemoryFrontier } from "../../src/crawl/memory-frontier.js";
import { Politeness } from "../../src/crawl/politeness.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { RobotsCache } from "../../src/crawl/robots-cache.js";
import { Scope } from "../../src/crawl/scope.js";
import type { FailureKind, FetchResult } from "../../src/fetch/fetch-result.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";

const origin = "http://site.test";

/** The in-memory frontier, noting each completion in the shared event list. */
class RecordingFrontier extends MemoryFrontier {
  constructor(private readonly events: string[]) {
    super();
  }

  override complete(url: string, outcome: Outcome): void {
    this.events.push(`complete ${new URL(url).pathname}`);
    super.complete(url, outcome);
  }
}

/** One scripted URL: a page (status 200 unless said), a failure, or a redirect to another scripted URL. */
interface ScriptedPage {
  links?: Array<string | (Partial<FoundLink> & { url: string })>;
  article?: boolean;
  fail?: FailureKind;
  /** Fail this many times, then answer as a page. */
  failTimes?: number;
  retryAfterMs?: number;
  redirectTo?: string;
  body?: string;
  /** The further pages its pager shows (an article's, or a later page's). */
  laterPages?: string[];
}

interface Harness {
  parts: CrawlParts;
  frontier: Frontier;
  fetched: string[];
  records: string[];
  /** `pageUrls` of each record written, as paths (the record's own path alone for one page). */
  recordPages: string[][];
  failures: Array<{ url: string; kind: string; attempts: number; referrer: string | null }>;
  /** Frontier completions and sink writes, in order. */
  events: string[];
  notices: string[];
}

function harness(site: Record<string, ScriptedPage>, extra: Partial<CrawlParts> = {}): Harness {
  const url = (path: string) => (path.startsWith("http") ? path : `${origin}${path}`);
  const pages = new Map(Object.entries(site).map(([path, page]) => [url(path), page]));
  const failuresLeft = new Map([...pages].map(([key, page]) => [key, page.failTimes ?? 0]));
  const events: string[] = [];
  const frontier = new RecordingFrontier(events);
  const h: Harness = {
    parts: undefined as unknown as CrawlParts,
    frontier,
    fetched: [],
    records: [],
    recordPages: [],
    failures: [],
    events,
    notices: [],
  };
  const fetch = async (target: string): Promise<FetchResult> => {
    h.fetched.push(new URL(target).pathname);
    let page = pages.get(target);
    const redirects: string[] = [];
    if (page?.redirectTo) {
      redirects.push(url(page.redirectTo));
      page = pages.get(url(page.redirectTo));
    }
    if (!page) return { ok: false, kind: "http-status", url: target, reason: "HTTP 404", status: 404 };
    const left = failuresLeft.get(target) ?? 0;
    if (page.fail && (page.failTimes === undefined || left > 0)) {
      failuresLeft.set(target, left - 1);
      return { ok: false, kind: page.fail, url: target, reason: page.fail, retryAfterMs: page.retryAfterMs };
    }
    const finalUrl = redirects.at(-1) ?? target;
    const body = new TextEncoder().encode(page.body ?? "<html></html>");
    return {
      ok: true,
      page: {
        requestedUrl: target,
        url: finalUrl,
        status: 200,
        headers: {},
        body,
        fetchedAt: new Date(),
        rendered: false,
      },
      redirects,
    };
  };
  const scripted = (pageUrl: string) => pages.get(pageUrl) ?? {};
  h.parts = {
    frontier,
    politeness: new Politeness({ intervalMs: 0 }),
    fetch,
    robots: null,
    scope: new Scope({ seeds: [origin] }),
    readPage: (page) => ({
      links: (scripted(page.url).links ?? []).map((link) =>
        typeof link === "string"
          ? { url: url(link), kind: "unknown" as const, pagination: false }
          : { kind: "unknown" as const, pagination: false, ...link, url: url(link.url) },
      ),
      isArticle: scripted(page.url).article ?? false,
      laterPages: (scripted(page.url).laterPages ?? []).map(url),
    }),
    readLaterPages: (page) => (scripted(page.url).laterPages ?? []).map(url),
    readSitemap: (page) =>
      new TextDecoder()
        .decode(page.body)
        .split("\n")
        .filter(Boolean)
        .map((line) => ({ url: line, kind: "unknown" as const, pagination: false })),
    extract: (page, laterPages) => {
      const pageUrls = laterPages?.length ? [page.url, ...laterPages.map((later) => later.url)] : undefined;
      return { url: page.url, ...(pageUrls ? { pageUrls } : {}) } as ArticleRecord;
    },
    writeRecord: (record) => {
      if (h.records.includes(record.url)) return false;
      events.push(`write ${new URL(record.url).pathname}`);
      h.records.push(record.url);
      h.recordPages.push((record.pageUrls ?? [record.url]).map((u) => new URL(u).pathname));
      return true;
    },
    writeFailure: (failure) =>
      h.failures.push({
        url: failure.url,
        kind: failure.kind,
        attempts: failure.attempts,
        referrer: failure.referrer,
      }),
    progress: silentProgress,
    notice: (line) => h.notices.push(line),
    random: () => 0,
    idlePollMs: 5,
    ...extra,
  };
  return h;
}

function options(input: Partial<CrawlOptionsInput> = {}) {
  return parseCrawlOptions({ seeds: [`${origin}/`], politeness: { intervalMs: 0 }, ...input });
}

const paths = (urls: string[]) => urls.map((u) => new URL(u).pathname).sort();

describe("the crawl loop", () => {
  it("follows links and writes a record for articles only, each before its request is completed", async () => {
    const h = harness({
      "/": { links: ["/list.html", "/a/1.html"] },
      "/list.html": { links: ["/a/1.html", "/a/2.html"] },
      "/a/1.html": { article: true },
      "/a/2.html": { article: true },
    });
    const summary = await crawl(options(), h.parts);
    expect(paths(h.records)).toEqual(["/a/1.html", "/a/2.html"]);
    for (const path of ["/a/1.html", "/a/2.html"]) {
      expect(h.events.indexOf(`write ${path}`)).toBeGreaterThanOrEqual(0);
      expect(h.events.indexOf(`write ${path}`)).toBeLessThan(h.events.indexOf(`complete ${path}`));
    }
    expect(summary).toMatchObject({ pages: 4, records: 2, stoppedBy: "finished", remaining: 0 });
  });

  it("retries a retryable failure up to maxAttempts, then records it once with its attempts", async () => {
    const h = harness({
      "/": { links: ["/flaky.html", "/down.html"] },
      "/flaky.html": { article: true, fail: "http-retryable", failTimes: 2 },
      "/down.html": { fail: "timeout" },
    });
    const summary = await crawl(options({ fetch: { maxAttempts: 3 } }), h.parts);
    expect(h.fetched.filter((p) => p === "/flaky.html")).toHaveLength(3);
    expect(paths(h.records)).toEqual(["/flaky.html"]);
    expect(h.fetched.filter((p) => p === "/down.html")).toHaveLength(3);
    expect(h.failures).toEqual([
      { url: `${origin}/down.html`, kind: "timeout", attempts: 3, referrer: `${origin}/` },
    ]);
    expect(summary.errorsByKind).toEqual({ timeout: 1 });
  });

  it("never retries a failure that cannot get better (404, not HTML)", async () => {
    const h = harness({ "/": { links: ["/gone.html", "/file.html"] }, "/file.html": { fail: "not-html" } });
    await crawl(options(), h.parts);
    expect(h.fetched.filter((p) => p !== "/")).toEqual(["/gone.html", "/file.html"]);
    expect(h.failures.map((f) => [new URL(f.url).pathname, f.kind, f.attempts])).toEqual([
      ["/gone.html", "http-status", 1],
      ["/file.html", "not-html", 1],
    ]);
  });

  it("holds back a request that got Retry-After for at least that long", async () => {
    const h = harness({
      "/": { links: ["/busy.html"] },
      "/busy.html": { article: true, fail: "http-retryable", failTimes: 1, retryAfterMs: 300 },
    });
    const times: number[] = [];
    const fetch = h.parts.fetch;
    h.parts.fetch = (target, init) => {
      if (target.endsWith("/busy.html")) times.push(Date.now());
      return fetch(target, init);
    };
    await crawl(options(), h.parts);
    expect(times).toHaveLength(2);
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(300);
  });

  it("writes one record when a redirect leads to a page also linked directly", async () => {
    const h = harness({
      "/": { links: ["/a/1.html", "/old/1.html", "/old/2.html"] },
      "/a/1.html": { article: true },
      "/old/1.html": { redirectTo: "/a/1.html" },
      "/old/2.html": { redirectTo: "/a/2.html" },
      "/a/2.html": { article: true },
    });
    await crawl(options(), h.parts);
    // /old/2.html is only reachable through its redirect: its record carries the target's URL.
    expect(paths(h.records)).toEqual(["/a/1.html", "/a/2.html"]);
    expect(h.fetched.filter((p) => p === "/a/2.html")).toEqual([]);
    expect(h.frontier.has(`${origin}/a/2.html`)).toBe(true);
  });

  it("lets pagination keep its list's depth while other links go one deeper, up to maxDepth", async () => {
    const h = harness({
      "/": { links: ["/list.html"] },
      "/list.html": { links: ["/a/1.html", { url: "/list_2.html", pagination: true }] },
      "/list_2.html": { links: ["/a/2.html", { url: "/list_3.html", pagination: true }] },
      "/list_3.html": { links: ["/a/3.html"] },
      "/a/1.html": { article: true, links: ["/deeper.html"] },
      "/a/2.html": { article: true },
      "/a/3.html": { article: true },
      "/deeper.html": { article: true },
    });
    await crawl(options({ scope: { maxDepth: 2 } }), h.parts);
    expect(paths(h.records)).toEqual(["/a/1.html", "/a/2.html", "/a/3.html"]);
    expect(h.fetched).not.toContain("/deeper.html");
  });

  it("stops at maxPages and counts pages across runs on the same state", async () => {
    const site = {
      "/": { links: ["/a/1.html", "/a/2.html", "/a/3.html"] },
      "/a/1.html": { article: true },
      "/a/2.html": { article: true },
      "/a/3.html": { article: true },
    };
    const h = harness(site);
    const first = await crawl(options({ scope: { maxPages: 2 } }), h.parts);
    expect(first).toMatchObject({ pages: 2, stoppedBy: "max-pages", remaining: 2 });
    const second = await crawl(options({ scope: { maxPages: 3 } }), h.parts);
    expect(second).toMatchObject({ pages: 1, stoppedBy: "max-pages" });
    const third = await crawl(options(), h.parts);
    expect(third).toMatchObject({ pages: 1, stoppedBy: "finished", remaining: 0 });
    expect(paths(h.records)).toEqual(["/a/1.html", "/a/2.html", "/a/3.html"]);
  });

  it("on a stop leases nothing new, finishes what runs and leaves the rest for the next run", async () => {
    const controller = new AbortController();
    const h = harness({
      "/": { links: ["/a/1.html", "/a/2.html", "/a/3.html"] },
      "/a/1.html": { article: true },
      "/a/2.html": { article: true },
      "/a/3.html": { article: true },
    });
    h.parts.politeness = new Politeness({ intervalMs: 50 });
    const fetch = h.parts.fetch;
    h.parts.fetch = async (target, init) => {
      const result = await fetch(target, init);
      if (target.endsWith("/a/1.html")) controller.abort();
      return result;
    };
    const summary = await crawl(options(), h.parts, controller.signal);
    expect(summary.stoppedBy).toBe("signal");
    expect(paths(h.records)).toEqual(["/a/1.html"]);
    expect(h.fetched).toEqual(["/", "/a/1.html"]);
    expect(summary.remaining).toBe(2);
  });

  it("reads robots.txt before the host's first page, never fetches what it disallows, and crawls its Sitemap", async () => {
    const robotsTxt = `User-agent: *\nDisallow: /private/\nSitemap: ${origin}/sitemap.txt\n`;
    const h = harness({
      "/robots.txt": { body: robotsTxt },
      "/sitemap.txt": { body: `${origin}/a/9.html\n` },
      "/": { links: ["/private/x.html", "/a/1.html"] },
      "/a/1.html": { article: true },
      "/a/9.html": { article: true },
    });
    const politeness = h.parts.politeness;
    const fetch = h.parts.fetch;
    const sitemapInits: boolean[] = [];
    h.parts.fetch = (target, init) => {
      if (target.endsWith("/sitemap.txt")) sitemapInits.push(init.allowNonHtml);
      return fetch(target, init);
    };
    h.parts.robots = new RobotsCache({
      fetch: (target) => politeness.schedule(target, () => fetch(target, { allowNonHtml: true })),
    });
    await crawl(options(), h.parts);
    expect(h.fetched[0]).toBe("/robots.txt");
    expect(h.fetched).not.toContain("/private/x.html");
    expect(sitemapInits).toEqual([true]);
    expect(paths(h.records)).toEqual(["/a/1.html", "/a/9.html"]);
  });

  it("fetches an article's later pages once, in order, those a later page's pager adds too, within robots.txt", async () => {
    const h = harness({
      "/robots.txt": { body: "User-agent: *\nDisallow: /a/1_3.html\n" },
      "/": { links: ["/a/1.html", "/a/1_2.html"] },
      "/a/1.html": { article: true, links: ["/a/1_2.html", "/x.html"], laterPages: ["/a/1_2.html"] },
      "/a/1_2.html": { laterPages: ["/a/1_3.html", "/a/1_4.html"] },
      "/a/1_3.html": {},
      "/a/1_4.html": {},
      "/x.html": {},
    });
    const politeness = h.parts.politeness;
    const fetch = h.parts.fetch;
    h.parts.robots = new RobotsCache({
      fetch: (target) => politeness.schedule(target, () => fetch(target, { allowNonHtml: true })),
    });
    const summary = await crawl(options(), h.parts);
    expect(h.recordPages).toEqual([["/a/1.html", "/a/1_2.html", "/a/1_4.html"]]);
    // /a/1_2.html was linked from the home page too: fetched once, with its article.
    expect(h.fetched.filter((p) => p.startsWith("/a/1_2"))).toEqual(["/a/1_2.html"]);
    expect(h.fetched).not.toContain("/a/1_3.html");
    expect(h.fetched).toContain("/x.html");
    expect(h.events.indexOf("write /a/1.html")).toBeLessThan(h.events.indexOf("complete /a/1.html"));
    expect(summary).toMatchObject({ records: 1, stoppedBy: "finished", remaining: 0 });
  });

  it("retries a later page, then writes the record without it and its failure to the errors file", async () => {
    const h = harness({
      "/": { links: ["/a/1.html"] },
      "/a/1.html": { article: true, laterPages: ["/a/1_2.html", "/a/1_3.html", "/a/1_4.html"] },
      "/a/1_2.html": { fail: "http-retryable", failTimes: 1 },
      "/a/1_3.html": { fail: "timeout" },
      "/a/1_4.html": {},
    });
    await crawl(options({ fetch: { maxAttempts: 2 } }), h.parts);
    expect(h.recordPages).toEqual([["/a/1.html", "/a/1_2.html", "/a/1_4.html"]]);
    expect(h.fetched.filter((p) => p === "/a/1_2.html")).toHaveLength(2);
    expect(h.fetched.filter((p) => p === "/a/1_3.html")).toHaveLength(2);
    expect(h.failures).toEqual([
      { url: `${origin}/a/1_3.html`, kind: "timeout", attempts: 2, referrer: `${origin}/a/1.html` },
    ]);
  });

  it("on a stop while an article's later pages are fetched, writes nothing and leaves the article leased", async () => {
    const controller = new AbortController();
    const h = harness({
      "/": { links: ["/a/1.html"] },
      "/a/1.html": { article: true, laterPages: ["/a/1_2.html", "/a/1_3.html"] },
      "/a/1_2.html": {},
      "/a/1_3.html": {},
    });
    h.parts.politeness = new Politeness({ intervalMs: 50 });
    const fetch = h.parts.fetch;
    h.parts.fetch = async (target, init) => {
      const result = await fetch(target, init);
      if (target.endsWith("/a/1_2.html")) controller.abort();
      return result;
    };
    const stopped = await crawl(options(), h.parts, controller.signal);
    expect(stopped).toMatchObject({ stoppedBy: "signal", records: 0, remaining: 1 });
    expect(h.records).toEqual([]);
    expect(h.fetched).not.toContain("/a/1_3.html");
    // Not completed: the frontier hands the article out again (on reopen), to be fetched whole.
    expect(h.events).not.toContain("complete /a/1.html");
    expect(h.frontier.stats()).toMatchObject({ leased: 1 });
  });

  it("says once that rendering is not available and goes on over HTTP", async () => {
    const h = harness({ "/": { links: ["/a/1.html"] }, "/a/1.html": { article: true } });
    await crawl(options({ render: "always" }), h.parts);
    expect(h.notices.filter((line) => line.includes("rendering is not available"))).toHaveLength(1);
    expect(h.records).toHaveLength(1);
  });
});
