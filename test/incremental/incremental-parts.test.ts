/**
 * `IncrementalCrawl.wrap` seam by seam, with stand-in stages (no server, no parser): conditional headers
 * only for URLs that produced a record; a known page whose fetched bytes are unchanged is neither rendered
 * nor read; a rendered page is judged by the bytes the server sent, not by the rendered DOM; a record is
 * written only when its text changed, with the next revision.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrawlParts } from "../../src/crawl/crawl.js";
import type { CrawlRequest } from "../../src/crawl/frontier.js";
import { IncrementalCrawl } from "../../src/crawl/incremental.js";
import { SqliteFrontier } from "../../src/crawl/sqlite-frontier.js";
import type { Page } from "../../src/fetch/page.js";
import type { ArticleRecord } from "../../src/output/record-schema.js";

const url = "https://news.example.cn/a/1.html";
const request: CrawlRequest = { url, depth: 1, referrer: null, attempts: 0, kind: "article" };

let dir: string;
let frontier: SqliteFrontier;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caiji-incremental-parts-"));
  frontier = new SqliteFrontier(dir);
  frontier.add(url, { kind: "article" });
});
afterEach(() => {
  frontier.close();
  rmSync(dir, { recursive: true, force: true });
});

function page(body: string, headers: Record<string, string> = {}, status = 200): Page {
  return {
    requestedUrl: url,
    url,
    status,
    headers,
    body: new TextEncoder().encode(body),
    fetchedAt: new Date(),
    rendered: false,
  };
}

/** Stand-in stages: the record's text is the page body up to "|" (what follows is page chrome). */
function stages() {
  const calls = {
    rendered: 0,
    read: 0,
    written: [] as ArticleRecord[],
    fetchHeaders: [] as Array<Record<string, string>>,
  };
  const parts = {
    frontier,
    fetch: async (_url: string, init: { allowNonHtml: boolean; headers?: Record<string, string> }) => {
      calls.fetchHeaders.push(init.headers ?? {});
      return { ok: false, kind: "network", url, reason: "not used" } as const;
    },
    render: async (fetched: Page) => {
      calls.rendered++;
      return {
        ...fetched,
        body: new TextEncoder().encode(
          `${new TextDecoder().decode(fetched.body)}<rendered ${calls.rendered}>`,
        ),
        rendered: true,
      };
    },
    readPage: () => {
      calls.read++;
      return { links: [], isArticle: true };
    },
    extract: (shown: Page) => {
      const text = new TextDecoder().decode(shown.body).split("|")[0] as string;
      return {
        url: shown.url,
        text,
        contentHash: createHash("sha256").update(text).digest("hex"),
      } as ArticleRecord;
    },
    writeRecord: (record: ArticleRecord) => {
      calls.written.push(record);
      return true;
    },
  } as unknown as CrawlParts;
  return { parts, calls };
}

/** What the loop does with a fetched page: render, read, extract and write when it is an article. */
async function visit(wrapped: CrawlParts, fetched: Page): Promise<void> {
  const shown = wrapped.render ? await wrapped.render(fetched) : fetched;
  if (wrapped.readPage(shown, request).isArticle) wrapped.writeRecord(await wrapped.extract(shown));
}

describe("IncrementalCrawl.wrap", () => {
  it("sends conditional headers only for a URL that produced a record", async () => {
    const incremental = IncrementalCrawl.open(dir, frontier);
    const { parts, calls } = stages();
    const wrapped = incremental.wrap(parts);
    await wrapped.fetch(url, { allowNonHtml: false });
    await visit(
      wrapped,
      page("第一版正文|chrome", { etag: '"v1"', "last-modified": "Mon, 04 Mar 2024 08:00:00 GMT" }),
    );
    await wrapped.fetch(url, { allowNonHtml: false, headers: { "x-site": "1" } });
    expect(calls.fetchHeaders).toEqual([
      {},
      { "x-site": "1", "if-none-match": '"v1"', "if-modified-since": "Mon, 04 Mar 2024 08:00:00 GMT" },
    ]);
    incremental.close();
  });

  it("neither renders nor reads a known page whose fetched bytes are unchanged, nor a 304", async () => {
    const incremental = IncrementalCrawl.open(dir, frontier);
    const { parts, calls } = stages();
    const wrapped = incremental.wrap(parts);
    await visit(wrapped, page("正文|chrome"));
    expect(calls).toMatchObject({ rendered: 1, read: 1 });
    expect(calls.written.map((r) => r.revision)).toEqual([1]);

    // The same bytes again: the rendered DOM of the first visit differs, but the server's bytes do not.
    await visit(wrapped, page("正文|chrome"));
    await visit(wrapped, page("", {}, 304));
    expect(calls).toMatchObject({ rendered: 1, read: 1 });
    expect(incremental.summary()).toMatchObject({ new: 1, sameBytes: 1, notModified: 1 });
    incremental.close();
  });

  it("writes only a changed text, as the next revision", async () => {
    const incremental = IncrementalCrawl.open(dir, frontier);
    const { parts, calls } = stages();
    const wrapped = incremental.wrap(parts);
    await visit(wrapped, page("正文|chrome 1"));
    await visit(wrapped, page("正文|chrome 2"));
    await visit(wrapped, page("改过的正文|chrome 2"));
    expect(calls.written.map((r) => [r.text, r.revision])).toEqual([
      ["正文", 1],
      ["改过的正文", 2],
    ]);
    expect(incremental.summary()).toMatchObject({ new: 1, revised: 1, sameText: 1 });
    incremental.close();

    // The revision survives the process: the next run continues counting.
    const next = IncrementalCrawl.open(dir, frontier);
    const again = stages();
    await visit(next.wrap(again.parts), page("第三版正文|chrome"));
    expect(again.calls.written.map((r) => r.revision)).toEqual([3]);
    next.close();
  });
});
