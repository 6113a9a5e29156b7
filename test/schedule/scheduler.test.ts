/**
 * The scheduler's own promises, with a stand-in run (no crawl) and croner ticking every second: a tick
 * that finds the job still running is skipped with a log line; the next tick after the run ends starts
 * one; a failing run is logged and the schedule goes on; `stop()` asks running runs to stop and waits.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Scheduler } from "../../src/schedule/scheduler.js";

const EVERY_SECOND = "* * * * * *";

/** Resolves once `condition` holds; rejects after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let scheduler: Scheduler | null = null;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
});

describe("Scheduler", () => {
  it("skips a tick while the job's run is still going, and runs again on the next tick after it ends", async () => {
    const logs: string[] = [];
    const starts: number[] = [];
    let finishRun: (() => void) | null = null;
    let concurrent = 0;
    let maxConcurrent = 0;
    scheduler = new Scheduler({
      jobs: [{ name: "news", cron: EVERY_SECOND }],
      log: (line) => logs.push(line),
      run: async () => {
        starts.push(Date.now());
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        // The first run lasts until the test ends it; later ones are short.
        if (starts.length === 1) await new Promise<void>((resolve) => (finishRun = resolve));
        concurrent--;
      },
    });
    scheduler.start();
    expect(logs[0]).toMatch(/^news: scheduled "\* \* \* \* \* \*"; next run \d{4}-/);
    await waitFor(() => logs.some((line) => line.includes("tick skipped")), 5_000, "a skipped tick");
    expect(logs.find((line) => line.includes("tick skipped"))).toMatch(
      /^news: tick skipped: the run started .* is still running$/,
    );
    expect(starts).toHaveLength(1);
    (finishRun as unknown as () => void)();
    await waitFor(() => starts.length >= 2, 5_000, "the next run");
    expect(maxConcurrent).toBe(1);
  });

  it("logs a failed run and keeps the schedule", async () => {
    const logs: string[] = [];
    let runs = 0;
    scheduler = new Scheduler({
      jobs: [{ name: "gov", cron: EVERY_SECOND, timezone: "Asia/Shanghai" }],
      log: (line) => logs.push(line),
      run: async () => {
        runs++;
        throw new Error("disk full\nstack…");
      },
    });
    scheduler.start();
    await waitFor(() => runs >= 2, 5_000, "two runs");
    expect(logs).toContain("gov: run failed: disk full");
    expect(logs[0]).toContain("(Asia/Shanghai)");
  });

  it("stop() aborts the running run, waits for it, and starts nothing after", async () => {
    const logs: string[] = [];
    let runs = 0;
    let sawAbort = false;
    scheduler = new Scheduler({
      jobs: [{ name: "news", cron: EVERY_SECOND }],
      log: (line) => logs.push(line),
      run: (_name, signal) => {
        runs++;
        return new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            // Pages in flight take a moment to finish.
            setTimeout(() => {
              sawAbort = true;
              resolve();
            }, 200);
          });
        });
      },
    });
    scheduler.start();
    scheduler.tick("news");
    expect(scheduler.running()).toEqual(["news"]);
    await scheduler.stop();
    expect(sawAbort).toBe(true);
    expect(scheduler.running()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(runs).toBe(1);
  });
});
