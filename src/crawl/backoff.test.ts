import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_ATTEMPTS, retryDelayMs, shouldRetry } from "./backoff.js";

describe("retryDelayMs", () => {
  it("grows the ceiling exponentially from baseMs", () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, { baseMs: 1000 }, top))).toEqual([999, 1999, 3999, 7999]);
  });

  it("never exceeds maxMs, even for absurd attempt counts", () => {
    const top = () => 0.999999;
    expect(retryDelayMs(10, { baseMs: 1000, maxMs: 60_000 }, top)).toBe(59_999);
    expect(retryDelayMs(5000, {}, top)).toBe(59_999);
  });

  it("spreads waits over the whole range (full jitter)", () => {
    expect(retryDelayMs(3, {}, () => 0)).toBe(0);
    expect(retryDelayMs(3, {}, () => 0.5)).toBe(2000);
    let seed = 42;
    const lcg = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const samples = Array.from({ length: 2000 }, () => retryDelayMs(3, {}, lcg));
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(4000);
    expect(mean).toBeGreaterThan(1800);
    expect(mean).toBeLessThan(2200);
  });

  it("lets a larger Retry-After override, and ignores a smaller one", () => {
    expect(retryDelayMs(1, {}, () => 0.5, 30_000)).toBe(30_000);
    expect(retryDelayMs(4, {}, () => 0.5, 100)).toBe(4000);
    // Retry-After is not capped by maxMs: the server knows better
    expect(retryDelayMs(1, { maxMs: 5000 }, () => 0.5, 120_000)).toBe(120_000);
  });
});

describe("shouldRetry", () => {
  it("retries retryable kinds up to maxAttempts", () => {
    expect(DEFAULT_MAX_ATTEMPTS).toBe(3);
    expect(shouldRetry("timeout", 1)).toBe(true);
    expect(shouldRetry("http-retryable", 2)).toBe(true);
    expect(shouldRetry("network", 3)).toBe(false);
    expect(shouldRetry("network", 3, 5)).toBe(true);
  });

  it("never retries permanent failures", () => {
    for (const kind of ["http-status", "too-large", "not-html", "redirect", "disallowed"] as const) {
      expect(shouldRetry(kind, 1)).toBe(false);
    }
  });
});
