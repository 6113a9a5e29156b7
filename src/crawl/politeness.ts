/**
 * Politeness: decides *when* a request may start, so that caiji never hits one server harder than its limits.
 *
 * One small record per host (created on first use, dropped after `idleTtlMs` of idleness) holds: the
 * requests waiting for it, how many run now, when the last one started, and a "not before" time that 429/503
 * answers push forward (`recordDelay`). A request starts when all of these hold:
 *
 * - fewer than the host's concurrency run on that host (default 1);
 * - at least the host's interval has passed since the previous request on that host: since its start, and
 *   since its answer began to arrive when the crawl reports that (`noteAnswered`: the first moment the server
 *   is known to have the request, so the gap in the server's own log is at least the interval even when a
 *   request was logged late; close to Crawl-delay's original definition, from the end of a download); default
 *   1000 ms; a site policy replaces the default, and robots.txt Crawl-delay raises it, capped at
 *   `maxCrawlDelayMs` so a `Crawl-delay: 86400` cannot freeze a crawl);
 * - the host's "not before" time has passed;
 * - fewer than `globalConcurrency` requests run across all hosts (default 8).
 *
 * Why one dispatcher rather than a p-queue per host: a global slot must go to whichever host is ready, and
 * nested queues would hold a slot while a host waits out its interval; a host's interval also changes at run
 * time (Crawl-delay is only known once robots.txt has been read, Retry-After arrives with an answer). The
 * dispatcher starts the next request exactly when the interval allows (no slack), so a crawl of one host runs
 * at the politeness limit, and its clock and sleep are injected so tests can run on a fake clock.
 *
 * @example
 * const politeness = new Politeness({ crawlDelayMs: (url) => robots.cachedCrawlDelayMs(url) });
 * const result = await politeness.schedule(url, () => fetcher.fetch(url));
 * if (!result.ok && result.retryAfterMs !== undefined) politeness.recordDelay(url, result.retryAfterMs);
 * politeness.waitingHost(); // → { host: "news.example.cn", waitMs: 420, queued: 3, reason: "interval" }
 */
import { hostOf } from "./normalize-url.js";

/** Per-site values an adapter may set; anything left out takes the crawl's default. */
export interface HostPolicy {
  /** Minimum time between request starts on this host, in ms. */
  intervalMs?: number;
  /** Requests that may run at once on this host. */
  concurrency?: number;
}

export interface PolitenessOptions {
  /** Minimum time between request starts on one host. @default 1000 */
  intervalMs?: number;
  /** Requests running at once on one host. @default 1 */
  concurrencyPerHost?: number;
  /** Requests running at once across all hosts. @default 8 */
  globalConcurrency?: number;
  /** An idle host's record is dropped after this long. @default 60_000 */
  idleTtlMs?: number;
  /** Upper bound on a robots.txt Crawl-delay that is honoured. @default 60_000 */
  maxCrawlDelayMs?: number;
  /** Upper bound on a delay passed to `recordDelay` (a Retry-After of days would stall the crawl). @default 600_000 */
  maxRecordedDelayMs?: number;
  /** Per-site overrides, looked up when a host's record is created (e.g. from the adapter). */
  hostPolicy?: (host: string) => HostPolicy | undefined;
  /** Robots.txt Crawl-delay in ms for the origin of `url`, undefined when unknown; read at every dispatch. */
  crawlDelayMs?: (url: string) => number | undefined;
  /** Clock in ms. @default a monotonic clock (`performance.timeOrigin + performance.now()`) */
  now?: () => number;
  /** Resolves after `ms`. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

/** What the crawl is waiting on, for the progress display. */
export interface WaitingHost {
  host: string;
  /** Time until its next request may start, in ms (0 when only the global cap holds it back). */
  waitMs: number;
  /** Requests queued for it. */
  queued: number;
  reason: "interval" | "retry-after" | "concurrency" | "global-cap";
}

interface Waiter {
  url: string;
  run: () => void;
}

interface HostRecord {
  host: string;
  policy: HostPolicy;
  queue: Waiter[];
  active: number;
  lastStartMs: number;
  notBeforeMs: number;
  lastActivityMs: number;
  /** URL of the last request started, for the Crawl-delay lookup once the queue is empty. */
  lastUrl: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * Epoch-based but monotonic, and on the same clock as timers: on virtual machines the wall clock (`Date.now`)
 * can run a few percent fast or slow against the timers, which would let starts creep closer than the interval.
 */
const monotonicNow = () => performance.timeOrigin + performance.now();

export class Politeness {
  private readonly hosts = new Map<string, HostRecord>();
  private readonly defaults: Required<
    Pick<
      PolitenessOptions,
      | "intervalMs"
      | "concurrencyPerHost"
      | "globalConcurrency"
      | "idleTtlMs"
      | "maxCrawlDelayMs"
      | "maxRecordedDelayMs"
    >
  >;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private globalActive = 0;
  /** Time of the earliest pending wake-up, so that one sleep serves all hosts. */
  private wakeAtMs: number | undefined;

  constructor(private readonly options: PolitenessOptions = {}) {
    this.defaults = {
      intervalMs: options.intervalMs ?? 1000,
      concurrencyPerHost: options.concurrencyPerHost ?? 1,
      globalConcurrency: options.globalConcurrency ?? 8,
      idleTtlMs: options.idleTtlMs ?? 60_000,
      maxCrawlDelayMs: options.maxCrawlDelayMs ?? 60_000,
      maxRecordedDelayMs: options.maxRecordedDelayMs ?? 600_000,
    };
    this.now = options.now ?? monotonicNow;
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Runs `task` when the politeness rules allow a request to `url`'s host, and resolves (or rejects) with the
   * task's outcome. Requests to one host start in the order they were scheduled. Aborting `signal` while the
   * request still waits removes it from the queue and rejects with the signal's reason (a running task is
   * not interrupted: hand it the same signal).
   */
  schedule<T>(url: string, task: () => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    const record = this.recordFor(hostOf(url) ?? url);
    const { signal } = options;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        const index = record.queue.indexOf(waiter);
        if (index < 0) return;
        record.queue.splice(index, 1);
        record.lastActivityMs = this.now();
        reject(signal?.reason);
        this.pump();
      };
      const waiter: Waiter = {
        url,
        run: () => {
          signal?.removeEventListener("abort", onAbort);
          let settled: Promise<T>;
          try {
            settled = Promise.resolve(task());
          } catch (error) {
            settled = Promise.reject(error);
          }
          settled.then(resolve, reject).finally(() => this.finish(record));
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      record.queue.push(waiter);
      this.pump();
    });
  }

  /**
   * Pushes the host's "not before" time to `now + retryAfterMs` (never pulls it back), e.g. after a 429 or a
   * 503 with Retry-After. Requests already running are not affected.
   */
  recordDelay(url: string, retryAfterMs: number): void {
    const record = this.recordFor(hostOf(url) ?? url);
    const delay = Math.min(Math.max(0, retryAfterMs), this.defaults.maxRecordedDelayMs);
    record.notBeforeMs = Math.max(record.notBeforeMs, this.now() + delay);
    record.lastActivityMs = this.now();
    this.pump();
  }

  /**
   * The answer to a request to `url`'s host has begun to arrive (its headers are in): the host's interval
   * counts from now. Hosts politeness does not know are ignored.
   */
  noteAnswered(url: string): void {
    const record = this.hosts.get(hostOf(url) ?? url);
    if (record) record.lastStartMs = Math.max(record.lastStartMs, this.now());
  }

  /** Sets or replaces the per-site policy of a host (a host name as `hostOf` gives it). */
  setHostPolicy(host: string, policy: HostPolicy): void {
    this.recordFor(host).policy = { ...policy };
    this.pump();
  }

  /** The effective interval between request starts for `url`'s host, in ms. */
  intervalMsFor(url: string): number {
    const host = hostOf(url) ?? url;
    return this.intervalOf(this.hosts.get(host) ?? this.newRecord(host), url);
  }

  /**
   * The host the crawl is waiting on: among hosts with queued requests, the one whose next start comes
   * soonest. Null when nothing is queued.
   */
  waitingHost(): WaitingHost | null {
    const now = this.now();
    let best: WaitingHost | null = null;
    for (const record of this.hosts.values()) {
      const head = record.queue[0];
      if (!head) continue;
      const concurrency = this.concurrencyOf(record);
      let candidate: WaitingHost;
      if (record.active >= concurrency) {
        candidate = { host: record.host, waitMs: 0, queued: record.queue.length, reason: "concurrency" };
      } else {
        const readyAt = this.readyAtMs(record, head.url);
        const reason =
          readyAt <= now ? "global-cap" : readyAt === record.notBeforeMs ? "retry-after" : "interval";
        candidate = {
          host: record.host,
          waitMs: Math.max(0, readyAt - now),
          queued: record.queue.length,
          reason,
        };
      }
      if (!best || rank(candidate) < rank(best)) best = candidate;
    }
    return best;
  }

  /** Counts for progress display and tests. */
  stats(): { hosts: number; active: number; queued: number } {
    let queued = 0;
    for (const record of this.hosts.values()) queued += record.queue.length;
    return { hosts: this.hosts.size, active: this.globalActive, queued };
  }

  private finish(record: HostRecord): void {
    record.active--;
    this.globalActive--;
    record.lastActivityMs = this.now();
    this.pump();
  }

  /** Starts every request that may start now, then arranges to wake when the next one may. */
  private pump(): void {
    const now = this.now();
    this.dropIdleHosts(now);
    let nextWakeMs = Number.POSITIVE_INFINITY;
    for (;;) {
      if (this.globalActive >= this.defaults.globalConcurrency) return;
      // Of the hosts that may start now, the one that has been ready longest goes first (fair across hosts).
      let pick: HostRecord | undefined;
      let pickReadyAt = Number.POSITIVE_INFINITY;
      nextWakeMs = Number.POSITIVE_INFINITY;
      for (const record of this.hosts.values()) {
        const head = record.queue[0];
        if (!head || record.active >= this.concurrencyOf(record)) continue;
        const readyAt = this.readyAtMs(record, head.url);
        if (readyAt > now) nextWakeMs = Math.min(nextWakeMs, readyAt);
        else if (readyAt < pickReadyAt) {
          pick = record;
          pickReadyAt = readyAt;
        }
      }
      if (!pick) break;
      const waiter = pick.queue.shift() as Waiter;
      pick.active++;
      this.globalActive++;
      pick.lastStartMs = now;
      pick.lastUrl = waiter.url;
      pick.lastActivityMs = now;
      waiter.run();
    }
    if (nextWakeMs !== Number.POSITIVE_INFINITY) this.wakeAt(nextWakeMs, now);
  }

  private wakeAt(atMs: number, now: number): void {
    // A pending wake-up at or before `atMs` will pump and re-arrange the next one.
    if (this.wakeAtMs !== undefined && this.wakeAtMs <= atMs) return;
    this.wakeAtMs = atMs;
    void this.sleep(atMs - now).then(() => {
      if (this.wakeAtMs === atMs) this.wakeAtMs = undefined;
      this.pump();
    });
  }

  private readyAtMs(record: HostRecord, url: string): number {
    return Math.max(record.lastStartMs + this.intervalOf(record, url), record.notBeforeMs);
  }

  private intervalOf(record: HostRecord, url: string): number {
    const base = record.policy.intervalMs ?? this.defaults.intervalMs;
    const crawlDelay = this.options.crawlDelayMs?.(url);
    if (crawlDelay === undefined || !(crawlDelay > 0)) return base;
    return Math.max(base, Math.min(crawlDelay, this.defaults.maxCrawlDelayMs));
  }

  private concurrencyOf(record: HostRecord): number {
    return Math.max(1, record.policy.concurrency ?? this.defaults.concurrencyPerHost);
  }

  private recordFor(host: string): HostRecord {
    let record = this.hosts.get(host);
    if (!record) {
      record = this.newRecord(host);
      this.hosts.set(host, record);
    }
    return record;
  }

  private newRecord(host: string): HostRecord {
    return {
      host,
      policy: { ...(this.options.hostPolicy?.(host) ?? {}) },
      queue: [],
      active: 0,
      lastStartMs: Number.NEGATIVE_INFINITY,
      notBeforeMs: Number.NEGATIVE_INFINITY,
      lastActivityMs: this.now(),
      lastUrl: `http://${host}/`,
    };
  }

  /**
   * A host record may go once nothing waits or runs, its last activity is `idleTtlMs` old and its interval
   * and Retry-After have run out, so forgetting it can never let a request start early.
   */
  private dropIdleHosts(now: number): void {
    for (const [host, record] of this.hosts) {
      if (record.queue.length > 0 || record.active > 0) continue;
      if (now - record.lastActivityMs < this.defaults.idleTtlMs || record.notBeforeMs > now) continue;
      if (record.lastStartMs + this.intervalOf(record, record.lastUrl) > now) continue;
      this.hosts.delete(host);
    }
  }
}

/** Hosts whose next start comes soonest rank first; a host held by its own concurrency ranks last. */
function rank(waiting: WaitingHost): number {
  return waiting.reason === "concurrency" ? Number.POSITIVE_INFINITY : waiting.waitMs;
}
