/**
 * The job lock: refused while its holder lives, taken over once the holder is gone (killed with SIGKILL,
 * so it never released it), and not fooled by a pid that now belongs to another process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JobLock } from "../../src/schedule/job-lock.js";
import { openRunsDb } from "../../src/schedule/runs-db.js";

let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "caiji-lock-"));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** A live process that is not this one, standing in for another caiji. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  return child;
}

/** Writes the lock row as another process would have. */
function holdAs(pid: number, startTicks: string | null, host = hostname()): void {
  const db = openRunsDb(dir);
  db.prepare(
    "INSERT OR REPLACE INTO lock (id, pid, start_ticks, host, run_id, acquired_at) VALUES (1, ?, ?, ?, 7, ?)",
  ).run(pid, startTicks, host, Date.now());
  db.close();
}

function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

describe("JobLock", () => {
  it("is refused while held in this process and free again after release", () => {
    const first = JobLock.acquire(dir);
    expect(first.ok).toBe(true);
    const second = JobLock.acquire(dir);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.holder.pid).toBe(process.pid);
    if (first.ok) first.lock.release();
    const third = JobLock.acquire(dir);
    expect(third.ok).toBe(true);
    if (third.ok) third.lock.release();
  });

  it("is refused while another live process holds it, and says which run", () => {
    const child = otherProcess();
    holdAs(child.pid as number, startTicksOf(child.pid as number));
    const taken = JobLock.acquire(dir);
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.holder).toMatchObject({ pid: child.pid, runId: 7 });
  });

  it("is taken over when its holder was killed with SIGKILL", async () => {
    const child = otherProcess();
    holdAs(child.pid as number, startTicksOf(child.pid as number));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const taken = JobLock.acquire(dir);
    expect(taken.ok).toBe(true);
    if (taken.ok) {
      expect(taken.lock.holder.pid).toBe(process.pid);
      taken.lock.release();
    }
  });

  it("is taken over when the recorded pid now belongs to a process that started later", () => {
    if (startTicksOf(process.pid) === null) return; // no /proc: only the pid can be checked there
    const child = otherProcess();
    // The live pid, but with a start time it never had: the recorded holder is gone and the pid reused.
    holdAs(child.pid as number, "1");
    const taken = JobLock.acquire(dir);
    expect(taken.ok).toBe(true);
    if (taken.ok) taken.lock.release();
  });

  it("counts a holder on another host as alive (it cannot be checked from here)", () => {
    holdAs(999_999, null, `${hostname()}-elsewhere`);
    expect(JobLock.acquire(dir).ok).toBe(false);
  });

  it("does not delete a lock that another process took over in the meantime", () => {
    const taken = JobLock.acquire(dir);
    if (!taken.ok) throw new Error("expected the lock");
    const child = otherProcess();
    holdAs(child.pid as number, startTicksOf(child.pid as number));
    taken.lock.release();
    expect(JobLock.acquire(dir).ok).toBe(false);
  });
});
