import { describe, expect, it } from "vitest";
import { DEFAULT_RECYCLE_AFTER } from "../extract/extract-pool.js";
import { parseCrawlOptions } from "./crawl-options.js";

const base = { seeds: ["http://127.0.0.1:1/"], out: "out.jsonl" };

describe("extract.recycleAfter", () => {
  it("defaults to the pool's page budget and takes 0 (keep workers) or another budget", () => {
    expect(parseCrawlOptions(base).extract.recycleAfter).toBe(DEFAULT_RECYCLE_AFTER);
    expect(parseCrawlOptions({ ...base, extract: { recycleAfter: 0 } }).extract.recycleAfter).toBe(0);
    expect(parseCrawlOptions({ ...base, extract: { recycleAfter: 2000 } }).extract.recycleAfter).toBe(2000);
  });

  it("refuses a negative or fractional budget, naming the setting", () => {
    expect(() => parseCrawlOptions({ ...base, extract: { recycleAfter: -1 } })).toThrow(
      /extract\.recycleAfter/,
    );
    expect(() => parseCrawlOptions({ ...base, extract: { recycleAfter: 1.5 } })).toThrow(
      /extract\.recycleAfter/,
    );
  });
});
