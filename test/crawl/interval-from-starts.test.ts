/**
 * Politeness spaces request *starts*: a host with a one-second interval whose responses take 400 ms gets
 * a request every second, not every 1.4 s. The crawl used to hold the host for the interval again from the
 * end of each response, which lost each response's own time from the crawl rate.
 *
 * Time is virtual: politeness sleeps and the responses' duration move one clock, so the figures are exact
 * whatever the machine is doing.
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

const ORIGIN = "http://slow.test";
const INTERVAL_MS = 1000;
const RESPONSE_MS = 400;
const ARTICLES = 5;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function virtualParts(starts: number[]): CrawlParts {
  let clock = 0;
  const politeness = new Politeness({
    intervalMs: INTERVAL_MS,
    concurrencyPerHost: 1,
    globalConcurrency: 1,
    now: () => clock,
    // One host: politeness sleeps one at a time, so a sleep can move the clock to its end.
    sleep: async (ms) => {
      const until = clock + ms;
      await nextTurn();
      clock = Math.max(clock, until);
    },
  });
  return {
    frontier: new MemoryFrontier(),
    politeness,
    fetch: async (url): Promise<FetchResult> => {
      starts.push(clock);
      // The response arrives RESPONSE_MS later, a few turns of the loop after the request left.
      await nextTurn();
      await nextTurn();
      clock += RESPONSE_MS;
      return {
        ok: true,
        page: {
          requestedUrl: url,
          url,
          status: 200,
          headers: {},
          body: new TextEncoder().encode("<html></html>"),
          fetchedAt: new Date(),
          rendered: false,
        },
        redirects: [],
      };
    },
    robots: null,
    scope: new Scope({ seeds: [`${ORIGIN}/`] }),
    readPage: (page) =>
      new URL(page.url).pathname === "/"
        ? {
            links: Array.from({ length: ARTICLES }, (_, i) => ({
              url: `${ORIGIN}/a/${i}.html`,
              kind: "article" as const,
              pagination: false,
            })),
            isArticle: false,
          }
        : { links: [], isArticle: true },
    readSitemap: () => [],
    extract: (page) => ({ url: page.url }) as ArticleRecord,
    writeRecord: () => true,
    writeFailure: () => {},
    progress: silentProgress,
    notice: () => {},
    idlePollMs: 1,
  };
}

describe("the crawl's per-host interval", () => {
  it("is counted between request starts: slow responses do not lengthen it", async () => {
    const starts: number[] = [];
    const options = parseCrawlOptions({
      seeds: [`${ORIGIN}/`],
      politeness: { intervalMs: INTERVAL_MS, concurrency: 1, robots: false },
      extract: { workers: 0 },
    });
    const summary = await crawl(options, virtualParts(starts));
    expect(summary.pages).toBe(ARTICLES + 1);
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    // Never closer than the interval, and no response time added to it (that gave 1400 ms gaps).
    expect(gaps).toEqual(Array.from({ length: ARTICLES }, () => INTERVAL_MS));
  });
});
