import { describe, expect, it } from "vitest";
import { expandOutputPath, outputPatternProblem } from "./output-path.js";

describe("expandOutputPath", () => {
  // 2024-03-15 17:30:05 UTC is already 2024-03-16 01:30:05 in Beijing.
  const at = new Date("2024-03-15T17:30:05Z");

  it("fills {job}, {date}, {time} and {run}, reading the date in the job's time zone", () => {
    const pattern = "output/{job}/{date}/{time}-{run}.jsonl";
    expect(expandOutputPath(pattern, { job: "news", at, run: 12, timezone: "Asia/Shanghai" })).toBe(
      "output/news/2024-03-16/013005-12.jsonl",
    );
    expect(expandOutputPath(pattern, { job: "news", at, run: 12, timezone: "UTC" })).toBe(
      "output/news/2024-03-15/173005-12.jsonl",
    );
  });

  it("leaves a path without placeholders as it is", () => {
    expect(expandOutputPath("out.jsonl", { job: "news", at, run: 1 })).toBe("out.jsonl");
  });
});

describe("outputPatternProblem", () => {
  it.each([
    ["output/{job}/{date}.jsonl", null],
    ["out.jsonl", null],
    ["output/{day}.jsonl", /unknown placeholder \{day\}/],
    ["output/{}.jsonl", /unknown placeholder \{\}/],
  ])("%s", (pattern, expected) => {
    const problem = outputPatternProblem(pattern);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
