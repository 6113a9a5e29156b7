/** `caiji runs`: one aligned row per run, newest first as given, with a failed run's reason. */
import { describe, expect, it } from "vitest";
import { formatRuns } from "../../src/cli/runs.js";
import type { RunEntry } from "../../src/schedule/run-history.js";

const base: RunEntry = {
  id: 1,
  job: "news",
  startedAt: Date.parse("2024-03-16T02:00:00Z"),
  endedAt: Date.parse("2024-03-16T02:04:31Z"),
  status: "finished",
  out: "output/news/2024-03-16.jsonl",
  mode: "incremental",
  pass: 3,
  pages: 236,
  records: 4,
  newRecords: 3,
  revised: 1,
  unchanged: 212,
  errors: 0,
  message: null,
  pid: 4242,
};

describe("formatRuns", () => {
  it("prints a header and one aligned row per run", () => {
    const text = formatRuns([
      { ...base, id: 13, status: "running", endedAt: null, out: "output/news/2024-03-16.jsonl" },
      base,
      {
        ...base,
        id: 11,
        status: "failed",
        message: "state folder is in use by process 99",
        pages: 0,
        records: 0,
      },
    ]);
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^run\s+started\s+took\s+status\s+pages\s+records\s+new\s+revised\s+unchanged\s+errors\s+out$/,
    );
    expect(lines[1]).toMatch(
      /^#13\s+2024-03-16 \d\d:\d\d:00 [+-]\d\d:\d\d\s+-\s+running\s+236\s+4\s+3\s+1\s+212\s+0\s+output\/news/,
    );
    expect(lines[2]).toMatch(/\s4 min 31 s\s+finished\s/);
    expect(lines[3]).toContain("failed: state folder is in use by process 99");
    // Columns line up: every row's "out" starts at the same place as the header's.
    const outAt = (lines[0] as string).indexOf("out");
    for (const line of lines.slice(1)) expect(line.indexOf("output/")).toBe(outAt);
  });
});
