/**
 * The browser fetcher: renders an already-fetched page in Chromium (Playwright) and hands back the DOM the
 * scripts built, as a `Page` with `rendered: true`, for the same extractor that reads fetched HTML.
 *
 * Why it looks the way it does:
 *
 * - Rendering costs about ten times a fetch, so the browser starts lazily, on the first render: a crawl
 *   where no page needs one never launches it. One browser serves the whole crawl, with a small pool of
 *   reused contexts (one tab each) instead of a context per page.
 * - A tab is not navigated to each page: it holds an empty host document at the page's origin and each page
 *   is written into a new frame of it (`browser-frame.ts`), which costs Chromium a third of a navigation.
 *   A render prefers a tab whose host is at its page's origin; a page a frame cannot stand for (not HTML)
 *   or `frames: false` gets a navigation of its own.
 * - Politeness: the page was already downloaded over HTTP, so its bytes are served to the browser from
 *   memory (`route.fulfill`) and the document is never requested twice. The requests the page's scripts
 *   make (counter scripts such as `/plus/count.php`, `/api.php?op=count`) are real requests to the host, so
 *   each goes through `scheduleSubrequest`, which the crawl wires to politeness (and robots.txt); it may
 *   also refuse one by not sending it. Images, fonts, media and stylesheets never change the text and are
 *   blocked, as are analytics and ad hosts.
 * - The browser decodes the served bytes with the charset caiji's decoder chose (`decode-charset.ts`), not
 *   with whatever the server's header claimed, and the rendered DOM comes back as UTF-8 with a header and
 *   `<meta>` saying so, so the extractor cannot misread it.
 * - Every wait is bounded: the render as a whole (`renderTimeoutMs`: `load`, then a short network-idle
 *   settle capped by `settleCapMs`, then reading the DOM), each subrequest, the browser launch. A context
 *   that timed out or failed is thrown away rather than reused.
 * - Errors are values: a `FetchResult`, or `unavailable` when no browser can run. That is said once through
 *   `notice`, and callers go on without rendering.
 *
 * @example
 *   const browser = new BrowserFetcher({
 *     notice: (line) => console.error(line),
 *     scheduleSubrequest: (url, send) => politeness.schedule(url, send),
 *   });
 *   const fetched = await http.fetch(url);
 *   if (fetched.ok) {
 *     const rendered = await browser.render(fetched.page);
 *     const page = rendered.ok ? rendered.page : fetched.page; // fall back to the static page
 *   }
 *   await browser.close();
 */
import type { Browser, BrowserContext, Page as BrowserPage, Request, Route } from "playwright";
import { dropFrame, HOST_DOCUMENT, writeIntoFrame } from "./browser-frame.js";
import {
  BLOCKED_RESOURCE_TYPES,
  declareUtf8,
  isBlockedHost,
  renderedPage,
  responseCookies,
  sameDocument,
  servedHeaders,
} from "./browser-page-io.js";
import { type SettledRead, settleAndRead, trackPendingWork } from "./browser-settle.js";
import { type DecodedHtml, decodeAs, decodeHtml, resolveCharset } from "./decode-charset.js";
import type { FailureKind, FetchResult } from "./fetch-result.js";
import { type BrowserSearch, findBrowser, loadChromium } from "./find-browser.js";
import type { Page } from "./page.js";

/** Headless Chromium on a server: no sandbox (often running as root in a container), no GPU, and none of
 * the browser's own background traffic (updates, sync, field trials), which would be requests caiji did
 * not mean to make. QUIC off keeps every request on the HTTP stack Playwright intercepts. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Runs `send` (one subrequest of a rendered page) when it is polite to; resolving without calling `send`
 * refuses the request (it is aborted in the browser).
 */
export type SubrequestScheduler = (url: string, send: () => Promise<void>) => Promise<void>;

export interface BrowserFetcherOptions {
  /** Contexts (tabs) rendering at once; more renders wait for a free one. @default 2 */
  poolSize?: number;
  /** The whole render: load, settle and reading the DOM. @default 20_000 */
  renderTimeoutMs?: number;
  /** After `load`, how long to wait at most for the page's work to end (late XHR counters). @default 3_000 */
  settleCapMs?: number;
  /** The page counts as settled after this long with no work pending (`browser-settle.ts`). @default 50 */
  settleQuietMs?: number;
  /** One subrequest, from being sent to its body. @default 10_000 */
  subrequestTimeoutMs?: number;
  /** Browser launch. @default 30_000 */
  launchTimeoutMs?: number;
  /** Politeness for the page's own requests. @default sends each at once */
  scheduleSubrequest?: SubrequestScheduler;
  /**
   * Headers to add to one of the page's own requests (a site adapter's `requestHeaders`: a cookie or token
   * its counter endpoint checks as much as its pages do). @default none
   */
  headersFor?: (url: string) => Record<string, string>;
  /**
   * Render each page in a new frame of a host document at its origin instead of navigating the tab to it
   * (`browser-frame.ts`: about three times cheaper, and what differs). @default true
   */
  frames?: boolean;
  /** User-Agent of the browser (and of its subrequests). @default Chromium's own */
  userAgent?: string;
  /** A Chromium binary to use; skips the search. */
  executablePath?: string;
  /** How to look for a browser when `executablePath` is not given (tests stage "no browser" here). */
  search?: BrowserSearch;
  /** One-line messages for the user: the browser used, or why rendering is off (said once). */
  notice?: (line: string) => void;
}

export interface RenderOptions {
  /** Charset to serve the page's bytes with (an adapter's override); @default what `decodeHtml` decides */
  charset?: string;
  /** This page in a frame or by navigation (an adapter's `renderInFrame`). @default the fetcher's `frames` */
  frames?: boolean;
}

/** No browser could be found or started; the caller renders nothing more and goes on. */
export interface RenderUnavailable {
  ok: false;
  kind: "unavailable";
  url: string;
  reason: string;
}

export type RenderResult = FetchResult | RenderUnavailable;

export interface BrowserFetcherStats {
  /** Renders that returned a page. */
  rendered: number;
  /** Renders that failed (timeout, crash); unavailable ones are not counted. */
  failed: number;
  /** Subrequests sent to the network. */
  subrequests: number;
  /** Requests blocked by type or host, or refused by the scheduler. */
  blocked: number;
}

interface RenderJob {
  page: Page;
  /** The one main-frame navigation the render makes: to the page, or to a host document at its origin. */
  navigation: { url: string; status: number; headers: Record<string, string>; body: Uint8Array } | null;
  documentServed: boolean;
  /** Set when the render is over: a subrequest still waiting for its turn is then never sent. */
  finished: boolean;
}

interface Slot {
  browser: Browser;
  context: BrowserContext;
  tab: BrowserPage;
  job: RenderJob | null;
  /** The origin the tab's host document is at, or null when the tab holds no host document. */
  hostOrigin: string | null;
  /** Requests of the tab not finished yet: for the settle. */
  inFlight: Set<Request>;
}

const SETTLE_POLL_MS = 25;

/** Installs the pending-work counter in the window it is evaluated in (a page's frame). */
const TRACKER_SOURCE = `(${trackPendingWork.toString()})()`;

export class BrowserFetcher {
  private readonly poolSize: number;
  private readonly renderTimeoutMs: number;
  private readonly settleCapMs: number;
  private readonly settleQuietMs: number;
  private readonly subrequestTimeoutMs: number;
  private readonly scheduleSubrequest: SubrequestScheduler;
  private readonly headersFor: ((url: string) => Record<string, string>) | undefined;
  private readonly frames: boolean;
  private browser: Promise<Browser | null> | null = null;
  private unavailableReason: string | null = null;
  private closed = false;
  private starts = 0;
  private readonly idle: Slot[] = [];
  private slotCount = 0;
  private frameRenders = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly counts: BrowserFetcherStats = { rendered: 0, failed: 0, subrequests: 0, blocked: 0 };

  constructor(private readonly options: BrowserFetcherOptions = {}) {
    this.poolSize = Math.max(1, options.poolSize ?? 2);
    this.renderTimeoutMs = options.renderTimeoutMs ?? 20_000;
    this.settleCapMs = options.settleCapMs ?? 3_000;
    this.settleQuietMs = options.settleQuietMs ?? 50;
    this.subrequestTimeoutMs = options.subrequestTimeoutMs ?? 10_000;
    this.scheduleSubrequest = options.scheduleSubrequest ?? ((_url, send) => send());
    this.headersFor = options.headersFor;
    this.frames = options.frames ?? true;
  }

  /** How many times a browser process was started: 0 until the first render (1 unless one crashed). */
  get browserStarts(): number {
    return this.starts;
  }

  /** Why rendering is off, or null while it is (or may still be) available. */
  get unavailable(): string | null {
    return this.unavailableReason;
  }

  stats(): BrowserFetcherStats {
    return { ...this.counts };
  }

  /**
   * Renders a fetched page: its bytes are served to the browser from memory, its scripts run, and the
   * resulting DOM comes back as a UTF-8 `Page` with `rendered: true`. Never throws.
   */
  async render(page: Page, options: RenderOptions = {}): Promise<RenderResult> {
    const browser = await this.ensureBrowser();
    if (browser === null) {
      return { ok: false, kind: "unavailable", url: page.url, reason: this.unavailableReason ?? "closed" };
    }
    let slot: Slot;
    try {
      slot = await this.acquire(browser, originOf(page.url));
    } catch (error) {
      this.counts.failed++;
      return failure("network", page.url, `browser: ${firstLine(error)}`);
    }
    const decoded = decodePage(page, options.charset);
    const job: RenderJob = {
      page,
      navigation: null,
      documentServed: false,
      finished: false,
    };
    slot.job = job;
    let reusable = false;
    try {
      const rendering =
        (options.frames ?? this.frames) && framesFit(page)
          ? this.renderInFrame(slot, job, decoded.html)
          : this.renderByNavigation(slot, job, decoded.charset);
      const html = await withDeadline(rendering, this.renderTimeoutMs, "render timed out");
      reusable = true;
      this.counts.rendered++;
      return { ok: true, page: renderedPage(page, html) };
    } catch (error) {
      this.counts.failed++;
      const timedOut = error instanceof DeadlineError || (error as Error)?.name === "TimeoutError";
      const reason = timedOut
        ? `render timed out after ${this.renderTimeoutMs} ms`
        : `render: ${firstLine(error)}`;
      return failure(timedOut ? "timeout" : "network", page.url, reason);
    } finally {
      job.finished = true;
      slot.job = null;
      this.release(slot, reusable);
    }
  }

  /** Closes the browser (if one was started). Renders after this report `unavailable`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unavailableReason ??= "the browser fetcher is closed";
    const browser = await this.browser?.catch(() => null);
    this.idle.length = 0;
    for (const wake of this.waiters.splice(0)) wake();
    await browser?.close().catch(() => undefined);
  }

  /** The tab navigates to the page itself, served from memory. */
  private async renderByNavigation(slot: Slot, job: RenderJob, charset: string): Promise<string> {
    // Requests of the previous page that never reported an end must not hold this one.
    slot.inFlight.clear();
    slot.hostOrigin = null;
    job.navigation = {
      url: job.page.url,
      status: job.page.status,
      headers: servedHeaders(job.page, charset),
      body: job.page.body,
    };
    await this.setCookies(slot, job.page);
    // Up to the commit only: the settle waits for `load` in the page. Playwright's own wait for `load`
    // never ends when a script starts another navigation, even one refused.
    await slot.tab.goto(job.page.url, { waitUntil: "commit", timeout: this.renderTimeoutMs });
    return this.settle(slot, false);
  }

  /** The page is written into a new frame of the tab's host document (`browser-frame.ts`). */
  private async renderInFrame(slot: Slot, job: RenderJob, html: string): Promise<string> {
    const origin = originOf(job.page.url);
    if (slot.hostOrigin !== origin) {
      slot.hostOrigin = null;
      job.navigation = {
        url: `${origin}/`,
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: new TextEncoder().encode(HOST_DOCUMENT),
      };
      await slot.tab.goto(job.navigation.url, { waitUntil: "load", timeout: this.renderTimeoutMs });
      slot.hostOrigin = origin;
    }
    await this.setCookies(slot, job.page);
    slot.inFlight.clear();
    const render = ++this.frameRenders;
    await slot.tab.evaluate(writeIntoFrame, { html, url: job.page.url, tracker: TRACKER_SOURCE, render });
    const rendered = await this.settle(slot, true);
    // Not waited for; it only removes this render's frame, should the tab's next render come first.
    slot.tab.evaluate(dropFrame, render).catch(() => undefined);
    return rendered;
  }

  /** The cookies the page's response set, as the browser would have kept them had it fetched the page (it
   * is served a copy; `set-cookie` arrives joined, which a served header cannot carry). */
  private async setCookies(slot: Slot, page: Page): Promise<void> {
    const cookies = responseCookies(page);
    if (cookies.length > 0) await slot.context.addCookies(cookies);
  }

  private async settle(slot: Slot, framed: boolean): Promise<string> {
    // After `load`, counters filled by XHR (PHPCMS's `op=count` via jQuery) need the page's work to end:
    // the page counts it itself (`browser-settle.ts`) and is read in the same round trip once it is quiet.
    // Requests the page cannot see (a subrequest still waiting for politeness, a script element of a
    // frame) are in `inFlight`: while one is, the page is read again after it ends. The settle cap counts
    // from `load`; the render's own deadline (`renderTimeoutMs`) bounds all of it.
    let settleUntil: number | null = null;
    for (;;) {
      const capMs: number = settleUntil === null ? this.settleCapMs : Math.max(0, settleUntil - Date.now());
      const read: SettledRead = await slot.tab.evaluate(settleAndRead, {
        quietMs: this.settleQuietMs,
        capMs,
        framed,
      });
      settleUntil ??= Date.now() - read.sinceLoadMs + this.settleCapMs;
      if (slot.inFlight.size === 0 || Date.now() >= settleUntil)
        return `<!DOCTYPE html>${declareUtf8(read.html)}`;
      await this.networkIdle(slot, settleUntil);
    }
  }

  /** Waits until no request of the tab is in flight, at most until `untilMs`. */
  private async networkIdle(slot: Slot, untilMs: number): Promise<void> {
    while (slot.inFlight.size > 0 && Date.now() < untilMs) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
  }

  private async ensureBrowser(): Promise<Browser | null> {
    if (this.closed || this.unavailableReason !== null) return null;
    this.browser ??= this.launch();
    return this.browser;
  }

  private async launch(): Promise<Browser | null> {
    const found = this.options.executablePath
      ? { executablePath: this.options.executablePath }
      : findBrowser(this.options.search);
    if (found.executablePath === null) {
      this.goUnavailable("message" in found ? found.message : "no browser");
      return null;
    }
    try {
      const browser = await loadChromium().launch({
        executablePath: found.executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS],
        timeout: this.options.launchTimeoutMs ?? 30_000,
      });
      this.starts++;
      browser.on("disconnected", () => this.onDisconnected(browser));
      this.options.notice?.(`rendering with Chromium ${browser.version()} (${found.executablePath})`);
      return browser;
    } catch (error) {
      this.goUnavailable(
        `Chromium at ${found.executablePath} did not start (${firstLine(error)}), so pages are not rendered.`,
      );
      return null;
    }
  }

  private goUnavailable(reason: string): void {
    if (this.unavailableReason !== null) return;
    this.unavailableReason = reason;
    this.options.notice?.(reason);
  }

  /** A crashed browser is started again on the next render; its idle tabs are gone with it. */
  private onDisconnected(browser: Browser): void {
    if (this.closed) return;
    const dead = this.idle.filter((slot) => slot.browser === browser);
    this.slotCount -= dead.length;
    this.idle.splice(0, this.idle.length, ...this.idle.filter((slot) => slot.browser !== browser));
    this.browser = null;
  }

  /** A free tab, preferably one whose host document is at `origin` already (no navigation then). */
  private async acquire(browser: Browser, origin: string): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new Error("closed");
      const atOrigin = this.idle.findIndex((slot) => slot.hostOrigin === origin);
      const slot = atOrigin >= 0 ? this.idle.splice(atOrigin, 1)[0] : this.idle.pop();
      if (slot) return slot;
      if (this.slotCount < this.poolSize) {
        this.slotCount++;
        try {
          return await this.openSlot(browser);
        } catch (error) {
          this.slotCount--;
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private release(slot: Slot, reusable: boolean): void {
    if (reusable && !this.closed && slot.browser.isConnected()) {
      this.idle.push(slot);
    } else {
      this.slotCount--;
      void slot.context.close().catch(() => undefined);
    }
    this.waiters.shift()?.();
  }

  private async openSlot(browser: Browser): Promise<Slot> {
    const context = await browser.newContext({
      ...(this.options.userAgent ? { userAgent: this.options.userAgent } : {}),
      serviceWorkers: "block",
      acceptDownloads: false,
    });
    const tab = await context.newPage();
    const slot: Slot = { browser, context, tab, job: null, hostOrigin: null, inFlight: new Set() };
    const ended = (request: Request) => slot.inFlight.delete(request);
    tab.on("request", (request) => slot.inFlight.add(request));
    tab.on("requestfinished", ended);
    tab.on("requestfailed", ended);
    await context.addInitScript(trackPendingWork);
    await context.route("**/*", (route) => this.route(slot, route));
    return slot;
  }

  /** Every request of a tab: the document from memory, noise blocked, the rest sent politely. */
  private async route(slot: Slot, route: Route): Promise<void> {
    const request = route.request();
    const job = slot.job;
    if (job === null || job.finished) return abort(route);
    const main = slot.tab.mainFrame();
    if (
      request.isNavigationRequest() &&
      (request.frame() === main || request.frame().parentFrame() === main)
    ) {
      // The render's one main-frame navigation is the page itself or the host document it is written into
      // (`browser-frame.ts`); a script navigating away (a JS redirect, a mobile-site switch, a frame-buster
      // navigating `top`) would replace the DOM we came for, so it is refused, with a 204: a navigation
      // answered "no content" is dropped and the document stays (an aborted one shows an error page).
      const navigation = job.navigation;
      if (
        job.documentServed ||
        navigation === null ||
        request.frame() !== main ||
        !sameDocument(request.url(), navigation.url)
      ) {
        this.counts.blocked++;
        await route.fulfill({ status: 204, body: "" }).catch(() => undefined);
        return;
      }
      job.documentServed = true;
      const { status, headers, body } = navigation;
      await route.fulfill({ status, headers, body: Buffer.from(body) }).catch(() => undefined);
      return;
    }
    const url = request.url();
    if (BLOCKED_RESOURCE_TYPES.has(request.resourceType()) || !/^https?:/i.test(url) || isBlockedHost(url)) {
      this.counts.blocked++;
      return abort(route);
    }
    let answered = false;
    await this.scheduleSubrequest(url, async () => {
      if (job.finished) return;
      this.counts.subrequests++;
      try {
        // The browser sends it (route.fetch would relay it through Playwright, several times slower); the
        // politeness slot is held until the body has arrived, like any other request to the host.
        const extra = this.headersFor?.(url) ?? {};
        await (Object.keys(extra).length > 0
          ? route.continue({ headers: { ...request.headers(), ...extra } })
          : route.continue());
        answered = true;
        const finished = request.response().then((response) => response?.finished());
        await withDeadline(finished, this.subrequestTimeoutMs, "subrequest timed out");
      } catch {
        // The network failed or the tab is gone; the request is aborted below.
      }
    }).catch(() => undefined);
    if (!answered) {
      if (!job.finished) this.counts.blocked++;
      await abort(route);
    }
  }
}

/** Whether a frame can stand for the page (`browser-frame.ts`): an HTML document over HTTP(S). XHTML served
 * as XML cannot be written with `document.write`. */
function framesFit(page: Page): boolean {
  const type = (page.headers["content-type"] ?? "text/html").split(";")[0]?.trim().toLowerCase();
  return /^https?:$/i.test(new URL(page.url).protocol) && (type === "text/html" || type === "");
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/** The page as text, in the adapter's charset when it names one. */
function decodePage(page: Page, charset: string | undefined): DecodedHtml {
  const named = charset ? resolveCharset(charset) : null;
  return named ? decodeAs(page.body, named) : decodeHtml(page.body, page.headers["content-type"]);
}

async function abort(route: Route): Promise<void> {
  await route.abort("blockedbyclient").catch(() => undefined);
}

function failure(kind: FailureKind, url: string, reason: string): FetchResult {
  return { ok: false, kind, url, reason };
}

class DeadlineError extends Error {}

/** Rejects with a `DeadlineError` when `promise` has not settled after `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(message)), ms);
  });
  // The loser of the race must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").trim();
}
