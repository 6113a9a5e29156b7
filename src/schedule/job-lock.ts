/**
 * Never two runs of one job at once, across processes: `caiji schedule`, a `caiji run` from cron or by hand,
 * a second scheduler started by mistake. The lock is a row in the job's `runs.sqlite`, taken in one
 * `IMMEDIATE` transaction (check and take cannot interleave between processes), and it names its holder
 * (`process-identity.ts`). A holder that is gone, killed with SIGKILL, out of memory, or the machine
 * rebooted, cannot release it, so the next taker checks: a dead holder's lock is taken over, a live
 * holder's is refused. Nothing has to clean up after a crash.
 *
 * @example
 *   const taken = JobLock.acquire(".state/news");
 *   if (!taken.ok) log(`skipped: held by pid ${taken.holder.pid}`);
 *   else try { … } finally { taken.lock.release(); }
 */
import type Database from "better-sqlite3";
import { currentProcess, isAlive, type ProcessIdentity } from "./process-identity.js";
import { openRunsDb } from "./runs-db.js";

export interface LockHolder extends ProcessIdentity {
  /** The run the holder is doing, when it said. */
  runId: number | null;
  /** Epoch ms when the lock was taken. */
  acquiredAt: number;
}

export type AcquireResult = { ok: true; lock: JobLock } | { ok: false; holder: LockHolder };

interface LockRow {
  pid: number;
  start_ticks: string | null;
  host: string;
  run_id: number | null;
  acquired_at: number;
}

export class JobLock {
  #released = false;

  private constructor(
    private readonly db: Database.Database,
    readonly holder: LockHolder,
  ) {}

  /** Takes the job's lock for this process, taking over a dead holder's; refuses a live holder's. */
  static acquire(stateDir: string, now = Date.now()): AcquireResult {
    const db = openRunsDb(stateDir);
    try {
      const me: LockHolder = { ...currentProcess(), runId: null, acquiredAt: now };
      const take = db.transaction((): LockHolder | null => {
        const row = db.prepare<[], LockRow>("SELECT * FROM lock WHERE id = 1").get();
        if (row) {
          const holder = holderOf(row);
          const mine =
            holder.pid === me.pid && holder.host === me.host && holder.startTicks === me.startTicks;
          // Our own pid holding it means another run in this very process: that one is alive too.
          if (mine || isAlive(holder)) return holder;
        }
        db.prepare(
          "INSERT OR REPLACE INTO lock (id, pid, start_ticks, host, run_id, acquired_at) VALUES (1, ?, ?, ?, NULL, ?)",
        ).run(me.pid, me.startTicks, me.host, me.acquiredAt);
        return null;
      });
      const holder = take.immediate();
      if (holder) {
        db.close();
        return { ok: false, holder };
      }
      return { ok: true, lock: new JobLock(db, me) };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Says which run holds the lock, for the "skipped" line of another process. */
  setRun(runId: number): void {
    this.holder.runId = runId;
    this.db.prepare("UPDATE lock SET run_id = ? WHERE id = 1 AND pid = ?").run(runId, this.holder.pid);
  }

  /** Frees the lock (only if it is still ours). Safe to call twice. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    try {
      this.db
        .prepare("DELETE FROM lock WHERE id = 1 AND pid = ? AND host = ? AND acquired_at = ?")
        .run(this.holder.pid, this.holder.host, this.holder.acquiredAt);
    } finally {
      this.db.close();
    }
  }
}

function holderOf(row: LockRow): LockHolder {
  return {
    pid: row.pid,
    startTicks: row.start_ticks,
    host: row.host,
    runId: row.run_id,
    acquiredAt: row.acquired_at,
  };
}
