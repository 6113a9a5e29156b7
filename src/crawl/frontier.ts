/**
 * The frontier: what to fetch next. A seam with two implementations, SQLite (the embedded default, state on
 * disk so a killed crawl resumes and memory stays flat) and memory (unit tests).
 *
 * Contract:
 * - `add` normalises the URL (see `normalize-url.ts`) and refuses what was ever added before, including URLs
 *   that a redirect led to (`markAlias`). It returns true when the URL is new.
 * - `lease` hands out up to `max` pending requests, each leased until `now + leaseTimeoutMs`. A leased request
 *   that is neither completed nor released by then is pending again: a crash loses nothing.
 * - `complete` records the outcome; a completed request is never leased again. A `done` outcome whose
 *   `finalUrl` differs (a redirect) also records that URL as an alias.
 * - `release` returns a leased request to pending, optionally not before `notBeforeMs` (retry backoff),
 *   counting the attempt.
 * - `isEmpty()`: nothing can be leased right now (work may still be leased out or waiting for its time).
 *   `isFinished()`: nothing pending and nothing leased: the crawl is done.
 * - Order: lower depth first (breadth-first), then insertion order. A released or lapsed request keeps its
 *   place, so a retry does not wait behind everything discovered since.
 * - A lapsed lease counts as a failed attempt (a page that hangs or kills the worker every time must
 *   eventually be given up by the loop); requests that were leased when a SQLite frontier was last closed
 *   or killed are pending again on reopen, without an attempt counted.
 * - Time is always passed in (`nowMs`), never read from a clock, so tests can drive it.
 */
export interface CrawlRequest {
  /** Normalised URL, also the request's identity. */
  url: string;
  /** Link depth from a seed (seeds are 0). */
  depth: number;
  /** The page that linked here, if any. */
  referrer: string | null;
  /** Failed attempts so far. */
  attempts: number;
  /** What the linking rule expects the page to be. */
  kind: "seed" | "list" | "article" | "unknown" | "sitemap";
}

export interface Lease {
  request: CrawlRequest;
  /** Epoch ms after which the lease lapses and the request is pending again. */
  expiresAtMs: number;
}

export type Outcome =
  | { status: "done"; httpStatus: number; recordWritten: boolean; finalUrl: string }
  | { status: "skipped"; reason: string }
  | { status: "failed"; stage: string; reason: string };

/** What `add` takes besides the URL. */
export type AddInit = Partial<Omit<CrawlRequest, "url" | "attempts">>;

/** Per-URL facts kept across crawls, for conditional requests and incremental (scheduled) crawls. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
  /** `contentHash` of the last record built from this URL. */
  contentHash: string | null;
  /** True once a record for this URL has been written to the sink. */
  recordWritten: boolean;
}

export interface Frontier {
  add(url: string, init?: AddInit): boolean;
  /** `add` for many URLs in one transaction; returns how many were new. */
  addMany(requests: ReadonlyArray<{ url: string } & AddInit>): number;
  /** True when the URL (normalised) was ever added or recorded as an alias. */
  has(url: string): boolean;
  /**
   * Records that `alias` (a redirect target) is the same resource, so it is never fetched separately.
   * If `alias` was only pending it is withdrawn. Returns false when `alias` is already leased or finished
   * under its own name (the resource is or was handled there: the caller should not write it again) or is
   * not a valid http(s) URL.
   */
  markAlias(alias: string): boolean;
  lease(max: number, nowMs: number): Lease[];
  complete(url: string, outcome: Outcome): void;
  release(url: string, notBeforeMs?: number): void;
  isEmpty(nowMs: number): boolean;
  isFinished(): boolean;
  /**
   * Makes a finished (done, failed or skipped) request pending again, attempts reset, at the end of its
   * depth; for scheduled re-crawls of seeds and list pages. Adds the URL when unknown. Returns false for a
   * request that is pending or leased already, an alias, or an invalid URL.
   */
  requeue(url: string, init?: AddInit): boolean;
  /** Null when the URL was never added. */
  getValidators(url: string): Validators | null;
  /** Updates the given fields of a known URL; unknown URLs are ignored (returns false). */
  setValidators(url: string, validators: Partial<Validators>): boolean;
  /** A small key-value store beside the queue (crawl settings, last run time). */
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  /** Counts for progress display. */
  stats(): FrontierStats;
  close(): void;
}

export interface FrontierStats {
  pending: number;
  leased: number;
  done: number;
  failed: number;
  skipped: number;
}
