/**
 * robots.txt, fetched once per origin, parsed with robots-parser and cached, so that every request can be
 * checked without another round trip. It does nothing else: politeness reads the Crawl-delay from here, the
 * crawl loop asks `check` before leasing a URL to the fetcher, and sitemap discovery reads `Sitemap:` lines.
 *
 * The answers follow RFC 9309:
 * - 2xx: the rules apply (only the first 500 KiB are parsed); cached for `ttlMs` (24 h).
 * - 4xx, and redirect chains that go nowhere: "unavailable", everything is allowed.
 * - 5xx, 429, network failure, timeout: "unreachable", everything is disallowed for a while, then the file
 *   is fetched again (the wait doubles on each consecutive failure, from `unreachableRetryMs` up to 1 h).
 *   `check` says so with `reason: "unreachable"` and `retryAtMs`, so the loop can put the request back
 *   instead of dropping it.
 *
 * The fetch is injected so that the crawl counts robots.txt as a request to the host (it goes through
 * politeness like any other) and so that tests need no server. Rules are matched for caiji's product token
 * (`caiji`), falling back to the `*` group.
 *
 * @example
 * const robots = new RobotsCache({
 *   fetch: (url, signal) =>
 *     politeness.schedule(url, () => fetcher.fetch(url, { allowNonHtml: true, signal }), { signal }),
 * });
 * const verdict = await robots.check("https://www.example.gov.cn/xxgk/1.html");
 * if (!verdict.allowed && verdict.reason === "unreachable") frontier.release(url, verdict.retryAtMs);
 * robots.cachedCrawlDelayMs(url); // → 5000 for "Crawl-delay: 5", undefined when none or not loaded yet
 */
import robotsParserModule from "robots-parser";
import type { FetchResult } from "../fetch/fetch-result.js";

// robots-parser's typings declare an ES default export, but the package is CommonJS (`module.exports = fn`):
// under nodenext the default import is the function itself, which the typings call `.default`.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

type Robot = ReturnType<typeof robotsParser>;

/** Fetches a robots.txt URL; must accept non-HTML bodies (text/plain). Should stop when `signal` aborts. */
export type RobotsFetch = (url: string, signal: AbortSignal) => Promise<FetchResult>;

export interface RobotsCacheOptions {
  fetch: RobotsFetch;
  /** The product token matched against `User-agent:` lines. @default "caiji" */
  userAgent?: string;
  /** How long a fetched file (or a 4xx "allow all") is trusted. @default 86_400_000 (24 h) */
  ttlMs?: number;
  /** First wait before re-fetching an unreachable robots.txt; doubles per failure up to 1 h. @default 60_000 */
  unreachableRetryMs?: number;
  /**
   * Longest wait for one robots.txt, queueing behind politeness included; past it the file counts as
   * unreachable (a timeout). @default 120_000
   */
  fetchTimeoutMs?: number;
  /** Clock in ms. @default Date.now */
  now?: () => number;
}

export type RobotsVerdict =
  | { allowed: true }
  | { allowed: false; reason: "disallowed" }
  | { allowed: false; reason: "unreachable"; retryAtMs: number };

type Entry =
  | { state: "rules"; robot: Robot; expiresAtMs: number }
  | { state: "allow-all"; expiresAtMs: number; why: string }
  | { state: "unreachable"; retryAtMs: number; failures: number; why: string };

/** RFC 9309 §2.5: crawlers must parse at least 500 KiB; more is not needed. */
const MAX_ROBOTS_BYTES = 500 * 1024;
const MAX_UNREACHABLE_WAIT_MS = 3_600_000;

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly userAgent: string;
  private readonly ttlMs: number;
  private readonly unreachableRetryMs: number;
  private readonly now: () => number;
  private readonly fetchTimeoutMs: number;

  constructor(private readonly options: RobotsCacheOptions) {
    this.userAgent = options.userAgent ?? "caiji";
    this.ttlMs = options.ttlMs ?? 86_400_000;
    this.unreachableRetryMs = options.unreachableRetryMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 120_000;
  }

  /** Whether `url` may be fetched, loading its origin's robots.txt first if needed. */
  async check(url: string, ua: string = this.userAgent): Promise<RobotsVerdict> {
    const origin = originOf(url);
    if (!origin) return { allowed: false, reason: "disallowed" };
    const entry = await this.entryFor(origin);
    if (entry.state === "allow-all") return { allowed: true };
    if (entry.state === "unreachable")
      return { allowed: false, reason: "unreachable", retryAtMs: entry.retryAtMs };
    return entry.robot.isAllowed(url, ua) === false
      ? { allowed: false, reason: "disallowed" }
      : { allowed: true };
  }

  /** `check` as a boolean: false both for "disallowed" and for "unreachable, try later". */
  async isAllowed(url: string, ua: string = this.userAgent): Promise<boolean> {
    return (await this.check(url, ua)).allowed;
  }

  /** The Crawl-delay for `origin` (any URL on it will do) in ms, loading robots.txt if needed. */
  async crawlDelayMs(origin: string, ua: string = this.userAgent): Promise<number | undefined> {
    const key = originOf(origin);
    if (!key) return undefined;
    await this.entryFor(key);
    return this.cachedCrawlDelayMs(key, ua);
  }

  /** The Crawl-delay from the cache only, never fetching: for politeness, which must not wait. */
  cachedCrawlDelayMs(url: string, ua: string = this.userAgent): number | undefined {
    const origin = originOf(url);
    const entry = origin ? this.entries.get(origin) : undefined;
    if (entry?.state !== "rules") return undefined;
    const seconds = entry.robot.getCrawlDelay(ua);
    return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
      ? seconds * 1000
      : undefined;
  }

  /** Absolute URLs from the `Sitemap:` lines of `origin`'s robots.txt (empty when none or unavailable). */
  async sitemaps(origin: string): Promise<string[]> {
    const key = originOf(origin);
    if (!key) return [];
    const entry = await this.entryFor(key);
    if (entry.state !== "rules") return [];
    const out: string[] = [];
    for (const raw of entry.robot.getSitemaps()) {
      try {
        out.push(new URL(raw.trim(), `${key}/`).href);
      } catch {
        // a malformed Sitemap: line is skipped
      }
    }
    return [...new Set(out)];
  }

  /** Why the origin's robots.txt is in its current state, for logs; undefined before it is loaded. */
  describe(origin: string): string | undefined {
    const key = originOf(origin);
    const entry = key ? this.entries.get(key) : undefined;
    if (!entry) return undefined;
    return entry.state === "rules" ? "rules" : `${entry.state}: ${entry.why}`;
  }

  private async entryFor(origin: string): Promise<Entry> {
    const now = this.now();
    const cached = this.entries.get(origin);
    if (cached && (cached.state === "unreachable" ? cached.retryAtMs > now : cached.expiresAtMs > now)) {
      return cached;
    }
    let pending = this.loading.get(origin);
    if (!pending) {
      const previousFailures = cached?.state === "unreachable" ? cached.failures : 0;
      pending = this.load(origin, previousFailures).finally(() => this.loading.delete(origin));
      this.loading.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string, previousFailures: number): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    let result: FetchResult;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<FetchResult>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new Error("robots.txt timeout"));
        resolve({
          ok: false,
          kind: "timeout",
          url: robotsUrl,
          reason: `no answer in ${this.fetchTimeoutMs} ms`,
        });
      }, this.fetchTimeoutMs);
    });
    try {
      result = await Promise.race([this.options.fetch(robotsUrl, controller.signal), timedOut]);
    } catch (error) {
      // The injected fetch should not throw; if it does, treat the file as unreachable rather than crash.
      result = { ok: false, kind: "network", url: robotsUrl, reason: String(error) };
    } finally {
      clearTimeout(timer);
    }
    const entry = this.toEntry(robotsUrl, result, previousFailures);
    this.entries.set(origin, entry);
    return entry;
  }

  private toEntry(robotsUrl: string, result: FetchResult, previousFailures: number): Entry {
    const now = this.now();
    if (result.ok) {
      if (result.page.status === 304 || result.page.status >= 300) {
        return { state: "allow-all", expiresAtMs: now + this.ttlMs, why: `status ${result.page.status}` };
      }
      const text = new TextDecoder("utf-8").decode(result.page.body.subarray(0, MAX_ROBOTS_BYTES));
      // Rules are matched against the origin we asked for, even when the file came from a redirect target.
      return {
        state: "rules",
        robot: robotsParser(robotsUrl, text.replace(/^\uFEFF/, "")),
        expiresAtMs: now + this.ttlMs,
      };
    }
    switch (result.kind) {
      case "http-retryable":
      case "network":
      case "timeout": {
        const failures = previousFailures + 1;
        const backoff = Math.min(this.unreachableRetryMs * 2 ** (failures - 1), MAX_UNREACHABLE_WAIT_MS);
        const wait = Math.max(backoff, result.retryAfterMs ?? 0);
        return { state: "unreachable", retryAtMs: now + wait, failures, why: result.reason };
      }
      default:
        // 4xx, redirect loops, a body too large or not text: RFC 9309 treats the file as unavailable.
        return { state: "allow-all", expiresAtMs: now + this.ttlMs, why: result.reason };
    }
  }
}

/** `scheme://host[:port]` of a URL, or null when it is not http(s). */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}
