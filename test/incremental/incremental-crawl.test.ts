/**
 * Incremental crawls end to end: `runCrawl` (the embedded stack: SQLite frontier, HTTP fetcher, extractor,
 * JSONL sink) against a site whose content changes between runs (`changing-site.ts`). Run 1 writes every
 * article; run 2, on the same state, writes exactly the added and the edited one, and the server's log shows
 * how each unchanged article was settled: a 304 where the server offers validators, one full response
 * (and no record) where it does not. A stopped run is resumed, not restarted.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseCrawlOptions } from "../../src/crawl/crawl-options.js";
import { silentProgress } from "../../src/crawl/progress.js";
import { runCrawl } from "../../src/crawl/run-crawl.js";
import { type ArticleRecord, articleRecordSchema } from "../../src/output/record-schema.js";
import { type ArticleName, type ChangingSite, startChangingSite } from "./changing-site.js";

let site: ChangingSite;
let dir: string;

beforeAll(async () => {
  site = await startChangingSite();
});
afterAll(async () => {
  await site?.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caiji-incremental-"));
  site.publish(1);
  site.log.length = 0;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function crawlInto(out: string, extra: { signal?: AbortSignal; intervalMs?: number } = {}) {
  const notices: string[] = [];
  const options = parseCrawlOptions({
    seeds: [site.url],
    out: join(dir, out),
    state: join(dir, "state"),
    politeness: { intervalMs: extra.intervalMs ?? 0 },
  });
  const summary = await runCrawl(options, {
    progress: silentProgress,
    notice: (line) => notices.push(line),
    signal: extra.signal,
  });
  return { summary, notices };
}

function readRecords(file: string): ArticleRecord[] {
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => articleRecordSchema.parse(JSON.parse(line)));
}

const nameOf = (record: ArticleRecord): string =>
  (new URL(record.url).pathname.split("/").pop() ?? "").replace(".html", "");

/** The requests the site saw for one article since the log was last cleared. */
const requestsFor = (name: ArticleName) => site.log.filter((entry) => entry.path === site.pathOf(name));

const VERSION_ONE: ArticleName[] = ["untouched", "edited", "static", "stamped", "lastmod"];

describe("incremental crawl against a site that changes between runs", () => {
  it("run 1 writes every article; run 2 writes exactly the added and the edited one", async () => {
    const first = await crawlInto("run-1.jsonl");
    const run1 = readRecords("run-1.jsonl");
    expect(run1.map(nameOf).sort()).toEqual([...VERSION_ONE].sort());
    expect(run1.every((record) => record.revision === 1)).toBe(true);
    expect(first.summary.incremental.mode).toBe("new");
    // Nothing was known yet: no conditional request at all.
    expect(site.log.filter((e) => e.ifNoneMatch || e.ifModifiedSince)).toEqual([]);

    site.publish(2);
    site.log.length = 0;
    const second = await crawlInto("run-2.jsonl");
    const run2 = readRecords("run-2.jsonl");
    expect(run2.map(nameOf).sort()).toEqual(["added", "edited"]);
    expect(run2.find((r) => nameOf(r) === "edited")?.revision).toBe(2);
    expect(run2.find((r) => nameOf(r) === "added")?.revision).toBe(1);
    expect(run2.find((r) => nameOf(r) === "edited")?.text).toContain("一千八百余人次");

    // The untouched article cost one conditional request, answered 304, with the ETag it was served with.
    const untouched = requestsFor("untouched");
    expect(untouched).toHaveLength(1);
    expect(untouched[0]).toMatchObject({
      status: 304,
      ifNoneMatch: expect.stringMatching(/^"[0-9a-f]{40}"$/),
    });
    // Last-Modified alone is enough for a 304 too.
    expect(requestsFor("lastmod")).toEqual([
      expect.objectContaining({
        status: 304,
        ifNoneMatch: null,
        ifModifiedSince: "Mon, 04 Mar 2024 08:00:00 GMT",
      }),
    ]);
    // The edited one was asked conditionally and the server said it changed.
    expect(requestsFor("edited")).toEqual([
      expect.objectContaining({ status: 200, ifNoneMatch: expect.any(String) }),
    ]);
    // Pages without validators: one plain request each, no record.
    expect(requestsFor("static")).toEqual([expect.objectContaining({ status: 200, ifNoneMatch: null })]);
    expect(requestsFor("stamped")).toEqual([expect.objectContaining({ status: 200, ifNoneMatch: null })]);
    // Seeds and list pages were read again, in full.
    expect(
      site.log.filter((e) => e.path === "/" || e.path === "/news/list.html").map((e) => e.status),
    ).toEqual([200, 200]);

    expect(second.summary.incremental).toMatchObject({
      mode: "incremental",
      cycle: 2,
      new: 1,
      revised: 1,
      notModified: 2,
      sameBytes: 1,
      sameText: 1,
    });
    expect(second.summary.records).toBe(2);
    expect(second.notices.join("\n")).toMatch(/incremental run \(pass 2\)/);
    expect(second.notices.join("\n")).toMatch(/1 new, 1 revised, 4 unchanged/);
  }, 120_000);

  it("a third run over an unchanged site writes nothing and re-checks each article once", async () => {
    await crawlInto("all.jsonl");
    site.publish(2);
    await crawlInto("all.jsonl");
    site.log.length = 0;
    const third = await crawlInto("all.jsonl");
    expect(third.summary.records).toBe(0);
    expect(third.summary.incremental).toMatchObject({ cycle: 3, new: 0, revised: 0, notModified: 4 });
    for (const name of [...VERSION_ONE, "added"] as ArticleName[]) expect(requestsFor(name)).toHaveLength(1);
    // One file across all runs: the edited article appears in both revisions, nothing else twice.
    const records = readRecords("all.jsonl");
    expect(records.map((r) => `${nameOf(r)}@${r.revision}`).sort()).toEqual(
      ["added@1", "edited@1", "edited@2", "lastmod@1", "stamped@1", "static@1", "untouched@1"].sort(),
    );
  }, 120_000);

  it("a stopped run is resumed, not started over: pages done before the stop are not requested again", async () => {
    const controller = new AbortController();
    // Stop as soon as the first article has been served; in-flight pages finish.
    const watcher = setInterval(() => {
      if (site.log.some((e) => e.path.startsWith("/news/2024/"))) controller.abort();
    }, 1);
    // A gap between requests, so the stop lands while articles are still queued.
    const first = await crawlInto("out.jsonl", { signal: controller.signal, intervalMs: 200 });
    clearInterval(watcher);
    expect(first.summary.stoppedBy).toBe("signal");
    const before = new Set(site.log.filter((e) => e.status === 200).map((e) => e.path));
    site.log.length = 0;

    const second = await crawlInto("out.jsonl");
    expect(second.summary.incremental.mode).toBe("resume");
    expect(second.summary.stoppedBy).toBe("finished");
    // The seed and list page were done before the stop: a resume does not read them again.
    expect(site.log.map((e) => e.path)).not.toContain("/");
    expect(site.log.map((e) => e.path)).not.toContain("/news/list.html");
    for (const entry of site.log)
      if (entry.path !== "/robots.txt") expect(before.has(entry.path)).toBe(false);
    expect(readRecords("out.jsonl").map(nameOf).sort()).toEqual([...VERSION_ONE].sort());
  }, 120_000);
});
