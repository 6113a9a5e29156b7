/**
 * The `Frontier` contract as one test suite, run against every implementation (memory and SQLite), so that a
 * unit test written against the memory frontier says the truth about the one the CLI uses.
 * Call `describeFrontierContract(name, create)` from a `*.test.ts` file; `create` gets the lease timeout and
 * returns a fresh, empty frontier (the suite closes it).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Frontier, Outcome } from "./frontier.js";

export type CreateFrontier = (options: { leaseTimeoutMs: number }) => Frontier;

const LEASE_MS = 1_000;
const done = (url: string): Outcome => ({
  status: "done",
  httpStatus: 200,
  recordWritten: true,
  finalUrl: url,
});
const urlsOf = (leases: { request: { url: string } }[]) => leases.map((lease) => lease.request.url);

export function describeFrontierContract(name: string, create: CreateFrontier): void {
  describe(`Frontier contract: ${name}`, () => {
    const open: Frontier[] = [];
    const make = () => {
      const frontier = create({ leaseTimeoutMs: LEASE_MS });
      open.push(frontier);
      return frontier;
    };
    afterEach(() => {
      for (const frontier of open.splice(0)) frontier.close();
    });

    describe("add and dedup", () => {
      it("accepts a new URL once, whatever its spelling", () => {
        const f = make();
        expect(f.add("https://News.Example.cn/a?b=2&a=1#top")).toBe(true);
        expect(f.add("https://news.example.cn/a?a=1&b=2&utm_source=x")).toBe(false);
        expect(f.add("https://news.example.cn:443/a?a=1&b=2")).toBe(false);
        expect(f.has("https://news.example.cn/a?a=1&b=2")).toBe(true);
        expect(f.has("https://news.example.cn/b")).toBe(false);
      });

      it("refuses what is not an http(s) URL", () => {
        const f = make();
        expect(f.add("mailto:editor@example.cn")).toBe(false);
        expect(f.add("javascript:void(0)")).toBe(false);
        expect(f.add("not a url")).toBe(false);
        expect(f.stats().pending).toBe(0);
      });

      it("addMany counts only the new ones", () => {
        const f = make();
        f.add("https://a.example/1");
        const added = f.addMany([
          { url: "https://a.example/1" },
          { url: "https://a.example/2", depth: 1 },
          { url: "https://a.example/2#again" },
          { url: "ftp://a.example/3" },
          { url: "https://b.example/", kind: "seed" },
        ]);
        expect(added).toBe(2);
        expect(f.stats().pending).toBe(3);
      });

      it("hands back the request as added, normalised", () => {
        const f = make();
        f.add("HTTPS://A.example/x?utm_medium=1", {
          depth: 2,
          referrer: "https://a.example/",
          kind: "article",
        });
        const [lease] = f.lease(1, 0);
        expect(lease?.request).toEqual({
          url: "https://a.example/x",
          depth: 2,
          referrer: "https://a.example/",
          attempts: 0,
          kind: "article",
        });
        expect(lease?.expiresAtMs).toBe(LEASE_MS);
      });
    });

    describe("aliases", () => {
      it("an alias recorded before it was seen is never added", () => {
        const f = make();
        expect(f.markAlias("https://a.example/moved")).toBe(true);
        expect(f.add("https://a.example/moved")).toBe(false);
        expect(f.has("https://a.example/moved")).toBe(true);
        expect(f.lease(10, 0)).toEqual([]);
        expect(f.isFinished()).toBe(true);
      });

      it("a pending URL that turns out to be an alias is withdrawn", () => {
        const f = make();
        f.add("https://a.example/old");
        f.add("https://a.example/new");
        const [lease] = f.lease(1, 0);
        expect(lease?.request.url).toBe("https://a.example/old");
        expect(f.markAlias("https://a.example/new")).toBe(true);
        f.complete("https://a.example/old", done("https://a.example/new"));
        expect(f.lease(10, 0)).toEqual([]);
        expect(f.stats()).toEqual({ pending: 0, leased: 0, done: 1, failed: 0, skipped: 0 });
      });

      it("says false when the alias is already leased or done under its own name", () => {
        const f = make();
        f.add("https://a.example/1");
        f.add("https://a.example/2");
        f.lease(1, 0);
        expect(f.markAlias("https://a.example/1")).toBe(false);
        f.complete("https://a.example/1", done("https://a.example/1"));
        expect(f.markAlias("https://a.example/1")).toBe(false);
        expect(f.markAlias("data:text/plain,x")).toBe(false);
      });

      it("complete with a redirect target records the target as an alias", () => {
        const f = make();
        f.add("http://a.example/short");
        f.lease(1, 0);
        f.complete("http://a.example/short", done("https://a.example/long#frag"));
        expect(f.add("https://a.example/long")).toBe(false);
        expect(f.lease(1, 0)).toEqual([]);
      });
    });

    describe("lease order", () => {
      it("is breadth-first: lower depth first, then insertion order", () => {
        const f = make();
        f.add("https://a.example/d2", { depth: 2 });
        f.add("https://a.example/d0-first", { depth: 0 });
        f.add("https://a.example/d1", { depth: 1 });
        f.add("https://a.example/d0-second", { depth: 0 });
        f.add("https://a.example/d1-later", { depth: 1 });
        expect(urlsOf(f.lease(2, 0))).toEqual(["https://a.example/d0-first", "https://a.example/d0-second"]);
        f.add("https://a.example/d0-late", { depth: 0 });
        expect(urlsOf(f.lease(10, 0))).toEqual([
          "https://a.example/d0-late",
          "https://a.example/d1",
          "https://a.example/d1-later",
          "https://a.example/d2",
        ]);
      });

      it("never leases the same request twice while its lease runs", () => {
        const f = make();
        for (let i = 0; i < 5; i++) f.add(`https://a.example/${i}`);
        const first = urlsOf(f.lease(3, 0));
        const second = urlsOf(f.lease(3, 10));
        expect(first).toHaveLength(3);
        expect(second).toHaveLength(2);
        expect(new Set([...first, ...second]).size).toBe(5);
        expect(f.lease(3, 20)).toEqual([]);
        expect(f.lease(0, 20)).toEqual([]);
      });

      it("a released request keeps its place in the queue", () => {
        const f = make();
        f.add("https://a.example/1");
        f.add("https://a.example/2");
        f.lease(1, 0);
        f.release("https://a.example/1");
        expect(urlsOf(f.lease(2, 0))).toEqual(["https://a.example/1", "https://a.example/2"]);
      });
    });

    describe("leases lapse", () => {
      it("a lease neither completed nor released comes back after the timeout, as a failed attempt", () => {
        const f = make();
        f.add("https://a.example/hang");
        expect(f.lease(1, 0)).toHaveLength(1);
        expect(f.lease(1, LEASE_MS - 1)).toEqual([]);
        expect(f.isEmpty(LEASE_MS - 1)).toBe(true);
        expect(f.isEmpty(LEASE_MS)).toBe(false);
        const [again] = f.lease(1, LEASE_MS);
        expect(again?.request.url).toBe("https://a.example/hang");
        expect(again?.request.attempts).toBe(1);
        expect(again?.expiresAtMs).toBe(2 * LEASE_MS);
      });

      it("a completed request is never leased again, even after its lease would have lapsed", () => {
        const f = make();
        f.add("https://a.example/1");
        f.lease(1, 0);
        f.complete("https://a.example/1", { status: "failed", stage: "fetch", reason: "timeout" });
        expect(f.lease(1, 10 * LEASE_MS)).toEqual([]);
        expect(f.isFinished()).toBe(true);
        expect(f.stats().failed).toBe(1);
      });

      it("a release that comes after complete is ignored", () => {
        const f = make();
        f.add("https://a.example/1");
        f.lease(1, 0);
        f.lease(1, LEASE_MS);
        f.complete("https://a.example/1", done("https://a.example/1"));
        f.release("https://a.example/1");
        expect(f.lease(1, 3 * LEASE_MS)).toEqual([]);
        expect(f.stats().done).toBe(1);
      });
    });

    describe("release", () => {
      it("counts the attempt and honours notBeforeMs", () => {
        const f = make();
        f.add("https://a.example/busy");
        f.lease(1, 0);
        f.release("https://a.example/busy", 5_000);
        expect(f.lease(1, 4_999)).toEqual([]);
        expect(f.isEmpty(4_999)).toBe(true);
        expect(f.isFinished()).toBe(false);
        expect(f.stats()).toEqual({ pending: 1, leased: 0, done: 0, failed: 0, skipped: 0 });
        expect(f.isEmpty(5_000)).toBe(false);
        const [retry] = f.lease(1, 5_000);
        expect(retry?.request.attempts).toBe(1);
        f.release("https://a.example/busy");
        expect(f.lease(1, 5_000)[0]?.request.attempts).toBe(2);
      });

      it("ignores a release of a request that is not leased", () => {
        const f = make();
        f.add("https://a.example/1");
        f.release("https://a.example/1", 99_999);
        expect(f.lease(1, 0)[0]?.request.attempts).toBe(0);
      });

      it("throws for a URL it never saw (a bug in the caller)", () => {
        const f = make();
        expect(() => f.release("https://a.example/unknown")).toThrow(/unknown URL/);
        expect(() => f.complete("https://a.example/unknown", { status: "skipped", reason: "x" })).toThrow();
      });
    });

    describe("isEmpty and isFinished", () => {
      it("empty is 'nothing to lease now', finished is 'nothing left at all'", () => {
        const f = make();
        expect(f.isEmpty(0)).toBe(true);
        expect(f.isFinished()).toBe(true);
        f.add("https://a.example/1");
        expect(f.isEmpty(0)).toBe(false);
        expect(f.isFinished()).toBe(false);
        f.lease(1, 0);
        expect(f.isEmpty(0)).toBe(true);
        expect(f.isFinished()).toBe(false);
        expect(f.stats()).toEqual({ pending: 0, leased: 1, done: 0, failed: 0, skipped: 0 });
        f.complete("https://a.example/1", { status: "skipped", reason: "not html" });
        expect(f.isEmpty(0)).toBe(true);
        expect(f.isFinished()).toBe(true);
        expect(f.stats()).toEqual({ pending: 0, leased: 0, done: 0, failed: 0, skipped: 1 });
      });
    });

    describe("requeue (scheduled re-crawls)", () => {
      it("makes a finished request pending again with attempts reset, and refuses live ones", () => {
        const f = make();
        f.add("https://a.example/list", { kind: "list" });
        f.add("https://a.example/other");
        f.lease(1, 0);
        f.release("https://a.example/list");
        f.lease(1, 0);
        f.complete("https://a.example/list", done("https://a.example/list"));
        expect(f.requeue("https://a.example/other")).toBe(false);
        expect(f.requeue("https://a.example/list", { depth: 0 })).toBe(true);
        expect(f.requeue("https://a.example/list")).toBe(false);
        expect(f.requeue("https://a.example/new")).toBe(true);
        const leased = f.lease(10, 0).map((lease) => lease.request);
        expect(leased.map((r) => r.url)).toEqual([
          "https://a.example/other",
          "https://a.example/list",
          "https://a.example/new",
        ]);
        expect(leased[1]).toMatchObject({ attempts: 0, kind: "list" });
      });
    });

    describe("validators and meta", () => {
      it("keeps etag, last-modified, content hash and record-written per URL", () => {
        const f = make();
        expect(f.getValidators("https://a.example/1")).toBeNull();
        expect(f.setValidators("https://a.example/1", { etag: '"x"' })).toBe(false);
        f.add("https://a.example/1");
        expect(f.getValidators("https://a.example/1")).toEqual({
          etag: null,
          lastModified: null,
          contentHash: null,
          recordWritten: false,
        });
        f.setValidators("https://a.example/1#frag", {
          etag: '"v1"',
          lastModified: "Tue, 10 Jan 2023 08:00:00 GMT",
        });
        f.setValidators("https://a.example/1", { contentHash: "ab".repeat(32) });
        f.lease(1, 0);
        f.complete("https://a.example/1", done("https://a.example/1"));
        expect(f.getValidators("https://a.example/1")).toEqual({
          etag: '"v1"',
          lastModified: "Tue, 10 Jan 2023 08:00:00 GMT",
          contentHash: "ab".repeat(32),
          recordWritten: true,
        });
      });

      it("stores meta values by key", () => {
        const f = make();
        expect(f.getMeta("lastRunAt")).toBeNull();
        f.setMeta("lastRunAt", "2023-01-10T00:00:00Z");
        f.setMeta("lastRunAt", "2023-01-11T00:00:00Z");
        expect(f.getMeta("lastRunAt")).toBe("2023-01-11T00:00:00Z");
      });
    });
  });
}
