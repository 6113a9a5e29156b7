/**
 * The frontier wrapper of incremental passes: a finished URL linked again is pending again, once per pass;
 * links found on article pages are only added; everything else passes through.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryFrontier } from "../../src/crawl/memory-frontier.js";
import { RevisitStore } from "../../src/crawl/revisit-store.js";
import { RevisitingFrontier } from "../../src/crawl/revisiting-frontier.js";

const home = "https://news.example.cn/";
const list = "https://news.example.cn/list.html";
const article = "https://news.example.cn/a/1.html";
const other = "https://news.example.cn/a/2.html";

let dir: string;
let store: RevisitStore;
let inner: MemoryFrontier;

/** A frontier where `urls` were crawled and finished in an earlier pass. */
function finishedFrontier(urls: string[]): MemoryFrontier {
  const frontier = new MemoryFrontier();
  frontier.addMany(urls.map((url) => ({ url })));
  for (const { request } of frontier.lease(urls.length, 0)) {
    frontier.complete(request.url, {
      status: "done",
      httpStatus: 200,
      recordWritten: false,
      finalUrl: request.url,
    });
  }
  return frontier;
}

const leasedUrls = (frontier: { lease(max: number, now: number): Array<{ request: { url: string } }> }) =>
  frontier.lease(100, 0).map((lease) => lease.request.url);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caiji-revisit-"));
  store = RevisitStore.open(dir);
  inner = finishedFrontier([home, list, article, other]);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("RevisitingFrontier", () => {
  it("makes finished seeds and linked pages pending again, each once per pass", () => {
    const frontier = new RevisitingFrontier(inner, store, 2, () => false);
    expect(frontier.addMany([{ url: home, kind: "seed", depth: 0 }])).toBe(1);
    expect(leasedUrls(frontier)).toEqual([home]);
    frontier.complete(home, { status: "done", httpStatus: 200, recordWritten: false, finalUrl: home });
    // The home page links the list twice and itself; the list is revisited once, the home page not again.
    expect(
      frontier.addMany([
        { url: list, referrer: home, depth: 1 },
        { url: `${list}#top`, referrer: home, depth: 1 },
        { url: home, referrer: home, depth: 1 },
      ]),
    ).toBe(1);
    expect(leasedUrls(frontier)).toEqual([list]);
    expect(frontier.revisited).toBe(2);
  });

  it("does not revisit again within the same pass, even after a restart", () => {
    new RevisitingFrontier(inner, store, 2, () => false).addMany([{ url: list, referrer: home }]);
    inner.lease(10, 0);
    inner.complete(list, { status: "done", httpStatus: 200, recordWritten: false, finalUrl: list });
    // A new process on the same state, same pass: the list was already revisited.
    const again = new RevisitingFrontier(inner, store, 2, () => false);
    expect(again.addMany([{ url: list, referrer: home }])).toBe(0);
    // The next pass revisits it.
    const next = new RevisitingFrontier(inner, store, 3, () => false);
    expect(next.addMany([{ url: list, referrer: home }])).toBe(1);
  });

  it("only adds links found on an article page: related and 下一篇 links do not walk the archive", () => {
    const frontier = new RevisitingFrontier(inner, store, 2, (referrer) => referrer === article);
    const fresh = "https://news.example.cn/a/3.html";
    expect(
      frontier.addMany([
        { url: other, referrer: article },
        { url: fresh, referrer: article },
      ]),
    ).toBe(1);
    expect(leasedUrls(frontier)).toEqual([fresh]);
  });

  it("adds new URLs as the plain frontier does", () => {
    const frontier = new RevisitingFrontier(new MemoryFrontier(), store, 2, () => false);
    expect(frontier.add(home, { kind: "seed" })).toBe(true);
    expect(frontier.add(home, { kind: "seed" })).toBe(false);
    expect(frontier.has(home)).toBe(true);
    expect(frontier.stats()).toMatchObject({ pending: 1 });
  });
});
