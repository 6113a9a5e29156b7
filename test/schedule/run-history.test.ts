/**
 * The run history: a row per run from its start, completed at its end; a run whose process died without
 * a word reads as `killed`, and is marked so by the next run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RunHistory } from "../../src/schedule/run-history.js";
import { openRunsDb } from "../../src/schedule/runs-db.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caiji-history-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("RunHistory", () => {
  it("records a run from start to end, newest first", () => {
    const history = RunHistory.open(dir);
    const first = history.start("news", 1_000);
    history.setOut(first, "output/news/1.jsonl");
    history.finish(first, {
      status: "finished",
      endedAt: 5_000,
      mode: "new",
      pass: 1,
      pages: 7,
      records: 5,
      newRecords: 5,
      errors: 1,
    });
    const second = history.start("news", 6_000);
    expect(second).toBe(first + 1);
    const [latest, earlier] = history.list();
    expect(latest).toMatchObject({ id: second, status: "running", endedAt: null });
    expect(earlier).toMatchObject({
      id: first,
      status: "finished",
      startedAt: 1_000,
      endedAt: 5_000,
      out: "output/news/1.jsonl",
      pages: 7,
      records: 5,
      newRecords: 5,
      revised: 0,
      errors: 1,
      mode: "new",
      pass: 1,
    });
    history.close();
  });

  it("shows a run whose process is gone as killed, and marks it so", () => {
    const history = RunHistory.open(dir);
    const id = history.start("news", 1_000);
    // As if another process (now dead) had started it.
    const db = openRunsDb(dir);
    db.prepare("UPDATE runs SET pid = 999999, start_ticks = NULL WHERE id = ?").run(id);
    db.close();
    expect(history.last()?.status).toBe("killed");
    expect(history.markKilled()).toBe(1);
    expect(history.markKilled()).toBe(0);
    history.close();
  });
});
