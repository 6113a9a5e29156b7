import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POOL_FROM, runExtract } from "../../src/cli/extract.js";
import { ExtractPool } from "../../src/extract/extract-pool.js";

const PAGES = join(import.meta.dirname, "../../fixtures/pages");
const SEED = join(PAGES, "seed-portal-writer-time-browse/page.html");
const GOV = join(PAGES, "gov-table-layout-fabu-riqi/page.html");

/** An article page of its own title, so each record can be told from the others. */
function article(title: string): string {
  const paragraph = `${title}：镇政府召开专题会议，部署冬季农产品产销对接工作，要求各村做好组织协调和质量把关，确保群众增收。`;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_某镇网</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div><h1>${title}</h1>
<div class="info">发布时间：2023-01-10 09:30 来源：某镇融媒体中心</div>
<div class="article"><p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></div>
<div class="footer">Copyright © 2023 某镇网</div></body></html>`;
}

async function run(inputs: string[], flags: Partial<Parameters<typeof runExtract>[1]> = {}) {
  const lines: string[] = [];
  const failures = await runExtract(inputs, { url: [], offset: "+08:00", ...flags }, (line) => {
    lines.push(line);
    return undefined;
  });
  return { failures, records: lines.map((line) => JSON.parse(line) as { title: string; url: string }) };
}

describe("caiji extract", () => {
  let dir: string;
  let stderr: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "caiji-extract-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  function captureStderr(): void {
    stderr = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
  }

  it("gives one record per file in input order, and one stderr line for a missing file", async () => {
    captureStderr();
    const { failures, records } = await run([SEED, join(dir, "missing.html"), GOV], {
      url: [
        "https://portal.example.cn/a/1.html",
        "https://missing.example.cn/",
        "https://www.example.gov.cn/x.html",
      ],
    });
    expect(failures).toBe(1);
    expect(records.map((record) => record.url)).toEqual([
      "https://portal.example.cn/a/1.html",
      "https://www.example.gov.cn/x.html",
    ]);
    expect(stderr).toEqual([`caiji extract: ${join(dir, "missing.html")}: no such file\n`]);
  });

  it("walks a folder of saved pages in name order, in worker threads from POOL_FROM pages, as in process", async () => {
    const archive = join(dir, "archive");
    mkdirSync(join(archive, "b-later"), { recursive: true });
    const titles: string[] = [];
    for (let n = 1; n <= POOL_FROM + 2; n++) {
      const title = `第${String(n).padStart(2, "0")}期农产品产销对接会召开`;
      const nested = n > POOL_FROM;
      writeFileSync(
        join(archive, nested ? "b-later" : "", `${String(n).padStart(2, "0")}.html`),
        article(title),
      );
      titles.push(title);
    }
    // Not saved pages: skipped by the walk.
    writeFileSync(join(archive, "notes.txt"), "not a page");
    copyFileSync(SEED, join(archive, ".hidden.html"));

    const pooledPages = vi.spyOn(ExtractPool.prototype, "extract");
    const pooled = await run([archive]);
    expect(pooledPages).toHaveBeenCalledTimes(POOL_FROM + 2);
    expect(pooled.failures).toBe(0);
    expect(pooled.records.map((record) => record.title)).toEqual(titles);
    pooledPages.mockClear();
    const inProcess = await run([archive], { workers: "0" });
    expect(pooledPages).not.toHaveBeenCalled();
    expect(inProcess.records).toEqual(
      pooled.records.map((record) => ({ ...record, fetchedAt: expect.any(String) })),
    );
  }, 120_000);

  it("refuses a worker count that is not a number", async () => {
    await expect(run([SEED], { workers: "many" })).rejects.toThrow(
      '--workers must be a whole number, got "many"',
    );
  });
});
