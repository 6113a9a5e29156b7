/**
 * One crawler per state folder. Two processes leasing from the same SQLite queue would each think the other's
 * leases are the leftovers of a crash and fetch everything twice, so the folder is claimed with a lock file
 * holding the owner's pid. A lock whose pid is no longer alive is the leftover of a killed crawl and is taken
 * over; a live one is refused with `StateDirLockedError`.
 *
 * The check is pid-based, so it is meant for one machine; a state folder on a shared network disk needs
 * something else.
 */
import fs from "node:fs";
import path from "node:path";

export class StateDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(`state folder is in use by process ${pid} (lock file ${lockPath})`);
    this.name = "StateDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, which still means the folder is in use.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPid(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** A held lock; `release()` removes the file (only if it still holds our pid). */
export class StateDirLock {
  private constructor(readonly lockPath: string) {}

  /** Claims `dir/<name>` for this process, taking over a stale lock. Throws `StateDirLockedError`. */
  static acquire(dir: string, name = "frontier.lock"): StateDirLock {
    const lockPath = path.join(dir, name);
    // Two tries: the second after removing a stale lock, so that two processes racing for the same stale
    // lock cannot both win (only one `wx` create succeeds).
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
        return new StateDirLock(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const owner = readPid(lockPath);
      if (owner !== null && isAlive(owner)) throw new StateDirLockedError(lockPath, owner);
      fs.rmSync(lockPath, { force: true });
    }
    throw new StateDirLockedError(lockPath, readPid(lockPath) ?? 0);
  }

  release(): void {
    if (readPid(this.lockPath) === process.pid) fs.rmSync(this.lockPath, { force: true });
  }
}
