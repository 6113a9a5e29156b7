/**
 * The crash-safety promise, tested the hard way: the `caiji crawl` command runs as a child process and is
 * killed with SIGKILL (no chance to clean up) at random points of the crawl, then started again with the
 * same `--state`, several times, then stopped once with SIGTERM (graceful), then run to the end. The final output must hold every expected record exactly once, as whole
 * lines: a kill may repeat work, never lose it or duplicate it in the output.
 *
 * Kill points are drawn at random but always mid-crawl: each run is killed after the server has seen a
 * random number (1–8) of new requests from it, plus a random 0–150 ms, so kills land during fetches, between
 * a record's write and its completion, and everywhere else. The drawn points are printed on failure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixturePortal, startFixturePortal } from "../../scripts/fixture-portal/server.js";
import {
  countBy,
  portalExpectations,
  readRecordsFile,
  recordPaths,
  startCrawlProcess,
} from "./portal-helpers.js";

let portal: FixturePortal;
let workDir: string;

beforeAll(async () => {
  portal = await startFixturePortal({ crawlDelaySec: 0.05 });
  workDir = mkdtempSync(join(tmpdir(), "caiji-kill-resume-"));
});

afterAll(async () => {
  await portal?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Resolves once `condition` holds, or rejects after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("caiji crawl killed with SIGKILL, stopped with SIGTERM, and resumed", () => {
  it("ends with every expected record exactly once and no torn line", async () => {
    const out = join(workDir, "out.jsonl");
    const state = join(workDir, "state");
    const kills = 3 + Math.floor(Math.random() * 3);
    const killPoints: string[] = [];
    let finishedEarly = false;
    const crawlArgs = [portal.url, "--out", out, "--state", state, "--interval-ms", "0"];

    for (let k = 0; k < kills; k++) {
      const run = startCrawlProcess(crawlArgs);
      let exitedEarly = false;
      void run.exited.then(() => {
        exitedEarly = true;
      });
      const requestsBefore = portal.requestLog.length;
      const newRequests = 1 + Math.floor(Math.random() * 8);
      await waitFor(
        () => exitedEarly || portal.requestLog.length >= requestsBefore + newRequests,
        120_000,
        `run ${k + 1} to make ${newRequests} requests`,
      );
      const extraMs = Math.floor(Math.random() * 150);
      await new Promise((resolve) => setTimeout(resolve, extraMs));
      if (exitedEarly) {
        killPoints.push(`run ${k + 1} finished before its kill point`);
        finishedEarly = true;
        break;
      }
      run.child.kill("SIGKILL");
      const { signal } = await run.exited;
      expect(signal, run.stderr()).toBe("SIGKILL");
      killPoints.push(`run ${k + 1}: after ${newRequests} requests + ${extraMs} ms`);
    }

    // A graceful stop in between: SIGTERM finishes the pages in flight, closes the state and exits 143.
    if (!finishedEarly) {
      const stopped = startCrawlProcess(crawlArgs);
      const requestsBefore = portal.requestLog.length;
      await waitFor(
        () => portal.requestLog.length >= requestsBefore + 2,
        120_000,
        "the SIGTERM run to start",
      );
      stopped.child.kill("SIGTERM");
      const stoppedExit = await stopped.exited;
      expect(stoppedExit.code, stopped.stderr()).toBe(143);
      expect(stopped.stdout()).toContain("interrupted");
      expect(readRecordsFile(out).problems).toEqual([]);
    }

    const last = startCrawlProcess(crawlArgs);
    const { code } = await last.exited;
    expect(code, `${last.stderr()}\nkill points: ${killPoints.join("; ")}`).toBe(0);

    const { records, problems } = readRecordsFile(out);
    expect(problems, killPoints.join("; ")).toEqual([]);
    const paths = recordPaths(records);
    expect(
      Object.entries(countBy(paths)).filter(([, n]) => n > 1),
      killPoints.join("; "),
    ).toEqual([]);
    expect([...paths].sort(), killPoints.join("; ")).toEqual([...portalExpectations.articlePaths].sort());
  }, 600_000);
});
