/**
 * The frontier: what to fetch next. A seam with two implementations, SQLite (the embedded default, state on
 * disk so a killed crawl resumes and memory stays flat) and memory (unit tests).
 *
 * Contract:
 * - `add` normalises the URL (see `normalize-url.ts`) and refuses what was ever added before, including URLs
 *   that a redirect led to (`markAlias`). It returns true when the URL is new.
 * - `lease` hands out up to `max` pending requests, each leased until `now + leaseTimeoutMs`. A leased request
 *   that is neither completed nor released by then is pending again: a crash loses nothing.
 * - `complete` records the outcome; a completed request is never leased again.
 * - `release` returns a leased request to pending, optionally not before `notBeforeMs` (retry backoff),
 *   counting the attempt.
 * - `isEmpty()`: nothing can be leased right now (work may still be leased out or waiting for its time).
 *   `isFinished()`: nothing pending and nothing leased: the crawl is done.
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

export interface Frontier {
  add(url: string, init?: Partial<Omit<CrawlRequest, "url" | "attempts">>): boolean;
  /** Records that `alias` (a redirect target) is the same resource, so it is never fetched separately. */
  markAlias(alias: string): boolean;
  lease(max: number, nowMs: number): Lease[];
  complete(url: string, outcome: Outcome): void;
  release(url: string, notBeforeMs?: number): void;
  isEmpty(nowMs: number): boolean;
  isFinished(): boolean;
  /** Counts for progress display. */
  stats(): { pending: number; leased: number; done: number; failed: number; skipped: number };
  close(): void;
}
