/**
 * Where the per-host interval is counted from: the moment the previous response's headers arrived (the HTTP
 * client announces it on undici's `undici:request:headers` diagnostics channel). A host with a one-second
 * interval whose server thinks 300 ms before answering and then sends a body for 400 ms gets a request every
 * 1.3 s: the server's log shows at least the interval between its requests however late it logged one, and
 * reading a large body does not slow the crawl (counting from the end of the response gave 1.7 s).
 *
 * Time is virtual: politeness sleeps and the responses' duration move one clock, so the figures are exact
 * whatever the machine is doing.
 */
import diagnostics from "node:diagnostics_channel";
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

const ORIGIN = "http://slow.test";
const INTERVAL_MS = 1000;
const ANSWER_MS = 300;
const BODY_MS = 400;
const ARTICLES = 5;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const responseHeaders = diagnostics.channel("undici:request:headers");

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
      await nextTurn();
      clock += ANSWER_MS;
      // What undici publishes when the response headers are in.
      responseHeaders.publish({ request: { origin: ORIGIN, path: new URL(url).pathname }, response: {} });
      await nextTurn();
      clock += BODY_MS;
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
    readPage: homeLinkingArticles(ARTICLES),
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
  it("is counted from when the previous answer began to arrive, not from its start or its end", async () => {
    const starts: number[] = [];
    const options = parseCrawlOptions({
      seeds: [`${ORIGIN}/`],
      politeness: { intervalMs: INTERVAL_MS, concurrency: 1, robots: false },
      extract: { workers: 0 },
    });
    const summary = await crawl(options, virtualParts(starts));
    expect(summary.pages).toBe(ARTICLES + 1);
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    // From the start: 1000 (the server could log two requests closer than the interval); from the end: 1700.
    expect(gaps).toEqual(Array.from({ length: ARTICLES }, () => ANSWER_MS + INTERVAL_MS));
  });
});
