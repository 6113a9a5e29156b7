import { describe, expect, test } from "vitest";
import { alignColumns, fmtDelta, formatSetTable } from "./format-table.js";
import { renderQualityDoc } from "./quality-doc.js";
import { resultRows } from "./result-rows.js";
import type { ExtractorRun, SetResult } from "./run-eval.js";
import type { ExtractorScores } from "./score-set.js";

const extractorRun = (metrics: ExtractorScores["metrics"], wallMs: number): ExtractorRun => ({
  scores: { metrics, pages: [] },
  timing: { wallMsPerPage: wallMs, medianWallMs: wallMs, cpuMsPerPage: wallMs / 2 },
  errors: 0,
  parseRetries: 0,
});

const gneResult = (): SetResult => ({
  set: "gne",
  description: "test pages",
  lang: "zh",
  pages: 2,
  notes: ["a note"],
  caiji: extractorRun(
    {
      title: { value: 1, hits: 2, total: 2 },
      source: { value: 0.5, hits: 1, total: 2 },
      views: { value: 0.9696, hits: 32, total: 33 },
    },
    120,
  ),
  baseline: extractorRun(
    {
      title: { value: 0.5, hits: 1, total: 2 },
      source: { value: 0.5, hits: 1, total: 2 },
      views: { value: 0.97, hits: 32, total: 33 },
    },
    40,
  ),
});

describe("resultRows", () => {
  test("rows in table order with Δ, goal and baseline check on unrounded figures", () => {
    const rows = resultRows(gneResult());
    expect(rows.map((row) => row.metric)).toEqual(["title", "source", "views"]);
    expect(rows[0]).toMatchObject({
      caiji: 1,
      baseline: 0.5,
      delta: 0.5,
      goal: { min: 0.98, met: true },
      atLeastBaseline: true,
    });
    expect(rows[1]).toMatchObject({ goal: { min: 0.9, met: false }, atLeastBaseline: true });
    // .9696 prints as 0.970 but misses .97, and is below a baseline of .97
    expect(rows[2]).toMatchObject({ goal: { min: 0.97, met: false }, atLeastBaseline: false });
  });

  test("where the gold is the baseline's own output, there is Δ but no baseline check", () => {
    const rows = resultRows({ ...gneResult(), goldIsBaselineOutput: true });
    expect(rows[0]?.delta).toBe(0.5);
    expect(rows.every((row) => row.atLeastBaseline === undefined)).toBe(true);
  });

  test("without a baseline there is no Δ and no baseline check", () => {
    const { baseline: _, ...rest } = gneResult();
    const rows = resultRows(rest);
    expect(rows[0]?.baseline).toBeUndefined();
    expect(rows[0]?.atLeastBaseline).toBeUndefined();
  });
});

describe("formatting", () => {
  test("fmtDelta signs both ways", () => {
    expect(fmtDelta(0.0321)).toBe("+0.032");
    expect(fmtDelta(-0.0004)).toBe("−0.000");
  });

  test("alignColumns left-aligns the label and right-aligns the figures", () => {
    expect(
      alignColumns([
        ["metric", "caiji"],
        ["title", "1.000"],
        ["body F1", "0.5"],
      ]),
    ).toEqual(["metric   caiji", "title    1.000", "body F1    0.5"]);
  });

  test("the terminal table carries figures, goals, run time and notes", () => {
    const text = formatSetTable(gneResult(), 0);
    expect(text).toContain("== gne: test pages (2 pages");
    expect(text).toMatch(/title\s+2\s+1\.000\s+0\.500\s+\+0\.500\s+≥ 0\.98 ✓\s+✓/);
    expect(text).toMatch(/views\s+33\s+0\.970\s+0\.970\s+−0\.000\s+≥ 0\.97 ✗\s+✗/);
    expect(text).toMatch(/ms\/page \(wall, mean\)\s+120\s+40\.0/);
    expect(text).toContain("note: a note");
  });

  test("the quality doc lists goals, the baseline check, tables and definitions", () => {
    const doc = renderQualityDoc([gneResult()], {
      date: "2030-01-02",
      caijiVersion: "9.9.9",
      nodeVersion: "v20.0.0",
      segmenter: "node-rs",
      readabilityVersion: "0.6.0",
      jsdomVersion: "27.4.0",
      command: "caiji eval all --corpus x --write-docs",
    });
    expect(doc).toContain("Measured on 2030-01-02 with caiji 9.9.9");
    expect(doc).toContain("| gne | title | ≥ 0.98 | 1.000 | ✓ |");
    expect(doc).toContain("| gne | views | ≥ 0.97 | 0.970 | ✗ |");
    expect(doc).toContain("| all | every figure ≥ baseline | 3 figures | 2 of 3 | ✗ |");
    expect(doc).toContain("Below the baseline: gne views.");
    expect(doc).toContain("| title | 2 | 1.000 (2/2) | 0.500 | +0.500 | ≥ 0.98 ✓ | ✓ |");
    expect(doc).toContain(
      "| ms/page | | 120 wall · 120 median · 60.0 cpu | 40.0 wall · 40.0 median · 20.0 cpu | | | |",
    );
    expect(doc).toContain("- **body F1**: 2PR/(P+R)");
  });
});
