/**
 * What a fetcher returns: a page, or a failure with a kind. Errors are values at this boundary; the crawl
 * loop decides whether to retry, back off or skip. Throwing is for bugs only.
 */
import type { Page } from "./page.js";

export type FailureKind =
  /** Connect, response or total timeout. Retryable. */
  | "timeout"
  /** Connection reset/refused, DNS failure. Retryable. */
  | "network"
  /** 5xx, 429, 408. Retryable (after `retryAfterMs` when given). */
  | "http-retryable"
  /** 4xx other than 408/429. Never retried. */
  | "http-status"
  /** Body larger than the cap. Never retried. */
  | "too-large"
  /** Not HTML by content type or by sniffing (PDF, image…). Never retried. */
  | "not-html"
  /** Too many redirects or a redirect loop. Never retried. */
  | "redirect"
  /** Disallowed by robots.txt or out of scope. Never fetched. */
  | "disallowed";

export interface FetchFailure {
  ok: false;
  kind: FailureKind;
  url: string;
  reason: string;
  status?: number;
  /** From a Retry-After header on 429/503, in ms. */
  retryAfterMs?: number;
}

export type FetchResult =
  | {
      ok: true;
      page: Page;
      /** Redirect hops after the requested URL, in order, the last equal to `page.url`; empty when none. */
      redirects?: string[];
    }
  | FetchFailure;

export function isRetryable(kind: FailureKind): boolean {
  return kind === "timeout" || kind === "network" || kind === "http-retryable";
}
