import { describe, expect, test } from "vitest";
import type { ExtractorRun } from "./run-eval.js";
import type { PageScore } from "./score-set.js";
import { bodyReason, worstPages } from "./worst-pages.js";

const run = (pages: PageScore[]): ExtractorRun => ({
  scores: { metrics: {}, pages },
  timing: { wallMsPerPage: 0, medianWallMs: 0, cpuMsPerPage: 0 },
  errors: 0,
  parseRetries: 0,
});

const body = (f1: number, precision: number, recall: number, predictedChars: number, goldChars = 1000) => ({
  f1,
  precision,
  recall,
  predictedChars,
  goldChars,
});

describe("bodyReason", () => {
  test.each([
    ["threw", body(0, 0, 0, 0), "no main text found", "no body: no main text found"],
    ["empty", body(0, 0, 0, 0), undefined, "empty body"],
    ["wrong block", body(0.05, 0.1, 0.05, 300), undefined, "wrong block (300 chars vs gold 1000)"],
    [
      "too much",
      body(0.6, 0.45, 0.98, 2500),
      undefined,
      "kept extra text, P 0.45 (2500 chars vs gold 1000, ×2.5)",
    ],
    [
      "too little",
      body(0.6, 0.99, 0.45, 400),
      undefined,
      "missed text, R 0.45 (400 chars vs gold 1000, ×0.4)",
    ],
    ["balanced", body(0.9, 0.9, 0.92, 1000), undefined, "P 0.90 R 0.92 (1000 chars vs gold 1000)"],
  ])("%s", (_name, scores, error, reason) => {
    expect(bodyReason(scores, error)).toBe(reason);
  });
});

describe("worstPages", () => {
  const pages: PageScore[] = [
    { file: "good", body: body(0.99, 0.99, 0.99, 1000), misses: [] },
    {
      file: "bad",
      body: body(0.2, 0.95, 0.12, 100),
      misses: [{ metric: "published", gold: "2020-01-01", predicted: "∅" }],
    },
    { file: "worse", body: body(0, 0, 0, 0), misses: [], error: "no main text found" },
  ];

  test("by body: lowest page F1 first, with field misses appended", () => {
    const worst = worstPages(run(pages), 2, "body");
    expect(worst.map((p) => p.file)).toEqual(["worse", "bad"]);
    expect(worst[1]?.reason).toBe(
      "missed text, R 0.12 (100 chars vs gold 1000, ×0.1) | publishedAt: 2020-01-01 ≠ ∅",
    );
  });

  test("by fields: most failed checks first, pages without misses left out", () => {
    const fieldPages: PageScore[] = [
      { file: "one", misses: [{ metric: "title", gold: "甲", predicted: "乙" }] },
      { file: "none", misses: [] },
      {
        file: "many",
        misses: [
          { metric: "title", gold: "甲", predicted: "∅" },
          { metric: "source", gold: "新华社", predicted: "∅" },
          { metric: "views", gold: "5", predicted: "∅" },
          { metric: "authors", gold: "张三", predicted: "∅" },
        ],
      },
    ];
    const worst = worstPages(run(fieldPages), 10, "fields");
    expect(worst.map((p) => [p.file, p.misses])).toEqual([
      ["many", 4],
      ["one", 1],
    ]);
    expect(worst[0]?.reason).toBe("title: 甲 ≠ ∅; source: 新华社 ≠ ∅; views: 5 ≠ ∅; +1 more");
  });
});
