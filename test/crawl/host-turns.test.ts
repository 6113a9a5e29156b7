/**
 * Many hosts, each with more links than the loop leases at once: the frontier hands them out host by host
 * (breadth-first in discovery order), and the loop must still keep every host busy rather than work through
 * one host's politeness queue while the others wait (`host-rotation.ts`).
 */
import { describe, expect, it } from "vitest";
import { type CrawlParts, crawl } from "../../src/crawl/crawl.js";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { MemoryFrontier } from "../../src/crawl/memory-frontier.js";
import { Politeness } from "../../src/crawl/politeness.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { Scope } from "../../src/crawl/scope.js";
import type { FetchResult } from "../../src/fetch/fetch-result.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";
import { homeLinkingArticles } from "./home-and-articles.js";

const HOSTS = ["http://a.test", "http://b.test", "http://c.test"];
const LINKS_PER_HOST = 12;
const INTERVAL_MS = 20;

function parts(fetched: Array<{ host: string }>): CrawlParts {
  return {
    frontier: new MemoryFrontier(),
    politeness: new Politeness({ intervalMs: INTERVAL_MS, concurrencyPerHost: 1, globalConcurrency: 2 }),
    fetch: async (url): Promise<FetchResult> => {
      fetched.push({ host: new URL(url).host });
      const body = new TextEncoder().encode("<html></html>");
      return {
        ok: true,
        page: {
          requestedUrl: url,
          url,
          status: 200,
          headers: {},
          body,
          fetchedAt: new Date(),
          rendered: false,
        },
        redirects: [],
      };
    },
    robots: null,
    scope: new Scope({ seeds: HOSTS.map((host) => `${host}/`) }),
    readPage: homeLinkingArticles(LINKS_PER_HOST),
    readSitemap: () => [],
    extract: (page) => ({ url: page.url }) as ArticleRecord,
    writeRecord: () => true,
    writeFailure: () => {},
    progress: silentProgress,
    notice: () => {},
    idlePollMs: 5,
  };
}

describe("the crawl loop across hosts", () => {
  it("keeps every host busy when the frontier lists each host's links together", async () => {
    const fetched: Array<{ host: string }> = [];
    // Concurrency 2: the loop used to lease 4 requests at a time, all of them the first host's.
    const options = parseCrawlOptions({
      seeds: HOSTS.map((host) => `${host}/`),
      politeness: { intervalMs: INTERVAL_MS, concurrency: 2, robots: false },
      extract: { workers: 0 },
    });
    const summary = await crawl(options, parts(fetched));
    expect(summary.pages).toBe(HOSTS.length * (LINKS_PER_HOST + 1));
    // Among the first article fetches, every host appears: the hosts are served in turn, not one after another.
    const articles = fetched.slice(HOSTS.length);
    expect(new Set(articles.slice(0, HOSTS.length * 2).map((fetch) => fetch.host)).size).toBe(HOSTS.length);
    // When the first host has had all its requests, every other host has had at least half of its own.
    const hosts = HOSTS.map((host) => new URL(host).host);
    const lastIndex = hosts.map((host) => fetched.map((f) => f.host).lastIndexOf(host));
    const firstDone = Math.min(...lastIndex);
    for (const host of hosts) {
      const before = fetched.slice(0, firstDone + 1).filter((f) => f.host === host).length;
      expect(before).toBeGreaterThanOrEqual((LINKS_PER_HOST + 1) / 2);
    }
  });
});
