/**
 * The JSONL sink in `revisions` mode, as incremental crawls use it: lines keyed by URL and text hash, so a
 * changed article is written into a file that already holds its first version, while the same text is
 * refused, also after the file is reopened (a resume).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JsonlSink } from "../../src/output/jsonl-sink.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caiji-revision-sink-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const url = "https://news.example.cn/a/1.html";
const v1 = { url, contentHash: "1".repeat(64), revision: 1 };
const v2 = { url, contentHash: "2".repeat(64), revision: 2 };

describe("JsonlSink with revisions", () => {
  it("writes a second revision of a URL and refuses the same text twice, across a reopen", () => {
    const file = join(dir, "out.jsonl");
    const sink = new JsonlSink(file, { revisions: true });
    expect(sink.write(v1)).toBe(true);
    expect(sink.write({ ...v1, url: `${url}#again` })).toBe(false);
    expect(sink.write(v2)).toBe(true);
    sink.close();

    const reopened = new JsonlSink(file, { revisions: true });
    expect(reopened.hasRevision(url, v2.contentHash)).toBe(true);
    expect(reopened.write(v2)).toBe(false);
    expect(reopened.write(v1)).toBe(false);
    reopened.close();
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).revision)).toEqual([1, 2]);
  });

  it("without revisions, a URL is written once whatever its text (the default)", () => {
    const sink = new JsonlSink(join(dir, "plain.jsonl"));
    expect(sink.write(v1)).toBe(true);
    expect(sink.write(v2)).toBe(false);
    sink.close();
  });
});
