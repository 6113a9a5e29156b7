/**
 * Builds a crawl from its options and runs it: the embedded defaults for every stage (SQLite frontier in the
 * state folder, HTTP fetcher, politeness with robots.txt Crawl-delay, JSONL sinks), wired into `crawl()`.
 * What this function creates it also closes, whether the crawl ends, is stopped or fails.
 *
 * This is the one place that knows which concrete class serves each seam, so the loop stays a conductor and
 * the CLI stays a flag parser.
 *
 * @example
 *   const summary = await runCrawl(parseCrawlOptions({ seeds: ["https://news.example.cn/"] }), {
 *     signal: controller.signal,
 *     progress: createProgressReporter({ stream: process.stderr, logIntervalMs: 5000 }),
 *     notice: (line) => process.stderr.write(`${line}\n`),
 *   });
 */
import { AdapterRegistry } from "../adapters/adapter-registry.js";
import type { ResolvedAdapter } from "../adapters/resolved-adapter.js";
import { ExtractPool } from "../extract/extract-pool.js";
import { BrowserFetcher } from "../fetch/browser-fetcher.js";
import { classifyBody } from "../fetch/classify-body.js";
import type { BrowserSearch } from "../fetch/find-browser.js";
import { HttpFetcher } from "../fetch/http-fetcher.js";
import type { Page } from "../fetch/page.js";
import { ErrorsSink } from "../output/errors-sink.js";
import { JsonlSink } from "../output/jsonl-sink.js";
import type { ArticleRecord } from "../output/record-schema.js";
import { findLaterPages } from "./article-pages.js";
import { classifyPage, type PageClassification } from "./classify-page.js";
import { type CrawlParts, crawl, type FoundLink, type PageReading } from "./crawl.js";
import { type CrawlOptions, defaultErrorsPath, defaultStateDir } from "./crawl-options.js";
import { discoverLinks, linkKindOfUrl } from "./discover-links.js";
import { IncrementalCrawl, type IncrementalSummary } from "./incremental.js";
import { PageDocuments } from "./page-documents.js";
import { Politeness } from "./politeness.js";
import type { CrawlSummary, ProgressReporter } from "./progress.js";
import { createRenderStep } from "./render-step.js";
import { RobotsCache } from "./robots-cache.js";
import { Scope } from "./scope.js";
import { parseSitemap } from "./sitemap.js";
import { SqliteFrontier } from "./sqlite-frontier.js";

/** Site adapters are loaded from here (when it exists) and from every `options.adapters` folder. */
const DEFAULT_ADAPTERS_DIR = "crawlers";

export interface RunCrawlControl {
  signal?: AbortSignal;
  progress: ProgressReporter;
  notice: (line: string) => void;
  /** Where to look for Chromium when a page needs rendering. @default `findBrowser`'s own search */
  browserSearch?: BrowserSearch;
}

export interface CrawlFiles {
  out: string;
  errorsOut: string;
  state: string;
}

/** Where a crawl with these options writes: records, failures and state. */
export function crawlFiles(options: CrawlOptions): CrawlFiles {
  return {
    out: options.out,
    errorsOut: options.errorsOut ?? defaultErrorsPath(options.out),
    state: options.state ?? defaultStateDir(options.seeds),
  };
}

export async function runCrawl(
  options: CrawlOptions,
  control: RunCrawlControl,
): Promise<CrawlSummary & { incremental: IncrementalSummary }> {
  const files = crawlFiles(options);
  const frontier = new SqliteFrontier(files.state, { leaseTimeoutMs: options.frontier.leaseTimeoutMs });
  const fetcher = new HttpFetcher({
    userAgent: options.fetch.userAgent,
    totalTimeoutMs: options.fetch.totalTimeoutMs,
  });
  let records: JsonlSink<ArticleRecord> | undefined;
  let errors: ErrorsSink | undefined;
  let incremental: IncrementalCrawl | undefined;
  let browser: BrowserFetcher | undefined;
  let pool: ExtractPool | undefined;
  try {
    // A state that finished before makes this an incremental run; one that did not, a resume.
    incremental = IncrementalCrawl.open(files.state, frontier);
    const startLine = incremental.describeStart();
    if (startLine) control.notice(startLine);
    // Keyed by URL and text hash: a revised article is written again, the same text never twice.
    records = new JsonlSink<ArticleRecord>(files.out, { revisions: true });
    errors = new ErrorsSink(files.errorsOut);
    if (records.tornBytes > 0)
      control.notice(`cut a torn last line (${records.tornBytes} bytes) from ${files.out}`);
    const errorLog = errors;
    // A broken site adapter costs one line and an errors-file entry; its pages get the generic adapter.
    const { registry: adapters, failures: adapterFailures } = await AdapterRegistry.load({
      dirs: [DEFAULT_ADAPTERS_DIR, ...options.adapters],
      optionalDirs: [DEFAULT_ADAPTERS_DIR],
      onError: (error) => {
        control.notice(error.message);
        errorLog.write({ url: error.url, stage: "adapter", reason: error.message, attempts: 1 });
      },
    });
    for (const failure of adapterFailures) {
      control.notice(failure.message);
      errorLog.write({ url: failure.file, stage: "adapter", reason: failure.message, attempts: 0 });
    }
    let robots: RobotsCache | null = null;
    const politeness = new Politeness({
      intervalMs: options.politeness.intervalMs,
      concurrencyPerHost: options.politeness.perHostConcurrency,
      globalConcurrency: options.politeness.concurrency,
      crawlDelayMs: (url) => robots?.cachedCrawlDelayMs(url),
      hostPolicy: (host) => adapters.politenessFor(host),
    });
    if (options.politeness.robots) {
      robots = new RobotsCache({
        // robots.txt is a request to the host like any other, so it waits its turn (and sets the clock).
        fetch: (url) => politeness.schedule(url, () => fetcher.fetch(url, { allowNonHtml: true })),
      });
    }
    const robotsCache = robots;
    // Said once per host and path: DedeCMS's stock robots.txt, for one, disallows its own view counter
    // (/plus/count.php), and a user wondering why `views` is empty on a rendered page should not have to guess.
    const refusedSubrequests = new Set<string>();
    const noticeRefusedSubrequest = (url: string): void => {
      const { host, pathname } = new URL(url);
      if (refusedSubrequests.has(host + pathname)) return;
      refusedSubrequests.add(host + pathname);
      control.notice(
        `robots.txt of ${host} disallows ${pathname}, which a rendered page requests (a view counter, say): not requested, so what it would fill stays empty`,
      );
    };
    // Started on the first page that needs it; a crawl where none does never launches a browser.
    browser = new BrowserFetcher({
      userAgent: fetcher.userAgent,
      notice: control.notice,
      headersFor: (url) => adapters.resolve(url).requestHeaders(),
      ...(control.browserSearch ? { search: control.browserSearch } : {}),
      // A rendered page's own requests (counter scripts, XHR) are requests to their hosts like any other:
      // robots.txt may refuse them, and each waits its host's turn and holds the host after it.
      scheduleSubrequest: async (url, send) => {
        if (control.signal?.aborted) return;
        if (robotsCache && (await robotsCache.check(url)).allowed === false) {
          noticeRefusedSubrequest(url);
          return;
        }
        await politeness.schedule(url, async () => {
          try {
            await send();
          } finally {
            politeness.recordDelay(url, politeness.intervalMsFor(url));
          }
        });
      },
    });
    const scope = new Scope({
      seeds: options.seeds,
      include: options.scope.include,
      exclude: options.scope.exclude,
    });
    const recordSink = records;
    const errorSink = errors;
    // Each page is decoded and parsed once on the loop, for the render decision, its links and class, and
    // (without extraction workers) extraction.
    const documents = new PageDocuments();
    if (options.extract.workers > 0) {
      pool = new ExtractPool({
        workers: options.extract.workers,
        recycleAfter: options.extract.recycleAfter,
        adapters: { dirs: [DEFAULT_ADAPTERS_DIR, ...options.adapters], optionalDirs: [DEFAULT_ADAPTERS_DIR] },
        onAdapterError: ({ url, message }) => {
          control.notice(message);
          errorLog.write({ url, stage: "adapter", reason: message, attempts: 1 });
        },
      });
    }
    const extractPool = pool;
    const parts: CrawlParts = {
      frontier,
      politeness,
      fetch: (url, init) => {
        const headers = { ...init.headers, ...adapters.resolve(url).requestHeaders() };
        return fetcher.fetch(url, Object.keys(headers).length > 0 ? { ...init, headers } : init);
      },
      robots,
      scope,
      render: createRenderStep({
        mode: options.render,
        browser,
        modeFor: (url) => adapters.resolve(url).render,
        charsetFor: (url) => adapters.resolve(url).charset,
        inFrameFor: (url) => adapters.resolve(url).renderInFrame,
        notice: control.notice,
        documents,
      }),
      readPage: (page) => readPage(page, adapters.resolve(page.url), documents, extractPool === undefined),
      readLaterPages: (page, firstPageUrl) =>
        readLaterPages(page, firstPageUrl, adapters.resolve(page.url), documents),
      readSitemap,
      extract: (page, laterPages) => {
        if (extractPool) return extractPool.extract(page, undefined, laterPages);
        const adapter = adapters.resolve(page.url);
        const preparsed = documents.take(page, adapter.charset);
        try {
          return adapter.extract(page, { preparsed, ...(laterPages ? { laterPages } : {}) });
        } finally {
          preparsed.dispose();
        }
      },
      writeRecord: (record) => recordSink.write(record),
      writeFailure: (failure) =>
        errorSink.write({
          url: failure.url,
          ...(failure.referrer === null ? {} : { referrer: failure.referrer }),
          stage: failure.stage,
          reason: `${failure.kind}: ${failure.reason}`,
          attempts: failure.attempts,
          at: failure.at,
        }),
      progress: control.progress,
      notice: control.notice,
    };
    const summary = await crawl(options, incremental.wrap(parts), control.signal);
    const rendering = browser.stats();
    if (browser.browserStarts > 0) {
      control.notice(
        `rendered ${rendering.rendered} pages in Chromium (${rendering.subrequests} requests of their own, ` +
          `${rendering.blocked} blocked, ${rendering.failed} renders failed)`,
      );
    }
    incremental.finish(summary.stoppedBy);
    const endLine = incremental.describeEnd();
    if (endLine) control.notice(endLine);
    return { ...summary, incremental: incremental.summary() };
  } finally {
    incremental?.close();
    frontier.close();
    records?.close();
    errors?.close();
    await fetcher.close();
    await browser?.close();
    await pool?.close();
  }
}

/**
 * Reads the page's links and class from its shared document (`documents`); the site adapter (the generic one
 * when no adapter owns the page) refines both, and may force the charset. The document is kept only for an
 * article that is extracted here (`extractsHere`: no extraction workers); otherwise it is freed.
 */
function readPage(
  page: Page,
  adapter: ResolvedAdapter,
  documents: PageDocuments,
  extractsHere: boolean,
): PageReading {
  const bodyKind = classifyBody(page.body, page.headers["content-type"] ?? null);
  if (bodyKind !== "html" && bodyKind !== "text") return { links: [], isArticle: false };
  let isArticle = false;
  try {
    const document = documents.read(page, adapter.charset);
    const discovered = discoverLinks(document, page.url);
    const generic = discovered.map((link) => ({
      url: link.url,
      kind: link.kind,
      pagination: link.pagination,
    }));
    let classified: PageClassification | undefined;
    const kind = adapter.classify(document, page, () => {
      // The links found above serve its later-page check too (`findFirstPage`).
      classified = classifyPage(document, { url: page.url, links: discovered });
      return classified.kind;
    });
    isArticle = kind === "article";
    if (isArticle) {
      const links = adapter.followLinks(document, page.url, generic);
      return { links, isArticle, laterPages: findLaterPages(document, page.url) };
    }
    // A later page of an article reached on its own (from a list, a sitemap): its first page, which fetches
    // this one with it, is the article, and is followed at this page's depth like the pager link it is.
    const firstPageUrl = classified?.firstPageUrl;
    const toFirst = (link: (typeof generic)[number]) =>
      link.url === firstPageUrl ? { ...link, kind: "article" as const, pagination: true } : link;
    return { links: adapter.followLinks(document, page.url, generic.map(toFirst)), isArticle };
  } finally {
    if (!isArticle || !extractsHere) documents.release(page);
  }
}

/** The pages after `page` that its pager shows, `page` being a later page of the article at `firstPageUrl`. */
function readLaterPages(
  page: Page,
  firstPageUrl: string,
  adapter: ResolvedAdapter,
  documents: PageDocuments,
): string[] {
  const bodyKind = classifyBody(page.body, page.headers["content-type"] ?? null);
  if (bodyKind !== "html" && bodyKind !== "text") return [];
  try {
    return findLaterPages(documents.read(page, adapter.charset), page.url, { firstPageUrl });
  } finally {
    documents.release(page);
  }
}

function readSitemap(page: Page): FoundLink[] {
  const parsed = parseSitemap(page.body, page.url);
  return [
    ...parsed.sitemaps.map((url) => ({ url, kind: "sitemap" as const, pagination: false })),
    ...parsed.entries.map(({ url }) => ({ url, kind: linkKindOfUrl(url), pagination: false })),
  ];
}
