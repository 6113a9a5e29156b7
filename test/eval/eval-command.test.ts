import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type EvalFlags, runEvalCommand } from "../../src/cli/eval.js";
import { metricDefinitions } from "../../src/eval/metrics.js";
import type { SetResult } from "../../src/eval/run-eval.js";
import { buildMiniCorpus, tempDir } from "./mini-corpus.js";

let root: string;
let out: string;
/** One full run with --write-docs, shared by the tests that look at it (jsdom is slow on shared cores). */
let full: { text: string; results: SetResult[]; doc: string };
beforeAll(async () => {
  root = buildMiniCorpus();
  out = tempDir();
  const path = join(out, "docs", "quality.md");
  const { text, results } = await run("all", { writeDocs: path });
  full = { text, results, doc: readFileSync(path, "utf8") };
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const flags = (extra: Partial<EvalFlags> = {}): EvalFlags => ({
  corpus: root,
  baseline: true,
  stubSegmenter: true,
  ...extra,
});

async function run(
  set: string,
  extra: Partial<EvalFlags> = {},
): Promise<{ text: string; results: SetResult[] }> {
  let text = "";
  const results = await runEvalCommand(set, flags(extra), (chunk) => {
    text += chunk;
  });
  return { text, results };
}

describe("caiji eval on a mini corpus", () => {
  test("every set runs for both extractors, every figure is a share between 0 and 1", () => {
    const { results } = full;
    expect(results.map((r) => [r.set, r.pages])).toEqual([
      ["cwced", 2],
      ["cleaneval", 1],
      ["gne", 1],
      ["aeb", 1],
      ["meta/readability", 1],
      ["meta/trafilatura", 1],
      ["meta/htmldate", 1],
    ]);
    for (const result of results) {
      for (const extractor of [result.caiji, result.baseline]) {
        expect(extractor).toBeDefined();
        for (const score of Object.values(extractor?.scores.metrics ?? {})) {
          expect(score.value).toBeGreaterThanOrEqual(0);
          expect(score.value).toBeLessThanOrEqual(1);
        }
        expect(extractor?.timing.wallMsPerPage).toBeGreaterThan(0);
      }
    }
    const keys = (set: string) =>
      Object.keys(results.find((r) => r.set === set)?.caiji.scores.metrics ?? {}).sort();
    expect(keys("cwced")).toEqual(["authors", "bodyF1", "bodyPrecision", "bodyRecall", "published"]);
    expect(keys("cleaneval")).toEqual(["bodyF1", "bodyPrecision", "bodyRecall"]);
    expect(keys("gne")).toEqual(
      [
        "authors",
        "bodyEnd",
        "bodyStart",
        "mustContain",
        "mustNotContain",
        "published",
        "source",
        "title",
        "views",
      ].sort(),
    );
    expect(keys("meta/htmldate")).toEqual(["published"]);
    // Readability has no source field: on a page without a source, "none" is right
    expect(results.find((r) => r.set === "gne")?.baseline?.scores.metrics.source?.value).toBe(1);
    expect(results.find((r) => r.set === "aeb")?.upstreamCheck?.[0]?.f1).toBe(1);
    expect(full.text).toMatch(
      /scorer check: the benchmark's recorded readability_js 0\.6\.0 output scores F1 1\.0000/,
    );
    expect(full.text).toMatch(/baseline check: our Readability run scores F1 [01]\.\d{4} on these pages/);
    // our gold bodies are copied from the pages, so all of each is on its page; field-only sets have no check
    expect(results.find((r) => r.set === "cwced")?.goldInPage).toBe(1);
    expect(results.find((r) => r.set === "gne")?.goldInPage).toBeUndefined();
    expect(full.text).toContain(
      "gold check: on average 100.0% of a gold body's shingles occur in its page's text",
    );
  });

  test("the text output has one table per set, with the segmenter stated", async () => {
    const { text } = await run("meta", { worst: "3" });
    expect(text.match(/^== meta\//gm)).toHaveLength(3);
    expect(text).toContain("segmenter: stub (jieba skipped)");
    expect(text).toMatch(/ms\/page \(wall, mean\)/);
  });

  test("--json prints one document with the run and per-page results", async () => {
    const { text } = await run("cwced", { json: true, limit: "1" });
    const parsed = JSON.parse(text);
    expect(parsed.run).toMatchObject({ segmenter: "stub (jieba skipped)", limit: 1 });
    expect(parsed.sets).toHaveLength(1);
    expect(parsed.sets[0].caiji.scores.pages).toHaveLength(1);
    expect(parsed.sets[0].caiji.scores.pages[0].file).toBe("original/a1.html");
  });

  test("--no-baseline runs caiji only", async () => {
    const { results, text } = await run("gne", { baseline: false });
    expect(results[0]?.baseline).toBeUndefined();
    expect(text).not.toContain("baseline");
  });

  test("--write-docs writes the quality doc from a full run", () => {
    const { doc, text } = full;
    expect(text).toContain(`wrote ${join(out, "docs", "quality.md")}`);
    expect(doc).toMatch(/^# Extraction quality/);
    for (const set of [
      "cwced",
      "cleaneval",
      "gne",
      "aeb",
      "meta/readability",
      "meta/trafilatura",
      "meta/htmldate",
    ]) {
      expect(doc).toContain(`### ${set}\n`);
    }
    expect(doc).toContain("| all | every figure ≥ baseline |");
    for (const { label } of metricDefinitions) expect(doc).toContain(`- **${label}**:`);
  });
});

describe("caiji eval usage errors", () => {
  test.each([
    ["an unknown set", "cleanevel", {}, /unknown set "cleanevel"/],
    [
      "a missing corpus",
      "cwced",
      { corpus: "/nonexistent/corpus" },
      /^corpus folder not found: \/nonexistent\/corpus$/,
    ],
    ["a bad limit", "cwced", { limit: "0" }, /--limit must be a positive integer/],
    ["docs from one set", "cwced", { writeDocs: "x.md" }, /--write-docs needs a full run/],
    ["docs from a partial run", "all", { writeDocs: "x.md", limit: "1" }, /--write-docs needs a full run/],
    [
      "docs without the baseline",
      "all",
      { writeDocs: "x.md", baseline: false },
      /--write-docs needs a full run/,
    ],
  ])("%s is one line", async (_name, set, extra, message) => {
    let error: unknown;
    try {
      await run(set, extra as Partial<EvalFlags>);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    expect(existsSync("x.md")).toBe(false);
  });
});
