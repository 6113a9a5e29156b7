/**
 * Which run a crawl is, from the state it is handed: the first crawl of a state, a resume of an unfinished
 * run, or the next pass over a finished one. One row per case.
 */
import { describe, expect, it } from "vitest";
import { decideRun, type RunDecision, type StateFacts } from "../../src/crawl/incremental.js";

const cases: Array<[string, StateFacts, RunDecision]> = [
  [
    "an empty state is a new crawl, pass 1",
    { hasHistory: false, finished: true, storedCycle: 0, lastStoppedBy: null },
    { mode: "new", cycle: 1, resetBudget: false },
  ],
  [
    "a killed first run (seeds queued, nothing finished yet) is still new",
    { hasHistory: false, finished: false, storedCycle: 1, lastStoppedBy: "running" },
    { mode: "new", cycle: 1, resetBudget: false },
  ],
  [
    "a killed run with finished pages resumes its pass",
    { hasHistory: true, finished: false, storedCycle: 1, lastStoppedBy: "running" },
    { mode: "resume", cycle: 1, resetBudget: false },
  ],
  [
    "a run stopped by a signal resumes its pass",
    { hasHistory: true, finished: false, storedCycle: 3, lastStoppedBy: "signal" },
    { mode: "resume", cycle: 3, resetBudget: false },
  ],
  [
    "a finished state starts the next pass with a fresh page budget",
    { hasHistory: true, finished: true, storedCycle: 1, lastStoppedBy: "finished" },
    { mode: "incremental", cycle: 2, resetBudget: true },
  ],
  [
    "a run stopped by its page budget lets the next run start a pass (the budget is per pass)",
    { hasHistory: true, finished: false, storedCycle: 2, lastStoppedBy: "max-pages" },
    { mode: "incremental", cycle: 3, resetBudget: true },
  ],
  [
    "a finished state from before incremental runs (no stored pass) was pass 1",
    { hasHistory: true, finished: true, storedCycle: 0, lastStoppedBy: null },
    { mode: "incremental", cycle: 2, resetBudget: true },
  ],
  [
    "an unfinished state from before incremental runs resumes as pass 1",
    { hasHistory: true, finished: false, storedCycle: 0, lastStoppedBy: null },
    { mode: "resume", cycle: 1, resetBudget: false },
  ],
];

describe("decideRun", () => {
  it.each(cases)("%s", (_name, facts, expected) => {
    expect(decideRun(facts)).toEqual(expected);
  });
});
