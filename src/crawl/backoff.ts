/**
 * Retry timing for failed requests: exponential backoff with full jitter ("AWS full jitter"): the n-th retry
 * waits a uniformly random time in [0, min(maxMs, baseMs · 2^(n-1))]. Jitter spreads the retries of many
 * requests that failed together (a host that went down for a minute) instead of sending them back in a
 * burst. A server's Retry-After wins when it asks for longer.
 *
 * Pure: the random source is injected, so tests are deterministic.
 *
 * @example
 * const attempt = request.attempts + 1; // the attempt that just failed, 1-based
 * if (shouldRetry(result.kind, attempt)) {
 *   frontier.release(url, now + retryDelayMs(attempt, {}, Math.random, result.retryAfterMs));
 * }
 */
import { type FailureKind, isRetryable } from "../fetch/fetch-result.js";

export interface BackoffOptions {
  /** Ceiling of the first retry's wait, in ms. @default 1000 */
  baseMs?: number;
  /** Ceiling of any computed wait, in ms (Retry-After may exceed it). @default 60_000 */
  maxMs?: number;
}

/** Attempts per request, the first one included. @default 3 */
export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * The wait before retrying after failed attempt number `attempt` (1 for the first failure), in whole ms.
 * `random` returns a number in [0, 1). When `retryAfterMs` is given and larger, it is returned instead.
 */
export function retryDelayMs(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 60_000;
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2 ** exponent overflows to Infinity for huge attempts; min() keeps the ceiling finite.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 52));
  const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
  return retryAfterMs !== undefined && retryAfterMs > jittered ? Math.ceil(retryAfterMs) : jittered;
}

/** Whether a failure of this kind after `attempt` attempts (1-based) deserves another try. */
export function shouldRetry(
  kind: FailureKind,
  attempt: number,
  maxAttempts: number = DEFAULT_MAX_ATTEMPTS,
): boolean {
  return isRetryable(kind) && attempt < maxAttempts;
}
