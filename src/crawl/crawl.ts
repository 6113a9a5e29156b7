/**
 * The crawl loop: a conductor that moves each URL through the stages and records the outcome. It does no
 * parsing, scoring or policy of its own; every decision belongs to a stage it is handed (`CrawlParts`).
 *
 * For each leased request, in order:
 *   1. scope, then robots.txt (loaded through politeness before any page of the host, so it is always the
 *      host's first request; its `Sitemap:` lines join the queue);
 *   2. `politeness.schedule(fetch)`: the host's interval, Crawl-delay and Retry-After clock decide when;
 *   3. a failure is retried (released with backoff; Retry-After also pushes the host's clock) until
 *      `maxAttempts`, then written to the errors file;
 *   4. a page is decoded and parsed once; its links go to the frontier (with kind and depth, within scope and
 *      `maxDepth`); the classifier says whether it is an article; an article is extracted (in a worker thread
 *      when `extract` answers with a promise, while other requests go on) and written to the records file.
 *      An article split over pages (a pager under the text, `article-pages.ts`) has its later pages fetched
 *      first, each through scope, robots.txt, politeness and retries like any request, and extracted with it
 *      into one record; they are never crawled on their own (frontier aliases of the article). A later page
 *      reached first (a list or a sitemap links it) is no article to `readPage` (`findFirstPage`): it yields
 *      its links, its first page among them, and that page fetches it again with the article;
 *   5. only then is the request completed in the frontier.
 *
 * Step 5 coming last is what makes a kill harmless: a request is done only after everything it produced is
 * on disk, so a crash can repeat work (a record written twice is refused by the sink) but never lose it.
 * A redirect target is recorded as an alias of the URL that led to it, and when the target was already
 * crawled under its own name the redirect yields no second record.
 *
 * Stopping (`signal`): no new leases; fetches already running finish and are recorded; requests still
 * waiting for their host's turn (in politeness, or leased ahead in the host rotation) are left leased, and
 * the frontier hands them out again on reopen.
 */

import diagnostics from "node:diagnostics_channel";
import type { FailureKind, FetchResult } from "../fetch/fetch-result.js";
import type { Page } from "../fetch/page.js";
import type { ArticleRecord } from "../output/record-schema.js";
import { DEFAULT_MAX_ARTICLE_PAGES } from "./article-pages.js";
import { retryDelayMs, shouldRetry } from "./backoff.js";
import type { CrawlOptions } from "./crawl-options.js";
import type { CrawlRequest, Frontier } from "./frontier.js";
import { HostRotation } from "./host-rotation.js";
import { normalizeUrl } from "./normalize-url.js";
import type { Politeness } from "./politeness.js";
import type { CrawlSummary, ProgressReporter, ProgressSnapshot } from "./progress.js";
import type { RobotsCache } from "./robots-cache.js";

/** A link found on a page, with what the linking rule expects it to be. */
export interface FoundLink {
  url: string;
  kind: CrawlRequest["kind"];
  /** A next/numbered page of the same list: it keeps the list's depth, so `maxDepth` never cuts a list short. */
  pagination: boolean;
}

/** What the loop learns from a parsed HTML page. */
export interface PageReading {
  links: FoundLink[];
  isArticle: boolean;
  /** An article's further pages (its pager), in order; absent or empty for an article on one page. */
  laterPages?: string[];
}

/** A failure as it goes to the errors file. */
export interface CrawlFailure {
  url: string;
  /** Which stage gave up: `fetch`, `robots`, `extract`, `read`. */
  stage: string;
  kind: string;
  reason: string;
  attempts: number;
  status?: number;
  /** The page that linked here (null for seeds): where a dead link is to be fixed or ignored. */
  referrer: string | null;
  at: string;
}

/** The stages the loop conducts. Built from options by `run-crawl.ts`; tests may hand in their own. */
export interface CrawlParts {
  frontier: Frontier;
  politeness: Politeness;
  /** `headers`: per-request headers (conditional requests of incremental crawls, `incremental.ts`). */
  fetch: (
    url: string,
    init: { allowNonHtml: boolean; headers?: Record<string, string> },
  ) => Promise<FetchResult>;
  /** Null when robots.txt is ignored (`--no-robots`). */
  robots: RobotsCache | null;
  /** Which URLs belong to the crawl; a seed that redirects to another host brings that host in. */
  scope: { allows(url: string): boolean; addSite(url: string): void };
  /**
   * Renders a fetched page in a browser when it needs one (`--render`, `render-step.ts`) and returns the page
   * to read: the rendered one or the fetched one. Absent: pages are read as fetched.
   */
  render?: (page: Page) => Promise<Page>;
  /** Decodes and parses an HTML page once, and says what it links to and whether it is an article. */
  readPage: (page: Page, request: CrawlRequest) => PageReading;
  /** URLs listed by a sitemap (pages and nested sitemaps). */
  readSitemap: (page: Page) => FoundLink[];
  /**
   * Page → record; throws (or rejects) for a page with no article content (`ExtractError`). May answer later:
   * the crawl extracts in worker threads (`ExtractPool`), and other pages go on meanwhile.
   */
  extract: (page: Page, laterPages?: Page[]) => ArticleRecord | Promise<ArticleRecord>;
  /**
   * The pages after `page`, a later page of the article at `firstPageUrl`, that its pager shows (a pager of
   * 下一页 alone names one page at a time). Absent: only the first page's pager is read.
   */
  readLaterPages?: (page: Page, firstPageUrl: string) => string[];
  /** Appends a record; false when the sink already holds one for that URL. */
  writeRecord: (record: ArticleRecord) => boolean;
  writeFailure: (failure: CrawlFailure) => void;
  progress: ProgressReporter;
  /** One-line notices for the user (stderr). */
  notice: (line: string) => void;
  now?: () => number;
  random?: () => number;
  /** How long the loop sleeps when nothing can be leased yet, in ms. @default 50 */
  idlePollMs?: number;
}

/**
 * Frontier meta key holding the pages fetched so far in this state, for `maxPages`; an incremental run
 * (`incremental.ts`) resets it when it starts a new pass over a finished state.
 */
export const PAGES_FETCHED_KEY = "crawl.pagesFetched";

/**
 * Requests leased ahead at most (see `host-rotation.ts`): enough to keep hundreds of hosts busy when the
 * frontier's breadth-first order lists each host's links together, at a few hundred bytes each.
 */
const LOOKAHEAD_REQUESTS = 4096;

/** Marker for a request whose fetch never started because the crawl was stopping. */
const ABANDONED = Symbol("abandoned");
/** Marker for a request whose fetch never started because an article took it as one of its later pages. */
const CLAIMED = Symbol("claimed");
/** Published by undici (the HTTP fetcher's client) when a response's headers have arrived. */
const UNDICI_RESPONSE_HEADERS = "undici:request:headers";

export async function crawl(
  options: CrawlOptions,
  parts: CrawlParts,
  signal?: AbortSignal,
): Promise<CrawlSummary> {
  return new CrawlRun(options, parts, signal).run();
}

class CrawlRun {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly startedMs: number;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly errorsByKind: Record<string, number> = {};
  private readonly robotsSeenOrigins = new Set<string>();
  private pages = 0;
  private records = 0;
  private bytes = 0;
  private pagesFetchedTotal: number;
  private fatal: unknown = null;
  private wakeIdle: (() => void) | null = null;
  /** Requests to abandon on a stop: those still waiting for their host's turn. */
  private readonly onStop = new Set<() => void>();
  /**
   * Later pages of articles (URL → the article's URL), fetched with their article. A request for one that
   * was leased before its article claimed it (it was linked from a list too) is not fetched again.
   */
  private readonly claimed = new Map<string, string>();

  constructor(
    private readonly options: CrawlOptions,
    private readonly parts: CrawlParts,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.now = parts.now ?? Date.now;
    this.random = parts.random ?? Math.random;
    this.startedMs = this.now();
    this.pagesFetchedTotal = Number(parts.frontier.getMeta(PAGES_FETCHED_KEY) ?? 0);
  }

  async run(): Promise<CrawlSummary> {
    const { frontier } = this.parts;
    if (this.options.render !== "never" && !this.parts.render) {
      this.parts.notice(
        `--render ${this.options.render}: browser rendering is not available; fetching over HTTP`,
      );
    }
    frontier.addMany([
      ...this.options.seeds.map((url) => ({ url, kind: "seed" as const, depth: 0 })),
      ...this.options.sitemaps.map((url) => ({ url, kind: "sitemap" as const, depth: 0 })),
    ]);
    const ticker = setInterval(() => this.parts.progress.update(this.snapshot()), 500);
    // One listener for the whole run; requests waiting for their turn register in `onStop` instead.
    const onAbort = () => {
      for (const abandon of this.onStop) abandon();
      this.wake();
    };
    this.signal?.addEventListener("abort", onAbort);
    const { politeness } = this.parts;
    const onAnswered = (message: unknown) => {
      const origin = (message as { request?: { origin?: unknown } }).request?.origin;
      if (origin !== undefined) politeness.noteAnswered(String(origin));
    };
    // The HTTP client says when a response's headers arrive: the first moment the crawler knows the server
    // has the request, which is where the host's interval is counted from (see politeness.ts).
    diagnostics.subscribe(UNDICI_RESPONSE_HEADERS, onAnswered);
    let stoppedBy: CrawlSummary["stoppedBy"] = "finished";
    try {
      stoppedBy = await this.loop();
      await Promise.all(this.inFlight);
    } finally {
      clearInterval(ticker);
      diagnostics.unsubscribe(UNDICI_RESPONSE_HEADERS, onAnswered);
      this.signal?.removeEventListener("abort", onAbort);
      this.parts.progress.update(this.snapshot());
      this.parts.progress.stop();
    }
    if (this.fatal !== null) throw this.fatal;
    const stats = frontier.stats();
    return {
      pages: this.pages,
      records: this.records,
      errorsByKind: { ...this.errorsByKind },
      bytes: this.bytes,
      elapsedMs: this.now() - this.startedMs,
      stoppedBy,
      remaining: stats.pending + stats.leased,
    };
  }

  /**
   * Leases ahead into per-host queues (`host-rotation.ts`) and starts requests host by host, until the frontier
   * is finished, the page budget is spent or a stop. Requests started wait for their turn in politeness;
   * at most `perHostConcurrency + 1` per host, so that the next one is queued when the host's interval ends.
   */
  private async loop(): Promise<CrawlSummary["stoppedBy"]> {
    const { frontier, politeness } = this.parts;
    const leaseBatch = this.options.politeness.concurrency * 2;
    const maxPages = this.options.scope.maxPages ?? Number.POSITIVE_INFINITY;
    const rotation = new HostRotation({
      maxBuffered: Math.max(leaseBatch, LOOKAHEAD_REQUESTS),
      perHostInFlight: this.options.politeness.perHostConcurrency + 1,
      leaseTimeoutMs: this.options.frontier.leaseTimeoutMs,
      intervalMsFor: (url) => politeness.intervalMsFor(url),
    });
    for (;;) {
      if (this.signal?.aborted || this.fatal !== null) return "signal";
      const budget = maxPages - this.pagesFetchedTotal - this.inFlight.size;
      if (budget <= 0 && this.inFlight.size === 0) return "max-pages";
      const room = Math.min(rotation.roomToLease(), budget - rotation.buffered, leaseBatch);
      const leases = room > 0 ? frontier.lease(room, this.now()) : [];
      rotation.add(leases.map((lease) => lease.request));
      let started = 0;
      for (let request = started < budget ? rotation.next() : null; request; ) {
        this.start(request, rotation);
        started++;
        request = started < budget ? rotation.next() : null;
      }
      if (leases.length > 0 || started > 0) continue;
      if (this.inFlight.size === 0 && rotation.buffered === 0 && frontier.isFinished()) return "finished";
      await this.idle();
    }
  }

  /** Waits until a request finishes, the poll interval passes (retries coming due) or a stop. */
  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake(), this.parts.idlePollMs ?? 50);
      this.wakeIdle = () => {
        clearTimeout(timer);
        this.wakeIdle = null;
        resolve();
      };
    });
  }

  private wake(): void {
    this.wakeIdle?.();
  }

  private start(request: CrawlRequest, rotation: HostRotation): void {
    const task = this.process(request).catch((error: unknown) => {
      // Sink or frontier I/O failed (disk full, state folder gone): nothing more can be recorded safely.
      this.fatal ??= error;
    });
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      rotation.finished(request);
      this.wake();
    });
  }

  private async process(request: CrawlRequest): Promise<void> {
    const { frontier } = this.parts;
    const { url } = request;
    if (!this.parts.scope.allows(url)) {
      frontier.complete(url, { status: "skipped", reason: "out of scope" });
      return;
    }
    if (this.parts.robots && !(await this.robotsAllow(request))) return;
    if (this.signal?.aborted) return;

    // Checked again when its turn comes: its article may claim it while it waits.
    const result = this.claimed.has(url) ? CLAIMED : await this.fetchWhenPolite(request, true);
    if (result === ABANDONED) return;
    if (result === CLAIMED) {
      frontier.complete(url, {
        status: "skipped",
        reason: `a page of ${this.claimed.get(url)}, fetched with it`,
      });
      return;
    }
    this.countFetch(result);
    if (result.ok) {
      // After the fetch released the host: the page's own requests wait their turns like any other.
      const page =
        this.parts.render && request.kind !== "sitemap" ? await this.parts.render(result.page) : result.page;
      await this.handlePage(request, page, result.redirects ?? []);
    } else {
      this.handleFailure(request, result.kind, result.reason, result.status, result.retryAfterMs);
    }
  }

  private countFetch(result: FetchResult): void {
    this.pages++;
    this.pagesFetchedTotal++;
    this.parts.frontier.setMeta(PAGES_FETCHED_KEY, String(this.pagesFetchedTotal));
    if (result.ok) this.bytes += result.page.body.length;
  }

  /**
   * Fetches when politeness allows. On a stop, a request still waiting for its host's turn is abandoned at
   * once (left leased, so it is pending again on reopen); one already running is awaited.
   *
   * Politeness spaces requests by the host's interval (Crawl-delay), counted from when the previous
   * response's headers arrived (`noteAnswered`, see `run`): the server had the request by then, so the gap
   * its log shows is never shorter than the interval, however late either request was logged. Reading the
   * body is not added to the gap (a large page does not slow the crawl down); a Retry-After (429/503) holds
   * the host from the end of the response.
   */
  private fetchWhenPolite(
    request: CrawlRequest,
    fromFrontier: true,
  ): Promise<FetchResult | typeof ABANDONED | typeof CLAIMED>;
  private fetchWhenPolite(request: CrawlRequest): Promise<FetchResult | typeof ABANDONED>;
  private fetchWhenPolite(
    request: CrawlRequest,
    fromFrontier = false,
  ): Promise<FetchResult | typeof ABANDONED | typeof CLAIMED> {
    const { politeness } = this.parts;
    let started = false;
    const scheduled = politeness.schedule<FetchResult | typeof ABANDONED | typeof CLAIMED>(
      request.url,
      async () => {
        if (this.signal?.aborted) return ABANDONED;
        if (fromFrontier && this.claimed.has(request.url)) return CLAIMED;
        started = true;
        const result = await this.parts.fetch(request.url, { allowNonHtml: request.kind === "sitemap" });
        if (!result.ok && result.retryAfterMs !== undefined) {
          politeness.recordDelay(request.url, result.retryAfterMs);
        }
        return result;
      },
    );
    if (!this.signal) return scheduled;
    return new Promise((resolve, reject) => {
      const abandon = () => {
        if (!started) resolve(ABANDONED);
      };
      this.onStop.add(abandon);
      scheduled.then(resolve, reject).finally(() => this.onStop.delete(abandon));
    });
  }

  /** Loads the host's robots.txt (first request of the host) and says whether `request` may be fetched. */
  private async robotsAllow(request: CrawlRequest): Promise<boolean> {
    const robots = this.parts.robots as RobotsCache;
    const verdict = await robots.check(request.url);
    const origin = new URL(request.url).origin;
    if (!this.robotsSeenOrigins.has(origin)) {
      this.robotsSeenOrigins.add(origin);
      // robots.txt was the host's first request, through politeness: its Crawl-delay, known from now on, is
      // counted from that request's start like any other interval.
      const sitemaps = (await robots.sitemaps(origin)).filter((url) => this.parts.scope.allows(url));
      this.parts.frontier.addMany(sitemaps.map((url) => ({ url, kind: "sitemap" as const, depth: 0 })));
    }
    if (verdict.allowed) return true;
    if (verdict.reason === "disallowed") {
      this.parts.frontier.complete(request.url, { status: "skipped", reason: "disallowed by robots.txt" });
      return false;
    }
    this.handleFailure(
      request,
      "http-retryable",
      "robots.txt unreachable",
      undefined,
      verdict.retryAtMs - this.now(),
      "robots",
    );
    return false;
  }

  private handleFailure(
    request: CrawlRequest,
    kind: FailureKind,
    reason: string,
    status: number | undefined,
    retryAfterMs: number | undefined,
    stage = "fetch",
  ): void {
    const { frontier } = this.parts;
    const attempt = request.attempts + 1;
    if (shouldRetry(kind, attempt, this.options.fetch.maxAttempts)) {
      // The host's clock was already pushed by Retry-After (`fetchWhenPolite`); this is the request's own wait.
      frontier.release(request.url, this.now() + retryDelayMs(attempt, {}, this.random, retryAfterMs));
      return;
    }
    this.recordFailure(request, { stage, kind, reason, status });
    const outcome =
      kind === "not-html" || kind === "disallowed"
        ? ({ status: "skipped", reason } as const)
        : ({ status: "failed", stage, reason } as const);
    frontier.complete(request.url, outcome);
  }

  private async handlePage(request: CrawlRequest, page: Page, redirects: string[]): Promise<void> {
    const { frontier } = this.parts;
    const { url } = request;
    if (redirects.length > 0) {
      if (request.kind === "seed") this.parts.scope.addSite(page.url);
      for (const hop of redirects.slice(0, -1)) frontier.markAlias(hop);
      // The target was (or is being) crawled under its own URL: this response would only repeat it.
      if (normalizeUrl(page.url) !== url && !frontier.markAlias(page.url)) {
        frontier.complete(url, { status: "skipped", reason: `redirects to ${page.url}, crawled on its own` });
        return;
      }
      if (!this.parts.scope.allows(page.url)) {
        frontier.complete(url, { status: "skipped", reason: `redirects out of scope to ${page.url}` });
        return;
      }
    }
    if (request.kind === "sitemap") {
      this.follow(request, this.parts.readSitemap(page));
      frontier.complete(url, {
        status: "done",
        httpStatus: page.status,
        recordWritten: false,
        finalUrl: page.url,
      });
      return;
    }

    let reading: PageReading;
    try {
      reading = this.parts.readPage(page, request);
    } catch (error) {
      this.giveUp(request, "read", "unreadable", errorMessage(error), page.status);
      return;
    }
    const ownPages = reading.isArticle ? (reading.laterPages ?? []) : [];
    // The article's later pages are fetched with it, below, and never on their own.
    const own = new Set(ownPages);
    this.follow(
      request,
      reading.links.filter((link) => !own.has(link.url)),
    );
    for (const later of ownPages) this.claim(later, page.url);

    let recordWritten = false;
    if (reading.isArticle) {
      const laterPages = ownPages.length > 0 ? await this.fetchLaterPages(request, page, ownPages) : [];
      if (laterPages === ABANDONED) return;
      let record: ArticleRecord;
      try {
        record = await this.parts.extract(page, laterPages.length > 0 ? laterPages : undefined);
      } catch (error) {
        const kind = (error as { kind?: unknown }).kind;
        this.giveUp(
          request,
          "extract",
          typeof kind === "string" ? kind : "error",
          errorMessage(error),
          page.status,
        );
        return;
      }
      const joined = new Set(record.pageUrls ?? [record.url]);
      for (const later of laterPages.filter((p) => !joined.has(p.url))) {
        this.recordFailure(
          { ...request, url: later.url, referrer: page.url, attempts: 0 },
          {
            stage: "extract",
            kind: "no-content",
            reason: `page of ${page.url} left out of its record: no main text of its own, or another page's text again`,
            status: later.status,
          },
        );
      }
      recordWritten = this.parts.writeRecord(record);
      if (recordWritten) this.records++;
    }
    frontier.complete(url, { status: "done", httpStatus: page.status, recordWritten, finalUrl: page.url });
  }

  /**
   * Fetches an article's later pages, in order, each through scope, robots.txt, politeness and retries, and
   * those their own pagers add (`readLaterPages`), up to `DEFAULT_MAX_ARTICLE_PAGES` pages in all. A page
   * that cannot be had is written to the errors file and left out: the record holds the pages that worked.
   * ABANDONED on a stop: the article is left leased, to be crawled whole on reopen. The pages count as
   * fetched pages, and an article under way is finished even when that takes the crawl past `maxPages`.
   */
  private async fetchLaterPages(
    request: CrawlRequest,
    first: Page,
    urls: readonly string[],
  ): Promise<Page[] | typeof ABANDONED> {
    const queue = [...urls];
    const seen = new Set([request.url, normalizeUrl(first.url) ?? first.url, ...urls]);
    const pages: Page[] = [];
    while (queue.length > 0 && pages.length < DEFAULT_MAX_ARTICLE_PAGES - 1) {
      const url = queue.shift() as string;
      const pageRequest: CrawlRequest = {
        ...request,
        url,
        referrer: first.url,
        attempts: 0,
        kind: "article",
      };
      if (!this.parts.scope.allows(url)) continue;
      if (this.parts.robots) {
        const verdict = await this.parts.robots.check(url);
        if (!verdict.allowed) {
          if (verdict.reason !== "disallowed") {
            this.recordFailure(pageRequest, {
              stage: "robots",
              kind: "http-retryable",
              reason: `robots.txt unreachable; page of ${first.url} left out of its record`,
            });
          }
          continue;
        }
      }
      const result = await this.fetchWithRetries(pageRequest);
      if (result === ABANDONED) return ABANDONED;
      if (!result.ok) {
        this.recordFailure(
          { ...pageRequest, attempts: result.attempts - 1 },
          {
            stage: "fetch",
            kind: result.kind,
            reason: `${result.reason}; page of ${first.url} left out of its record`,
            status: result.status,
          },
        );
        continue;
      }
      // A page number the server does not have may redirect to the article itself or to another page.
      const landed = normalizeUrl(result.page.url) ?? result.page.url;
      if (landed !== url && seen.has(landed)) continue;
      seen.add(landed);
      const page = this.parts.render ? await this.parts.render(result.page) : result.page;
      pages.push(page);
      for (const next of this.readLaterPages(page, first.url)) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
        this.claim(next, first.url);
      }
    }
    return pages;
  }

  /** Makes `url` a page of `articleUrl`: never crawled on its own, now (leased already) or later (an alias). */
  private claim(url: string, articleUrl: string): void {
    this.claimed.set(url, articleUrl);
    this.parts.frontier.markAlias(url);
  }

  /** What a later page's pager adds; a page that cannot be read adds nothing (its text is judged in extraction). */
  private readLaterPages(page: Page, firstPageUrl: string): string[] {
    try {
      return this.parts.readLaterPages?.(page, firstPageUrl) ?? [];
    } catch {
      return [];
    }
  }

  /** One fetch of a request the loop does not release to the frontier: retried here, after the same waits. */
  private async fetchWithRetries(
    request: CrawlRequest,
  ): Promise<(FetchResult & { attempts: number }) | typeof ABANDONED> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.fetchWhenPolite(request);
      if (result === ABANDONED) return ABANDONED;
      this.countFetch(result);
      if (result.ok || !shouldRetry(result.kind, attempt, this.options.fetch.maxAttempts)) {
        return { ...result, attempts: attempt };
      }
      const waited = await this.sleep(retryDelayMs(attempt, {}, this.random, result.retryAfterMs));
      if (!waited) return ABANDONED;
    }
  }

  /** Waits `ms`; false when the crawl is stopped meanwhile. */
  private sleep(ms: number): Promise<boolean> {
    if (this.signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const stop = () => {
        clearTimeout(timer);
        this.onStop.delete(stop);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.onStop.delete(stop);
        resolve(true);
      }, ms);
      this.onStop.add(stop);
    });
  }

  /** Queues the links within scope and depth; pagination keeps the list's depth. */
  private follow(request: CrawlRequest, links: FoundLink[]): void {
    const maxDepth = this.options.scope.maxDepth ?? Number.POSITIVE_INFINITY;
    const batch: Array<{ url: string; kind: CrawlRequest["kind"]; depth: number; referrer: string }> = [];
    for (const link of links) {
      const depth = link.pagination ? request.depth : request.depth + 1;
      if (depth > maxDepth || !this.parts.scope.allows(link.url)) continue;
      batch.push({ url: link.url, kind: link.kind, depth, referrer: request.url });
    }
    if (batch.length > 0) this.parts.frontier.addMany(batch);
  }

  private giveUp(request: CrawlRequest, stage: string, kind: string, reason: string, status?: number): void {
    this.recordFailure(request, { stage, kind, reason, status });
    this.parts.frontier.complete(request.url, { status: "failed", stage, reason });
  }

  /** Written before the frontier hears of it, like a record: a kill can duplicate the line, never lose it. */
  private recordFailure(
    request: CrawlRequest,
    failure: Pick<CrawlFailure, "stage" | "kind" | "reason" | "status">,
  ): void {
    this.errorsByKind[failure.kind] = (this.errorsByKind[failure.kind] ?? 0) + 1;
    this.parts.writeFailure({
      url: request.url,
      referrer: request.referrer,
      ...failure,
      attempts: request.attempts + 1,
      at: new Date(this.now()).toISOString(),
    });
  }

  private snapshot(): ProgressSnapshot {
    const stats = this.parts.frontier.stats();
    const errors = Object.values(this.errorsByKind).reduce((sum, n) => sum + n, 0);
    return {
      done: stats.done + stats.failed + stats.skipped,
      queued: stats.pending + stats.leased,
      pages: this.pages,
      records: this.records,
      errors,
      elapsedMs: this.now() - this.startedMs,
      waiting: this.parts.politeness.waitingHost(),
    };
  }
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
